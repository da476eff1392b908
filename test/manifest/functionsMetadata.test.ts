/**
 * The built functions.json (npm test builds first): every named export of functions.ts is there
 * under its upper-cased name with help text, errors inside ranges reach the functions, spills are
 * matrices, and the production build left no development address behind.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.CTG_DIST ?? path.join(ROOT, 'dist');

function load(file: string): string {
  const p = path.join(DIST, file);
  if (!existsSync(p)) throw new Error(`${p} is missing: run "npm run build" first (npm test does).`);
  return readFileSync(p, 'utf8');
}

function exportedFunctions(): string[] {
  const file = path.join(ROOT, 'src/functions/functions.ts');
  const src = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  return src.statements
    .filter((s): s is ts.FunctionDeclaration => ts.isFunctionDeclaration(s) && !!s.name && !!s.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))
    .map((f) => (f.name as ts.Identifier).text);
}

interface Meta {
  allowErrorForDataTypeAny?: boolean;
  functions: Array<{ id: string; name: string; description?: string; helpUrl?: string; result: { dimensionality?: string }; parameters: Array<{ name: string; description?: string }> }>;
}

describe('functions.json', () => {
  const meta = JSON.parse(load('functions.json')) as Meta;
  const byId = new Map(meta.functions.map((f) => [f.id, f]));

  it('lets error values inside ranges reach the functions', () => {
    expect(meta.allowErrorForDataTypeAny).toBe(true);
  });
  it('lists every export of functions.ts under its upper-cased name, with help', () => {
    const names = exportedFunctions();
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const n of names) {
      const f = byId.get(n.toUpperCase());
      expect(f?.name).toBe(n.toUpperCase());
      expect((f?.description ?? '').length).toBeGreaterThan(40);
      expect(f?.helpUrl).toMatch(new RegExp(`help\\.html#${n.toLowerCase()}$`));
      for (const p of f?.parameters ?? []) expect((p.description ?? '').length).toBeGreaterThan(5);
    }
  });
  it('keeps every description within the 128 characters Excel allows', () => {
    // Microsoft's custom functions metadata schema (extensionFunction / extensionFunction parameter):
    // "description ... Minimum string length: 1. Maximum string length: 128." Longer text belongs on help.html.
    const tooLong: string[] = [];
    for (const f of meta.functions) {
      if ((f.description ?? '').length > 128) tooLong.push(`${f.id}: ${f.description?.length} characters`);
      for (const p of f.parameters) if ((p.description ?? '').length > 128) tooLong.push(`${f.id}(${p.name}): ${p.description?.length} characters`);
    }
    expect(tooLong).toEqual([]);
    expect(meta.functions.every((f) => (f.description ?? '').length >= 1)).toBe(true);
  });
  it('opens a section of the help page from every function', () => {
    const help = load('help.html');
    for (const f of meta.functions) {
      const anchor = new URL(f.helpUrl ?? 'https://x/').hash.slice(1);
      expect(new RegExp(`id="?${anchor}"?[ >]`).test(help) ? anchor : `${f.id}: no id="${anchor}" in help.html`).toBe(f.id.toLowerCase());
    }
  });
  it('declares the catalogue functions', () => {
    for (const id of ['FSMGAP', 'GAPINDEX', 'THRESHOLDGAP', 'GROUPGAP', 'GAPSUMMARY', 'PROGRESSDELTA', 'PROGRESSGAP', 'VALUEADDED', 'GRADEPOINTS', 'EFFECTSIZE', 'INTERVENTIONIMPACT', 'EEFMONTHS', 'CHECKLISTSCORE', 'REPRESENTATION']) {
      expect(byId.has(id) ? id : `missing ${id}`).toBe(id);
    }
  });
  it('makes the spilling functions return matrices', () => {
    for (const id of ['GAPSUMMARY', 'PROGRESSDELTA', 'VALUEADDED', 'GRADEPOINTS', 'INTERVENTIONIMPACT']) {
      expect(byId.get(id)?.result.dimensionality).toBe('matrix');
    }
  });
  it('associates every function in the built bundle', () => {
    // The metadata plugin's loader appends the associate calls; webpack may place the functions module in a shared chunk.
    const bundle = readdirSync(DIST).filter((f) => f.endsWith('.js')).map(load).join('\n');
    // A development build keeps modules in eval strings, where the quotes are escaped.
    for (const f of meta.functions) expect(new RegExp(`CustomFunctions\\.associate\\(\\\\*"${f.id}\\\\*"`).test(bundle) ? f.id : `no associate call for ${f.id}`).toBe(f.id);
  });
  it('loads the functions in the task pane page (the shared runtime) and in the preview', () => {
    for (const page of ['taskpane.html', 'preview.html']) expect(load(page)).toMatch(/<script[^>]*src="?functions\.js/);
    expect(load('taskpane.html')).toMatch(/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(load('preview.html')).not.toMatch(/https?:\/\//);
  });
  it('points every address in the production manifest at the public address', () => {
    // `npm test` and CI run `npm run build:test`: ADDIN_PUBLIC_URL when set, else webpack.config.js's TEST_URL.
    const base = process.env.ADDIN_PUBLIC_URL || 'https://closing-the-gap.test/';
    const expected = base.endsWith('/') ? base : `${base}/`;
    const addresses = load('manifest.xml').match(/https?:\/\/[^"<\s]+/g) ?? [];
    const own = addresses.filter((a) => !a.startsWith('http://schemas.microsoft.com/') && a !== 'http://www.w3.org/2001/XMLSchema-instance');
    expect(own.length).toBeGreaterThan(5);
    for (const a of own) expect(a === new URL(expected).origin || a.startsWith(expected) ? 'public' : a).toBe('public');
  });
  it('leaves no development address in the production manifest and metadata', () => {
    const hint = 'dist/ holds a development build: run "npm run build" (production) before the tests';
    expect(/localhost/.test(load('manifest.xml')) ? hint : 'no localhost').toBe('no localhost');
    expect(/localhost/.test(load('functions.json')) ? hint : 'no localhost').toBe('no localhost');
  });
});
