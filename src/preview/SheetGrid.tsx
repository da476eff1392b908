/**
 * A spreadsheet-like view of the in-memory workbook for the preview: the active sheet's cells as
 * Excel would show them (computed GAPS formulas, number formats, report styles and fills, tables,
 * conditional colours, charts), a formula bar, and the sheet tabs along the bottom. Click a cell or
 * drag over cells to set the selection the task pane reads. Only the rows in view are drawn, so a
 * large sheet scrolls smoothly.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue, ConditionalFormat } from '../workbook/port';
import type { MemoryWorkbook, MemorySheet } from '../workbook/memoryWorkbook';
import { columnLetters, rangeAddress } from '../workbook/a1';
import { STYLE_FORMATS, TONE_FILLS, SCALE_COLOURS } from '../office/styles';
import { formatCell } from './format';
import { ChartView } from './ChartView';

const ROW_H = 22;
const HEAD_W = 44;
const DEFAULT_W = 72;
const MAX_COLS = 120;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
  bar: {
    display: 'flex',
    flexShrink: 0,
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: { minWidth: '90px', paddingRight: tokens.spacingHorizontalS, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  formula: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flexGrow: 1 },
  scroller: { position: 'relative', overflow: 'auto', flexGrow: 1, minHeight: 0, userSelect: 'none' },
  cell: {
    position: 'absolute',
    boxSizing: 'border-box',
    height: `${ROW_H}px`,
    lineHeight: `${ROW_H - 2}px`,
    padding: '0 3px',
    borderRight: `1px solid ${tokens.colorNeutralStroke3}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    cursor: 'cell',
  },
  head: {
    position: 'sticky',
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground2,
    textAlign: 'center',
    fontSize: '11px',
  },
  corner: { zIndex: 3 },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '-2px' },
  tabs: {
    display: 'flex',
    flexShrink: 0,
    gap: '2px',
    overflowX: 'auto',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  tab: {
    border: 'none',
    borderBottom: `3px solid transparent`,
    backgroundColor: 'transparent',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, borderBottomColor: tokens.colorBrandStroke1, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
  chart: { position: 'absolute', zIndex: 1 },
  tableNote: { flexShrink: 0, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
});

export interface SheetGridProps {
  workbook: MemoryWorkbook;
  /** Changes whenever the workbook changes (forces a redraw). */
  version: number;
}

function columnWidths(sheet: Readonly<MemorySheet>, n: number): number[] {
  return Array.from({ length: n }, (_, c) => {
    const pt = sheet.columnWidths[c];
    return pt && pt > 0 ? Math.round((pt * 4) / 3) : DEFAULT_W;
  });
}

function hexMix(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => parseInt(b.slice(i, i + 2), 16));
  return `rgb(${pa.map((x, i) => Math.round(x + (pb[i] - x) * t)).join(',')})`;
}

/** Fill from conditional formats for one cell, if any. */
function conditionalFill(rules: readonly ConditionalFormat[], ranges: Map<ConditionalFormat, [number, number]>, r: number, c: number, v: CellValue): string | undefined {
  if (typeof v !== 'number') return undefined;
  let fill: string | undefined;
  for (const f of rules) {
    if (r < f.row || r >= f.row + f.rows || c < f.col || c >= f.col + f.cols) continue;
    if (f.kind === 'greaterThan' && f.value !== undefined && v > f.value) fill = TONE_FILLS[f.tone ?? 'good'];
    else if (f.kind === 'lessThan' && f.value !== undefined && v < f.value) fill = TONE_FILLS[f.tone ?? 'bad'];
    else if (f.kind === 'colorScale') {
      const [lo, hi] = ranges.get(f) ?? [v, v];
      const t = hi === lo ? 0.5 : (v - lo) / (hi - lo);
      fill = t < 0.5 ? hexMix(SCALE_COLOURS.low, SCALE_COLOURS.mid, t * 2) : hexMix(SCALE_COLOURS.mid, SCALE_COLOURS.high, (t - 0.5) * 2);
    }
  }
  return fill;
}

export function SheetGrid({ workbook, version }: SheetGridProps): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  const drag = React.useRef<{ row: number; col: number } | null>(null);

  const visibleSheets = workbook.getSheetNames().filter((n) => workbook.getSheet(n)?.visibility === 'visible');
  const active = workbook.activeSheet && visibleSheets.includes(workbook.activeSheet) ? workbook.activeSheet : visibleSheets[0] ?? null;
  const sheet = active ? workbook.getSheet(active) : null;
  // `version` changes on every workbook change; the workbook caches computed values itself.
  const values = React.useMemo(() => (active ? workbook.displayValues(active) : []), [workbook, active, version]); // eslint-disable-line react-hooks/exhaustive-deps

  React.useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => setScroll((s) => ({ ...s, height: el.clientHeight }));
    measure();
    const ro = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);

  React.useEffect(() => {
    scroller.current?.scrollTo({ top: 0, left: 0 });
    setScroll((s) => ({ ...s, top: 0 }));
  }, [active]);

  React.useEffect(() => {
    const up = () => {
      drag.current = null;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  if (!sheet || !active) return <div className={styles.root}>This workbook has no visible sheet.</div>;

  const usedCols = values.reduce((m, r) => Math.max(m, r.length), 0);
  const nCols = Math.min(MAX_COLS, Math.max(usedCols + 3, 12, ...sheet.charts.map((c) => c.at.col + 8)));
  const nRows = Math.max(values.length + 20, 40);
  const widths = columnWidths(sheet, nCols);
  const lefts: number[] = [];
  widths.reduce((x, w, i) => ((lefts[i] = x), x + w), HEAD_W);
  const totalW = HEAD_W + widths.reduce((a, b) => a + b, 0);
  const first = Math.max(0, Math.floor(scroll.top / ROW_H) - 5);
  const last = Math.min(nRows, Math.ceil((scroll.top + scroll.height) / ROW_H) + 5);

  const sel = workbook.selection && workbook.selection.sheet === active ? workbook.selection : null;
  const inSel = (r: number, c: number) => sel !== null && r >= sel.row && r < sel.row + sel.rows && c >= sel.col && c < sel.col + sel.cols;
  const selected = sel ? sheet.values[sel.row]?.[sel.col] ?? null : null;

  const ranges = new Map<ConditionalFormat, [number, number]>();
  for (const f of sheet.conditionalFormats) {
    if (f.kind !== 'colorScale') continue;
    let lo = Infinity;
    let hi = -Infinity;
    for (let r = f.row; r < f.row + f.rows; r++)
      for (let c = f.col; c < f.col + f.cols; c++) {
        const v = values[r]?.[c];
        if (typeof v === 'number') {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    ranges.set(f, [lo, hi]);
  }
  const tableHeader = (r: number, c: number) => sheet.tables.some((t) => t.row === r && c >= t.col && c < t.col + t.cols);
  const inTable = (r: number, c: number) => sheet.tables.some((t) => r > t.row && r < t.row + t.rows && c >= t.col && c < t.col + t.cols);

  const select = (row: number, col: number, extend: boolean) => {
    const start = extend && drag.current ? drag.current : { row, col };
    if (!extend) drag.current = { row, col };
    workbook.setSelection(active, Math.min(start.row, row), Math.min(start.col, col), Math.abs(row - start.row) + 1, Math.abs(col - start.col) + 1);
  };

  const cells: React.JSX.Element[] = [];
  for (let r = first; r < last; r++) {
    const top = ROW_H * (r + 1);
    cells.push(
      <div key={`h${r}`} className={`${styles.cell} ${styles.head}`} style={{ top, left: 0, width: HEAD_W, position: 'absolute' }}>
        {r + 1}
      </div>,
    );
    for (let c = 0; c < nCols; c++) {
      const v = values[r]?.[c] ?? null;
      const f = workbook.cellFormat(active, r, c);
      const look = f.style ? STYLE_FORMATS[f.style] : undefined;
      const header = !f.style && tableHeader(r, c);
      const fill = conditionalFill(sheet.conditionalFormats, ranges, r, c, v) ?? (f.tone ? TONE_FILLS[f.tone] : look?.fill ?? (header ? STYLE_FORMATS.header.fill : inTable(r, c) && r % 2 === 0 ? tokens.colorNeutralBackground2 : undefined));
      const text = formatCell(v, f.numberFormat);
      const isText = typeof v === 'string';
      cells.push(
        <div
          key={`${r}:${c}`}
          className={`${styles.cell}${inSel(r, c) ? ` ${styles.selected}` : ''}`}
          style={{
            top,
            left: lefts[c],
            width: widths[c],
            background: fill,
            color: header ? STYLE_FORMATS.header.fontColor : look?.fontColor,
            fontWeight: look?.bold || header ? 600 : undefined,
            fontStyle: look?.italic ? 'italic' : undefined,
            fontSize: look?.size ? `${look.size}px` : undefined,
            textAlign: isText || v === null ? 'left' : 'right',
            overflow: isText && (values[r]?.[c + 1] ?? null) === null && !fill ? 'visible' : 'hidden',
            zIndex: isText ? 1 : undefined,
          }}
          title={text.length > 12 ? text : undefined}
          data-cell={`${columnLetters(c)}${r + 1}`}
          onMouseDown={(e) => {
            e.preventDefault();
            select(r, c, e.shiftKey);
          }}
          onMouseEnter={(e) => {
            if (drag.current && e.buttons === 1) select(r, c, true);
          }}
        >
          {text}
        </div>,
      );
    }
  }

  return (
    <div className={styles.root} data-testid="preview-grid" data-sheet={active}>
      <div className={styles.bar}>
        <span className={styles.nameBox} data-testid="preview-address">
          {sel ? rangeAddress(sel.row, sel.col, sel.rows, sel.cols) : ''}
        </span>
        <span className={styles.formula} data-testid="preview-formula" title={selected === null ? undefined : String(selected)}>
          {selected === null ? '' : String(selected)}
        </span>
      </div>
      {sheet.tables.length > 0 && (
        <div className={styles.tableNote} data-testid="preview-tables">
          Tables on this sheet: {sheet.tables.map((t) => `${t.name} (${rangeAddress(t.row, t.col, t.rows, t.cols)})`).join(', ')}
        </div>
      )}
      <div ref={scroller} className={styles.scroller} onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })} aria-label={`Cells of ${active}`}>
        <div style={{ position: 'relative', height: ROW_H * (nRows + 1), width: totalW }}>
          <div style={{ position: 'sticky', top: 0, height: ROW_H, zIndex: 2 }}>
            <div className={`${styles.cell} ${styles.head} ${styles.corner}`} style={{ top: 0, left: 0, width: HEAD_W, position: 'absolute' }} />
            {widths.map((w, c) => (
              <div key={c} className={`${styles.cell} ${styles.head}`} style={{ top: 0, left: lefts[c], width: w, position: 'absolute' }}>
                {columnLetters(c)}
              </div>
            ))}
          </div>
          {cells}
          {sheet.charts.map((ch, i) => (
            <div key={i} className={styles.chart} style={{ top: ROW_H * (ch.at.row + 1), left: lefts[Math.min(ch.at.col, nCols - 1)] }}>
              <ChartView spec={ch} values={values} />
            </div>
          ))}
        </div>
      </div>
      <div className={styles.tabs} role="tablist" aria-label="Sheets">
        {visibleSheets.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={name === active}
            className={`${styles.tab}${name === active ? ` ${styles.tabActive}` : ''}`}
            onClick={() => void workbook.activateSheet(name)}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
