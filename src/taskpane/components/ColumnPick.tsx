/**
 * One column of the data chosen from a dropdown of its headers, with a hint and a validation
 * message; a "none" entry ("(none)" unless named otherwise) is offered when the column is optional.
 */
import * as React from 'react';
import { Dropdown, Field, Option } from '@fluentui/react-components';

const NONE = 'none';

export interface ColumnPickProps {
  label: string;
  headers: readonly string[];
  /** The chosen column (0-based), or null. */
  value: number | null;
  onChange: (column: number | null) => void;
  hint?: string;
  /** Shown as the field's error when set. */
  problem?: string;
  /** Offer the "none" entry. Default false. */
  optional?: boolean;
  /** Text of the "none" entry. Default "(none)". */
  noneLabel?: string;
  /** Mark the field as required. Default false. */
  required?: boolean;
  /** Class of the dropdown (e.g. to let it shrink in a pair of columns). */
  className?: string;
  disabled?: boolean;
  testId: string;
}

export function ColumnPick({ label, headers, value, onChange, hint, problem, optional = false, noneLabel = '(none)', required = false, className, disabled = false, testId }: ColumnPickProps): React.JSX.Element {
  const text = value !== null && headers[value] !== undefined ? headers[value] : optional ? noneLabel : '';
  return (
    <Field label={label} hint={hint} validationState={problem ? 'error' : 'none'} validationMessage={problem} required={required}>
      <Dropdown
        className={className}
        placeholder="Choose a column"
        value={text}
        selectedOptions={[value === null ? NONE : String(value)]}
        onOptionSelect={(_, d) => onChange(d.optionValue === undefined || d.optionValue === NONE ? null : Number(d.optionValue))}
        disabled={disabled}
        data-testid={testId}
      >
        {optional && <Option value={NONE}>{noneLabel}</Option>}
        {headers.map((h, i) => (
          <Option key={i} value={String(i)}>
            {h}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
