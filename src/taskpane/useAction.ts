/**
 * The one path from a user action to the screen: runs an async job, exposes busy / progress /
 * failure state, and turns any failure into a message a teacher can act on (shown by `ErrorBar`).
 * Components never `console.log` an error and carry on.
 */
import * as React from 'react';
import { isGapsError } from '../core/errors';
import type { ProgressInfo } from '../workbook/port';

export interface ActionFailure {
  /** Short title, e.g. "Could not read the data". */
  title: string;
  /** What went wrong and what to do next. */
  message: string;
}

export interface ActionState<T> {
  busy: boolean;
  progress: ProgressInfo | null;
  failure: ActionFailure | null;
  result: T | null;
  /** Starts the job unless one is running; resolves to its result, or null when it failed. */
  run: (job: (report: (p: ProgressInfo) => void) => Promise<T>, failureTitle?: string) => Promise<T | null>;
  clearFailure: () => void;
  reset: () => void;
}

/** Plain-words message for any error thrown by the core, the workbook layer or Office.js. */
export function describeFailure(e: unknown): string {
  if (isGapsError(e)) return e.message;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    if (code === 'InvalidArgument' || code === 'ItemNotFound') {
      return `${e.message} The workbook may have changed since the data was chosen: choose the data again and retry.`;
    }
    return e.message || 'Something went wrong. Try again; if it keeps happening, save the workbook and reopen it.';
  }
  return String(e);
}

export function useAction<T>(): ActionState<T> {
  const [busy, setBusy] = React.useState(false);
  const [progress, setProgress] = React.useState<ProgressInfo | null>(null);
  const [failure, setFailure] = React.useState<ActionFailure | null>(null);
  const [result, setResult] = React.useState<T | null>(null);
  const running = React.useRef(false);

  const run = React.useCallback(
    async (job: (report: (p: ProgressInfo) => void) => Promise<T>, failureTitle = 'That did not work') => {
      if (running.current) return null;
      running.current = true;
      setBusy(true);
      setFailure(null);
      setProgress(null);
      try {
        const value = await job((p) => setProgress(p));
        setResult(value);
        return value;
      } catch (e) {
        setFailure({ title: failureTitle, message: describeFailure(e) });
        return null;
      } finally {
        running.current = false;
        setBusy(false);
        setProgress(null);
      }
    },
    [],
  );

  const clearFailure = React.useCallback(() => setFailure(null), []);
  const reset = React.useCallback(() => {
    setResult(null);
    setFailure(null);
  }, []);

  return { busy, progress, failure, result, run, clearFailure, reset };
}
