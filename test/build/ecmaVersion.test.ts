/**
 * Every script the build ships (dist/*.js, node_modules code included) parses as ECMAScript 2020:
 * Office on Mac runs the task pane in the system Safari's WKWebView, where newer syntax (class static
 * blocks, ??=, #private fields, top-level await) is a syntax error that leaves the pane blank.
 * npm test builds first.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import * as acorn from 'acorn';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.CTG_DIST ?? path.join(ROOT, 'dist');

/** The parse error of `source` at `ecmaVersion` (as a script, how the pages load it), or 'parses'. */
function parseAt(source: string, ecmaVersion: 2019 | 2020 | 2022): string {
  try {
    acorn.parse(source, { ecmaVersion, sourceType: 'script' });
    return 'parses';
  } catch (e) {
    const err = e as SyntaxError & { pos?: number };
    const at = err.pos ?? 0;
    return `${err.message}: …${source.slice(Math.max(0, at - 60), at + 60)}…`;
  }
}

describe('the built scripts', () => {
  const dist = existsSync(DIST) ? readdirSync(DIST).filter((f) => f.endsWith('.js')) : [];

  it('are there to check (run "npm run build:test" first; npm test does)', () => {
    expect(dist).toEqual(expect.arrayContaining(['functions.js', 'taskpane.js', 'commands.js', 'preview.js', 'runtime.js', 'fluent.js', 'react.js']));
  });
  it.each(dist.length ? dist : ['(no build)'])('%s parses as ECMAScript 2020', (file) => {
    const source = readFileSync(path.join(DIST, file), 'utf8');
    expect(`${file}: ${parseAt(source, 2020)}`).toBe(`${file}: parses`);
  });
  it('would catch the syntax Safari before 16.4 rejects', () => {
    // The check itself: a class static block and ??= parse at ES2022 but not at ES2020.
    for (const snippet of ['class A { static { A.x = 1; } }', 'let a = null; a ??= 1;', 'class B { #p = 1; }']) {
      expect(parseAt(snippet, 2022)).toBe('parses');
      expect(parseAt(snippet, 2020)).not.toBe('parses');
    }
    expect(parseAt('const v = a?.b ?? 1;', 2020)).toBe('parses');
  });
});
