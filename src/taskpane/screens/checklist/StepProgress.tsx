import * as React from 'react';
import { Caption1, Field, ProgressBar, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface StepProgressProps {
  /** 0-based index of the statement shown; equal to `total` on the summary. */
  step: number;
  /** Number of statements (built-in and the school's own). */
  total: number;
  /** Name of the current statement's area (ignored on the summary). */
  areaName: string;
  /** Statements with a rating. */
  rated: number;
}

/** "Statement 4 of 11", the area, and a bar showing how far through the checklist the user is. */
export function StepProgress({ step, total, areaName, rated }: StepProgressProps): React.JSX.Element {
  const styles = useStyles();
  const onSummary = step >= total;
  const label = onSummary ? 'Summary' : `Statement ${step + 1} of ${total}`;
  return (
    <div className={styles.root} data-testid="checklist-progress">
      <div className={styles.line}>
        <Subtitle2 as="h2" data-testid="checklist-step-label">
          {label}
        </Subtitle2>
        <Caption1 className={styles.muted}>
          {rated} of {total} rated
        </Caption1>
      </div>
      {!onSummary && <Caption1 data-testid="checklist-area">{areaName}</Caption1>}
      <Field validationState="none">
        <ProgressBar value={total === 0 ? 0 : Math.min(step + 1, total) / total} aria-label={`${label}: ${rated} of ${total} rated`} thickness="large" />
      </Field>
    </div>
  );
}
