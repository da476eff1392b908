/**
 * The "National figures" sheet: a table the add-in creates empty for the user to fill with national
 * figures they have looked up (measure, year, national figure for disadvantaged pupils and for other
 * pupils, source), and its reader. The trend and trust reports show the gap against national other
 * pupils (as Analyse School Performance does) wherever a row's measure matches the outcome's header.
 *
 * The add-in ships no figure: every number on the sheet is the user's, with the source they give.
 */
import type { Block, CellValue, SheetSpec } from '../workbook/port';
import { isBlank, readLabel, readScore } from '../core/cells';

export const NATIONAL_SHEET = 'National figures';

export const NATIONAL_HEADERS = ['Measure', 'Year', 'National disadvantaged', 'National other pupils', 'Source'] as const;

/** The row (0-based) of the table's header on the sheet. */
const HEADER_ROW = 4;
const BLANK_ROWS = 12;

export interface NationalFigure {
  measure: string;
  year: string;
  disadvantaged: number | null;
  other: number | null;
  source: string;
}

/** The empty sheet for the user to fill. */
export function buildNationalFiguresSheet(): SheetSpec {
  const blocks: Block[] = [
    { row: 0, col: 0, values: [['National figures']], style: 'title' },
    {
      row: 1,
      col: 0,
      values: [
        ['Fill one row per measure and year with national figures you have looked up (for example from Explore education statistics), and say where each came from.'],
        ['"Measure" must be the outcome column\'s header exactly as in your data (e.g. "Eng Sum", "Attainment 8"); the trend and trust reports then show the gap to national other pupils.'],
        ['The add-in fills in no figure itself: every number here is yours to enter and check.'],
      ],
      style: 'note',
    },
    {
      row: HEADER_ROW,
      col: 0,
      values: [[...NATIONAL_HEADERS], ...Array.from({ length: BLANK_ROWS }, () => NATIONAL_HEADERS.map((): CellValue => null))],
      headerStyle: 'header',
      table: { name: 'NationalFigures' },
      numberFormat: ['@', '@', '0.00', '0.00', null],
    },
    { row: HEADER_ROW + 1, col: 0, values: Array.from({ length: BLANK_ROWS }, () => NATIONAL_HEADERS.map((): CellValue => null)), style: 'input' },
  ];
  return { name: NATIONAL_SHEET, mode: 'new', blocks, columnWidths: [160, 70, 130, 130, 360], tabTone: 'neutral', activate: true };
}

/** The figures on the sheet (its used range as values): rows under the "Measure" header with a measure and a number. */
export function readNationalFigures(values: ReadonlyArray<ReadonlyArray<CellValue>> | null): NationalFigure[] {
  if (!values) return [];
  const h = values.findIndex((r) => readLabel(r[0]) === 'MEASURE');
  if (h < 0) return [];
  const head = values[h].map((c) => readLabel(c));
  const at = (name: string) => head.indexOf(name.toUpperCase());
  const [m, y, d, o, s] = NATIONAL_HEADERS.map(at);
  const number = (c: CellValue | undefined) => {
    const x = readScore(c);
    return Number.isFinite(x) ? x : null;
  };
  const out: NationalFigure[] = [];
  for (const r of values.slice(h + 1)) {
    if (isBlank(r[m])) continue;
    const fig: NationalFigure = {
      measure: String(r[m]).trim(),
      year: y < 0 || isBlank(r[y]) ? '' : String(r[y]).trim(),
      disadvantaged: d < 0 ? null : number(r[d]),
      other: o < 0 ? null : number(r[o]),
      source: s < 0 || isBlank(r[s]) ? '' : String(r[s]).trim(),
    };
    if (fig.disadvantaged !== null || fig.other !== null) out.push(fig);
  }
  return out;
}

/**
 * The figure for a measure (matched on trimmed, case-insensitive header) in a year; with no year
 * asked, or none matching, the latest year given for that measure when `fallBackToLatest`.
 */
export function nationalFor(figures: readonly NationalFigure[], measure: string, year?: string, fallBackToLatest = false): NationalFigure | null {
  const mine = figures.filter((f) => readLabel(f.measure) === readLabel(measure));
  if (year !== undefined) {
    const hit = mine.find((f) => readLabel(f.year) === readLabel(year));
    if (hit || !fallBackToLatest) return hit ?? null;
  }
  if (mine.length === 0) return null;
  const sorted = [...mine].sort((a, b) => (Number(a.year) || 0) - (Number(b.year) || 0) || a.year.localeCompare(b.year));
  return sorted[sorted.length - 1];
}
