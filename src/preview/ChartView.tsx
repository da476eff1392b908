/**
 * A report's native chart drawn simply for the preview: clustered columns (or bars, or lines) from
 * the chart's data range on the sheet, with error bars from the columns the `ChartSpec` names.
 * Excel draws the real chart; this only shows what it will hold.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue, ChartSpec } from '../workbook/port';
import { formatCell } from './format';
import { ScatterView } from './ScatterView';
import { CHART_STYLES, ChartTitle, numeric, tickText } from './chartParts';
import { niceTicks } from './ticks';
import { fixed } from '../core/numberText';

const useStyles = makeStyles({
  ...CHART_STYLES,
  zero: { stroke: tokens.colorNeutralForeground3 },
  error: { stroke: tokens.colorNeutralForeground1, strokeWidth: 1.2 },
});

const SERIES_FILLS = [tokens.colorBrandBackground, tokens.colorPaletteDarkOrangeBackground3, tokens.colorPaletteGreenBackground3, tokens.colorPaletteGrapeBorderActive];

export interface ChartViewProps {
  spec: ChartSpec;
  /** The sheet's shown values. */
  values: CellValue[][];
}

function cell(values: CellValue[][], r: number, c: number): CellValue {
  return values[r]?.[c] ?? null;
}

export function ChartView({ spec, values }: ChartViewProps): React.JSX.Element {
  const styles = useStyles();
  if (spec.type === 'scatter') return <ScatterView spec={spec} values={values} />;
  const width = spec.width ?? 420;
  const height = spec.height ?? 240;
  const { row, col, rows, cols } = spec.data;
  const byRows = spec.seriesBy === 'rows';
  const nCat = byRows ? cols - 1 : rows - 1;
  const nSeries = byRows ? rows - 1 : cols - 1;
  const categories = Array.from({ length: nCat }, (_, i) => formatCell(byRows ? cell(values, row, col + 1 + i) : cell(values, row + 1 + i, col)));
  const series = Array.from({ length: nSeries }, (_, s) => ({
    name: formatCell(byRows ? cell(values, row + 1 + s, col) : cell(values, row, col + 1 + s)),
    points: Array.from({ length: nCat }, (_, i) => numeric(byRows ? cell(values, row + 1 + s, col + 1 + i) : cell(values, row + 1 + i, col + 1 + s))),
  }));
  const errors = spec.errorBars
    ? Array.from({ length: nCat }, (_, i) => ({
        plus: numeric(cell(values, row + 1 + i, spec.errorBars!.plusCol)) ?? 0,
        minus: numeric(cell(values, row + 1 + i, spec.errorBars!.minusCol)) ?? 0,
      }))
    : null;

  let lo = 0;
  let hi = 0;
  series.forEach((s) =>
    s.points.forEach((p, i) => {
      if (p === null) return;
      lo = Math.min(lo, p - (errors && nSeries === 1 ? errors[i].minus : 0));
      hi = Math.max(hi, p + (errors && nSeries === 1 ? errors[i].plus : 0));
    }),
  );
  if (hi === lo) hi = lo + 1;
  // Round ticks covering the bars and their intervals (0 always in view), as on the scatter charts.
  const axis = niceTicks(lo, hi);
  lo = axis.lo;
  hi = axis.hi;
  const pad = { top: 30, right: 10, bottom: 40, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + ((hi - v) / (hi - lo)) * plotH;
  const band = plotW / Math.max(1, nCat);
  const barW = (band * 0.7) / Math.max(1, nSeries);
  const ticks = axis.ticks;
  const line = spec.type === 'line' || spec.type === 'lineMarkers';

  return (
    <svg className={styles.root} width={width} height={height} role="img" aria-label={`Chart: ${spec.title}`} data-testid="preview-chart">
      <ChartTitle title={spec.title} width={width} className={styles.title} />
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + plotH} className={styles.axis} />
      <line x1={pad.left} x2={pad.left + plotW} y1={y(0)} y2={y(0)} className={styles.zero} />
      {ticks.map((t, i) => (
        <text key={i} x={pad.left - 4} y={y(t) + 3} textAnchor="end" className={styles.label}>
          {spec.yAxisFormat ? tickText(t, spec.yAxisFormat) : fixed(t, axis.decimals)}
        </text>
      ))}
      {series.map((s, si) =>
        line ? (
          <polyline
            key={si}
            fill="none"
            stroke={SERIES_FILLS[si % SERIES_FILLS.length]}
            strokeWidth={2}
            points={s.points
              .map((p, i) => (p === null ? null : `${pad.left + band * i + band / 2},${y(p)}`))
              .filter(Boolean)
              .join(' ')}
          />
        ) : (
          s.points.map((p, i) => {
            if (p === null) return null;
            const x = pad.left + band * i + band * 0.15 + barW * si;
            return <rect key={`${si}-${i}`} x={x} width={barW} y={Math.min(y(p), y(0))} height={Math.abs(y(p) - y(0))} fill={SERIES_FILLS[si % SERIES_FILLS.length]} />;
          })
        ),
      )}
      {errors &&
        nSeries === 1 &&
        series[0].points.map((p, i) => {
          if (p === null) return null;
          const cx = line ? pad.left + band * i + band / 2 : pad.left + band * i + band * 0.15 + barW / 2;
          const top = y(p + errors[i].plus);
          const bottom = y(p - errors[i].minus);
          return (
            <g key={`e${i}`} className={styles.error} data-testid="preview-error-bar">
              <line x1={cx} x2={cx} y1={top} y2={bottom} />
              <line x1={cx - 4} x2={cx + 4} y1={top} y2={top} />
              <line x1={cx - 4} x2={cx + 4} y1={bottom} y2={bottom} />
            </g>
          );
        })}
      {categories.map((c, i) => (
        <text key={i} x={pad.left + band * i + band / 2} y={pad.top + plotH + 14} textAnchor="middle" className={styles.label}>
          {c.length > 12 ? `${c.slice(0, 11)}...` : c}
        </text>
      ))}
      {spec.yAxisTitle && (
        <text x={12} y={pad.top + plotH / 2} textAnchor="middle" transform={`rotate(-90 12 ${pad.top + plotH / 2})`} className={styles.label}>
          {spec.yAxisTitle}
        </text>
      )}
      {nSeries > 1 &&
        series.map((s, si) => (
          <g key={`l${si}`}>
            <rect x={pad.left + si * 120} y={height - 14} width={10} height={10} fill={SERIES_FILLS[si % SERIES_FILLS.length]} />
            <text x={pad.left + si * 120 + 14} y={height - 5} className={styles.label}>
              {s.name}
            </text>
          </g>
        ))}
    </svg>
  );
}
