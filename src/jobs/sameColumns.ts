/**
 * The check every job makes when it reads the chosen data again to run: the columns must still be
 * the ones the leader chose them from, or the choices would point at other columns.
 */
import type { DataSource, TableData, WorkbookPort } from '../workbook/port';
import { valueError } from '../core/errors';

/**
 * Throws when `headers` are not the columns chosen from, naming the first column that changed.
 *
 * @throws "The columns of the data changed since it was chosen (column 2 was "Reading Pre" and is now "KS2 score"): choose the data again and check the columns."
 */
export function requireSameColumns(chosen: readonly string[], headers: readonly string[]): void {
  const changed = chosen.length !== headers.length ? -1 : chosen.findIndex((h, i) => h !== headers[i]);
  if (chosen.length !== headers.length || changed >= 0) {
    const what = changed >= 0 ? ` (column ${changed + 1} was "${chosen[changed]}" and is now "${headers[changed]}")` : '';
    throw valueError(`The columns of the data changed since it was chosen${what}: choose the data again and check the columns.`);
  }
}

/** Reads the data again and checks it still has the columns chosen from. */
export async function readSameColumns(port: WorkbookPort, source: DataSource, chosen: readonly string[]): Promise<TableData> {
  const data = await port.readData(source);
  requireSameColumns(chosen, data.headers);
  return data;
}
