/**
 * The list of sheets the add-in made, kept in the add-in's state in the workbook (so it travels
 * with the file). Sheets are recorded by name: Excel's worksheet ids change between sessions
 * (office-js-docs issue 297), so they cannot identify a sheet after the file is reopened.
 */
import { sameName } from './names';

/** The state key holding the owned sheets' names (a JSON array of strings). */
export const OWNED_SHEETS_KEY = 'ctg.ownedSheets';

/** The names recorded in the state value; an absent or damaged value records none. */
export function parseOwned(value: string | null): string[] {
  if (value === null) return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function serialiseOwned(names: readonly string[]): string {
  return JSON.stringify([...names]);
}

/** Whether a sheet name is among the owned names (compared as Excel compares names). */
export function isOwnedName(owned: readonly string[], name: string): boolean {
  return owned.some((o) => sameName(o, name));
}

/** The owned names with `name` recorded (unchanged when it is already there). */
export function recordOwned(owned: readonly string[], name: string): string[] {
  return isOwnedName(owned, name) ? [...owned] : [...owned, name];
}

/**
 * The refusal to rewrite a sheet the add-in did not make: `existing` is the sheet's name as it is,
 * `wanted` the name the add-in asked for.
 */
export function notOwnedError(existing: string, wanted: string): Error {
  return new Error(
    `The sheet "${existing}" was not made by Closing the Gap, so it was left untouched. Rename that sheet if the add-in should write its own "${wanted}" sheet.`,
  );
}

/**
 * The text the add-in's mark on a sheet carries (Excel: the comment of the sheet-level name
 * `CTG_Owned`): it records the name the add-in gave the sheet, so ownership can be recovered from
 * the sheet itself when the saved list lost it (a co-author's older state, say), while a copy of the
 * sheet under another name is not taken for the add-in's.
 */
export function markText(sheetName: string): string {
  return `Made by Closing the Gap as "${sheetName}": the add-in may rewrite this sheet.`;
}

/** Whether a mark's text records this sheet's name (marks of earlier versions record none). */
export function markRecords(mark: string | null | undefined, sheetName: string): boolean {
  const m = /^Made by Closing the Gap as "(.*)":/.exec(mark ?? '');
  return m !== null && sameName(m[1], sheetName);
}

/** A sheet is the add-in's when it carries the mark and the saved list, or the mark itself, names it. */
export function isOwnedSheet(owned: readonly string[], sheetName: string, marked: boolean, mark: string | null | undefined): boolean {
  return marked && (isOwnedName(owned, sheetName) || markRecords(mark, sheetName));
}
