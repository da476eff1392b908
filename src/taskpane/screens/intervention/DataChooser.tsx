/**
 * Chooses where the pupils come from: an Excel table, a sheet's used range, or the current
 * selection (first row as headers). Lists what the workbook has when it opens.
 */
import * as React from 'react';
import { Button, Dropdown, Field, Option, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import type { DataSource, SheetInfo, TableInfo } from '../../../workbook/port';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
});

export interface SourceOption {
  key: string;
  label: string;
  source: DataSource;
}

/** Tables first (they keep their shape as pupils are added), then visible sheets, then the selection. */
export function sourceOptions(tables: TableInfo[], sheets: SheetInfo[]): SourceOption[] {
  return [
    ...tables.map((t) => ({ key: `table:${t.name}`, label: `Table ${t.name} (${t.sheet}, ${t.rowCount} rows)`, source: { kind: 'table', name: t.name } as DataSource })),
    ...sheets.filter((s) => s.visible).map((s) => ({ key: `sheet:${s.name}`, label: `Sheet ${s.name}`, source: { kind: 'sheet', name: s.name } as DataSource })),
    { key: 'selection', label: 'The cells selected now', source: { kind: 'selection' } },
  ];
}

export interface DataChooserProps {
  /** What can be chosen. */
  options: SourceOption[];
  /** Key of the chosen option, or null before a choice. */
  selected: string | null;
  /** Called with the option chosen. */
  onChoose: (option: SourceOption) => void;
  /** Re-reads the list of tables and sheets. */
  onRefresh: () => void;
  /** Disables the controls while work is under way. Default false. */
  disabled?: boolean;
  /** A problem to show under the field (e.g. the data could not be read). */
  problem?: string | null;
}

export function DataChooser({ options, selected, onChoose, onRefresh, disabled = false, problem = null }: DataChooserProps): React.JSX.Element {
  const styles = useStyles();
  const current = options.find((o) => o.key === selected);
  return (
    <div className={styles.row}>
      <Field
        className={styles.grow}
        label="Pupil data"
        hint="A table, a sheet or the selection, with headers in the first row"
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem ?? undefined}
      >
        <Dropdown
          placeholder="Choose the pupils' data"
          value={current?.label ?? ''}
          selectedOptions={selected ? [selected] : []}
          onOptionSelect={(_, d) => {
            const o = options.find((x) => x.key === d.optionValue);
            if (o) onChoose(o);
          }}
          disabled={disabled}
          data-testid="iv-source"
        >
          {options.map((o) => (
            <Option key={o.key} value={o.key}>
              {o.label}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Button icon={<ArrowClockwise20Regular />} onClick={onRefresh} disabled={disabled} aria-label="Refresh the list of tables and sheets" />
    </div>
  );
}
