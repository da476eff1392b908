/**
 * The add-in's state as rows of a worksheet: one row per key, `[key, number of pieces, piece 1,
 * piece 2, ...]`, under a header row. A long value is split into pieces well below Excel's
 * 32,767-character cell limit, never between the two halves of a surrogate pair, so it reads back
 * exactly.
 *
 * One row per key lets a save write only its own row (never clearing the sheet), so two people
 * co-authoring a workbook do not erase each other's state. Sheets in the earlier layout (header
 * "Key, Part, Value", one row per piece) still read, and the first save rewrites them once.
 */
import type { CellValue } from './port';

/** Characters per cell; Excel allows 32,767. */
export const STATE_PIECE = 30_000;

export const STATE_HEADER: CellValue[] = ['Key', 'Pieces', 'Value'];
/** The header of the earlier layout, one row per piece. */
export const OLD_STATE_HEADER: CellValue[] = ['Key', 'Part', 'Value'];

function pieces(value: string, size: number): string[] {
  if (value === '') return [''];
  const out: string[] = [];
  let i = 0;
  while (i < value.length) {
    let end = Math.min(value.length, i + size);
    const code = value.charCodeAt(end - 1);
    if (end < value.length && code >= 0xd800 && code <= 0xdbff) end -= 1; // keep a surrogate pair together
    out.push(value.slice(i, end));
    i = end;
  }
  return out;
}

/** One key's row: `[key, n, piece 1, ..., piece n]`. */
export function encodeStateRow(key: string, value: string, size = STATE_PIECE): CellValue[] {
  const p = pieces(value, size);
  return [key, p.length, ...p];
}

/**
 * State entries as sheet rows (header first), one row per key.
 *
 * @example encodeState({ a: "x" }) // [["Key","Pieces","Value"], ["a", 1, "x"]]
 */
export function encodeState(state: Record<string, string>, size = STATE_PIECE): CellValue[][] {
  return [STATE_HEADER, ...Object.entries(state).map(([k, v]) => encodeStateRow(k, v, size))];
}

function isOldLayout(values: ReadonlyArray<ReadonlyArray<unknown>>): boolean {
  return values.length > 0 && String(values[0][1] ?? '').trim().toLowerCase() === 'part';
}

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v);
}

/** State entries read back from the sheet's rows, in either layout (header skipped). */
export function decodeState(values: ReadonlyArray<ReadonlyArray<unknown>> | null): Record<string, string> {
  const rows = values ?? [];
  const out: Record<string, string> = {};
  if (isOldLayout(rows)) {
    const parts = new Map<string, Array<{ n: number; text: string }>>();
    for (const row of rows) {
      const key = row[0];
      const n = Number(row[1]);
      if (typeof key !== 'string' || key === '' || !Number.isInteger(n) || n < 1) continue;
      const list = parts.get(key) ?? [];
      list.push({ n, text: text(row[2]) });
      parts.set(key, list);
    }
    for (const [key, list] of parts) out[key] = list.sort((a, b) => a.n - b.n).map((p) => p.text).join('');
    return out;
  }
  rows.forEach((row, i) => {
    const key = row[0];
    const n = Number(row[1]);
    if (i === 0 || typeof key !== 'string' || key === '' || !Number.isInteger(n) || n < 1) return;
    out[key] = row.slice(2, 2 + n).map(text).join('');
  });
  return out;
}

/** The rows to write to save one key: a rectangle at `row` (0-based, column A), `clear` first when set. */
export interface StateWrite {
  row: number;
  cells: CellValue[][];
  /** Width to clear on those rows first (a shorter value than before); 0 for none. */
  clearCols: number;
  /** The whole sheet is rewritten once (an earlier layout): clear it first. */
  clearAll: boolean;
}

/**
 * What to write to save `key` = `value`, given the state sheet's rows as just read (from A1): only
 * that key's row (found by key, or the first row after the others), the header too on an empty
 * sheet; a sheet in the earlier layout is rewritten once in this layout.
 */
export function planStateWrite(values: ReadonlyArray<ReadonlyArray<unknown>> | null, key: string, value: string, size = STATE_PIECE): StateWrite {
  const rows = values ?? [];
  const line = encodeStateRow(key, value, size);
  if (isOldLayout(rows)) {
    const cells = encodeState({ ...decodeState(rows), [key]: value }, size);
    return { row: 0, cells, clearCols: 0, clearAll: true };
  }
  if (rows.length === 0 || rows.every((r) => r.every((v) => v === null || v === ''))) return { row: 0, cells: [STATE_HEADER, line], clearCols: 0, clearAll: false };
  const at = rows.findIndex((r, i) => i > 0 && r[0] === key);
  if (at > 0) {
    const width = rows[at].reduce<number>((w, v, c) => (v === null || v === '' ? w : c + 1), 0);
    return { row: at, cells: [line], clearCols: width > line.length ? width : 0, clearAll: false };
  }
  let end = rows.length;
  while (end > 1 && rows[end - 1].every((v) => v === null || v === '')) end -= 1;
  return { row: end, cells: [line], clearCols: 0, clearAll: false };
}
