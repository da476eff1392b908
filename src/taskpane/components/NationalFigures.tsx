/**
 * The "National figures sheet" action shared by the trend and trust screens: a button that makes
 * (or opens) the sheet the user fills with national figures, and what it did or why it failed.
 * The screen owns the action's state (`useNationalFigures`) so its other buttons can wait on it.
 */
import * as React from 'react';
import { Button, Caption1 } from '@fluentui/react-components';
import { useWorkbook } from '../workbookContext';
import { useAction, type ActionState } from '../useAction';
import { ErrorBar } from './ErrorBar';
import { ensureNationalFigures } from '../../jobs/nationalFigures';

export type NationalFiguresAction = ActionState<{ sheetName: string; created: boolean }> & { start: () => void };

/** The action's state and a `start` that makes or opens the National figures sheet. */
export function useNationalFigures(): NationalFiguresAction {
  const workbook = useWorkbook();
  const action = useAction<{ sheetName: string; created: boolean }>();
  const start = () => void action.run(() => ensureNationalFigures(workbook), 'Could not make the National figures sheet');
  return { ...action, start };
}

export interface NationalFiguresProps {
  national: NationalFiguresAction;
  /** Disables the button while the screen is busy. */
  disabled: boolean;
  /** Prefix of the test ids: `${prefix}-national` and `${prefix}-national-done`. */
  testIdPrefix: string;
}

/** The button, to sit among the screen's other actions. */
export function NationalFiguresButton({ national, disabled, testIdPrefix }: NationalFiguresProps): React.JSX.Element {
  return (
    <Button onClick={national.start} disabled={disabled} data-testid={`${testIdPrefix}-national`}>
      National figures sheet
    </Button>
  );
}

/** What the action did (made or opened the sheet) or why it failed. */
export function NationalFiguresStatus({ national, testIdPrefix }: Omit<NationalFiguresProps, 'disabled'>): React.JSX.Element {
  return (
    <>
      {national.result && !national.busy && (
        <Caption1 data-testid={`${testIdPrefix}-national-done`}>
          {national.result.created ? 'Made' : 'Opened'} the sheet &apos;{national.result.sheetName}&apos;: enter national figures with their source; the report compares with them.
        </Caption1>
      )}
      <ErrorBar failure={national.failure} onDismiss={national.clearFailure} />
    </>
  );
}
