import { buildTrustReport } from '../../src/sheets/trustReport';
import { trustFunnel } from '../../src/core/trends';
import type { CellValue } from '../../src/workbook/port';

// Layout only: the figures are the core's (test/core/trends/trust.test.ts checks them against R).
const S = [...'AAAAAAAA', ...'BBBBBBB', ...'CCCCCC'];
const D = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0].map(Boolean);
const Y = [40, 45, 38, 50, 52, 47, 55, 49, 44, 48, 51, 50, 46, 53, 49, 30, 35, 33, 52, 50, 54];
const now = new Date(2026, 0, 5, 9, 30);

function model(y: number[], scale = { name: 'scores', unreadable: 0, warning: '' }) {
  return { funnel: trustFunnel(S, D, Float64Array.from(y)), outcome: 'A8', scale, columns: { school: 'School', disadvantaged: 'PP' }, source: 'test', national: null, cva: null };
}

describe('trust report sheet', () => {
  const spec = buildTrustReport(model(Y), now);
  const at = (row: number, col: number): CellValue => {
    for (const b of spec.blocks) {
      const v = b.values[row - b.row]?.[col - b.col];
      if (v !== undefined && row >= b.row && col >= b.col) return v;
    }
    return null;
  };

  it('draws two scatter funnels: the schools from the schools table, lines from the limit blocks', () => {
    expect(spec.name).toBe('Trust view 2026-01-05');
    expect(spec.charts?.map((c) => c.type)).toEqual(['scatter', 'scatter']);
    const table = spec.blocks.find((b) => b.table?.name === 'TrustSchools');
    const [gapChart, othersChart] = spec.charts ?? [];
    const points = gapChart.scatter?.[0];
    expect(points?.row).toBe((table?.row ?? 0) + 1);
    expect(points?.rows).toBe(3);
    expect(table?.values[0][points?.xCol as number]).toBe('Disadvantaged n');
    expect(table?.values[0][points?.yCol as number]).toBe('Gap');
    expect(table?.values[0][othersChart.scatter?.[0].yCol as number]).toBe('Disadvantaged minus trust others');
    const names = gapChart.scatter?.map((x) => x.name);
    expect(names).toEqual(['Schools', 'Trust average', '95% limits (lower)', '95% limits (upper)', '99.8% limits (lower)', '99.8% limits (upper)']);
    const lower = gapChart.scatter?.[2];
    expect(at((lower?.row ?? 0) - 1, lower?.yCol ?? 0)).toBe('95% lower');
  });

  it('lists the schools outside the limits with their side', () => {
    const out = spec.blocks.find((b) => b.table?.name === 'TrustOutside')?.values ?? [];
    expect(out.slice(1).map((r) => [r[0], r[2]])).toEqual([['B', 'To learn from'], ['C', 'To support']]);
  });

  it('says so when every school is inside the limits, and has no CVA block unless asked', () => {
    const flat = Y.map((y, i) => (D[i] ? y : y) - (S[i] === 'C' && D[i] ? -8 : 0) + (S[i] === 'B' && D[i] ? -2 : 0));
    const s = buildTrustReport(model(flat), now);
    const cells = s.blocks.flatMap((b) => b.values.flat());
    expect(cells.some((c) => typeof c === 'string' && c.startsWith('Every school is inside'))).toBe(true);
    expect(cells).not.toContain('Contextual value added');
  });

  it("names the outcome's scale as the units of the charts and the header, and warns in bold before any number", () => {
    const warning = '5 of 21 filled cells in "A8" (24%) cannot be read as KS2 scaled scores, so its gaps leave those pupils out: check the scale chosen for it, or the column.';
    const s = buildTrustReport(model(Y, { name: 'KS2 scaled scores', unreadable: 5, warning }), now);
    expect(s.charts?.map((c) => c.yAxisTitle)).toEqual(['Gap (points, KS2 scaled scores)', 'Points (KS2 scaled scores)']);
    const cells = s.blocks.flatMap((b) => b.values.flat());
    expect(cells).toContain('"A8", read as KS2 scaled scores; schools in "School"; disadvantaged pupils marked in "PP"');
    expect(cells.some((c) => typeof c === 'string' && c.endsWith('(KS2 scaled scores); 5 cells not readable as KS2 scaled scores left out'))).toBe(true);
    const bold = s.blocks.find((b) => b.values[0][0] === `Warning: ${warning}`);
    expect(bold?.style).toBe('subtitle');
    expect(bold?.row).toBeLessThan(s.blocks.find((b) => b.table?.name === 'TrustSchools')?.row ?? 0);
    // No warning, no line.
    expect(spec.blocks.some((b) => String(b.values[0][0]).startsWith('Warning:'))).toBe(false);
  });
});
