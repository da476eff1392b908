/**
 * A spreadsheet-like view of the in-memory workbook for the preview: the active sheet's cells as
 * Excel would show them (computed GAPS formulas, number formats, report styles and fills, tables,
 * conditional colours, charts), a formula bar, and the sheet tabs along the bottom. Click a cell or
 * drag over cells to set the selection the task pane reads. Only the rows in view are drawn, so a
 * large sheet scrolls smoothly.
 *
 * Cells can be edited as in Excel, on any sheet: type in the formula bar, or on the selected cell
 * (start typing, double-click, Enter or F2). Enter commits and moves down a row (Shift+Enter up, Tab
 * right), Escape cancels; the typed text is stored as Excel would store it (`parseInput`). Arrow keys
 * move the selection (Shift extends it), Delete clears the selected cells. Under the formula bar, an
 * error cell's reason is shown when it is selected.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { CellValue, ConditionalFormat } from '../workbook/port';
import type { MemoryWorkbook, MemorySheet } from '../workbook/memoryWorkbook';
import { columnLetters, rangeAddress } from '../workbook/a1';
import { STYLE_FORMATS, TONE_FILLS, SCALE_COLOURS } from '../workbook/palette';
import { formatCell } from './format';
import { editText, parseInput } from './parseInput';
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
  formula: {
    flexGrow: 1,
    minWidth: 0,
    border: 'none',
    outline: 'none',
    padding: '1px 2px',
    backgroundColor: 'transparent',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    ':focus': { boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}` },
  },
  message: {
    flexShrink: 0,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorStatusDangerBackground1,
    color: tokens.colorStatusDangerForeground1,
    fontSize: tokens.fontSizeBase200,
  },
  scroller: { position: 'relative', overflow: 'auto', flexGrow: 1, minHeight: 0, userSelect: 'none', outline: 'none' },
  editor: {
    position: 'absolute',
    zIndex: 2,
    boxSizing: 'border-box',
    height: `${ROW_H}px`,
    margin: 0,
    padding: '0 2px',
    border: `2px solid ${tokens.colorBrandStroke1}`,
    outline: 'none',
    fontSize: '12px',
    fontFamily: tokens.fontFamilyBase,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow4,
  },
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

/** A cell being edited: where, the text typed so far, the text it started from, and which box has it. */
interface Edit {
  sheet: string;
  row: number;
  col: number;
  text: string;
  initial: string;
  /** "cell": typed on the cell (an editor over it); "bar": typed in the formula bar. */
  where: 'cell' | 'bar';
}

/** The last row Excel allows and the last column the preview draws (0-based): moving stops there. */
const LAST_ROW = 1048575;
const LAST_COL = MAX_COLS - 1;

const clamp = (x: number, hi: number) => Math.max(0, Math.min(hi, x));

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
  const bar = React.useRef<HTMLInputElement>(null);
  const cellEditor = React.useRef<HTMLInputElement>(null);
  const [edit, setEditState] = React.useState<Edit | null>(null);
  // The edit as of the last change, for handlers that run before React re-renders (blur, mouse down).
  const editing = React.useRef<Edit | null>(null);
  const setEdit = (e: Edit | null) => {
    editing.current = e;
    setEditState(e);
  };

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
    // Another sheet came to the front (the task pane wrote a report, say): an edit left open on the
    // previous sheet is dropped, as it can no longer be seen.
    if (editing.current && editing.current.sheet !== active) {
      editing.current = null;
      setEditState(null);
    }
  }, [active]);

  // The editor over a cell takes the keyboard as it opens, with the caret after the text.
  const editorOpen = edit !== null && edit.where === 'cell' && edit.sheet === active;
  React.useLayoutEffect(() => {
    const el = cellEditor.current;
    if (!editorOpen || !el) return;
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, [editorOpen]);

  React.useEffect(() => {
    const up = () => {
      drag.current = null;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  if (!sheet || !active) return <div className={styles.root}>This workbook has no visible sheet.</div>;

  const sel = workbook.selection && workbook.selection.sheet === active ? workbook.selection : null;
  const usedCols = values.reduce((m, r) => Math.max(m, r.length), 0);
  // Room for the data, the charts and the selection (which the keyboard can move past the data).
  const nCols = Math.min(MAX_COLS, Math.max(usedCols + 3, 12, sel ? sel.col + sel.cols + 2 : 0, ...sheet.charts.map((c) => c.at.col + 8)));
  const nRows = Math.max(values.length + 20, 40, sel ? sel.row + Math.min(sel.rows, 1000) + 20 : 0);
  const widths = columnWidths(sheet, nCols);
  const lefts: number[] = [];
  widths.reduce((x, w, i) => ((lefts[i] = x), x + w), HEAD_W);
  const totalW = HEAD_W + widths.reduce((a, b) => a + b, 0);
  const first = Math.max(0, Math.floor(scroll.top / ROW_H) - 5);
  const last = Math.min(nRows, Math.ceil((scroll.top + scroll.height) / ROW_H) + 5);

  const inSel = (r: number, c: number) => sel !== null && r >= sel.row && r < sel.row + sel.rows && c >= sel.col && c < sel.col + sel.cols;

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

  const focusGrid = () => scroller.current?.focus({ preventScroll: true });

  /** Scrolls so that a cell is in view. */
  const reveal = (row: number, col: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = ROW_H * (row + 1);
    if (top < el.scrollTop + ROW_H) el.scrollTop = top - ROW_H;
    else if (top + ROW_H > el.scrollTop + el.clientHeight) el.scrollTop = top + ROW_H - el.clientHeight;
    const left = lefts[Math.min(col, nCols - 1)] ?? HEAD_W;
    const width = widths[Math.min(col, nCols - 1)] ?? DEFAULT_W;
    if (left < el.scrollLeft + HEAD_W) el.scrollLeft = left - HEAD_W;
    else if (left + width > el.scrollLeft + el.clientWidth) el.scrollLeft = left + width - el.clientWidth;
  };

  /** Selects one cell (kept inside Excel's grid) and brings it into view. */
  const moveTo = (sheetName: string, row: number, col: number) => {
    const r = clamp(row, LAST_ROW);
    const c = clamp(col, LAST_COL);
    drag.current = { row: r, col: c };
    workbook.setSelection(sheetName, r, c);
    reveal(r, c);
  };

  /** The active cell: the selection's top-left cell, as in Excel. */
  const activeCell = sel ? { row: sel.row, col: sel.col } : null;

  const startEdit = (where: Edit['where'], text?: string) => {
    if (!activeCell) return;
    const initial = editText(sheet.values[activeCell.row]?.[activeCell.col] ?? null);
    setEdit({ sheet: active, row: activeCell.row, col: activeCell.col, text: text ?? initial, initial, where });
  };

  /** Stores the edited cell (unless its text is unchanged), then moves the selection by `move`. */
  const commitEdit = (move: [number, number] | null) => {
    const e = editing.current;
    if (!e) return;
    setEdit(null);
    if (e.text !== e.initial && workbook.getSheet(e.sheet)) workbook.setCell(e.sheet, e.row, e.col, parseInput(e.text));
    if (move && workbook.getSheet(e.sheet)) moveTo(e.sheet, e.row + move[0], e.col + move[1]);
  };

  const cancelEdit = () => {
    setEdit(null);
    focusGrid();
  };

  /** Keys in the formula bar and the cell editor. */
  const onEditorKey = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      commitEdit(e.key === 'Tab' ? [0, e.shiftKey ? -1 : 1] : [e.shiftKey ? -1 : 1, 0]);
      focusGrid();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    }
  };

  /**
   * Leaving an editor commits, as clicking away does in Excel. Moving between the two editors does
   * not, nor does switching to another window (the edit is still open on coming back).
   */
  const onEditorBlur = (e: React.FocusEvent<HTMLInputElement>) => {
    if (e.relatedTarget === bar.current || e.relatedTarget === cellEditor.current || !document.hasFocus()) return;
    commitEdit(null);
  };

  const typed = (text: string) => {
    const e = editing.current;
    if (e) setEdit({ ...e, text });
    else startEdit('bar', text);
  };

  /** Keys on the grid: start an edit, move or extend the selection, clear cells. */
  const onGridKey = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || !sel || !activeCell) return;
    const steps: Record<string, [number, number]> = { ArrowDown: [1, 0], ArrowUp: [-1, 0], ArrowRight: [0, 1], ArrowLeft: [0, -1] };
    if (e.key === 'F2' || e.key === 'Enter') {
      e.preventDefault();
      startEdit('cell');
    } else if (e.key === 'Backspace') {
      e.preventDefault();
      startEdit('cell', '');
    } else if (e.key === 'Delete') {
      e.preventDefault();
      for (let r = sel.row; r < sel.row + sel.rows; r++) {
        const line = sheet.values[r];
        if (!line) continue;
        for (let c = sel.col; c < Math.min(line.length, sel.col + sel.cols); c++) if (line[c] !== null && line[c] !== '') workbook.setCell(active, r, c, null);
      }
    } else if (steps[e.key]) {
      e.preventDefault();
      const [dr, dc] = steps[e.key];
      if (e.shiftKey && drag.current) {
        // Extend from the anchor to the far corner moved by one step.
        const a = drag.current;
        const far = { row: a.row === sel.row ? sel.row + sel.rows - 1 : sel.row, col: a.col === sel.col ? sel.col + sel.cols - 1 : sel.col };
        const row = clamp(far.row + dr, LAST_ROW);
        const col = clamp(far.col + dc, LAST_COL);
        select(row, col, true);
        reveal(row, col);
      } else {
        moveTo(active, activeCell.row + dr, activeCell.col + dc);
      }
    } else if (e.key === 'Tab') {
      e.preventDefault();
      moveTo(active, activeCell.row, activeCell.col + (e.shiftKey ? -1 : 1));
    } else if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Typing on a cell replaces what it holds.
      e.preventDefault();
      startEdit('cell', e.key);
    }
  };

  const editHere = edit && edit.sheet === active ? edit : null;
  const message = activeCell ? workbook.cellMessage(active, activeCell.row, activeCell.col) : null;
  const barText = edit ? edit.text : activeCell ? editText(sheet.values[activeCell.row]?.[activeCell.col] ?? null) : '';

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
      const isEdited = editHere !== null && editHere.row === r && editHere.col === c;
      const text = isEdited ? editHere.text : formatCell(v, f.numberFormat);
      const isText = isEdited || typeof v === 'string';
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
          title={(typeof v === 'string' && v.startsWith('#') ? workbook.cellMessage(active, r, c) : null) ?? (text.length > 12 ? text : undefined)}
          data-cell={`${columnLetters(c)}${r + 1}`}
          onMouseDown={(e) => {
            e.preventDefault();
            // Clicking another cell ends an edit, as in Excel.
            commitEdit(null);
            select(r, c, e.shiftKey);
            focusGrid();
          }}
          onDoubleClick={(e) => {
            e.preventDefault();
            select(r, c, false);
            setEdit({ sheet: active, row: r, col: c, text: editText(sheet.values[r]?.[c] ?? null), initial: editText(sheet.values[r]?.[c] ?? null), where: 'cell' });
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
        <input
          ref={bar}
          className={styles.formula}
          data-testid="preview-formula"
          aria-label={activeCell ? `Contents of cell ${columnLetters(activeCell.col)}${activeCell.row + 1}: type to change it` : 'Formula bar: select a cell to edit it'}
          title={barText.length > 60 ? barText : undefined}
          value={barText}
          readOnly={!activeCell}
          spellCheck={false}
          autoComplete="off"
          onFocus={() => {
            if (!editing.current && activeCell) startEdit('bar');
          }}
          onChange={(e) => typed(e.currentTarget.value)}
          onKeyDown={onEditorKey}
          onBlur={onEditorBlur}
        />
      </div>
      {message !== null && !edit && (
        <div className={styles.message} role="status" data-testid="preview-cell-message">
          {message}
        </div>
      )}
      {sheet.tables.length > 0 && (
        <div className={styles.tableNote} data-testid="preview-tables">
          Tables on this sheet: {sheet.tables.map((t) => `${t.name} (${rangeAddress(t.row, t.col, t.rows, t.cols)})`).join(', ')}
        </div>
      )}
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        onKeyDown={onGridKey}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        aria-label={`Cells of ${active}: type, Enter or F2 to edit the selected cell`}
      >
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
          {editorOpen && editHere && (
            <input
              ref={cellEditor}
              className={styles.editor}
              data-testid="preview-cell-editor"
              aria-label={`Edit cell ${columnLetters(editHere.col)}${editHere.row + 1}`}
              style={{
                top: ROW_H * (editHere.row + 1),
                left: lefts[Math.min(editHere.col, nCols - 1)],
                width: Math.max(widths[Math.min(editHere.col, nCols - 1)] ?? DEFAULT_W, Math.min(640, 7 * editHere.text.length + 16)),
              }}
              value={editHere.text}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => typed(e.currentTarget.value)}
              onKeyDown={onEditorKey}
              onBlur={onEditorBlur}
            />
          )}
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
            onClick={() => {
              void workbook.activateSheet(name);
              // The new sheet's first cell is selected: typing goes into it, as in Excel.
              focusGrid();
            }}
          >
            {name}
          </button>
        ))}
      </div>
    </div>
  );
}
