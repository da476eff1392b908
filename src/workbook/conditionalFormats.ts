/**
 * Conditional formats and data validation on a sheet the add-in rewrites, decided once for both
 * workbooks (Excel and in memory): the rules the add-in writes, described as Excel holds them, and
 * which of the rules found on a sheet being replaced are the add-in's own (removed, because the new
 * write adds them again) and which are a colleague's (kept exactly as they are).
 *
 * How the add-in's own rules are recognised, and why so. A rule is the add-in's when both hold:
 * 1. Its rule is one the sheet's new write also makes (`addInRule`): the same type, the same
 *    colours from `palette.ts` and, for a colour scale, the same three points; thresholds aside, as
 *    a value rule's threshold may change between writes. A sheet's builder writes the same kinds of
 *    rule every time, so the previous write's rules are among them.
 * 2. None of its cells is a people's cell (`SheetSpec.userCells`): the add-in never puts a rule
 *    there, so a rule on Notes or Evidence is a colleague's, even a copy of the add-in's colours.
 * Nothing is recorded at write time. A record in the add-in's state or mark would be lost with the
 * state (co-authors), would not follow the rule when a colleague inserts rows above it (Excel moves
 * the rule, not the record), and would not exist for sheets written by earlier versions, whose rules
 * would then be doubled. The rule itself travels with the sheet. The one case it gets wrong: a
 * colleague's rule identical to the add-in's (same type and colours) on the add-in's own cells is
 * taken for the add-in's and removed.
 *
 * Data validation: the add-in never sets any, so every rule found is a colleague's and is kept.
 */
import type { ConditionalFormat, SheetSpec, Tone } from './port';
import type { Area } from './sources';
import { SCALE_COLOURS, TONE_FILLS } from './palette';

/** One point of a colour scale as Excel lists it: its kind ("LowestValue", "Percentile"...), value and colour. */
export interface ScalePoint {
  type: string;
  formula?: string | null;
  color?: string | null;
}

/**
 * A conditional format as Excel holds it, as far as the add-in reads it: the cells it applies to
 * (several areas when Excel split it), its type (Excel's `ConditionalFormatType`: "ColorScale",
 * "CellValue", "Custom", "DataBar"...) and, for the two types the add-in writes, its rule.
 */
export interface SheetConditionalFormat {
  areas: Area[];
  type: string;
  colorScale?: { minimum?: ScalePoint | null; midpoint?: ScalePoint | null; maximum?: ScalePoint | null };
  cellValue?: { operator: string; formula1: string; formula2?: string | null; fill?: string | null; fontColor?: string | null };
  /** A "Custom" rule's formula (kept to describe a colleague's rule; the add-in writes none). */
  formula?: string;
}

/** A data validation rule (a drop-down list, a number range...): the cells and Excel's description. */
export interface DataValidation {
  areas: Area[];
  /** Excel's `DataValidationType`: "List", "WholeNumber", "Decimal", "Date", "Custom"... */
  type: string;
  /** A list's source, or the rule's first value or formula. */
  formula1?: string;
  formula2?: string;
  operator?: string;
}

/** The fill of a value rule: its tone, else green above a threshold ("good") and red below ("bad"). */
export function valueRuleFill(cf: ConditionalFormat): string {
  const tone: Tone = cf.tone ?? (cf.kind === 'greaterThan' ? 'good' : 'bad');
  return TONE_FILLS[tone];
}

/** What the add-in writes for one of its conditional formats, in Excel's terms (Excel writes exactly this). */
export function addInRule(cf: ConditionalFormat): SheetConditionalFormat {
  const areas = [{ row: cf.row, col: cf.col, rows: Math.max(1, cf.rows), cols: Math.max(1, cf.cols) }];
  if (cf.kind === 'colorScale') {
    return {
      areas,
      type: 'ColorScale',
      colorScale: {
        minimum: { type: 'LowestValue', color: SCALE_COLOURS.low },
        midpoint: { type: 'Percentile', formula: '50', color: SCALE_COLOURS.mid },
        maximum: { type: 'HighestValue', color: SCALE_COLOURS.high },
      },
    };
  }
  return {
    areas,
    type: 'CellValue',
    cellValue: { operator: cf.kind === 'greaterThan' ? 'GreaterThan' : 'LessThan', formula1: String(cf.value ?? 0), fill: valueRuleFill(cf) },
  };
}

const same = (a: string | null | undefined, b: string | null | undefined) => (a ?? '').trim().toLowerCase() === (b ?? '').trim().toLowerCase();
const blank = (x: string | null | undefined) => x === null || x === undefined || x.trim() === '';
/** A number as a rule's formula holds it ("50" or "=50"); null for anything else. */
function numberIn(formula: string | null | undefined): number | null {
  const t = (formula ?? '').trim().replace(/^=/, '');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : null;
}

function samePoint(found: ScalePoint | null | undefined, ours: ScalePoint | null | undefined): boolean {
  if (!ours || !found) return !ours && !found;
  // A value Excel leaves out (a lowest or highest point has none) is not a difference.
  const values = blank(found.formula) || blank(ours.formula) || numberIn(found.formula) === numberIn(ours.formula);
  return same(found.type, ours.type) && same(found.color, ours.color) && values;
}

/** True when a rule found on a sheet has the rule the add-in writes (thresholds aside). */
function sameRule(found: SheetConditionalFormat, ours: SheetConditionalFormat): boolean {
  if (!same(found.type, ours.type)) return false;
  if (ours.colorScale) {
    const f = found.colorScale;
    return !!f && samePoint(f.minimum, ours.colorScale.minimum) && samePoint(f.midpoint, ours.colorScale.midpoint) && samePoint(f.maximum, ours.colorScale.maximum);
  }
  if (ours.cellValue) {
    const f = found.cellValue;
    // The add-in sets a fill and nothing else: a rule with a font colour (Excel's "Light red fill
    // with dark red text") is a colleague's.
    return !!f && same(f.operator, ours.cellValue.operator) && same(f.fill, ours.cellValue.fill) && blank(f.fontColor) && numberIn(f.formula1) !== null && blank(f.formula2);
  }
  return false;
}

function overlaps(a: Area, b: Area): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

/**
 * True when a conditional format found on a sheet being replaced is the add-in's own (see the
 * module's comment): it has a rule of the new write, and touches none of the people's cells.
 */
export function isAddInsConditionalFormat(found: SheetConditionalFormat, spec: Pick<SheetSpec, 'conditionalFormats' | 'userCells'>): boolean {
  const theirs = spec.userCells ?? [];
  if (found.areas.some((a) => theirs.some((u) => overlaps(a, u)))) return false;
  return (spec.conditionalFormats ?? []).some((cf) => sameRule(found, addInRule(cf)));
}
