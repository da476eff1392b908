/**
 * A report's scatter chart drawn simply for the preview (the trust view's funnel plot): each
 * `ScatterSeries` as points or as a solid or dashed line, on numeric x and y axes. Excel draws the
 * real chart; this only shows what it will hold.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue, ChartSpec, ScatterSeries } from '../workbook/port';
import { formatCell } from './format';
import { scatterBaseName } from '../workbook/palette';
import { CHART_STYLES, ChartTitle, numeric, tickText } from './chartParts';
import { niceTicks } from './ticks';
import { fixed } from '../core/numberText';

const useStyles = makeStyles({ ...CHART_STYLES, grid: { stroke: tokens.colorNeutralStroke3 } });

/** Points, then each line name in order of appearance (a lower and upper limit share one). */
const COLOURS = [tokens.colorBrandBackground, tokens.colorNeutralForeground1, tokens.colorPaletteDarkOrangeBorderActive, tokens.colorPaletteBerryBorderActive, tokens.colorPaletteGreenBorderActive];

interface Drawn {
  series: ScatterSeries;
  points: Array<{ x: number; y: number; label: string }>;
}

export interface ScatterViewProps {
  spec: ChartSpec;
  values: CellValue[][];
}

export function ScatterView({ spec, values }: ScatterViewProps): React.JSX.Element {
  const styles = useStyles();
  const width = spec.width ?? 420;
  const height = spec.height ?? 260;
  const drawn: Drawn[] = (spec.scatter ?? []).map((series) => ({
    series,
    points: Array.from({ length: series.rows }, (_, i) => {
      const line = values[series.row + i] ?? [];
      return { x: numeric(line[series.xCol]), y: numeric(line[series.yCol]), label: formatCell(line[0] ?? null) };
    }).filter((p): p is { x: number; y: number; label: string } => p.x !== null && p.y !== null),
  }));
  const all = drawn.flatMap((d) => d.points);
  const names = [...new Set(drawn.map((d) => scatterBaseName(d.series.name)))];
  const colourOf = (d: Drawn) => COLOURS[names.indexOf(scatterBaseName(d.series.name)) % COLOURS.length];
  let x0 = Math.min(0, ...all.map((p) => p.x));
  let x1 = Math.max(1, ...all.map((p) => p.x));
  let y0 = Math.min(...all.map((p) => p.y), 0);
  let y1 = Math.max(...all.map((p) => p.y), 0);
  if (!(x1 > x0)) [x0, x1] = [0, 1];
  if (!(y1 > y0)) [y0, y1] = [y0 - 1, y0 + 1];
  // Round ticks, the axes widened to them, so a reader can read a school's figure off the chart.
  const xt = niceTicks(x0, x1, 6);
  const yt = niceTicks(y0, y1, 5);
  [x0, x1, y0, y1] = [xt.lo, xt.hi, yt.lo, yt.hi];
  const pad = { top: 30, right: 10, bottom: 52, left: 44 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const sx = (v: number) => pad.left + ((v - x0) / (x1 - x0)) * plotW;
  const sy = (v: number) => pad.top + ((y1 - v) / (y1 - y0)) * plotH;
  const tick = (t: number, decimals: number) => fixed(t, decimals);

  return (
    <svg className={styles.root} width={width} height={height} role="img" aria-label={`Chart: ${spec.title}`} data-testid="preview-chart" data-kind="scatter">
      <ChartTitle title={spec.title} width={width} className={styles.title} />
      <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + plotH} className={styles.axis} />
      <line x1={pad.left} x2={pad.left + plotW} y1={pad.top + plotH} y2={pad.top + plotH} className={styles.axis} />
      {yt.ticks.map((t, i) => (
        <g key={`y${i}`}>
          {i > 0 && <line x1={pad.left + 1} x2={pad.left + plotW} y1={sy(t)} y2={sy(t)} className={styles.grid} />}
          <text x={pad.left - 4} y={sy(t) + 3} textAnchor="end" className={styles.label}>
            {tick(t, yt.decimals)}
          </text>
        </g>
      ))}
      {xt.ticks.map((t, i) => (
        <text key={`x${i}`} x={sx(t)} y={pad.top + plotH + 12} textAnchor="middle" className={styles.label}>
          {tick(t, xt.decimals)}
        </text>
      ))}
      {drawn.map((d, k) => {
        const colour = colourOf(d);
        if (d.series.style === 'markers') {
          return (
            <g key={k} data-testid="preview-scatter-points">
              {d.points.map((p, i) => (
                <circle key={i} cx={sx(p.x)} cy={sy(p.y)} r={4} fill={colour}>
                  <title>{`${p.label}: ${tickText(p.x)}, ${tickText(p.y)}`}</title>
                </circle>
              ))}
            </g>
          );
        }
        return (
          <polyline
            key={k}
            data-testid="preview-scatter-line"
            fill="none"
            stroke={colour}
            strokeWidth={1.5}
            strokeDasharray={d.series.style === 'dashed' ? '4 3' : undefined}
            points={d.points.map((p) => `${sx(p.x)},${sy(p.y)}`).join(' ')}
          />
        );
      })}
      {spec.xAxisTitle && (
        <text x={pad.left + plotW / 2} y={pad.top + plotH + 26} textAnchor="middle" className={styles.label}>
          {spec.xAxisTitle}
        </text>
      )}
      {spec.yAxisTitle && (
        <text x={12} y={pad.top + plotH / 2} textAnchor="middle" transform={`rotate(-90 12 ${pad.top + plotH / 2})`} className={styles.label}>
          {spec.yAxisTitle}
        </text>
      )}
      {names.map((name, k) => (
        <g key={`l${k}`}>
          <rect x={pad.left + (k % 4) * 100} y={height - 22 + Math.floor(k / 4) * 11} width={8} height={8} fill={COLOURS[k % COLOURS.length]} />
          <text x={pad.left + (k % 4) * 100 + 11} y={height - 15 + Math.floor(k / 4) * 11} className={styles.label}>
            {name.length > 16 ? `${name.slice(0, 15)}...` : name}
          </text>
        </g>
      ))}
    </svg>
  );
}
