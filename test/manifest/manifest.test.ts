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
const defined = new Map<string, string>();
for (const kind of ['Images', 'Urls', 'ShortStrings', 'LongStrings']) {
  const items = (resources[kind]?.Image ?? resources[kind]?.Url ?? resources[kind]?.String ?? []) as Array<Record<string, string>>;
  for (const item of items) {
    expect(defined.has(item['@id'])).toBe(false);
    defined.set(item['@id'], kind);
  }
}

describe('manifest.xml', () => {
  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });
  it('resolves every resid to a resource', () => {
    const used: string[] = [];
    walk(doc, (k, v) => { if (k === '@resid' && typeof v === 'string') used.push(v); });
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined.has(id) ? id : `missing ${id}`).toBe(id);
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
    const button = host.DesktopFormFactor.ExtensionPoint[0].OfficeTab.Group.Control;
    expect(button.Action.SourceLocation['@resid']).toBe(runtime['@resid']);
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
      const file = path.join(ROOT, new URL(img['@DefaultValue']).pathname.replace(/^\//, ''));
      expect(existsSync(file)).toBe(true);
      const png = readFileSync(file);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }
  });
  it('is read by office-addin-manifest offline', () => {
    const out = execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'office-addin-manifest', 'cli.js'), 'info', 'manifest.xml'], { cwd: ROOT, encoding: 'utf8' });
    expect(out).toMatch(/Closing the Gap/);
  });
});
