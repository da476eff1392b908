/**
 * Saving into the .xlsx the workbook was opened from: the file's own parts stay as they were (the
 * user's sheets with their fonts, fills, merges, conditional formats, validation, comments, charts,
 * pictures, names, theme), with only the cells edited in the preview rewritten; the sheets written
 * newly (the add-in's reports, its state, sheets from elsewhere) are added to it, their styles
 * appended to the file's styles; sheets no longer in the workbook are taken out.
 */
import { columnLetters } from '../../workbook/a1';
import type { OutCell } from './excelExport';
import { cellXml } from './excelExport';
import { cellFormats, sheetDataSpan } from './xlsxRead';
import { DAYS_1904_TO_1900, isDateFormat } from '../../core/dates';
import {
  folderOf,
  partText,
  relationshipsOf,
  relKind,
  relsPathOf,
  textBytes,
  unescapeXml,
  unzipParts,
  storedParts,
  StoredPart,
  uses1904,
  workbookPath,
  workbookSheets,
  type Parts,
  type SheetEntry,
} from './ooxml';

/** A cell changed since the file was opened: its new content (null: emptied). */
export interface CellEdit {
  row: number;
  col: number;
  cell: OutCell | null;
}

/** The opened file's parts, and what adding to it needs to know. */
export interface Original {
  parts: Parts;
  workbook: string;
  sheets: SheetEntry[];
  stylesPath: string;
  /** How many cell formats (`<xf>` in `<cellXfs>`) the file has: added ones come after. */
  xfCount: number;
  /** True for a 1904-system file: dates are written in its serials. */
  date1904: boolean;
  /** By cell format (`s`), whether its number format shows a date. */
  dated: boolean[];
}

const PREFIX = '(?:[\\w.-]+:)?';

function stylesPathOf(parts: Parts, workbook: string): string {
  return relationshipsOf(parts, workbook).find((r) => relKind(r.type) === 'styles')?.target ?? 'xl/styles.xml';
}

/** The elements of a list in a styles part (`<fonts>`: each `<font>`), as text. */
function listItems(xml: string, list: string, item: string): { items: string[]; span: { start: number; end: number; selfClosing: boolean } | null } {
  const open = new RegExp(`<(${PREFIX})${list}\\b[^>]*?(\\/?)>`).exec(xml);
  if (!open) return { items: [], span: null };
  if (open[2] === '/') return { items: [], span: { start: open.index, end: open.index + open[0].length, selfClosing: true } };
  const closeTag = `</${open[1]}${list}>`;
  const end = xml.indexOf(closeTag, open.index);
  const body = xml.slice(open.index + open[0].length, end);
  const items: string[] = [];
  const re = new RegExp(`<${PREFIX}${item}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${PREFIX}${item}>)`, 'g');
  for (let m = re.exec(body); m; m = re.exec(body)) items.push(m[0]);
  return { items, span: { start: open.index, end: end + closeTag.length, selfClosing: false } };
}

export function openOriginal(bytes: Uint8Array): Original {
  // Parts stay compressed until read: the sheets not changed are copied into the saved file as they are.
  const parts = storedParts(bytes) ?? unzipParts(bytes);
  const workbook = workbookPath(parts);
  const stylesPath = stylesPathOf(parts, workbook);
  const styles = partText(parts, stylesPath) ?? '';
  const date1904 = uses1904(parts);
  return {
    parts,
    workbook,
    sheets: workbookSheets(parts),
    stylesPath,
    xfCount: listItems(styles, 'cellXfs', 'xf').items.length,
    date1904,
    dated: date1904 ? cellFormats(parts, workbook).map((f) => isDateFormat(f)) : [],
  };
}

/** The namespace prefix ("x:" or "") of a part's root element. */
const rootPrefix = (xml: string): string => /<([\w.-]+:)?[\w.-]+\b[^?!]/.exec(xml.replace(/^<\?[^>]*\?>/, ''))?.[1] ?? '';

/** Elements of exceljs's own output given a namespace prefix, to go into a part that uses one. */
const withPrefix = (xml: string, prefix: string): string => (prefix ? xml.replace(/<(\/?)([A-Za-z])/g, `<$1${prefix}$2`) : xml);

const setCount = (openTag: string, n: number): string => (/\bcount="\d*"/.test(openTag) ? openTag.replace(/\bcount="\d*"/, `count="${n}"`) : openTag.replace(/^(<[\w.:-]+)/, `$1 count="${n}"`));

/**
 * The file's styles with exceljs's appended: number formats, fonts, fills, borders, cell formats
 * (their ids moved past the file's) and the conditional formats' looks. Returns the new part and
 * how far the conditional-format ids (`dxfId`) of the added sheets move.
 */
function mergeStyles(original: string, added: string): { xml: string; dxfOffset: number } {
  const prefix = rootPrefix(original);
  const taken = new Set<number>();
  for (const m of original.matchAll(/<(?:[\w.-]+:)?numFmt\b[^>]*?numFmtId="(\d+)"/g)) taken.add(Number(m[1]));
  const numFmtIds = new Map<number, number>();
  let next = Math.max(164, ...[...taken].map((n) => n + 1));
  const newNumFmts = listItems(added, 'numFmts', 'numFmt').items.map((x) => {
    const id = Number(/numFmtId="(\d+)"/.exec(x)?.[1]);
    numFmtIds.set(id, next);
    return x.replace(/numFmtId="\d+"/, `numFmtId="${next++}"`);
  });
  const mapNumFmt = (x: string) => x.replace(/numFmtId="(\d+)"/, (_, id: string) => `numFmtId="${numFmtIds.get(Number(id)) ?? id}"`);
  const counts = {
    fonts: listItems(original, 'fonts', 'font').items.length,
    fills: listItems(original, 'fills', 'fill').items.length,
    borders: listItems(original, 'borders', 'border').items.length,
    dxfs: listItems(original, 'dxfs', 'dxf').items.length,
  };
  const xfs = listItems(added, 'cellXfs', 'xf').items.map((x) =>
    mapNumFmt(x)
      .replace(/fontId="(\d+)"/, (_, n: string) => `fontId="${Number(n) + counts.fonts}"`)
      .replace(/fillId="(\d+)"/, (_, n: string) => `fillId="${Number(n) + counts.fills}"`)
      .replace(/borderId="(\d+)"/, (_, n: string) => `borderId="${Number(n) + counts.borders}"`)
      .replace(/xfId="\d+"/, 'xfId="0"'),
  );
  const additions: Array<[string, string, string[]]> = [
    ['numFmts', 'numFmt', newNumFmts],
    ['fonts', 'font', listItems(added, 'fonts', 'font').items],
    ['fills', 'fill', listItems(added, 'fills', 'fill').items],
    ['borders', 'border', listItems(added, 'borders', 'border').items],
    ['cellXfs', 'xf', xfs],
    ['dxfs', 'dxf', listItems(added, 'dxfs', 'dxf').items.map(mapNumFmt)],
  ];
  let xml = original;
  for (const [list, item, items] of additions) {
    if (items.length === 0) continue;
    const { items: had, span } = listItems(xml, list, item);
    const body = items.map((x) => withPrefix(x, prefix)).join('');
    const total = had.length + items.length;
    if (span && !span.selfClosing) {
      const openEnd = xml.indexOf('>', span.start) + 1;
      const closeStart = xml.lastIndexOf('<', span.end - 1);
      xml = xml.slice(0, span.start) + setCount(xml.slice(span.start, openEnd), total) + xml.slice(openEnd, closeStart) + body + xml.slice(closeStart);
    } else if (span) {
      const tag = `${prefix}${list}`;
      xml = `${xml.slice(0, span.start)}<${tag} count="${total}">${body}</${tag}>${xml.slice(span.end)}`;
    } else {
      // The list is missing: put it where the schema wants it (after the lists before it).
      const before = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'];
      const tag = `${prefix}${list}`;
      const element = `<${tag} count="${total}">${body}</${tag}>`;
      let at = -1;
      for (const b of before.slice(0, before.indexOf(list) < 0 ? before.length : before.indexOf(list)).reverse()) {
        const found = listItems(xml, b, '_').span;
        if (found) {
          at = found.end;
          break;
        }
      }
      if (at < 0) at = xml.indexOf('>', new RegExp(`<${PREFIX}styleSheet\\b`).exec(xml)?.index ?? 0) + 1;
      xml = xml.slice(0, at) + element + xml.slice(at);
    }
  }
  return { xml, dxfOffset: counts.dxfs };
}

/**
 * The `<c>` of an edited cell: its new content, keeping the cell's format. `days` is taken off a
 * number under a date format (`dated` by format; 1462 in a 1904-system file, else 0).
 */
function editedCellXml(ref: string, oldAttributes: string | null, cell: OutCell | null, days: number, dated: boolean[]): string {
  const s = oldAttributes ? / s="(\d+)"/.exec(oldAttributes)?.[1] : undefined;
  const style = s ? Number(s) : 0;
  const moved = days !== 0 && cell && typeof cell.value === 'number' && dated[style] ? { ...cell, value: cell.value - days } : cell;
  return cellXml(ref, style, moved);
}

const ROW_OR_CELL = new RegExp(`<${PREFIX}(?:(row)\\b([^>]*?)(\\/?)>|(\\/)(?:[\\w.-]+:)?row>|c\\b([^>]*?)(?:\\/>|>[\\s\\S]*?<\\/${PREFIX}c>))`, 'g');

/**
 * A sheet's XML with the edited cells rewritten (new rows and cells put in order), everything
 * else as it was. Cells keep their formats; a row that changes loses its `spans` hint.
 */
export function patchSheet(xml: string, edits: CellEdit[], days = 0, dated: boolean[] = []): string {
  if (edits.length === 0) return xml;
  const span = sheetDataSpan(xml);
  if (!span) return xml;
  const prefix = rootPrefix(xml);
  const byRow = new Map<number, Map<number, OutCell | null>>();
  for (const e of edits) {
    let row = byRow.get(e.row);
    if (!row) byRow.set(e.row, (row = new Map()));
    row.set(e.col, e.cell);
  }
  const body = xml.slice(span.bodyStart, span.bodyEnd);
  const out: string[] = [];
  let pos = 0;
  const ref = (r: number, c: number) => `${columnLetters(c)}${r + 1}`;
  const newRow = (r: number, cells: Map<number, OutCell | null>) =>
    withPrefix(`<row r="${r + 1}">${[...cells.entries()].sort((a, b) => a[0] - b[0]).map(([c, cell]) => cellXml(ref(r, c), 0, cell)).join('')}</row>`, prefix);
  const pending = [...byRow.keys()].sort((a, b) => a - b);
  let row = -1;
  let col = -1;
  let rowEdits: Map<number, OutCell | null> | undefined;
  const flushRowsBefore = (r: number, at: number) => {
    while (pending.length > 0 && pending[0] < r) {
      const n = pending.shift() as number;
      out.push(body.slice(pos, at), newRow(n, byRow.get(n) as Map<number, OutCell | null>));
      pos = at;
    }
  };
  const flushCellsBefore = (c: number, at: number) => {
    if (!rowEdits) return;
    for (const k of [...rowEdits.keys()].sort((a, b) => a - b)) {
      if (k >= c) break;
      out.push(body.slice(pos, at), withPrefix(cellXml(ref(row, k), 0, rowEdits.get(k) ?? null), prefix));
      pos = at;
      rowEdits.delete(k);
    }
  };
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(body); m; m = ROW_OR_CELL.exec(body)) {
    if (m[1] !== undefined) {
      const r = / r="(\d+)"/.exec(m[2]);
      row = r ? Number(r[1]) - 1 : row + 1;
      col = -1;
      flushRowsBefore(row, m.index);
      rowEdits = byRow.get(row);
      if (rowEdits) {
        if (pending[0] === row) pending.shift();
        // The row's start tag without its spans hint, opened if it was empty.
        out.push(body.slice(pos, m.index), `${m[0].slice(0, m[0].length - (m[3] ? 2 : 1)).replace(/\sspans="[^"]*"/, '')}>`);
        pos = m.index + m[0].length;
        if (m[3]) {
          flushCellsBefore(Infinity, pos);
          out.push(withPrefix('</row>', prefix));
          rowEdits = undefined;
        }
      }
      continue;
    }
    if (m[4] !== undefined) {
      // The end of a row: edited cells right of its last cell go here.
      flushCellsBefore(Infinity, m.index);
      rowEdits = undefined;
      continue;
    }
    const attrs = m[5];
    const at = / r="([A-Z]+)(\d+)"/.exec(attrs);
    col = at ? colIndex(at[1]) : col + 1;
    if (!rowEdits) continue;
    flushCellsBefore(col, m.index);
    if (rowEdits.has(col)) {
      out.push(body.slice(pos, m.index), withPrefix(editedCellXml(ref(row, col), attrs, rowEdits.get(col) ?? null, days, dated), prefix));
      pos = m.index + m[0].length;
      rowEdits.delete(col);
    }
  }
  flushRowsBefore(Infinity, body.length);
  out.push(body.slice(pos));
  const data = out.join('');
  const open = xml.slice(span.open, span.bodyStart);
  const opened = open.endsWith('/>') ? `${open.slice(0, -2)}>` : open;
  const close = span.bodyEnd === span.close ? `</${prefix}sheetData>` : xml.slice(span.bodyEnd, span.close);
  return xml.slice(0, span.open) + opened + data + close + xml.slice(span.close);
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n - 1;
}

const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
};
const REL_TYPES = { worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet' };

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** A relationships part with one relationship's target changed. */
function setRelTarget(rels: string, id: string, target: string): string {
  return rels.replace(/<Relationship\b[^>]*\/>/g, (el) => (el.includes(` Id="${id}"`) ? el.replace(/\sTarget="[^"]*"/, ` Target="${xmlAttr(target)}"`) : el));
}

/** A free part name like `xl/worksheets/sheet7.xml`. */
function freePath(parts: Parts, folder: string, base: string): string {
  for (let n = 1; ; n++) {
    const path = `${folder}${base}${n}.xml`;
    if (!parts.has(path)) return path;
  }
}

/**
 * The opened file with the newly written sheets (`fresh`, rendered by exceljs with cell format ids
 * already past the file's) added, the kept sheets' edited cells rewritten, and the sheets not in
 * `order` taken out; sheets in `order`'s order.
 */
export function mergeIntoOriginal(original: Original, fresh: { parts: Parts; sheetPaths: Map<string, string> }, kept: Record<string, CellEdit[]>, order: Array<{ name: string; visibility: string }>): Parts {
  const parts: Parts = new Map(original.parts);
  const wbPath = original.workbook;
  const wbFolder = folderOf(wbPath);
  let contentTypes = partText(parts, '[Content_Types].xml') ?? '';
  let wbRels = partText(parts, relsPathOf(wbPath)) ?? '';
  let wbXml = partText(parts, wbPath) ?? '';
  const removeOverride = (path: string) => {
    contentTypes = contentTypes.replace(new RegExp(`<Override\\b[^>]*PartName="/${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*/>`), '');
  };
  const removePart = (path: string) => {
    parts.delete(path);
    parts.delete(relsPathOf(path));
    removeOverride(path);
  };

  // Sheets of the file not kept (the add-in's rewritten sheets, the old state, deleted sheets) go.
  const keptEntries = original.sheets.filter((s) => s.name in kept && order.some((o) => o.name === s.name));
  const dropped = original.sheets.filter((s) => !keptEntries.includes(s));
  for (const s of dropped) {
    if (s.path) {
      for (const rel of relationshipsOf(parts, s.path)) if (!rel.external && relKind(rel.type) === 'table') removePart(rel.target);
      removePart(s.path);
    }
    wbRels = wbRels.replace(new RegExp(`<Relationship\\b[^>]*Id="${s.relId}"[^>]*/>`), '');
  }
  // Excel rebuilds the calculation chain; one naming removed sheets would make it repair the file.
  for (const rel of relationshipsOf(parts, wbPath)) {
    if (relKind(rel.type) === 'calcChain') {
      removePart(rel.target);
      wbRels = wbRels.replace(new RegExp(`<Relationship\\b[^>]*Id="${rel.id}"[^>]*/>`), '');
    }
  }

  // The kept sheets' edited cells.
  for (const s of keptEntries) {
    const edits = kept[s.name];
    if (s.path && edits.length > 0) parts.set(s.path, textBytes(patchSheet(partText(parts, s.path) ?? '', edits, original.date1904 ? DAYS_1904_TO_1900 : 0, original.dated)));
  }

  // The new sheets, their tables (renumbered past the file's) and their styles.
  const prefix = rootPrefix(wbXml);
  const relPrefix = /<(?:[\w.-]+:)?sheet\b[^>]*\s([\w.-]+):id="/.exec(wbXml)?.[1] ?? 'r';
  const sheetIds = original.sheets.map((s) => Number(s.sheetId)).filter(Number.isFinite);
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  let tableId = 0;
  for (const path of parts.keys()) {
    if (!/\/tables\/[^/]+\.xml$/.test(path)) continue;
    const m = /<(?:[\w.-]+:)?table\b[^>]*?\sid="(\d+)"/.exec((partText(parts, path) ?? '').slice(0, 4000));
    if (m) tableId = Math.max(tableId, Number(m[1]));
  }
  const relIdPrefix = 'rIdCtg';
  let relN = 1;
  const freshEntries = new Map<string, string>();
  const freshStyles = partText(fresh.parts, 'xl/styles.xml') ?? '';
  const merged = mergeStyles(partText(parts, original.stylesPath) ?? '', freshStyles);
  parts.set(original.stylesPath, textBytes(merged.xml));
  for (const [name, freshPath] of fresh.sheetPaths) {
    const path = freePath(parts, `${wbFolder}worksheets/`, 'sheet');
    const sheetPart = fresh.parts.get(freshPath);
    if (!sheetPart) continue;
    // The conditional formats' looks (outside the cells) move past the file's.
    const moveDxf = (xml: string) => (merged.dxfOffset > 0 ? xml.replace(/\bdxfId="(\d+)"/g, (_, n: string) => `dxfId="${Number(n) + merged.dxfOffset}"`) : xml);
    parts.set(path, sheetPart instanceof Uint8Array || sheetPart instanceof StoredPart ? textBytes(moveDxf(partText(fresh.parts, freshPath) ?? '')) : { ...sheetPart, head: moveDxf(sheetPart.head), tail: moveDxf(sheetPart.tail) });
    contentTypes = contentTypes.replace(/<\/Types>\s*$/, `<Override PartName="/${path}" ContentType="${CONTENT_TYPES.worksheet}"/></Types>`);
    // The sheet's tables.
    const rels = relationshipsOf(fresh.parts, freshPath);
    let relsXml = partText(fresh.parts, relsPathOf(freshPath));
    for (const rel of rels) {
      if (relKind(rel.type) !== 'table' || !relsXml) continue;
      const tablePath = freePath(parts, `${wbFolder}tables/`, 'table');
      tableId += 1;
      const tableXml = (partText(fresh.parts, rel.target) ?? '').replace(/(<table\b[^>]*?\s)id="\d+"/, `$1id="${tableId}"`);
      parts.set(tablePath, textBytes(tableXml));
      contentTypes = contentTypes.replace(/<\/Types>\s*$/, `<Override PartName="/${tablePath}" ContentType="${CONTENT_TYPES.table}"/></Types>`);
      relsXml = setRelTarget(relsXml, rel.id, `../tables/${tablePath.slice(tablePath.lastIndexOf('/') + 1)}`);
    }
    if (relsXml) parts.set(relsPathOf(path), textBytes(relsXml));
    while (wbRels.includes(`Id="${relIdPrefix}${relN}"`)) relN++;
    const relId = `${relIdPrefix}${relN++}`;
    wbRels = wbRels.replace(/<\/Relationships>\s*$/, `<Relationship Id="${relId}" Type="${REL_TYPES.worksheet}" Target="${path.slice(wbFolder.length)}"/></Relationships>`);
    const state = order.find((o) => o.name === name)?.visibility;
    freshEntries.set(name, `<${prefix}sheet name="${xmlAttr(name)}" sheetId="${nextSheetId++}"${state && state !== 'visible' ? ` state="${state}"` : ''} ${relPrefix}:id="${relId}"/>`);
  }

  // The workbook's sheet list in the workbook's order; names and the active tab follow.
  const sheetsOpen = new RegExp(`<(${PREFIX})sheets\\b[^>]*>`).exec(wbXml);
  const sheetsClose = sheetsOpen ? wbXml.indexOf(`</${sheetsOpen[1]}sheets>`, sheetsOpen.index) : -1;
  if (!sheetsOpen || sheetsClose < 0) throw new Error('the workbook part has no list of sheets');
  const originalElements = new Map<string, string>();
  const sheetsBody = wbXml.slice(sheetsOpen.index + sheetsOpen[0].length, sheetsClose);
  for (const m of sheetsBody.matchAll(new RegExp(`<${PREFIX}sheet\\b[^>]*?\\/>`, 'g'))) {
    const name = /\sname="([^"]*)"/.exec(m[0])?.[1];
    if (name !== undefined) originalElements.set(unescapeXml(name), m[0]);
  }
  const finalNames = order.map((o) => o.name).filter((n) => freshEntries.has(n) || keptEntries.some((s) => s.name === n));
  const elements = finalNames.map((n) => freshEntries.get(n) ?? originalElements.get(n) ?? '');
  wbXml = wbXml.slice(0, sheetsOpen.index + sheetsOpen[0].length) + elements.join('') + wbXml.slice(sheetsClose);

  const oldIndex = original.sheets.map((s) => s.name);
  const newIndex = (old: number) => finalNames.indexOf(oldIndex[old]);
  const droppedNames = dropped.map((s) => s.name).filter((n) => !finalNames.includes(n));
  wbXml = wbXml.replace(new RegExp(`<${PREFIX}definedName\\b([^>]*)>([\\s\\S]*?)<\\/${PREFIX}definedName>`, 'g'), (whole, attrs: string, text: string) => {
    const local = /localSheetId="(\d+)"/.exec(attrs);
    if (local) {
      const n = newIndex(Number(local[1]));
      if (n < 0) return '';
      whole = whole.replace(/localSheetId="\d+"/, `localSheetId="${n}"`);
    }
    const formula = unescapeXml(text);
    if (droppedNames.some((name) => formula.includes(`'${name.replace(/'/g, "''")}'!`) || formula.includes(`${name}!`))) return '';
    return whole;
  });
  wbXml = wbXml.replace(new RegExp(`<(${PREFIX})definedNames\\b[^>]*>\\s*<\\/${PREFIX}definedNames>`), '');
  wbXml = wbXml.replace(new RegExp(`<${PREFIX}workbookView\\b[^>]*?\\/?>`), (view) => {
    const active = Number(/activeTab="(\d+)"/.exec(view)?.[1] ?? 0);
    const visible = finalNames.findIndex((n) => {
      const entry = original.sheets.find((s) => s.name === n);
      return entry ? entry.state === 'visible' : !/state="(hidden|veryHidden)"/.test(freshEntries.get(n) ?? '');
    });
    const now = newIndex(active) >= 0 ? newIndex(active) : Math.max(0, visible);
    const cleaned = view.replace(/\s(activeTab|firstSheet)="\d+"/g, '');
    return now > 0 ? cleaned.replace(/^(<[\w.:-]+)/, `$1 activeTab="${now}"`) : cleaned;
  });

  parts.set(wbPath, textBytes(wbXml));
  parts.set(relsPathOf(wbPath), textBytes(wbRels));
  parts.set('[Content_Types].xml', textBytes(contentTypes));
  return parts;
}
