import { analyseGaps, checkAssessments, defaultThresholdOf } from '../../../src/core/gaps/analysis';
import { buildGapReport } from '../../../src/sheets/gapReport';
import type { CellValue, TableData } from '../../../src/workbook/port';

/*
 * Forty pupils, PP and SEND flags, Maths and English at two points, made in R 4 with
 *   set.seed(7); n <- 40; pp <- rep(c(1,0,0,1,0), 8); send <- rep(c(0,0,1,0,1,0,0,1), 5)
 *   ma1 <- round(100 + rnorm(n, 0, 8) - 5*pp); ma2 <- round(ma1 + rnorm(n, 2, 4) - 3*pp)
 *   en1 <- round(100 + rnorm(n, 0, 8) - 2*send); en2 <- round(en1 + rnorm(n, 1, 4))
 * Every group has 15 or more pupils with spread, so the intervals are Welch's (t.test). Then
 *   tp <- function(x, f) t.test(x[f==0], x[f==1])$p.value
 *   ps <- c(tp(ma1,pp), tp(ma1,send), tp(ma2,send), tp(ma2-ma1,pp), tp(ma2-ma1,send),
 *           tp(en1,pp), tp(en1,send), tp(en2,send), tp(en2-en1,pp), tp(en2-en1,send))
 *   p.adjust(ps, 'BH'); c(tp(ma2,pp), tp(en2,pp))   # the two headline comparisons, unadjusted
 */
const PUPILS = [[1,0,113,117,103,98],[0,0,90,89,100,107],[0,1,94,95,98,102],[1,0,92,86,97,97],[0,1,92,92,92,96],[1,0,87,84,98,105],[0,0,106,113,97,100],[0,1,99,103,96,97],[1,0,96,95,86,81],[0,0,118,124,105,110],[1,1,98,96,111,110],[0,0,122,124,95,99],[0,1,118,121,103,107],[1,0,98,104,102,104],[0,0,115,120,107,113],[1,1,99,100,93,91],[0,0,93,89,109,112],[0,0,98,101,88,93],[1,1,95,95,94,96],[0,0,108,106,99,104],[1,1,102,101,102,97],[0,0,106,109,105,103],[0,0,110,114,99,101],[1,1,84,86,89,91],[0,0,110,113,102,105],[1,0,96,99,87,88],[0,1,106,111,106,103],[0,0,105,112,108,111],[1,1,87,91,105,107],[0,0,98,103,101,98],[1,0,88,89,97,97],[0,1,106,104,102,107],[0,0,101,101,105,102],[1,0,94,90,105,105],[0,1,97,92,91,95],[1,0,91,85,112,110],[0,1,108,106,88,83],[0,0,91,91,109,115],[1,0,94,93,108,114],[0,1,103,115,100,101]]; // prettier-ignore
const BH = [0.0074830156941277, 0.7895629112914199, 0.7895629112914199, 0.1630264595152389, 0.9435350948870351, 0.7895629112914199, 0.3932113410934839, 0.3006245653199191, 0.1630264595152389, 0.5994542209746975];
const HEADLINE_P = [0.000548772341704196, 0.240795185859885685];

const HEADERS = ['PP', 'SEND', 'Ma Aut', 'Ma Sum', 'En Aut', 'En Sum'];
const data: TableData = { description: 'sheet Y6', address: "'Y6'!A1:F41", headers: HEADERS, rows: PUPILS.map(([p, s, ...x]) => [p ? 'Y' : '', s ? 'K' : 'N', ...x]) };
const OPTIONS = { columns: { disadvantaged: 0, send: 1 }, assessments: [2, 3, 4, 5].map((index) => ({ index, scale: 'gcse' as const })) };

describe('analyseGaps: the allowance for chance', () => {
  const a = analyseGaps(data, OPTIONS);
  const find = (header: string, kind: string) => a.results.find((r) => r.header === header && r.kind === kind)!;

  test('headline comparisons are disadvantaged vs others at the latest point of each subject, judged on their own p', () => {
    const heads = a.results.filter((r) => r.headline);
    expect(heads.map((r) => r.header)).toEqual(['Ma Sum', 'En Sum']);
    heads.forEach((r, i) => expect(r.summary.p).toBeCloseTo(HEADLINE_P[i], 10));
    expect(heads.map((r) => r.verdict)).toEqual(['clear gap', 'no clear gap']);
    expect(heads.every((r) => Number.isNaN(r.adjustedP))).toBe(true);
  });

  test('every other gap and every change is adjusted together as R p.adjust(p, "BH") does, and only what survives is clear', () => {
    const got = [
      find('Ma Aut', 'disadvantaged').adjustedP,
      find('Ma Aut', 'send').adjustedP,
      find('Ma Sum', 'send').adjustedP,
      find('Ma Sum', 'disadvantaged').changeAdjustedP,
      find('Ma Sum', 'send').changeAdjustedP,
      find('En Aut', 'disadvantaged').adjustedP,
      find('En Aut', 'send').adjustedP,
      find('En Sum', 'send').adjustedP,
      find('En Sum', 'disadvantaged').changeAdjustedP,
      find('En Sum', 'send').changeAdjustedP,
    ];
    got.forEach((p, i) => expect(p).toBeCloseTo(BH[i], 10));
    expect(find('Ma Aut', 'disadvantaged').verdict).toBe('clear gap');
    expect(a.results.filter((r) => !r.headline && r.clear).map((r) => `${r.header} ${r.kind}`)).toEqual(['Ma Aut disadvantaged']);
    // The change in the maths gap does not survive the adjustment (BH 0.163): "no clear change".
    expect(find('Ma Sum', 'disadvantaged').changeWord).toBe('no clear change');
  });

  test('the counts for the header: 12 comparisons, 2 headline, 10 adjusted, 0.6 expected by chance at 5%', () => {
    expect(a.chance).toMatchObject({ comparisons: 12, headline: 2, adjusted: 10 });
    expect(a.chance.expectedByChance).toBeCloseTo(0.6, 12);
  });
});

describe('thresholds follow the scale', () => {
  const col = (xs: number[]) => xs;
  test('9-1 grades: 4; KS2 scaled: 100; standardised: 85; unknown numbers: none until set', () => {
    expect(defaultThresholdOf('gcse', col([3, 4, 5, 7])).threshold).toBe(4);
    expect(defaultThresholdOf('gcse', col([95, 101, 108, 112])).threshold).toBe(100);
    expect(defaultThresholdOf('gcse', col([72, 95, 101, 131])).threshold).toBe(85);
    const unknown = defaultThresholdOf('gcse', col([12, 35, 48, 60]));
    expect(unknown.threshold).toBeNull();
    expect(unknown.reason).toMatch(/until you set a threshold/);
    expect(defaultThresholdOf('nc', col([21, 27])).threshold).toBe(27);
  });

  test('an unknown scale gives no threshold gap rather than 0, and the header says "none"', () => {
    const rows: CellValue[][] = Array.from({ length: 12 }, (_, i) => [i % 3 === 0 ? 'Y' : '', 20 + 3 * i]);
    const d: TableData = { description: 'sheet S', address: "'S'!A1:B13", headers: ['PP', 'Quiz'], rows };
    const a = analyseGaps(d, { columns: { disadvantaged: 0 }, assessments: [{ index: 1, scale: 'gcse' }] });
    expect(a.results[0].threshold).toBeNull();
    expect(Number.isNaN(a.results[0].thresholdGap)).toBe(true);
    const spec = buildGapReport(d, { columns: { disadvantaged: 0 }, assessments: [{ index: 1, scale: 'gcse' }] }, new Date(2026, 0, 5));
    expect(spec.blocks.flatMap((b) => b.values).find((r) => r[0] === 'Thresholds (points)')?.[1]).toBe('Quiz none');
  });

  test('a threshold that puts 95% of pupils on one side is warned about', () => {
    const rows: CellValue[][] = Array.from({ length: 40 }, (_, i) => [i % 4 === 0 ? 'Y' : '', i === 0 ? 3 : 6 + (i % 3)]);
    const d = { headers: ['PP', 'Ma'], rows };
    const [c] = checkAssessments(d, { assessments: [{ index: 1, scale: 'gcse' }] });
    expect(c.threshold).toBe(4);
    expect(c.balanceWarning).toMatch(/^98% of pupils \(39 of 40\) are at or above the threshold 4/);
  });

  test('a column with more than 20% unreadable cells is flagged, still analysed, and said in bold in the header', () => {
    const rows: CellValue[][] = Array.from({ length: 20 }, (_, i) => [i % 3 === 0 ? 'Y' : '', i < 5 ? 'B' : String(3 + (i % 5))]);
    const d: TableData = { description: 'sheet S', address: "'S'!A1:B21", headers: ['PP', 'Sci Sum'], rows };
    const opts = { columns: { disadvantaged: 0 }, assessments: [{ index: 1, scale: 'gcse' as const }] };
    const [c] = checkAssessments(d, opts);
    expect(c.unreadable).toMatchObject({ filled: 20, unreadable: 5, share: 0.25 });
    expect(c.unreadable.warning).toMatch(/5 of 20 filled cells in "Sci Sum" \(25%\) cannot be read as GCSE 9-1 grades/);
    const a = analyseGaps(d, opts);
    expect(a.results[0].summary.nDisadvantaged + a.results[0].summary.nOther).toBe(15);
    const spec = buildGapReport(d, opts, new Date(2026, 0, 5));
    const warning = spec.blocks.find((b) => String(b.values[0][0]).startsWith('Warning: 5 of 20'));
    expect(warning?.style).toBe('subtitle'); // the bold style
  });
});
