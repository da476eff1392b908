/**
 * One column choice of the evaluation form: a labelled dropdown of the data's headers, with the
 * core's validation message under it, and an optional "none" entry for optional columns.
 */
import * as React from 'react';
import { Dropdown, Field, Option, makeStyles } from '@fluentui/react-components';

const NONE = 'none';

// Fluent's Dropdown has a wide minimum width; in a pair of columns it must shrink to the pane.
const useStyles = makeStyles({ dropdown: { minWidth: 0, width: '100%' } });

export interface ColumnFieldProps {
  label: string;
  hint?: string;
  headers: readonly string[];
  /** Chosen column index, or null. */
  value: number | null;
  onChange: (column: number | null) => void;
  /** Offer "None" (for optional columns). Default false. */
  optional?: boolean;
  /** Text of the "None" entry. Default "None". */
  noneLabel?: string;
  /** Validation message from the core, or undefined. */
  problem?: string;
  disabled?: boolean;
  testId: string;
}

export function ColumnField({ label, hint, headers, value, onChange, optional = false, noneLabel = 'None', problem, disabled = false, testId }: ColumnFieldProps): React.JSX.Element {
  const styles = useStyles();
  const text = value !== null && value < headers.length ? headers[value] : optional ? noneLabel : '';
  return (
    <Field label={label} hint={hint} validationState={problem ? 'error' : 'none'} validationMessage={problem} required={!optional}>
      <Dropdown
        className={styles.dropdown}
        placeholder="Choose a column"
        value={text}
        selectedOptions={[value === null ? NONE : String(value)]}
        onOptionSelect={(_, d) => onChange(d.optionValue === NONE || d.optionValue === undefined ? null : Number(d.optionValue))}
        disabled={disabled}
        data-testid={testId}
      >
        {optional ? (
          <Option key={NONE} value={NONE}>
            {noneLabel}
          </Option>
        ) : null}
        {headers.map((h, i) => (
          <Option key={i} value={String(i)}>
            {h}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
