/** A gap report row in words for the task pane (the whole report's and a split report's results). */
import type { GapResult } from '../../../core/gaps/analysis';
import { fixed } from '../../../core/numberText';

/** Two decimals, never "-0.00". */
function fmt(x: number): string {
  return fixed(x, 2);
}

/** One headline in words; "too few pupils to tell" rather than numbers a tiny group cannot support. */
export function headlineText(r: GapResult): string {
  const s = r.summary;
  const sizes = `${s.nDisadvantaged} disadvantaged, ${s.nOther} others`;
  if (r.tooFew || !Number.isFinite(s.gap) || !Number.isFinite(s.ciLower)) return `too few pupils to tell (${sizes})`;
  return `${fmt(s.gap)} points, 95% CI ${fmt(s.ciLower)} to ${fmt(s.ciUpper)}, ${r.verdict}; ${sizes}`;
}

/** " (Y9 Aut)" after the subject, or nothing when the header has no separate point (e.g. "Maths KS2"). */
export function pointText(r: Pick<GapResult, 'subject' | 'point'>): string {
  return r.point && r.point !== r.subject ? ` (${r.point})` : '';
}
