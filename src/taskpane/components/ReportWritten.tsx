/** The success message after a job wrote its report: "Done. Report written to sheet 'X'". */
import * as React from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

export function ReportWritten({ sheetName, testId }: { sheetName: string; testId?: string }): React.JSX.Element {
  return (
    <MessageBar intent="success" data-testid={testId}>
      <MessageBarBody>
        <MessageBarTitle>Done</MessageBarTitle>
        Report written to sheet &apos;{sheetName}&apos;
      </MessageBarBody>
    </MessageBar>
  );
}
