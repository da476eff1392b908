/**
 * The trust view report: one row per school with its disadvantaged and other pupils, its gap and
 * interval, the gap shrunk toward the trust average (empirical Bayes), the funnel limits at its number
 * of disadvantaged pupils and whether it is outside them; the schools outside the limits on either
 * side (to learn from, to support); two funnel plots drawn as native scatter charts (the gap, and
 * disadvantaged pupils against the trust's other pupils) with the trust average and the 95% and 99.8%
 * limits as lines; the gap to national other pupils where a national figure is entered; and, as an
 * option, contextual value added per school.
 *
 * Every number comes from the core (src/core/trends); this file only lays it out.
 */
import type { Block, CellValue, ChartSpec, ScatterSeries, SheetSpec } from '../workbook/port';
import type { ContextualValueAdded, FunnelView, SchoolPoint, TrustFunnel } from '../core/trends';
import { SMALL_GROUP_SIZE } from '../core/gaps/gapSummary';
import type { NationalFigure } from './nationalFigures';
import { FORMATS, headerBlocks, headerHeight, isoDate, madeStamp, type HeaderLine, num, smallGroupTone } from './common';
import { fixed } from '../core/numberText';

/** The trust report's content, made by the trust view job. */
export interface TrustModel {
  funnel: TrustFunnel;
  outcome: string;
  /** The outcome's scale in words ("KS2 scaled scores"), its filled cells not readable on it (left out), and a warning above 20%. */
  scale: { name: string; unreadable: number; warning: string };
  columns: { school: string; disadvantaged: string };
  source: string;
  national: NationalFigure | null;
  /** With the CVA option: the fit, its centre and the names of the columns used. */
  cva: { fit: ContextualValueAdded; centre: number | null; prior: string; context: string[] } | null;
}

export function trustReportName(now: Date): string {
  return `Trust view ${isoDate(now)}`;
}

export const SCHOOL_HEADERS = [
  'School', 'Disadvantaged n', 'Others n', 'Disadvantaged mean', 'Others mean', 'Gap', 'CI lower', 'CI upper', 'Shrunken gap', 'Shrinkage factor',
  '95% lower', '95% upper', '99.8% lower', '99.8% upper', 'Gap: outside limits', 'Disadvantaged minus trust others', 'Against trust others: outside limits',
  'Gap to national other pupils', 'Note',
] as const;

function outsideText(p: SchoolPoint | null): string {
  if (!p || !p.outside) return '';
  return `${p.outside.side === 'learn from' ? 'To learn from' : 'To support'} (outside ${p.outside.level === 0.998 ? '99.8%' : '95%'})`;
}

const CURVE_HEADERS = ['Disadvantaged n', 'Trust average', '95% lower', '95% upper', '99.8% lower', '99.8% upper'];

function curveRows(view: FunnelView): CellValue[][] {
  return [CURVE_HEADERS, ...view.curve.map((c) => [c.n, view.target, c.lower95, c.upper95, c.lower998, c.upper998])];
}

function funnelChart(title: string, yTitle: string, schoolsAt: number, schools: number, yCol: number, curveAt: number, curveN: number, curveCol: number, at: { row: number; col: number }): ChartSpec {
  const line = (name: string, k: number, style: ScatterSeries['style']): ScatterSeries => ({ name, row: curveAt + 1, rows: curveN, xCol: curveCol, yCol: curveCol + k, style });
  return {
    type: 'scatter',
    title,
    data: { row: schoolsAt, col: 1, rows: schools + 1, cols: 1 },
    at,
    width: 460,
    height: 300,
    xAxisTitle: 'Disadvantaged pupils',
    yAxisTitle: yTitle,
    scatter: [
      { name: 'Schools', row: schoolsAt + 1, rows: schools, xCol: 1, yCol, style: 'markers' },
      line('Trust average', 1, 'line'),
      line('95% limits (lower)', 2, 'dashed'),
      line('95% limits (upper)', 3, 'dashed'),
      line('99.8% limits (lower)', 4, 'line'),
      line('99.8% limits (upper)', 5, 'line'),
    ],
  };
}

/** The report sheet for a trust model made at `now`. Pure. */
export function buildTrustReport(model: TrustModel, now: Date): SheetSpec {
  const { funnel } = model;
  const nat = model.national && model.national.other !== null ? model.national : null;
  const lines: HeaderLine[] = [
    ['Data', model.source],
    ['Made', madeStamp(now)],
    ['Outcome', `"${model.outcome}", read as ${model.scale.name}; schools in "${model.columns.school}"; disadvantaged pupils marked in "${model.columns.disadvantaged}"`],
    ['Units', `Every mean, gap, limit and shrunken gap is in points of the outcome (${model.scale.name})${model.scale.unreadable > 0 ? `; ${model.scale.unreadable} ${model.scale.unreadable === 1 ? 'cell' : 'cells'} not readable as ${model.scale.name} left out` : ''}`],
    ['Trust', `${funnel.trust.nDisadvantaged} disadvantaged pupils (mean ${fixed(funnel.trust.meanDisadvantaged, 2)}), ${funnel.trust.nOther} others (mean ${fixed(funnel.trust.meanOther, 2)}); trust gap ${fixed(funnel.gapView.target, 2)}`],
    ['Funnel limits', 'Spiegelhalter (2005): the trust average +- 1.96 and 3.09 standard errors at each number of disadvantaged pupils (95% and 99.8%). A school outside is unusual beyond chance; inside, its figure is within what chance gives a school of its size'],
    ['Gap limits', `SE at n disadvantaged pupils = s x sqrt(1/n + 1/(n x r)), s = ${fixed(funnel.gapView.sd, 3)} / sqrt(1 + 1/r) the trust's pooled SD, r = the trust's others per disadvantaged pupil`],
    ['Shrunken gap', `Each school's gap pulled toward the trust average (${fixed(funnel.shrinkTarget, 2)}) by as much as its noise (empirical Bayes, DerSimonian-Laird between-school variance ${funnel.tau2.toFixed(3)}): a small school is not ranked first by luck`],
    ['National figure', nat ? `${model.outcome} ${nat.year}: national other pupils ${nat.other} (${nat.source || 'no source given'})` : `none entered for "${model.outcome}" (fill the National figures sheet)`],
  ];
  const subtitle = "Each school's disadvantaged pupils, side by side";
  const blocks: Block[] = headerBlocks('Trust view', lines, subtitle);
  let row = headerHeight(lines.length, subtitle);
  // A column that cannot be read well on its scale is said in bold, before any number.
  if (model.scale.warning) {
    blocks.push({ row, col: 0, values: [[`Warning: ${model.scale.warning}`]], style: 'subtitle' });
    row += 1;
  }
  row += 1;

  blocks.push({ row, col: 0, values: [['Schools']], style: 'subtitle' });
  row += 1;
  const schoolsAt = row;
  const schoolRows: CellValue[][] = [[...SCHOOL_HEADERS]];
  for (const s of funnel.schools) {
    const g = s.gapView;
    const note = s.nDisadvantaged < SMALL_GROUP_SIZE ? `Fewer than ${SMALL_GROUP_SIZE} disadvantaged pupils: read the shrunken gap` : s.se === s.se ? '' : 'Too few pupils in a group for an interval';
    schoolRows.push([
      s.school, s.nDisadvantaged, s.nOther, num(s.meanDisadvantaged), num(s.meanOther), num(s.gap), num(s.lower), num(s.upper), num(s.shrunken), num(s.factor),
      g ? g.limits95.lower : null, g ? g.limits95.upper : null, g ? g.limits998.lower : null, g ? g.limits998.upper : null, outsideText(g),
      s.othersView ? num(s.othersView.value) : null, outsideText(s.othersView), nat && nat.other !== null ? num(nat.other - s.meanDisadvantaged) : null, note,
    ]);
  }
  blocks.push({
    row,
    col: 0,
    values: schoolRows,
    headerStyle: 'header',
    numberFormat: [FORMATS.text, FORMATS.integer, FORMATS.integer, FORMATS.twoDp, FORMATS.twoDp, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, null, FORMATS.signedTwoDp, null, FORMATS.signedTwoDp, null],
    table: { name: 'TrustSchools' },
    rowTones: [null, ...funnel.schools.map((s) => (s.gapView?.outside ? (s.gapView.outside.side === 'learn from' ? ('good' as const) : ('bad' as const)) : smallGroupTone(s.nDisadvantaged)))],
  });
  row += schoolRows.length + 1;

  blocks.push({ row, col: 0, values: [['Schools outside the limits']], style: 'subtitle' });
  row += 1;
  const outRows: CellValue[][] = [['School', 'View', 'Side', 'Outside', 'Figure', 'Limit crossed', 'Disadvantaged n']];
  for (const s of funnel.schools) {
    for (const [view, p] of [['Gap', s.gapView], ['Disadvantaged against trust others', s.othersView]] as const) {
      if (!p || !p.outside) continue;
      const limits = p.outside.level === 0.998 ? p.limits998 : p.limits95;
      const low = p.value < limits.lower;
      outRows.push([s.school, view, p.outside.side === 'learn from' ? 'To learn from' : 'To support', p.outside.level === 0.998 ? '99.8% limits' : '95% limits', p.value, low ? limits.lower : limits.upper, s.nDisadvantaged]);
    }
  }
  if (outRows.length === 1) {
    blocks.push({ row, col: 0, values: [['Every school is inside the 95% limits on both views: the differences between them are within what chance gives schools of their sizes.']], style: 'good' });
    row += 2;
  } else {
    blocks.push({ row, col: 0, values: outRows, headerStyle: 'header', numberFormat: [FORMATS.text, null, null, null, FORMATS.signedTwoDp, FORMATS.signedTwoDp, FORMATS.integer], table: { name: 'TrustOutside' } });
    row += outRows.length + 1;
  }

  // Funnel lines: one block per view, beside which the charts sit.
  blocks.push({ row, col: 0, values: [['Funnel lines (the charts draw these)']], style: 'subtitle' });
  row += 1;
  const gapCurve = curveRows(funnel.gapView);
  const othersCurve = curveRows(funnel.othersView);
  const curveAt = row;
  blocks.push({ row, col: 0, values: [['Gap view']], style: 'note' });
  blocks.push({ row, col: 7, values: [['Against trust others']], style: 'note' });
  row += 1;
  blocks.push({ row, col: 0, values: gapCurve, headerStyle: 'header', numberFormat: [FORMATS.integer, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp] });
  blocks.push({ row, col: 7, values: othersCurve, headerStyle: 'header', numberFormat: [FORMATS.integer, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.twoDp] });
  const nCurve = gapCurve.length - 1;
  const charts: ChartSpec[] = [
    funnelChart('Gap (others minus disadvantaged) by school, with funnel limits', `Gap (points, ${model.scale.name})`, schoolsAt, funnel.schools.length, 5, row, nCurve, 0, { row: curveAt, col: 14 }),
    funnelChart("Disadvantaged mean minus the trust's other pupils, by school", `Points (${model.scale.name})`, schoolsAt, funnel.schools.length, 15, row, nCurve, 7, { row: curveAt + 22, col: 14 }),
  ];
  row += gapCurve.length + 1;

  if (model.cva) {
    const { fit, centre } = model.cva;
    blocks.push({ row, col: 0, values: [['Contextual value added']], style: 'subtitle' });
    row += 1;
    blocks.push({
      row,
      col: 0,
      values: [
        [`Outcome regressed on "${model.cva.prior}"${model.cva.context.length > 0 ? ` and ${model.cva.context.map((c) => `"${c}"`).join(', ')}` : ''} by least squares over the ${fit.n} pupils with every value; residual SD ${fixed(fit.sigma, 3)}.`],
        ["The DfE's CVA (2006-2010) was a multilevel model fitted on every pupil nationally; this one is a single-level model fitted on the data given, so a school's figure says how its pupils did against similar pupils in this trust, not nationally."],
        ['Interval: mean residual +- 1.96 x residual SD / sqrt(n).'],
      ],
      style: 'note',
    });
    row += 3;
    const cvaRows: CellValue[][] = [['School', 'Pupils', 'Mean residual', 'CI lower', 'CI upper', ...(centre === null ? [] : [`CVA (centred on ${centre})`, 'CVA lower', 'CVA upper'])]];
    for (const g of fit.groups) {
      cvaRows.push([g.group, g.n, num(g.meanResidual), num(g.lower), num(g.upper), ...(centre === null ? [] : [num(centre + g.meanResidual), num(centre + g.lower), num(centre + g.upper)])]);
    }
    blocks.push({ row, col: 0, values: cvaRows, headerStyle: 'header', numberFormat: [FORMATS.text, FORMATS.integer, FORMATS.signedTwoDp, FORMATS.twoDp, FORMATS.twoDp, FORMATS.oneDp, FORMATS.oneDp, FORMATS.oneDp], table: { name: 'TrustCVA' } });
    row += cvaRows.length + 1;
    const names = ['Intercept', model.cva.prior, ...model.cva.context];
    blocks.push({ row, col: 0, values: [['Coefficient', 'Estimate'], ...fit.coefficients.map((b, k) => [names[k], b])], headerStyle: 'header', numberFormat: [null, '0.000'] });
  }

  return {
    name: trustReportName(now),
    mode: 'new',
    blocks,
    charts,
    columnWidths: [140, 95, 70, 90, 80, 70, 70, 70, 80, 80, 70, 70, 70, 70, 150, 120, 150, 120, 260],
    printLandscape: true,
    tabTone: 'neutral',
    activate: true,
  };
}
