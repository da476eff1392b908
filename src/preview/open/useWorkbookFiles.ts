/**
 * Opening a file (button or drag-and-drop) and saving the workbook as .xlsx, for the preview's
 * toolbar. The readers load only when a file is first opened or saved, so the page starts as fast
 * as before.
 */
import * as React from 'react';
import { MemoryWorkbook } from '../../workbook/memoryWorkbook';
import type { WorkbookModel } from '../../workbook/memoryModel';
import { gapsFunctionRegistry } from '../gapsRegistry';

export interface WorkbookFiles {
  /** Reads a file into a new workbook and hands it to `onOpened`; a bad file sets `error`. */
  open(file: File): Promise<void>;
  /** Downloads the workbook as .xlsx. */
  save(): Promise<void>;
  busy: boolean;
  /** What is happening, and how far (0-1) when known. */
  progress: { message: string; fraction: number | null } | null;
  error: string | null;
  /** "open" when the message is about a file that could not be opened, "save" when saving failed. */
  errorKind: 'open' | 'save';
  dismissError(): void;
  /** The name the next save uses. */
  saveName: string;
}

const loadFiles = () => import(/* webpackChunkName: "open" */ './openFile');

/** "tracker.xlsx" for "tracker.csv"; the sample is saved as "Closing the Gap sample.xlsx". */
export function saveNameFor(openedName: string | null): string {
  if (!openedName) return 'Closing the Gap sample.xlsx';
  return `${openedName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '') || 'Workbook'}.xlsx`;
}

export function useWorkbookFiles(
  workbook: MemoryWorkbook,
  openedName: string | null,
  onOpened: (workbook: MemoryWorkbook, fileName: string, model: WorkbookModel) => void,
  onStatus: (text: string) => void,
): WorkbookFiles {
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<WorkbookFiles['progress']>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [errorKind, setErrorKind] = React.useState<'open' | 'save'>('open');

  const open = React.useCallback(
    async (file: File) => {
      setBusy(true);
      setError(null);
      setProgress({ message: `Opening ${file.name} in this page...`, fraction: null });
      const started = performance.now();
      try {
        const files = await loadFiles();
        const read = await files.readWorkbookFile(file, (message, fraction) => setProgress({ message, fraction }));
        const model = read.model;
        const opened = new MemoryWorkbook(model, { functions: gapsFunctionRegistry() });
        files.rememberFile(opened, read);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const rows = model.sheets.reduce((n, s) => n + s.values.length, 0);
        onOpened(opened, file.name, model);
        onStatus(
          `Opened ${file.name}: ${model.sheets.length} sheet${model.sheets.length === 1 ? '' : 's'}, ${rows.toLocaleString('en-GB')} rows, in ${seconds} s. ` +
            'It was read in this page and not uploaded. Choose its table or sheet in the task pane.',
        );
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setErrorKind('open');
        setError(e instanceof Error && e.name === 'OpenFileError' ? message : `"${file.name}" could not be opened (${message}). Save it again as .xlsx or CSV and open that file.`);
      } finally {
        setBusy(false);
        setProgress(null);
      }
    },
    [onOpened, onStatus],
  );

  const saveName = saveNameFor(openedName);
  const save = React.useCallback(async () => {
    setBusy(true);
    setError(null);
    setProgress({ message: `Writing ${saveName}...`, fraction: null });
    try {
      const files = await loadFiles();
      const bytes = await files.downloadWorkbook(workbook, saveName);
      onStatus(`Saved ${saveName} (${Math.max(1, Math.round(bytes / 1024))} KB) to your downloads. It opens in Excel and LibreOffice; charts are replaced by a note beside their data.`);
    } catch (e) {
      setErrorKind('save');
      setError(`The workbook could not be saved (${e instanceof Error ? e.message : String(e)}).`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }, [workbook, saveName, onStatus]);

  return { open, save, busy, progress, error, errorKind, dismissError: () => setError(null), saveName };
}

/** Drag-and-drop of a file onto an element: its handlers, and whether a file is over it. */
export function useFileDrop(onFile: (file: File) => void): { dragging: boolean; handlers: React.HTMLAttributes<HTMLElement> } {
  const [dragging, setDragging] = React.useState(false);
  const depth = React.useRef(0);
  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  return {
    dragging,
    handlers: {
      onDragEnter: (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver: (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop: (e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setDragging(false);
        const file = e.dataTransfer.files?.[0];
        if (file) onFile(file);
      },
    },
  };
}
