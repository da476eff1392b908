/** The "National figures" sheet: made for the user to fill when it is missing, and read by the reports. */
import type { WorkbookPort } from '../workbook/port';
import { buildNationalFiguresSheet, NATIONAL_SHEET, readNationalFigures, type NationalFigure } from '../sheets/nationalFigures';

/** Creates the sheet unless one of that name exists (it is never overwritten); moves the user to it. */
export async function ensureNationalFigures(port: WorkbookPort): Promise<{ sheetName: string; created: boolean }> {
  if ((await port.readSheetValues(NATIONAL_SHEET)) !== null) {
    await port.activateSheet(NATIONAL_SHEET);
    return { sheetName: NATIONAL_SHEET, created: false };
  }
  const written = await port.writeSheet(buildNationalFiguresSheet());
  return { sheetName: written.sheetName, created: true };
}

/** The figures the user has entered; none when the sheet is absent. */
export async function loadNationalFigures(port: WorkbookPort): Promise<NationalFigure[]> {
  return readNationalFigures(await port.readSheetValues(NATIONAL_SHEET));
}
