/**
 * What the preview's two chart drawings share (`ChartView` for columns, bars and lines,
 * `ScatterView` for scatter charts): the frame and text styles, how a cell becomes a point, how an
 * axis tick and the title are written.
 */
import * as React from 'react';
import { tokens, type GriffelStyle } from '@fluentui/react-components';
import type { CellValue } from '../workbook/port';

/** Styles for `makeStyles`: the chart's frame, its title, axes and labels. */
export const CHART_STYLES = {
  root: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow4,
    boxSizing: 'border-box',
  },
  title: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, fill: tokens.colorNeutralForeground1 },
  axis: { stroke: tokens.colorNeutralStroke1 },
  label: { fontSize: '10px', fill: tokens.colorNeutralForeground2 },
} satisfies Record<string, GriffelStyle>;

/** A cell as a point: a finite number, else null (not drawn). */
export function numeric(v: CellValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** An axis tick: in the axis's number format when it has one, else whole numbers from 10 and one decimal below. */
export { axisLabel as tickText } from './format';

/** The chart's title: for screen readers, and written across the top (long titles cut at 70). */
export function ChartTitle({ title, width, className }: { title: string; width: number; className: string }): React.JSX.Element {
  return (
    <>
      <title>{title}</title>
      <text x={width / 2} y={16} textAnchor="middle" className={className}>
        {title.length > 70 ? `${title.slice(0, 68)}...` : title}
      </text>
    </>
  );
}
