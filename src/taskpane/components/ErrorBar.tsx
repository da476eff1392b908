import * as React from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ActionFailure } from '../useAction';

export interface ErrorBarProps {
  /** The failure to show; nothing is rendered when null. */
  failure: ActionFailure | null;
  /** Called when the user dismisses the message. */
  onDismiss?: () => void;
}

/** The one way a failed action reaches the screen: a Fluent error MessageBar saying what to do. */
export function ErrorBar({ failure, onDismiss }: ErrorBarProps): React.JSX.Element | null {
  if (!failure) return null;
  return (
    <MessageBar intent="error" role="alert" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{failure.title}</MessageBarTitle>
        {failure.message}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions>
          <Button appearance="transparent" onClick={onDismiss} aria-label="Dismiss message">
            Dismiss
          </Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
