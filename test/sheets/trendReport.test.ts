import { buildTrendReport } from '../../src/sheets/trendReport';
import { trendModel } from '../../src/jobs/gapTrend';
import type { CellValue } from '../../src/workbook/port';

// Layout only: the figures themselves are the core's (tested against R in test/core/trends) and the
// job test checks the sheet carries them.
const input = { kind: 'several' as const, sources: [], outcome: 'A8', disadvantaged: 'PP', scale: 'gcse' as const };

function pupils(years: Record<string, { o: number[]; d: number[] }>) {
  const scores: Array<[number | null]> = [];
  const flags: Array<[unknown]> = [];
  const ys: Array<[string]> = [];
  for (const [y, { o, d }] of Object.entries(years)) {
    for (const [xs, flag] of [[d, 'Y'], [o, '']] as const) {
      for (const x of xs) {
        scores.push([x]);
        flags.push([flag]);
        ys.push([y]);
      }
    }
  }
  return { scores, flags, years: ys };
}

const now = new Date(2026, 0, 5, 9, 30);

describe('trend report sheet', () => {
  const three = trendModel(pupils({ '2023': { o: [50, 52, 47, 55, 49, 51], d: [40, 45, 38, 44] }, '2024': { o: [53, 49, 50, 46, 52], d: [48, 44, 47] }, '2025': { o: [52, 50, 54, 51], d: [46, 49, 47] } }), input, [], ['test data']);
  const spec = buildTrendReport(three, now);
  const cells = spec.blocks.flatMap((b) => b.values.flat());

  it('is a new sheet named by date, with a line chart of the gap whose error bars are the half-widths', () => {
    expect(spec.name).toBe('Gap trend 2026-01-05');
    expect(spec.mode).toBe('new');
    const [chart] = spec.charts ?? [];
    expect(chart.type).toBe('lineMarkers');
    const table = spec.blocks.find((b) => b.table?.name === 'GapTrend');
    expect(table?.row).toBe(chart.data.row);
    expect(chart.data.rows).toBe(4);
    const header = table?.values[0] as CellValue[];
    expect(header[chart.errorBars?.plusCol as number]).toBe('CI half-width');
    expect(header[chart.interval?.lowerCol as number]).toBe('CI lower');
  });

  it('lists consecutive changes and first to last, each with its word', () => {
    const changes = spec.blocks.find((b) => b.table?.name === 'GapChanges')?.values ?? [];
    expect(changes.map((r) => [r[0], r[1]])).toEqual([['From', 'To'], ['2023', '2024'], ['2024', '2025'], ['2023 (first)', '2025 (last)']]);
    for (const r of changes.slice(1)) expect(['narrowed', 'widened', 'no clear change']).toContain(r[7]);
  });

  it('says when no national figure is entered, and that pooling hides a trend', () => {
    expect(cells.some((c) => typeof c === 'string' && c.includes('none entered for "A8"'))).toBe(true);
    expect(cells.some((c) => typeof c === 'string' && c.includes('hides a trend'))).toBe(true);
  });

  it('with two years, gives no three-year pooled gap and no separate first-to-last row', () => {
    const two = trendModel(pupils({ '2024': { o: [53, 49, 50, 46, 52], d: [48, 44, 47] }, '2025': { o: [52, 50, 54, 51], d: [46, 49, 47] } }), input, [], ['test']);
    const s = buildTrendReport(two, now);
    const all = s.blocks.flatMap((b) => b.values.flat());
    expect(all).toContain('Last three years: needs three years of data');
    expect(s.blocks.find((b) => b.table?.name === 'GapChanges')?.values).toHaveLength(2);
  });
});
