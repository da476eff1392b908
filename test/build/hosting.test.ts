/**
 * The hosting configurations ship beside the built add-in (npm test builds first) and each one sends
 * Access-Control-Allow-Origin for functions.json: Excel on the web fetches it from another origin, and
 * without the header every GAPS function shows #NAME? while the task pane works.
 */
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '../..');
const DIST = process.env.CTG_DIST ?? path.join(ROOT, 'dist');

function load(file: string): string {
  const p = path.join(DIST, file);
  if (!existsSync(p)) throw new Error(`${p} is missing: run "npm run build:test" first (npm test does).`);
  return readFileSync(p, 'utf8');
}

describe('hosting configurations in dist/', () => {
  it('are copied unchanged from hosting/', () => {
    for (const f of ['web.config', 'staticwebapp.config.json', 'nginx-closing-the-gap.conf', '.htaccess']) {
      expect(load(f)).toBe(readFileSync(path.join(ROOT, 'hosting', f), 'utf8'));
    }
  });

  it('IIS web.config serves .json as JSON and sends the CORS header', () => {
    const xml = load('web.config');
    expect(XMLValidator.validate(xml)).toBe(true);
    const cfg = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['mimeMap', 'remove', 'add', 'location'].includes(n) }).parse(xml).configuration;
    const ws = cfg['system.webServer'];
    const json = ws.staticContent.mimeMap.find((m: Record<string, string>) => m['@fileExtension'] === '.json');
    expect(json?.['@mimeType']).toBe('application/json');
    // A <remove> first, or IIS refuses a duplicate mimeMap where the server already has one.
    expect(ws.staticContent.remove).toContainEqual({ '@fileExtension': '.json' });
    const headers = ws.httpProtocol.customHeaders.add as Array<Record<string, string>>;
    expect(headers.find((h) => h['@name'] === 'Access-Control-Allow-Origin')?.['@value']).toBe('*');
    // Set on the whole site, so functions.json and the function files get it; no location overrides it away.
    for (const loc of cfg.location ?? []) expect(loc['system.webServer'].httpProtocol).toBeUndefined();
  });

  it('Azure Static Web Apps config sends the CORS header for functions.json and the scripts', () => {
    const cfg = JSON.parse(load('staticwebapp.config.json')) as { globalHeaders: Record<string, string>; routes: Array<{ route: string; headers?: Record<string, string> }>; mimeTypes: Record<string, string> };
    expect(cfg.globalHeaders['Access-Control-Allow-Origin']).toBe('*');
    const route = cfg.routes.find((r) => r.route === '/functions.json');
    expect(route?.headers?.['Access-Control-Allow-Origin']).toBe('*');
    expect(cfg.routes.find((r) => r.route === '/*.js')?.headers?.['Access-Control-Allow-Origin']).toBe('*');
    expect(cfg.mimeTypes['.json']).toBe('application/json');
  });

  it('nginx snippet adds the header to every response, errors included', () => {
    const directives = load('nginx-closing-the-gap.conf').split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(directives).toContain('add_header Access-Control-Allow-Origin "*" always;');
    // A types { } block here would replace nginx's whole MIME map for the location.
    expect(directives.some((l) => /^\s*types\s*\{/.test(l))).toBe(false);
  });

  it('Apache .htaccess sets the header on functions.json and maps .json to JSON', () => {
    const text = load('.htaccess');
    expect(text).toMatch(/^AddType application\/json \.json/m);
    expect(text).toMatch(/<Files "functions\.json">\s*\n\s*Header always set Access-Control-Allow-Origin "\*"/);
    expect(text).toMatch(/<IfModule mod_headers\.c>\s*\n\s*Header always set Access-Control-Allow-Origin "\*"/);
  });
});
