/**
 * One column choice of the evaluation form: a `ColumnPick` that is required unless optional, whose
 * "none" entry reads "None" unless named otherwise, and whose dropdown shrinks to a pair of columns.
 */
import * as React from 'react';
import { makeStyles } from '@fluentui/react-components';
import { ColumnPick, type ColumnPickProps } from '../../components/ColumnPick';

// Fluent's Dropdown has a wide minimum width; in a pair of columns it must shrink to the pane.
const useStyles = makeStyles({ dropdown: { minWidth: 0, width: '100%' } });

export type ColumnFieldProps = Omit<ColumnPickProps, 'required' | 'className'>;

export function ColumnField({ optional = false, noneLabel = 'None', ...props }: ColumnFieldProps): React.JSX.Element {
  const styles = useStyles();
  return <ColumnPick {...props} optional={optional} noneLabel={noneLabel} required={!optional} className={styles.dropdown} />;
}
