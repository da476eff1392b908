/**
 * The list of sheets the add-in made, kept in the add-in's state in the workbook (so it travels
 * with the file). Sheets are recorded by name: Excel's worksheet ids change between sessions
 * (office-js-docs issue 297), so they cannot identify a sheet after the file is reopened.
 */

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
