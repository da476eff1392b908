/**
 * The editing state of the preview's grid, apart from its drawing: which cell is being edited, the
 * text typed so far, and what Enter, Tab, Escape and leaving an editor do. The typed text is stored
 * as Excel would store it (`parseInput`) and only when it changed.
 */
import * as React from 'react';
import type { MemoryWorkbook, MemorySheet } from '../workbook/memoryWorkbook';
import { editText, parseInput } from './parseInput';

/** A cell being edited: where, the text typed so far, the text it started from, and which box has it. */
export interface Edit {
  sheet: string;
  row: number;
  col: number;
  text: string;
  initial: string;
  /** "cell": typed on the cell (an editor over it); "bar": typed in the formula bar. */
  where: 'cell' | 'bar';
}

export interface SheetEditingOptions {
  workbook: MemoryWorkbook;
  /** The sheet in view and its name. */
  sheet: Readonly<MemorySheet>;
  active: string;
  /** The selection's top-left cell, or null when nothing is selected on this sheet. */
  activeCell: { row: number; col: number } | null;
  /** Selects one cell and brings it into view (after Enter or Tab). */
  moveTo: (sheet: string, row: number, col: number) => void;
  /** Gives the keyboard back to the grid. */
  focusGrid: () => void;
}

export interface SheetEditing {
  /** The open edit on the sheet in view, or null. */
  editHere: Edit | null;
  /** Whether any edit is open (on any sheet), as of the last change (before React re-renders). */
  isEditing: () => boolean;
  /** Whether the editor over a cell is open on the sheet in view. */
  editorOpen: boolean;
  /** What the formula bar shows: the typed text, else the active cell's contents. */
  barText: string;
  bar: React.RefObject<HTMLInputElement>;
  cellEditor: React.RefObject<HTMLInputElement>;
  /** Opens an edit of the active cell in the cell editor or the bar, starting from `text` (default: its contents). */
  startEdit: (where: Edit['where'], text?: string) => void;
  /** Opens the cell editor on one cell with its contents. */
  editCell: (row: number, col: number) => void;
  /** Stores the edited cell (unless its text is unchanged), then moves the selection by `move`. */
  commitEdit: (move: [number, number] | null) => void;
  /** Text typed in either editor. */
  typed: (text: string) => void;
  onEditorKey: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onEditorBlur: (e: React.FocusEvent<HTMLInputElement>) => void;
}

export function useSheetEditing({ workbook, sheet, active, activeCell, moveTo, focusGrid }: SheetEditingOptions): SheetEditing {
  const bar = React.useRef<HTMLInputElement>(null);
  const cellEditor = React.useRef<HTMLInputElement>(null);
  const [edit, setEditState] = React.useState<Edit | null>(null);
  // The edit as of the last change, for handlers that run before React re-renders (blur, mouse down).
  const editing = React.useRef<Edit | null>(null);
  const setEdit = (e: Edit | null) => {
    editing.current = e;
    setEditState(e);
  };

  React.useEffect(() => {
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

  const contents = (row: number, col: number) => editText(sheet.values[row]?.[col] ?? null);

  const startEdit = (where: Edit['where'], text?: string) => {
    if (!activeCell) return;
    const initial = contents(activeCell.row, activeCell.col);
    setEdit({ sheet: active, row: activeCell.row, col: activeCell.col, text: text ?? initial, initial, where });
  };

  const editCell = (row: number, col: number) => {
    setEdit({ sheet: active, row, col, text: contents(row, col), initial: contents(row, col), where: 'cell' });
  };

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

  return {
    editHere: edit && edit.sheet === active ? edit : null,
    isEditing: () => editing.current !== null,
    editorOpen,
    barText: edit ? edit.text : activeCell ? contents(activeCell.row, activeCell.col) : '',
    bar,
    cellEditor,
    startEdit,
    editCell,
    commitEdit,
    typed,
    onEditorKey,
    onEditorBlur,
  };
}
