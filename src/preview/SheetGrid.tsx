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
 *
 * What each cell looks like is decided in `look.ts`, the editing state lives in `useSheetEditing`,
 * and the formula bar and sheet tabs are their own components; this file lays them out and handles
 * the mouse and the grid's keys.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import type { MemoryWorkbook, MemorySheet } from '../workbook/memoryWorkbook';
import { columnLetters, rangeAddress } from '../workbook/a1';
import { cellLook, cellTitle, colourScaleRanges, conditionalFill, DEFAULT_W, gridLayout, HEAD_W, isInTable, isTableHeader, MAX_COLS, ROW_H, visibleRows } from './look';
import { useSheetEditing } from './useSheetEditing';
import { FormulaBar } from './FormulaBar';
import { SheetTabs } from './SheetTabs';
import { ChartView } from './ChartView';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, minWidth: 0, flexGrow: 1, backgroundColor: tokens.colorNeutralBackground1 },
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
  chart: { position: 'absolute', zIndex: 1 },
  tableNote: { flexShrink: 0, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, padding: `0 ${tokens.spacingHorizontalS}` },
});

/** The last row Excel allows and the last column the preview draws (0-based): moving stops there. */
const LAST_ROW = 1048575;
const LAST_COL = MAX_COLS - 1;

const clamp = (x: number, hi: number) => Math.max(0, Math.min(hi, x));

export interface SheetGridProps {
  workbook: MemoryWorkbook;
  /** Changes whenever the workbook changes (forces a redraw). */
  version: number;
}

export function SheetGrid({ workbook, version }: SheetGridProps): React.JSX.Element {
  const styles = useStyles();
  const visibleSheets = workbook.getSheetNames().filter((n) => workbook.getSheet(n)?.visibility === 'visible');
  const active = workbook.activeSheet && visibleSheets.includes(workbook.activeSheet) ? workbook.activeSheet : visibleSheets[0] ?? null;
  const sheet = active ? workbook.getSheet(active) : null;
  if (!sheet || !active) return <div className={styles.root}>This workbook has no visible sheet.</div>;
  return <SheetView workbook={workbook} version={version} sheet={sheet} active={active} visibleSheets={visibleSheets} />;
}

interface SheetViewProps extends SheetGridProps {
  sheet: Readonly<MemorySheet>;
  active: string;
  visibleSheets: string[];
}

function SheetView({ workbook, version, sheet, active, visibleSheets }: SheetViewProps): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const [scroll, setScroll] = React.useState({ top: 0, height: 600 });
  // The anchor of the selection (where a click or a move last put it): Shift+click and Shift+Arrow
  // extend from it, as in Excel. `dragging` is true while the mouse button is down.
  const drag = React.useRef<{ row: number; col: number } | null>(null);
  const dragging = React.useRef(false);
  // `version` changes on every workbook change; the workbook caches computed values itself.
  const values = React.useMemo(() => workbook.displayValues(active), [workbook, active, version]); // eslint-disable-line react-hooks/exhaustive-deps

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
      dragging.current = false;
    };
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const sel = workbook.selection && workbook.selection.sheet === active ? workbook.selection : null;
  const { nRows, nCols, widths, lefts, totalW } = gridLayout(values, sheet, sel);
  const { first, last } = visibleRows(scroll.top, scroll.height, nRows);

  const inSel = (r: number, c: number) => sel !== null && r >= sel.row && r < sel.row + sel.rows && c >= sel.col && c < sel.col + sel.cols;
  const ranges = colourScaleRanges(sheet.conditionalFormats, values);

  const select = (row: number, col: number, extend: boolean) => {
    if (extend && !drag.current && sel) drag.current = { row: sel.row, col: sel.col };
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
  const editing = useSheetEditing({ workbook, sheet, active, activeCell, moveTo, focusGrid });
  const { editHere, editorOpen, startEdit, commitEdit } = editing;

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
      if (e.shiftKey) {
        // Extend from the anchor to the far corner moved by one step.
        if (!drag.current || !inSel(drag.current.row, drag.current.col)) drag.current = { row: activeCell.row, col: activeCell.col };
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

  const message = activeCell ? workbook.cellMessage(active, activeCell.row, activeCell.col) : null;

  const cells: React.JSX.Element[] = [];
  const rowHeads: React.JSX.Element[] = [];
  const isEmptyAt = (r: number, c: number) => {
    const v = values[r]?.[c] ?? null;
    return v === null || v === '';
  };
  for (let r = first; r < last; r++) {
    const top = ROW_H * (r + 1);
    rowHeads.push(
      <div key={`h${r}`} className={`${styles.cell} ${styles.head}`} style={{ top: top - ROW_H, left: 0, width: HEAD_W, position: 'absolute' }} data-row-head={r + 1}>
        {r + 1}
      </div>,
    );
    for (let c = 0; c < nCols; c++) {
      const v = values[r]?.[c] ?? null;
      // Text runs over the empty cells to its right, and stops at the first that shows something.
      let run = widths[c];
      for (let k = c + 1; k < nCols && run < 1600 && isEmptyAt(r, k); k++) run += widths[k];
      const look = cellLook({
        value: v,
        format: workbook.cellFormat(active, r, c),
        conditional: conditionalFill(sheet.conditionalFormats, ranges, r, c, v),
        tableHeader: isTableHeader(sheet, r, c),
        banded: isInTable(sheet, r, c) && r % 2 === 0,
        bandFill: tokens.colorNeutralBackground2,
        editing: editHere !== null && editHere.row === r && editHere.col === c ? editHere.text : null,
        nextEmpty: (values[r]?.[c + 1] ?? null) === null,
      });
      cells.push(
        <div
          key={`${r}:${c}`}
          className={`${styles.cell}${inSel(r, c) ? ` ${styles.selected}` : ''}`}
          style={{
            top,
            left: lefts[c],
            width: widths[c],
            background: look.fill,
            color: look.color,
            fontWeight: look.fontWeight,
            fontStyle: look.fontStyle,
            fontSize: look.fontSize,
            textAlign: look.textAlign,
            overflow: look.overflow,
            zIndex: look.zIndex,
          }}
          title={cellTitle(v, look.text, () => workbook.cellMessage(active, r, c))}
          data-cell={`${columnLetters(c)}${r + 1}`}
          onMouseDown={(e) => {
            e.preventDefault();
            // Clicking another cell ends an edit, as in Excel.
            commitEdit(null);
            select(r, c, e.shiftKey);
            dragging.current = true;
            focusGrid();
          }}
          onDoubleClick={(e) => {
            e.preventDefault();
            select(r, c, false);
            editing.editCell(r, c);
          }}
          onMouseEnter={(e) => {
            if (dragging.current && e.buttons === 1) select(r, c, true);
          }}
        >
          {look.overflow === 'visible' ? (
            <span style={{ display: 'inline-block', maxWidth: run - 6, overflow: 'hidden', verticalAlign: 'top', pointerEvents: 'none' }}>{look.text}</span>
          ) : (
            look.text
          )}
        </div>,
      );
    }
  }

  return (
    <div className={styles.root} data-testid="preview-grid" data-sheet={active}>
      <FormulaBar
        address={sel ? rangeAddress(sel.row, sel.col, sel.rows, sel.cols) : ''}
        cellName={activeCell ? `${columnLetters(activeCell.col)}${activeCell.row + 1}` : null}
        text={editing.barText}
        inputRef={editing.bar}
        onFocus={() => {
          if (!editing.isEditing() && activeCell) startEdit('bar');
        }}
        onChange={editing.typed}
        onKeyDown={editing.onEditorKey}
        onBlur={editing.onEditorBlur}
      />
      {message !== null && !editing.isEditing() && (
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
        data-region="grid"
        tabIndex={0}
        onKeyDown={onGridKey}
        onScroll={(e) => setScroll({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        aria-label={`Cells of ${active}: type, Enter or F2 to edit the selected cell; F6 moves to the sheet tabs and the task pane`}
      >
        <div style={{ position: 'relative', height: ROW_H * (nRows + 1), width: totalW }}>
          <div style={{ position: 'sticky', top: 0, height: ROW_H, zIndex: 4 }}>
            <div className={`${styles.cell} ${styles.head} ${styles.corner}`} style={{ top: 0, left: 0, width: HEAD_W, position: 'sticky' }} />
            {widths.map((w, c) => (
              <div key={c} className={`${styles.cell} ${styles.head}`} style={{ top: 0, left: lefts[c], width: w, position: 'absolute' }}>
                {columnLetters(c)}
              </div>
            ))}
          </div>
          {/* Row numbers stay in view when the sheet scrolls sideways, as in Excel. */}
          <div style={{ position: 'sticky', left: 0, width: HEAD_W, height: ROW_H * nRows, zIndex: 3 }}>{rowHeads}</div>
          {cells}
          {editorOpen && editHere && (
            <input
              ref={editing.cellEditor}
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
              onChange={(e) => editing.typed(e.currentTarget.value)}
              onKeyDown={editing.onEditorKey}
              onBlur={editing.onEditorBlur}
            />
          )}
          {sheet.charts.map((ch, i) => (
            <div key={i} className={styles.chart} style={{ top: ROW_H * (ch.at.row + 1), left: lefts[Math.min(ch.at.col, nCols - 1)] }}>
              <ChartView spec={ch} values={values} />
            </div>
          ))}
        </div>
      </div>
      <SheetTabs
        names={visibleSheets}
        active={active}
        onPick={(name) => {
          void workbook.activateSheet(name);
          // The new sheet's first cell is selected: typing goes into it, as in Excel.
          focusGrid();
        }}
      />
    </div>
  );
}
