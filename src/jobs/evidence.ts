/**
 * The evidence lookup job: lists the workbook's sheets, reads the latest gap report and the
 * interventions register (or a few impact sheets) with the port, and reads their headline
 * figures with the readers in src/sheets/evidence.ts.
 */
import type { WorkbookPort } from '../workbook/port';
import {
  MAX_EVALUATIONS,
  REGISTER_SHEET,
  datedSheets,
  gapFigures,
  impactFigures,
  registerFigures,
  type GapReportEvidence,
  type InterventionFigure,
  type WorkbookEvidence,
} from '../sheets/evidence';

/**
 * Finds the latest gap report and the latest intervention evaluations in the workbook and reads
 * their headline figures. Reads only the sheets it cites (at most one gap report, the register,
 * and a few impact sheets when there is no register).
 */
export async function findEvidence(port: WorkbookPort): Promise<WorkbookEvidence> {
  const sheets = await port.listSheets();
  const names = sheets.map((s) => s.name);
  const { gapReports, impacts } = datedSheets(names);

  let gapReport: GapReportEvidence | null = null;
  for (const g of gapReports) {
    const values = await port.readSheetValues(g.name);
    if (!values) continue;
    gapReport = { sheet: g.name, date: g.date, figures: gapFigures(values) };
    break;
  }

  let interventions: InterventionFigure[] = [];
  const register = names.find((n) => n.trim().toLowerCase() === REGISTER_SHEET.toLowerCase());
  if (register) {
    const values = await port.readSheetValues(register);
    if (values) interventions = registerFigures(values, register);
  }
  if (interventions.length === 0) {
    for (const sheet of impacts.slice(0, MAX_EVALUATIONS)) {
      const values = await port.readSheetValues(sheet.name);
      if (values) interventions.push(impactFigures(values, sheet));
    }
  }
  interventions = interventions
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.date === b.f.date ? b.i - a.i : a.f.date < b.f.date ? 1 : -1))
    .map((x) => x.f)
    .slice(0, MAX_EVALUATIONS);
  return { gapReport, interventions };
}
