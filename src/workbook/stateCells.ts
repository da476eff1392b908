/**
 * The add-in's state as rows of a worksheet: one row per piece, `[key, part number, text]`.
 * A long value is split into pieces well below Excel's 32,767-character cell limit, never between
 * the two halves of a surrogate pair, so it reads back exactly.
 */
import type { CellValue } from './port';

/** Characters per cell; Excel allows 32,767. */
export const STATE_PIECE = 30_000;

export const STATE_HEADER: CellValue[] = ['Key', 'Part', 'Value'];

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

/**
 * State entries as sheet rows (header first). Text cells should be written with a leading
 * apostrophe so Excel keeps them as text: see `markedText` in cellText.ts.
 *
 * @example encodeState({ a: "x" }) // [["Key","Part","Value"], ["a", 1, "x"]]
 */
export function encodeState(state: Record<string, string>, size = STATE_PIECE): CellValue[][] {
  const rows: CellValue[][] = [STATE_HEADER];
  for (const [key, value] of Object.entries(state)) {
    pieces(value, size).forEach((p, i) => rows.push([key, i + 1, p]));
  }
  return rows;
}

/** State entries read back from the sheet's rows (pieces joined in part order; header skipped). */
export function decodeState(values: ReadonlyArray<ReadonlyArray<unknown>> | null): Record<string, string> {
  const parts = new Map<string, Array<{ n: number; text: string }>>();
  for (const row of values ?? []) {
    const key = row[0];
    const n = Number(row[1]);
    if (typeof key !== 'string' || key === '' || !Number.isInteger(n) || n < 1) continue;
    const text = row[2] === null || row[2] === undefined ? '' : String(row[2]);
    const list = parts.get(key) ?? [];
    list.push({ n, text });
    parts.set(key, list);
  }
  const out: Record<string, string> = {};
  for (const [key, list] of parts) out[key] = list.sort((a, b) => a.n - b.n).map((p) => p.text).join('');
  return out;
}
