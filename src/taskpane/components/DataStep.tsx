/**
 * Step "choose the data" with what follows the choice, shared by the screens that analyse pupils:
 * the data picker, "Read the selected cells" when the selection is chosen (to read it again after
 * selecting other cells), progress while reading, the reading error, and a warning when the data
 * has headers but no pupils under them.
 */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import type { DataSource, TableData } from '../../workbook/port';
import type { ActionState } from '../useAction';
import { BusyIndicator } from './BusyIndicator';
import { DataPicker, describeSource } from './DataPicker';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface DataStepProps {
  /** The source chosen, or null before a choice. */
  source: DataSource | null;
  /** Reads a source (called on every choice, and by "Read the selected cells"). */
  onRead: (source: DataSource) => void;
  /** Called when the kind of source is switched (what was read from the old one no longer applies). */
  onKindChange?: (kind: DataSource['kind']) => void;
  /** The reading job's state. */
  loading: ActionState<TableData>;
  /** Disables the controls while work is under way. */
  disabled: boolean;
  /** Prefix of the data-testid attributes ("gap" gives gap-data, gap-read-selection, gap-no-rows). */
  testId: string;
}

/** The text with its first letter in capitals, to start a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Why there is nothing to analyse, in a sentence that reads well for each kind of source. */
export function noRowsMessage(source: DataSource | null, data: Pick<TableData, 'headers'>): string {
  const blank = data.headers.every((h) => /^Column \d+$/.test(h));
  const selected = !source || source.kind === 'selection' || source.kind === 'range';
  if (selected) {
    return blank
      ? 'The selected cells are empty. Select the pupils\' rows with their header row, then read the selected cells.'
      : 'The selected cells hold a header row but no pupils under it. Select the pupils\' rows with their header row, then read the selected cells.';
  }
  return `${sentence(describeSource(source))} has headers but no pupils under them. Choose the pupils' rows with their header row.`;
}

export function DataStep({ source, onRead, onKindChange, loading, disabled, testId }: DataStepProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <DataPicker value={source} onChange={onRead} onKindChange={onKindChange} disabled={disabled} testId={`${testId}-data`} />
      {source?.kind === 'selection' && (
        <div className={styles.actions}>
          <Button onClick={() => onRead({ kind: 'selection' })} disabled={disabled} data-testid={`${testId}-read-selection`}>
            Read the selected cells
          </Button>
        </div>
      )}
      <BusyIndicator busy={loading.busy} label="Reading the data" progress={loading.progress} />
      <ErrorBar failure={loading.failure} onDismiss={loading.clearFailure} />
      {loading.result && loading.result.rows.length === 0 && !loading.busy && (
        <MessageBar intent="warning" data-testid={`${testId}-no-rows`}>
          <MessageBarBody>{noRowsMessage(source, loading.result)}</MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
