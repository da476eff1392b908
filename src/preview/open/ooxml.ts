/**
 * The parts of an .xlsx package and the few things every reader and writer of them needs: unzipping
 * and zipping (fflate), parsing a part's XML (saxes), the relationships between parts, and text
 * escaping. Element names are taken without a namespace prefix, so files that write `<x:row>` read
 * like those that write `<row>`.
 */
import { inflateSync, unzipSync, Zip, ZipDeflate, strFromU8, strToU8, type ZipInputFile } from 'fflate';

export { strFromU8 };
import { SaxesParser } from 'saxes';

/**
 * A part written piece by piece (a large sheet): its start, its cells as they are made, its end.
 * It never exists as one string, so saving 100,000 rows holds a fraction of the memory.
 */
export interface StreamedPart {
  head: string;
  body: () => Iterable<string>;
  tail: string;
  /** Deflate level: 1 for large parts (2-3 times faster than 6 for a few per cent more bytes). */
  level: 1 | 6;
}

/**
 * A part as the opened file holds it, still compressed: saving copies it into the new file as it is
 * (no inflating and deflating again: most of a large workbook is sheets the user did not change),
 * and it is inflated only when something reads it.
 */
export class StoredPart {
  private bytes: Uint8Array | null = null;
  constructor(
    /** 0 stored, 8 deflated (APPNOTE 4.4.5). */
    readonly method: 0 | 8,
    readonly crc: number,
    readonly size: number,
    readonly data: Uint8Array,
  ) {}
  /** The part's bytes, inflated once. */
  inflated(): Uint8Array {
    if (!this.bytes) this.bytes = this.method === 0 ? this.data : inflateSync(this.data, { out: new Uint8Array(this.size) });
    return this.bytes;
  }
}

/** The package's parts by path (no leading "/"), as bytes, written piece by piece, or as the opened file holds them. */
export type Parts = Map<string, Uint8Array | StreamedPart | StoredPart>;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;

/**
 * The parts of a zip file as it holds them (see `StoredPart`), from its central directory; null
 * when the file is no plain zip this can copy from (ZIP64, encrypted entries, other compression
 * methods, entries that do not add up): then `unzipParts` reads it.
 */
export function storedParts(bytes: Uint8Array): Parts | null {
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  if (count === 0xffff || at === 0xffffffff) return null;
  const parts: Parts = new Map();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    const crc = u32(bytes, at + 16);
    const packed = u32(bytes, at + 20);
    const size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const local = u32(bytes, at + 42);
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (flags & 1 || (method !== 0 && method !== 8) || packed === 0xffffffff || size === 0xffffffff) return null;
    if (local + 30 > bytes.length || u32(bytes, local) !== 0x04034b50) return null;
    const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
    if (start + packed > bytes.length) return null;
    if (!name.endsWith('/')) parts.set(name, new StoredPart(method, crc, size, bytes.subarray(start, start + packed)));
  }
  return parts;
}

/** The parts of a zip file; throws the zip reader's error when the file is not a zip. */
export function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(bytes);
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) if (!name.endsWith('/')) parts.set(name, data);
  return parts;
}

/**
 * The parts as a zip file, deflated at level 6 (zlib's default, as Excel's own files are) except
 * large ones at level 1; streamed parts are encoded and deflated a megabyte at a time.
 */
export function zipParts(parts: Parts): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failed: Error | null = null;
  const zip = new Zip((err, data) => {
    if (err) failed = err;
    else chunks.push(data);
  });
  // [Content_Types].xml first, as Excel writes it (some readers look for it there).
  const names = [...parts.keys()].sort((a, b) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : 0));
  for (const name of names) {
    const data = parts.get(name) as Uint8Array | StreamedPart | StoredPart;
    if (data instanceof StoredPart) {
      // Copied as the opened file holds it; fflate writes the headers around it.
      const file: ZipInputFile = { filename: name, size: data.size, crc: data.crc, compression: data.method };
      zip.add(file);
      file.ondata?.(null, data.data as Uint8Array<ArrayBuffer>, true);
      continue;
    }
    if (data instanceof Uint8Array) {
      const file = new ZipDeflate(name, { level: data.length > 4 * 1024 * 1024 ? 1 : 6 });
      zip.add(file);
      file.push(data, true);
      continue;
    }
    const file = new ZipDeflate(name, { level: data.level });
    zip.add(file);
    let pending = data.head;
    for (const piece of data.body()) {
      pending += piece;
      if (pending.length >= 1 << 20) {
        file.push(strToU8(pending));
        pending = '';
      }
    }
    file.push(strToU8(pending + data.tail), true);
  }
  zip.end();
  if (failed) throw failed;
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export const partText = (parts: Parts, path: string): string | null => {
  const data = parts.get(path);
  if (!data) return null;
  if (data instanceof StoredPart) return strFromU8(data.inflated());
  return data instanceof Uint8Array ? strFromU8(data) : data.head + [...data.body()].join('') + data.tail;
};
export const textBytes = (text: string): Uint8Array => strToU8(text);

/** An element's name without its namespace prefix. */
export const localName = (name: string): string => {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
};

export interface XmlHandlers {
  open?: (name: string, attributes: Record<string, string>, selfClosing: boolean) => void;
  text?: (text: string) => void;
  close?: (name: string) => void;
}

/** Parses a (small) part's XML, calling the handlers with local names and decoded text. */
export function parseXml(text: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false });
  parser.on('opentag', (tag) => handlers.open?.(localName(tag.name), tag.attributes as Record<string, string>, tag.isSelfClosing));
  if (handlers.text) {
    const onText = handlers.text;
    parser.on('text', (t) => onText(t));
    parser.on('cdata', (t) => onText(t));
  }
  if (handlers.close) {
    const onClose = handlers.close;
    parser.on('closetag', (tag) => onClose(localName(tag.name)));
  }
  parser.write(text).close();
}

/** An attribute by its local name (`r:id` is found as "id" only when asked for "r:id" or "id"). */
export function attribute(attributes: Record<string, string>, name: string): string | undefined {
  if (name in attributes) return attributes[name];
  for (const key of Object.keys(attributes)) if (localName(key) === name) return attributes[key];
  return undefined;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
// Characters XML 1.0 cannot hold at all (a CSV may carry them): dropped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XML character data or an attribute value. */
export function escapeXml(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text)) return text;
  return text.replace(NOT_XML, '').replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data with its entity and character references decoded. */
export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** The folder of a part ("xl/worksheets/" for "xl/worksheets/sheet1.xml"). */
export const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** A relationship's target as a part path, from the folder of the part that holds it. */
export function resolveTarget(fromFolder: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const out = fromFolder.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') out.pop();
    else if (piece !== '.' && piece !== '') out.push(piece);
  }
  return out.join('/');
}

/** The relationships part of a part ("xl/_rels/workbook.xml.rels" for "xl/workbook.xml"). */
export const relsPathOf = (path: string): string => `${folderOf(path)}_rels/${path.slice(path.lastIndexOf('/') + 1)}.rels`;

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

/** A part's relationships (empty when it has none), targets resolved to part paths. */
export function relationshipsOf(parts: Parts, path: string): Relationship[] {
  const text = partText(parts, relsPathOf(path));
  if (!text) return [];
  const out: Relationship[] = [];
  parseXml(text, {
    open: (name, a) => {
      if (name !== 'Relationship') return;
      const external = a.TargetMode === 'External';
      out.push({ id: a.Id ?? '', type: a.Type ?? '', target: external ? (a.Target ?? '') : resolveTarget(folderOf(path), a.Target ?? ''), external });
    },
  });
  return out;
}

/** The last piece of a relationship type (".../worksheet" is "worksheet"). */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  sheetId: string;
  relId: string;
  /** The worksheet's part, or null for a chart sheet or a sheet whose part is missing. */
  path: string | null;
}

/** The workbook's part (from the package's own relationships, else the usual place). */
export function workbookPath(parts: Parts): string {
  const main = relationshipsOf(parts, '').find((r) => relKind(r.type) === 'officeDocument');
  return main && parts.has(main.target) ? main.target : 'xl/workbook.xml';
}

/** The workbook's sheets in tab order, with their worksheet parts. */
export function workbookSheets(parts: Parts): SheetEntry[] {
  const path = workbookPath(parts);
  const text = partText(parts, path);
  if (text === null) throw new Error('the workbook part is missing');
  const rels = new Map(relationshipsOf(parts, path).map((r) => [r.id, r]));
  const out: SheetEntry[] = [];
  parseXml(text, {
    open: (name, a) => {
      if (name !== 'sheet') return;
      const relId = attribute(a, 'r:id') ?? attribute(a, 'id') ?? '';
      const rel = rels.get(relId);
      const state = a.state === 'hidden' || a.state === 'veryHidden' ? a.state : 'visible';
      out.push({ name: a.name ?? '', state, sheetId: a.sheetId ?? '', relId, path: rel && relKind(rel.type) === 'worksheet' && parts.has(rel.target) ? rel.target : null });
    },
  });
  return out;
}

/** True when the workbook uses the 1904 date system (`<workbookPr date1904="1"/>`, an old Mac file). */
export function uses1904(parts: Parts): boolean {
  const text = partText(parts, workbookPath(parts));
  if (text === null) return false;
  let on = false;
  parseXml(text, {
    open: (name, a) => {
      if (name === 'workbookPr' && (a.date1904 === '1' || a.date1904 === 'true')) on = true;
    },
  });
  return on;
}
