/**
 * The browser preview: the real task pane (`<App>`) on an in-memory copy of the synthetic sample
 * workbook, beside a spreadsheet-like view of that workbook. Everything runs in this page: no pupil
 * data leaves it, and the page loads nothing from outside the server it came from.
 *
 * Cells can be edited as in Excel (see `SheetGrid`), so a formula can be tried on any data typed in.
 *
 * "Save and reopen" writes the workbook to JSON and opens that copy (as closing and reopening the
 * file would), to show that the add-in's state travels with the workbook. "Reset sample" starts
 * again from the bundled sample.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import {
  Button,
  Caption1,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { ArrowReset20Regular, Save20Regular } from '@fluentui/react-icons';
import { App } from '../taskpane/App';
import { MemoryWorkbook } from '../workbook/memoryWorkbook';
import { loadSampleWorkbook } from './sampleLoader';
import { gapsFunctionRegistry } from './gapsRegistry';
import { SheetGrid } from './SheetGrid';
import { OpenSaveButtons, OpenSaveStatus } from './open/OpenSaveBar';
import { useFileDrop, useWorkbookFiles } from './open/useWorkbookFiles';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', height: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground3 },
  dropping: { outline: `3px dashed ${tokens.colorBrandStroke1}`, outlineOffset: '-6px' },
  banner: { flexShrink: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}` },
  note: { color: tokens.colorNeutralForeground3 },
  main: { display: 'flex', flexGrow: 1, minHeight: 0, gap: tokens.spacingHorizontalS, padding: tokens.spacingHorizontalS, paddingTop: 0 },
  sheet: { display: 'flex', flexGrow: 1, minWidth: 0, border: `1px solid ${tokens.colorNeutralStroke1}`, backgroundColor: tokens.colorNeutralBackground1 },
  pane: {
    width: '360px',
    flexShrink: 0,
    overflowY: 'auto',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

/** Re-renders whenever the workbook changes; returns a counter that changes with it. */
function useWorkbookVersion(workbook: MemoryWorkbook): number {
  const [version, setVersion] = React.useState(0);
  React.useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  return version;
}

/** The parts F6 moves between, in Excel's order: the cells, the sheet tabs, the task pane. */
const REGIONS = ['grid', 'tabs', 'pane'] as const;

/** Where focus goes in a part: the grid itself, the active sheet tab, the pane's first control. */
function focusRegion(region: (typeof REGIONS)[number]): void {
  const root = document.querySelector<HTMLElement>(`[data-region="${region}"]`);
  if (!root) return;
  const first = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';
  const target = region === 'grid' ? root : region === 'tabs' ? root.querySelector<HTMLElement>('[aria-selected="true"]') ?? root.querySelector<HTMLElement>('button') : root.querySelector<HTMLElement>(first);
  target?.focus();
}

/**
 * F6 / Shift+F6 (and Ctrl+F6 / Ctrl+Shift+F6) move the keyboard between the grid, the sheet tabs and
 * the task pane, as in Excel; Tab stays inside the grid.
 */
function onRegionKey(e: KeyboardEvent): void {
  if (e.key !== 'F6' || e.altKey || e.metaKey) return;
  e.preventDefault();
  const here = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-region]')?.dataset.region;
  const i = REGIONS.indexOf(here as (typeof REGIONS)[number]);
  const step = e.shiftKey ? -1 : 1;
  const next = i < 0 ? (e.shiftKey ? REGIONS.length - 1 : 0) : (i + step + REGIONS.length) % REGIONS.length;
  focusRegion(REGIONS[next]);
}

function Preview(): React.JSX.Element {
  const styles = useStyles();
  React.useEffect(() => {
    window.addEventListener('keydown', onRegionKey);
    return () => window.removeEventListener('keydown', onRegionKey);
  }, []);
  const [workbook, setWorkbook] = React.useState<MemoryWorkbook>(() => loadSampleWorkbook());
  const [opened, setOpened] = React.useState(0);
  const [status, setStatus] = React.useState('');
  const [openedName, setOpenedName] = React.useState<string | null>(null);
  const version = useWorkbookVersion(workbook);
  const onOpened = React.useCallback((opened: MemoryWorkbook, fileName: string) => {
    setWorkbook(opened);
    setOpenedName(fileName);
    setOpened((n) => n + 1);
  }, []);
  const files = useWorkbookFiles(workbook, openedName, onOpened, setStatus);
  const drop = useFileDrop((file) => void files.open(file));

  const saveAndReopen = () => {
    const saved = JSON.stringify(workbook.toJSON());
    setWorkbook(MemoryWorkbook.fromJSON(saved, { functions: gapsFunctionRegistry() }));
    setOpened((n) => n + 1);
    setStatus(`Saved (${Math.round(saved.length / 1024)} KB) and reopened: the task pane starts again from what the workbook holds.`);
  };

  const reset = () => {
    setWorkbook(loadSampleWorkbook());
    setOpenedName(null);
    setOpened((n) => n + 1);
    setStatus('The sample workbook is back as it was.');
  };

  return (
    <div className={drop.dragging ? `${styles.page} ${styles.dropping}` : styles.page} {...drop.handlers} data-testid="preview-page">
      <header className={styles.banner}>
      <MessageBar intent="info" className={styles.banner} layout="multiline" data-testid="preview-banner">
        <MessageBarBody>
          <MessageBarTitle>Closing the Gap: browser preview</MessageBarTitle>
          This is the add-in's real task pane working on a synthetic sample workbook (invented pupils) held in this page. Open your own
          .xlsx or CSV export (or drop it here) to work on it without Excel, and save the result as .xlsx: the file is read in this page
          and not uploaded, and no pupil data leaves the page. To use it in Excel, build it (npm run build), host the dist folder and add manifest.xml through Home &gt; Add-ins
          &gt; Upload My Add-in (or npm start on Windows or a Mac with Excel).
        </MessageBarBody>
      </MessageBar>
      <div className={styles.toolbar}>
        <OpenSaveButtons files={files} />
        <Button icon={<Save20Regular />} onClick={saveAndReopen} data-testid="preview-save-reopen">
          Save and reopen
        </Button>
        <Button icon={<ArrowReset20Regular />} onClick={reset} data-testid="preview-reset">
          Reset sample
        </Button>
        <Caption1 className={styles.note} aria-live="polite" data-testid="preview-status">
          {status ||
            'Click a cell or drag over cells to select them (Shift+click or Shift+arrow keys extend); the task pane reads the selection. Cells can be edited as in Excel: type a =GAPS. formula on the Try the formulas sheet, or change the data it reads. F6 moves between the cells, the sheet tabs and the task pane.'}
        </Caption1>
        <OpenSaveStatus files={files} />
      </div>
      </header>
      <div className={styles.main}>
        <section className={styles.sheet} aria-label="Workbook (F6 moves between the cells, the sheet tabs and the task pane)">
          <SheetGrid workbook={workbook} version={version} />
        </section>
        {/* Not a landmark itself: the task pane's own <main> is the page's main landmark. */}
        <div className={styles.pane} data-testid="preview-taskpane" data-region="pane">
          <App key={opened} workbook={workbook} />
        </div>
      </div>
    </div>
  );
}

function mount(): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <Preview />
    </FluentProvider>,
  );
}

mount();
