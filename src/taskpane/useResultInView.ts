/**
 * Brings a job's result into view once it is shown, and moves focus to it: the pane has scrolled
 * down to the button that ran the job, and a screen reader should read the result next.
 * Attach the returned ref to the result's element (with `tabIndex={-1}` so it can take focus).
 */
import * as React from 'react';
import type { ActionState } from './useAction';

export function useResultInView<T>(action: ActionState<T>): React.RefObject<HTMLElement> {
  const ref = React.useRef<HTMLElement>(null);
  const done = action.result !== null && !action.busy;
  React.useEffect(() => {
    if (!done) return;
    ref.current?.scrollIntoView?.({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [done, action.result]);
  return ref;
}
