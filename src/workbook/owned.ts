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
