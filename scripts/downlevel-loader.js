/**
 * webpack loader for packages in node_modules: a file whose syntax is within the build's ECMAScript
 * version passes untouched; a file with newer syntax (class static blocks, ??=, #private fields, ...)
 * is rewritten by TypeScript's transpiler to that version. Imports and exports stay as they are
 * (webpack bundles them). No type checking and no polyfills: only syntax changes.
 */
const acorn = require('acorn');
const ts = require('typescript');

const TARGETS = { es2019: [2019, ts.ScriptTarget.ES2019], es2020: [2020, ts.ScriptTarget.ES2020] };

/** Whether `source` parses at `ecmaVersion`, as a module or as a script. */
function parsesAt(source, ecmaVersion) {
  for (const sourceType of ['module', 'script']) {
    try {
      acorn.parse(source, { ecmaVersion, sourceType, allowHashBang: true, allowReturnOutsideFunction: sourceType === 'script' });
      return true;
    } catch {
      // try the other source type
    }
  }
  return false;
}

module.exports = function downlevel(source) {
  const { target = 'es2020' } = this.getOptions();
  const versions = TARGETS[target];
  if (!versions) throw new Error(`downlevel-loader: unknown target "${target}" (use es2019 or es2020)`);
  const [ecmaVersion, scriptTarget] = versions;
  if (parsesAt(source, ecmaVersion)) return source;
  const out = ts.transpileModule(source, {
    fileName: this.resourcePath,
    reportDiagnostics: false,
    compilerOptions: { target: scriptTarget, module: ts.ModuleKind.ESNext, allowJs: true, sourceMap: false, importHelpers: false, useDefineForClassFields: true },
  });
  return out.outputText;
};
