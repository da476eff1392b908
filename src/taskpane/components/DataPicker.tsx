/**
 * Step "choose the data", shared by the screens that analyse pupils: the cells selected now, an
 * Excel table (the best choice: it grows with the tracker), or a sheet's used range. Lists the
 * workbook's tables and sheets when it opens and on "Refresh"; the first row is always the headers.
 */
import * as React from 'react';
import { Button, Caption1, Dropdown, Field, Option, Radio, RadioGroup, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons';
import type { DataSource, SheetInfo, TableInfo } from '../../workbook/port';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { ErrorBar } from './ErrorBar';

const useStyles = makeStyles({
  // Choices wrap as whole words at a narrow pane; a label never breaks inside itself.
  radios: {
    flexWrap: 'wrap',
    '& label': { whiteSpace: 'nowrap', paddingLeft: tokens.spacingHorizontalXS, paddingRight: tokens.spacingHorizontalXS },
    '& .fui-Radio__indicator': { marginLeft: tokens.spacingHorizontalXS, marginRight: 0 },
  },
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
});

type Kind = Exclude<DataSource['kind'], 'range'>;

export interface DataPickerProps {
  /** The source chosen, or null before a choice. */
  value: DataSource | null;
  /** Called when the user chooses a source (a table, a sheet, or the selection). */
  onChange: (source: DataSource) => void;
  /** Called when the kind of source (table, sheet, selection) is switched, before anything is chosen. */
  onKindChange?: (kind: DataSource['kind']) => void;
  /** Disables the controls while work is under way. Default false. */
  disabled?: boolean;
  /** Prefix of the data-testid attributes. Default "data". */
  testId?: string;
  /** Label of the group. Default "Pupil data". */
  label?: string;
  /** Hint under the label. Default "The first row must hold the headers". */
  hint?: string;
  /** What to do when "Selected cells" is chosen. Default: select the pupils' rows, headers included. */
  selectionHint?: string;
}

interface Listing {
  tables: TableInfo[];
  sheets: SheetInfo[];
}

/** Human label of a source, e.g. "table Year9 (sheet Year 9, 180 rows)". */
export function describeSource(source: DataSource, listing?: { tables: TableInfo[] }): string {
  if (source.kind === 'selection') return 'the cells selected now';
  if (source.kind === 'sheet') return `sheet ${source.name}`;
  if (source.kind === 'range') return `the cells ${source.address}`;
  const t = listing?.tables.find((x) => x.name === source.name);
  return t ? `table ${t.name} (sheet ${t.sheet}, ${t.rowCount} rows)` : `table ${source.name}`;
}

export function DataPicker({
  value,
  onChange,
  onKindChange,
  disabled = false,
  testId = 'data',
  label = 'Pupil data',
  hint = 'The first row must hold the headers',
  selectionHint = "Select the pupils' rows in the sheet, headers included, then read the data.",
}: DataPickerProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const listing = useAction<Listing>();
  const [kind, setKind] = React.useState<Kind>(value?.kind === 'range' ? 'selection' : value?.kind ?? 'table');

  const { run } = listing;
  const refresh = React.useCallback(
    () =>
      run(async () => {
        const [tables, sheets] = await Promise.all([workbook.listTables(), workbook.listSheets()]);
        return { tables, sheets: sheets.filter((s) => s.visible) };
      }, 'Could not list the tables and sheets'),
    [run, workbook],
  );
  React.useEffect(() => {
    void refresh().then((l) => {
      if (l && l.tables.length === 0) setKind((k) => (k === 'table' ? 'sheet' : k));
    });
  }, [refresh]);

  const tables = listing.result?.tables ?? [];
  const sheets = listing.result?.sheets ?? [];
  const off = disabled || listing.busy;

  return (
    <div className={styles.root} role="group" aria-label={label} data-testid={testId}>
      <Field label={label} hint={hint}>
        <RadioGroup
          value={kind}
          onChange={(_, d) => {
            const k = d.value as Kind;
            setKind(k);
            onKindChange?.(k);
            if (k === 'selection') onChange({ kind: 'selection' });
          }}
          disabled={off}
          layout="horizontal"
          className={styles.radios}
        >
          <Radio value="table" label="A table" data-testid={`${testId}-kind-table`} disabled={tables.length === 0} />
          <Radio value="sheet" label="A sheet" data-testid={`${testId}-kind-sheet`} />
          <Radio value="selection" label="Selected cells" data-testid={`${testId}-kind-selection`} />
        </RadioGroup>
      </Field>
      {kind !== 'selection' && (
        <div className={styles.row}>
          <Field className={styles.grow} label={kind === 'table' ? 'Table' : 'Sheet'}>
            {kind === 'table' ? (
              <Dropdown
                placeholder="Choose a table"
                value={value?.kind === 'table' ? describeSource(value, { tables }) : ''}
                selectedOptions={value?.kind === 'table' ? [value.name] : []}
                onOptionSelect={(_, d) => d.optionValue && onChange({ kind: 'table', name: d.optionValue })}
                disabled={off}
                data-testid={`${testId}-table`}
              >
                {tables.map((t) => (
                  <Option key={t.name} value={t.name} text={describeSource({ kind: 'table', name: t.name }, { tables })}>
                    {describeSource({ kind: 'table', name: t.name }, { tables })}
                  </Option>
                ))}
              </Dropdown>
            ) : (
              <Dropdown
                placeholder="Choose a sheet"
                value={value?.kind === 'sheet' ? value.name : ''}
                selectedOptions={value?.kind === 'sheet' ? [value.name] : []}
                onOptionSelect={(_, d) => d.optionValue && onChange({ kind: 'sheet', name: d.optionValue })}
                disabled={off}
                data-testid={`${testId}-sheet`}
              >
                {sheets.map((s) => (
                  <Option key={s.name} value={s.name}>
                    {s.name}
                  </Option>
                ))}
              </Dropdown>
            )}
          </Field>
          <Button icon={<ArrowClockwise20Regular />} onClick={() => void refresh()} disabled={off} aria-label="Refresh the list of tables and sheets" />
        </div>
      )}
      {kind === 'selection' && (
        <Caption1 className={styles.muted}>{selectionHint}</Caption1>
      )}
      <ErrorBar failure={listing.failure} onDismiss={listing.clearFailure} />
    </div>
  );
}
