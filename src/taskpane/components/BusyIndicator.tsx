import * as React from 'react';
import { ProgressBar, Field } from '@fluentui/react-components';
import type { ProgressInfo } from '../../workbook/port';

export interface BusyIndicatorProps {
  /** Whether work is under way; nothing is rendered when false. */
  busy: boolean;
  /** Progress of the work, when known (indeterminate bar otherwise). */
  progress?: ProgressInfo | null;
  /** What is happening, e.g. "Writing the report". Default "Working". */
  label?: string;
}

/** Busy and progress state for long work, announced politely to screen readers. */
export function BusyIndicator({ busy, progress, label = 'Working' }: BusyIndicatorProps): React.JSX.Element | null {
  if (!busy) return null;
  const value = progress && progress.total > 0 ? progress.done / progress.total : undefined;
  return (
    <Field validationMessage={progress?.message ?? `${label}...`} validationState="none" aria-live="polite" data-testid="busy">
      <ProgressBar value={value} aria-label={label} />
    </Field>
  );
}
