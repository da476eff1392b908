/**
 * The preview's "Open a file" and "Save as .xlsx" buttons, with progress while a file is read and a
 * message saying what to do when it cannot be.
 */
import * as React from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
// Icons the task pane already uses, so the shared Fluent UI chunk does not grow.
import { DocumentAdd20Regular, Save20Regular } from '@fluentui/react-icons';
import type { WorkbookFiles } from './useWorkbookFiles';

const useStyles = makeStyles({
  input: { display: 'none' },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '200px', flexGrow: 1 },
});

export function OpenSaveButtons({ files }: { files: WorkbookFiles }): React.JSX.Element {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        className={styles.input}
        type="file"
        accept=".xlsx,.xlsm,.csv,.txt,.xls,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        data-testid="preview-open-input"
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void files.open(file);
        }}
      />
      <Button icon={<DocumentAdd20Regular />} onClick={() => input.current?.click()} disabled={files.busy} data-testid="preview-open">
        Open a file
      </Button>
      <Button icon={<Save20Regular />} onClick={() => void files.save()} disabled={files.busy} data-testid="preview-save-xlsx" title={`Download as ${files.saveName}`}>
        Save as .xlsx
      </Button>
    </>
  );
}

/** Progress of a file being read or written, and the message for a file that cannot be opened. */
export function OpenSaveStatus({ files }: { files: WorkbookFiles }): React.JSX.Element | null {
  const styles = useStyles();
  if (files.progress) {
    return (
      <div className={styles.progress} role="status" data-testid="preview-open-progress">
        <Caption1>{files.progress.message}</Caption1>
        <ProgressBar value={files.progress.fraction ?? undefined} thickness="large" />
      </div>
    );
  }
  if (files.error) {
    return (
      <MessageBar intent="error" layout="multiline" data-testid="preview-open-error">
        <MessageBarBody>
          <MessageBarTitle>{files.errorKind === 'save' ? 'The workbook was not saved' : 'This file cannot be opened'}</MessageBarTitle>
          {files.error}
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={files.dismissError} data-testid="preview-open-dismiss">
            Dismiss
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return null;
}
