/**
 * Sheet and table names that Excel accepts, made unique in the workbook.
 *
 * Excel's rules: a sheet name has 1-31 characters, none of `[ ] : * ? / \`, does not start or end
 * with an apostrophe, and is not "History" (reserved); names compare case-insensitively. A table
 * name starts with a letter or "_", holds letters, digits, "_" and "." only, is at most 255
 * characters, must not look like a cell reference ("A1", "R1C1", "R", "C"), and is unique
 * (case-insensitively) across the workbook.
 */

export const MAX_SHEET_NAME = 31;
const MAX_TABLE_NAME = 255;

/**
 * Text Excel accepts in a sheet name, the one rule for every part of one (a report's data name, an
 * intervention's name): slashes, backslashes and colons become "-" ("22/11/2026" stays readable as
 * "22-11-2026"), the other forbidden characters `[ ] * ?` are dropped, runs of spaces become one,
 * and apostrophes are trimmed from the ends. It may be empty, and is not cut to length.
 *
 * @example sheetNameText(" 'Set [3]: *maths?' ") // "Set 3- maths"
 */
export function sheetNameText(text: string): string {
  return text
    .replace(/[/\\:]/g, '-')
    .replace(/[[\]*?]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
}

/**
 * A name Excel accepts for a sheet: `sheetNameText`, "Sheet" when nothing is left, cut to 31, and
 * never the reserved "History".
 *
 * @example sanitiseSheetName("Gap report 22/11/2026") // "Gap report 22-11-2026"
 */
export function sanitiseSheetName(desired: string): string {
  let s = sheetNameText(desired);
  if (s === '') s = 'Sheet';
  if (s.length > MAX_SHEET_NAME) s = s.slice(0, MAX_SHEET_NAME).replace(/'+$/, '').trimEnd();
  if (s.toLowerCase() === 'history') s = 'History (2)';
  return s;
}

const ENDS_WITH_DATE = /^(.*?)( \d{4}-\d{2}-\d{2})$/;

/**
 * A sheet name not already in `taken` (compared case-insensitively): the sanitised name itself,
 * else the name with " (2)", " (3)"... shortened so the whole stays within 31 characters. A name
 * ending in a date keeps its date: the words before it are shortened instead.
 *
 * @example uniqueSheetName("Gap report", ["Gap report"]) // "Gap report (2)"
 * @example uniqueSheetName("Impact Year 9 reading 2026-11-23", [...]) // "Impact Year 9 re 2026-11-23 (2)"
 */
export function uniqueSheetName(desired: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  const base = sanitiseSheetName(desired);
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = ` (${k})`;
    const dated = ENDS_WITH_DATE.exec(base);
    const stem = dated
      ? `${dated[1].slice(0, MAX_SHEET_NAME - suffix.length - dated[2].length).replace(/'+$/, '').trimEnd()}${dated[2]}`
      : base.slice(0, MAX_SHEET_NAME - suffix.length).replace(/'+$/, '').trimEnd();
    const candidate = `${stem}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

function looksLikeReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*$/.test(name) || /^[Cc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
}

/**
 * A name Excel accepts for a table: invalid characters become "_", a leading digit or "." gets a
 * "T_" prefix, and a name that reads as a cell reference gets "Table_" in front.
 *
 * @example sanitiseTableName("Year 9 gaps") // "Year_9_gaps"
 */
export function sanitiseTableName(desired: string): string {
  let s = desired.trim().replace(/[^A-Za-z0-9_.\\]/g, '_').replace(/\\/g, '_');
  if (s === '' || /^_+$/.test(s)) s = 'Table';
  if (!/^[A-Za-z_]/.test(s)) s = `T_${s}`;
  if (looksLikeReference(s)) s = `Table_${s}`;
  return s.slice(0, MAX_TABLE_NAME);
}

/**
 * A table name not already in `taken` (case-insensitive): the sanitised name, else with "_2", "_3"...
 *
 * @example uniqueTableName("Gaps", ["gaps"]) // "Gaps_2"
 */
export function uniqueTableName(desired: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(t.toLowerCase());
  const base = sanitiseTableName(desired);
  if (!used.has(base.toLowerCase())) return base;
  for (let k = 2; ; k++) {
    const suffix = `_${k}`;
    const candidate = `${base.slice(0, MAX_TABLE_NAME - suffix.length)}${suffix}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Whether two sheet or table names are the same name to Excel (names compare case-insensitively).
 *
 * @example sameName("Year 7", "YEAR 7") // true
 */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}
