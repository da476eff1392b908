import { existsSync, readFileSync } from 'fs';
import path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const PATH = /\b(?:src|test)\/[A-Za-z0-9_./-]*[A-Za-z0-9_/]/g;

/**
 * The src/ and test/ paths a document names as they are now. In the "What moved where" table the
 * first column says where code used to be, so its paths are left out.
 */
function pathsNamed(file: string): string[] {
  const found = new Set<string>();
  let section = '';
  for (const line of readFileSync(path.join(ROOT, file), 'utf8').split('\n')) {
    if (line.startsWith('#')) section = line.replace(/^#+\s*/, '');
    const text = section === 'What moved where' && line.startsWith('|') ? line.split('|').slice(2).join('|') : line;
    for (const m of text.match(PATH) ?? []) found.add(m);
  }
  return [...found];
}

describe.each(['docs/architecture.md', 'README.md'])('%s', (file) => {
  const named = pathsNamed(file);

  it('names source paths', () => {
    expect(named.length).toBeGreaterThan(file === 'README.md' ? 5 : 30);
  });

  it('names only paths that exist', () => {
    expect(named.filter((p) => !existsSync(path.join(ROOT, p)))).toEqual([]);
  });
});

describe('reading the architecture notes', () => {
  it('leaves out the "Before" column of What moved where, and only that', () => {
    const named = pathsNamed('docs/architecture.md');
    expect(named).not.toContain('src/reports/gapReport.ts');
    expect(named).toContain('src/core/gaps/analysis.ts');
    expect(named).toContain('src/jobs/sameColumns.ts');
  });
});
