/* eslint-disable no-undef */
/**
 * Builds the add-in: the shared-runtime page (task pane + custom functions + commands), the
 * browser preview, functions.json (from the functions' JSDoc) and the manifest.
 *
 * - `--env preview` (or CTG_PREVIEW=1) serves over plain http on 127.0.0.1 for the preview.
 * - A production build rewrites every https://localhost:3000/ in manifest.xml and functions.json
 *   to ADDIN_PUBLIC_URL, the address the school hosts dist/ at. Without it a production build stops
 *   with a message; `npm run build:test` (used by `npm test` and CI) passes `--env testUrl` and builds
 *   against TEST_URL, a reserved test address that nobody can host.
 * - Every shipped bundle, node_modules included, is ECMAScript 2020 (Office on Mac runs the pane in the
 *   system Safari's WKWebView): own code through ts-loader, packages through scripts/downlevel-loader.js.
 * - The hosting configurations in hosting/ (IIS, Azure Static Web Apps, nginx, Apache) are copied into
 *   dist/ so the CORS header Excel on the web needs for functions.json ships with the files.
 */
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { sources } = require('webpack');

/** The address `npm run build:test` builds against (.test is reserved: it never resolves). */
const TEST_URL = 'https://closing-the-gap.test/';
/** The ECMAScript version of every shipped file (test/build/ecmaVersion.test.ts parses dist/ at it). */
const ES_TARGET = 'es2020';
const DEV_URL_RE = /https:\/\/localhost:3000\//g;
const DEV_ORIGIN_RE = /https:\/\/localhost:3000/g;

/** An error webpack-cli prints as its message alone: a setting to fix, not a crash to debug. */
function buildError(message) {
  const e = new Error(message);
  e.stack = `Error: ${message}`;
  return e;
}

/** The public address dist/ is served from, with a trailing slash; Office only loads add-ins over https. */
function productionUrl(raw) {
  let url;
  try {
    url = new URL(raw.trim());
  } catch {
    throw buildError(`ADDIN_PUBLIC_URL "${raw}" is not a web address: set it to where dist/ is hosted, e.g. https://school.example/closing-the-gap/`);
  }
  if (url.protocol !== 'https:') throw buildError(`ADDIN_PUBLIC_URL "${raw}" must start with https:// (Office loads add-ins only over https).`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/**
 * The public address of a production build: ADDIN_PUBLIC_URL, or TEST_URL for `--env testUrl`.
 * Without either the build stops, rather than pointing the manifest at a host that does not exist.
 */
function publicUrl(env) {
  const raw = process.env.ADDIN_PUBLIC_URL;
  if (raw && raw.trim()) return productionUrl(raw);
  if (env.testUrl) return TEST_URL;
  throw buildError(
    'ADDIN_PUBLIC_URL is not set. A production build writes the address dist/ will be served from into ' +
      'manifest.xml and functions.json, so Excel can find the add-in: run e.g. ' +
      '"ADDIN_PUBLIC_URL=https://school.example/closing-the-gap/ npm run build" ' +
      '(PowerShell: $env:ADDIN_PUBLIC_URL="https://school.example/closing-the-gap/"; npm run build). ' +
      'For a local check only, "npm run build:test" builds against ' + TEST_URL + '.',
  );
}

/** Every dev address in a text rewritten for production: URLs, then bare origins (AppDomains). */
function productionRewriter(prodUrl) {
  return (text) => text.replace(DEV_URL_RE, prodUrl).replace(DEV_ORIGIN_RE, new URL(prodUrl).origin);
}

/**
 * Sets allowErrorForDataTypeAny in the generated functions.json so a #N/A inside a range reaches the
 * function (and, in production, points its help links at the public address).
 *
 * CustomFunctionsMetadataPlugin puts functions.json into every compilation as it is created,
 * HtmlWebpackPlugin's child compilations included; this plugin, listed after it, rewrites the asset
 * at that same moment so every copy is identical (two different copies fail a rebuild with
 * "Multiple assets emit different content to the same filename").
 */
class AllowErrorsInAnyPlugin {
  constructor(rewriteUrl) {
    this.rewriteUrl = rewriteUrl;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap('AllowErrorsInAnyPlugin', (compilation) => {
      const asset = compilation.assets['functions.json'];
      if (!asset) return;
      const meta = JSON.parse(asset.source().toString());
      meta.allowErrorForDataTypeAny = true;
      const text = JSON.stringify(meta, null, 2);
      compilation.assets['functions.json'] = new sources.RawSource(this.rewriteUrl ? this.rewriteUrl(text) : text);
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const preview = Boolean(env.preview) || process.env.CTG_PREVIEW === '1';
  const toProduction = dev ? null : productionRewriter(publicUrl(env));
  let https;
  // Only the https dev server needs the development certificate (installing it may ask for a
  // password): a plain build, development or production, never touches certificates.
  if (env.WEBPACK_SERVE && !preview) {
    const devCerts = require('office-addin-dev-certs');
    https = await devCerts.getHttpsServerOptions();
  }
  return {
    devtool: dev ? 'eval-source-map' : 'source-map',
    // webpack's own runtime code at the same ECMAScript version as the bundles.
    target: ['web', ES_TARGET],
    // The preview's terminal keeps `npm start`'s instructions in view: only problems are printed.
    stats: preview ? 'errors-warnings' : 'normal',
    infrastructureLogging: { level: preview ? 'warn' : 'info' },
    entry: {
      functions: './src/functions/functions.ts',
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.tsx',
    },
    output: { path: path.resolve(__dirname, 'dist'), filename: '[name].js', clean: true },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, compilerOptions: { target: ES_TARGET } } } },
        // Packages ship newer syntax (class static blocks in Fluent UI's dependencies, ??= and more).
        { test: /\.[cm]?js$/, include: /node_modules/, use: { loader: path.resolve(__dirname, 'scripts/downlevel-loader.js'), options: { target: ES_TARGET } } },
      ],
    },
    performance: { hints: false },
    optimization: {
      // One webpack runtime per page, so the task pane and the functions share one module instance
      // of the core (the shared runtime's point); Fluent UI and React in their own cacheable files.
      runtimeChunk: 'single',
      splitChunks: {
        chunks: 'all',
        cacheGroups: {
          fluent: { test: /[\\/]node_modules[\\/](@fluentui|@griffel|@floating-ui|tabster|keyborg|@swc)[\\/]/, name: 'fluent', priority: 30 },
          react: { test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/, name: 'react', priority: 20 },
          // Only what the pages load at start: the file readers (exceljs, papaparse) stay in chunks
          // of their own that the preview loads when a file is opened or saved.
          vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', priority: 10, chunks: 'initial' },
          shared: { minChunks: 2, name: 'shared', priority: 0, reuseExistingChunk: true, chunks: 'initial' },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
      new AllowErrorsInAnyPlugin(toProduction),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['functions', 'taskpane', 'commands'] }),
      // The preview runs the same functions bundle against an in-memory workbook; no Office.js, no network.
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['functions', 'preview'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          { from: 'src/help/help.html', to: 'help.html' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => (toProduction ? toProduction(content.toString()) : content) },
          // web.config (IIS), staticwebapp.config.json (Azure Static Web Apps), nginx and Apache snippets.
          { from: 'hosting', to: '.' },
        ],
      }),
    ],
    devServer: {
      host: preview ? '127.0.0.1' : 'localhost',
      port: 3000,
      hot: false,
      open: false,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: preview ? 'http' : { type: 'https', options: https },
      static: { directory: path.resolve(__dirname, 'dist'), watch: false },
      client: { overlay: false },
    },
  };
};
