/**
 * One column of the data chosen from a dropdown of its headers, with a hint and a validation
 * message; "(none)" is offered when the column is optional.
 */
import * as React from 'react';
import { Dropdown, Field, Option } from '@fluentui/react-components';

export interface ColumnPickProps {
  label: string;
  headers: readonly string[];
  /** The chosen column (0-based), or null. */
  value: number | null;
  onChange: (column: number | null) => void;
  hint?: string;
  /** Shown as the field's error when set. */
  problem?: string;
  /** Offer "(none)". Default false. */
  optional?: boolean;
  disabled?: boolean;
  testId: string;
}

export function ColumnPick({ label, headers, value, onChange, hint, problem, optional = false, disabled = false, testId }: ColumnPickProps): React.JSX.Element {
  return (
    <Field label={label} hint={hint} validationState={problem ? 'error' : 'none'} validationMessage={problem}>
      <Dropdown
        placeholder="Choose a column"
        value={value === null ? (optional ? '(none)' : '') : headers[value] ?? ''}
        selectedOptions={[value === null ? 'none' : String(value)]}
        onOptionSelect={(_, d) => onChange(d.optionValue === undefined || d.optionValue === 'none' ? null : Number(d.optionValue))}
        disabled={disabled}
        data-testid={testId}
      >
        {optional && <Option value="none">(none)</Option>}
        {headers.map((h, i) => (
          <Option key={i} value={String(i)}>
            {h}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}
