/**
 * Offline checks of manifest.xml (Microsoft's validator needs the internet): it parses, every
 * resource id resolves, ids are unique, URLs agree, the GAPS namespace and the shared runtime are
 * declared, and the icons exist at the sizes named.
 */
import { readFileSync, existsSync } from 'fs';
import { execFileSync } from 'child_process';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const ROOT = path.resolve(__dirname, '../..');
const xml = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['Image', 'Url', 'String', 'Set', 'Runtime', 'ExtensionPoint', 'Host', 'AppDomain'].includes(name) });
const doc = parser.parse(xml).OfficeApp;

/** Every element/attribute value anywhere in the parsed tree, with its key. */
function walk(node: unknown, visit: (key: string, value: unknown) => void, key = ''): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit, key));
  else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) { visit(k, v); walk(v, visit, k); }
}

const resources = doc.VersionOverrides.Resources;
const resourceIds: Array<[id: string, kind: string]> = [];
for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
  const items = (resources[kind]?.Image ?? resources[kind]?.Url ?? resources[kind]?.String ?? []) as Array<Record<string, string>>;
  for (const item of items) resourceIds.push([item['@id'], kind]);
}
const defined = new Map(resourceIds);

/** The kind of resource each element that takes a resid must point at. */
const KIND_FOR: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  Runtime: 'Urls',
  FunctionFile: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

/** Every resid in the tree with the element holding it. */
function residUses(node: unknown, element = ''): Array<[element: string, id: string]> {
  if (Array.isArray(node)) return node.flatMap((n) => residUses(n, element));
  if (!node || typeof node !== 'object') return [];
  return Object.entries(node).flatMap(([k, v]) => (k === '@resid' ? [[element, String(v)] as [string, string]] : residUses(v, k)));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const png = readFileSync(file);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  return [png.readUInt32BE(16), png.readUInt32BE(20)];
}

function assetFor(url: string): string {
  return path.join(ROOT, new URL(url).pathname.replace(/^\//, ''));
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  it('gives every resource a unique id', () => {
    const ids = resourceIds.map(([id]) => id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });
  it('resolves every resid to a resource of the kind its element needs', () => {
    const used = residUses(doc);
    expect(used.length).toBeGreaterThan(10);
    for (const [element, id] of used) {
      expect(`${element} -> ${id}: ${defined.get(id) ?? 'missing'}`).toBe(`${element} -> ${id}: ${KIND_FOR[element] ?? 'an element not expected to take a resid'}`);
    }
  });
  it('keeps within the manifest schema\'s limits on ids, strings and the version', () => {
    // Office rejects a resid over 32 characters, a short string over 125 and a long string over 250.
    for (const [id] of resourceIds) expect(id.length <= 32 ? 'ok' : `${id} is over 32 characters`).toBe('ok');
    for (const [kind, max] of [['ShortStrings', 125], ['LongStrings', 250]] as const) {
      for (const s of resources[kind].String as Array<Record<string, string>>) expect(s['@DefaultValue'].length <= max ? 'ok' : `${s['@id']} is over ${max} characters`).toBe('ok');
    }
    expect(doc.DisplayName['@DefaultValue'].length).toBeLessThanOrEqual(125);
    expect(String(doc.Version)).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
  });
  it('declares the shared runtime and uses it for the functions and the task pane', () => {
    const sets = doc.Requirements.Sets.Set.map((s: Record<string, string>) => s['@Name']);
    expect(sets).toEqual(expect.arrayContaining(['SharedRuntime', 'CustomFunctionsRuntime']));
    const host = doc.VersionOverrides.Hosts.Host[0];
    const runtime = host.Runtimes.Runtime[0];
    expect(runtime['@lifetime']).toBe('long');
    const cf = host.AllFormFactors.ExtensionPoint.find((e: Record<string, string>) => e['@type'] === 'CustomFunctions');
    expect(cf.Page.SourceLocation['@resid']).toBe(runtime['@resid']);
    expect(cf.Script.SourceLocation['@resid']).toBe(runtime['@resid']);
    const button = host.DesktopFormFactor.ExtensionPoint.find((e: Record<string, string>) => e['@type'] === 'PrimaryCommandSurface').OfficeTab.Group.Control;
    expect(button.Action.SourceLocation['@resid']).toBe(runtime['@resid']);
  });
  it('declares the requirement sets the code uses: ExcelApi 1.9, CustomFunctionsRuntime 1.2, SharedRuntime 1.1', () => {
    // Office hides the add-in where a set is missing (Excel 2016/2019 have no SharedRuntime) instead of failing at run time.
    const sets = Object.fromEntries(doc.Requirements.Sets.Set.map((s: Record<string, string>) => [s['@Name'], s['@MinVersion']]));
    expect(sets).toEqual({ ExcelApi: '1.9', CustomFunctionsRuntime: '1.2', SharedRuntime: '1.1' });
  });
  it('names the functions namespace GAPS', () => {
    const host = doc.VersionOverrides.Hosts.Host[0];
    const cf = host.AllFormFactors.ExtensionPoint.find((e: Record<string, string>) => e['@type'] === 'CustomFunctions');
    const id = cf.Namespace['@resid'];
    const ns = resources.ShortStrings.String.find((s: Record<string, string>) => s['@id'] === id);
    expect(ns['@DefaultValue']).toBe('GAPS');
  });
  it('asks to read and write the document', () => {
    expect(doc.Permissions).toBe('ReadWriteDocument');
  });
  it('is an Excel task pane add-in named Closing the Gap with a fixed GUID', () => {
    expect(doc['@type']).toBe('TaskPaneApp');
    expect(doc.Id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(doc.DisplayName['@DefaultValue']).toBe('Closing the Gap');
    expect(doc.ProviderName).toBe('Closing the Gap');
    expect(doc.Hosts.Host.map((h: Record<string, string>) => h['@Name'])).toEqual(['Workbook']);
    expect(doc.DefaultSettings.SourceLocation['@DefaultValue']).toBe('https://localhost:3000/taskpane.html');
  });
  it('serves every URL over https from one origin, the same as the task pane page', () => {
    const urls: string[] = [];
    walk(doc, (k, v) => { if ((k === '@DefaultValue' || k === 'AppDomain') && typeof v === 'string' && /^https?:/.test(v)) urls.push(v); });
    const origin = new URL(doc.DefaultSettings.SourceLocation['@DefaultValue']).origin;
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(new URL(u).origin).toBe(origin);
    for (const u of urls) expect(u.startsWith('https://')).toBe(true);
  });
  it('points at icons that exist with the sizes their ids say', () => {
    for (const img of resources.Images.Image as Array<Record<string, string>>) {
      const size = Number(/(\d+)x\d+/.exec(img['@id'])?.[1]);
      const file = assetFor(img['@DefaultValue']);
      expect(existsSync(file) ? file : `missing ${file}`).toBe(file);
      expect(pngSize(file)).toEqual([size, size]);
    }
  });
  it('has a 32-pixel icon and a 64-pixel high-resolution icon', () => {
    expect(pngSize(assetFor(doc.IconUrl['@DefaultValue']))).toEqual([32, 32]);
    expect(pngSize(assetFor(doc.HighResolutionIconUrl['@DefaultValue']))).toEqual([64, 64]);
  });
  it('opens the task pane from a Home tab button', () => {
    const host = doc.VersionOverrides.Hosts.Host[0];
    const tab = host.DesktopFormFactor.ExtensionPoint.find((e: Record<string, string>) => e['@type'] === 'PrimaryCommandSurface').OfficeTab;
    expect(tab['@id']).toBe('TabHome');
    const button = tab.Group.Control;
    expect(button.Action['@type']).toBe('ShowTaskpane');
    expect(button.Action.TaskpaneId).toBe('ButtonId1');
    const label = resources.ShortStrings.String.find((s: Record<string, string>) => s['@id'] === button.Label['@resid']);
    expect(label['@DefaultValue']).toBe('Closing the Gap');
  });
  it('has a dev server that office-addin-debugging can start on the port the manifest points at', () => {
    // office-addin-debugging start (desktop or web) runs package.json's "dev-server" script and waits on config.dev_server_port.
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; config: Record<string, unknown> };
    expect(pkg.scripts['dev-server']).toMatch(/^webpack serve --mode development$/);
    expect(Number(pkg.config.dev_server_port)).toBe(Number(new URL(doc.DefaultSettings.SourceLocation['@DefaultValue']).port));
  });
  it('is read by office-addin-manifest offline', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js'), 'info', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/Closing the Gap/);
  });
});
