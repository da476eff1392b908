/**
 * The one table from report styles and tones to concrete fonts and fills, used by the Excel workbook
 * and by the browser preview's grid alike. Colour constants live here only; reports speak of
 * meanings ('header', 'bad').
 */
import type { CellStyle, Tone } from './port';

export interface StyleFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  /** Wrap the text in the cell, so a long column header is read whole in a narrow column. */
  wrap?: boolean;
}

export const STYLE_FORMATS: Record<CellStyle, StyleFormat> = {
  title: { bold: true, size: 16, fontColor: '#1F3864' },
  subtitle: { bold: true, size: 12, fontColor: '#2F5496' },
  header: { bold: true, fontColor: '#FFFFFF', fill: '#2F5496', wrap: true },
  note: { italic: true, fontColor: '#595959' },
  muted: { fontColor: '#666666' },
  warning: { fontColor: '#7F6000', fill: '#FFF2CC' },
  good: { fontColor: '#375623', fill: '#E2EFDA' },
  bad: { fontColor: '#843C0C', fill: '#FCE4D6' },
  input: { fontColor: '#000000', fill: '#FFFFE1' },
};

export const TONE_FILLS: Record<Tone, string> = {
  good: '#C6EFCE',
  bad: '#FFC7CE',
  warning: '#FFEB9C',
  muted: '#E7E6E6',
  neutral: '#F2F2F2',
};

/** Colour scale for conditional formats: low (behind), middle, high. */
export const SCALE_COLOURS = { low: '#F8696B', mid: '#FFEB84', high: '#63BE7B' };

/** Markers showing an interval's limits on a chart. */
export const INTERVAL_COLOUR = '#404040';

/**
 * Lines of a scatter chart (a funnel's average and limits), by the order their names first appear;
 * a "(lower)" and an "(upper)" line of the same name share a colour.
 */
export const SCATTER_LINE_COLOURS = ['#404040', '#C55A11', '#2F5496', '#548235'];

/** A scatter series' name without its "(lower)" / "(upper)" ending: lines sharing it share a colour. */
export function scatterBaseName(name: string): string {
  return name.replace(/ \((lower|upper)\)$/, '');
}
