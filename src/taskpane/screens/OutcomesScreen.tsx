/**
 * "Attendance and destinations": gaps beyond test scores.
 *
 * The leader picks the pupils' data (read at once); the disadvantaged column and the outcome columns
 * (attendance, sessions, suspensions, exclusions, destinations, time on free school meals) are
 * guessed from headers and values for them to confirm; a destination column's words get a proposed
 * meaning (sustained, not sustained, NEET, unknown) they confirm too. "Run" writes the "Attendance
 * and outcomes" report with the outcomes job and shows its headlines here.
 */
import * as React from 'react';
import { Button, Caption1, Field, MessageBar, MessageBarBody, Select, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DataTrending20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { ErrorBar } from '../components/ErrorBar';
import { BusyIndicator } from '../components/BusyIndicator';
import { DataStep } from '../components/DataStep';
import type { DataSource, TableData } from '../../workbook/port';
import { defaultDisadvantaged, detectColumns, firstOfRole } from '../../core/columns/detect';
import { OUTCOME_KIND_LABELS, defaultOutcomeChoice, detectOutcomeColumns, type OutcomeChoice, type OutcomeColumn, type OutcomeKind } from '../../core/columns/outcomeKinds';
import { proposeDestinationMapping, type DestinationCategory } from '../../core/outcomes/destinations';
import { runOutcomes, type OutcomesRun } from '../../jobs/outcomes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const CATEGORIES: DestinationCategory[] = ['sustained', 'not sustained', 'NEET', 'unknown'];

interface Mapping {
  word: string;
  count: number;
  category: DestinationCategory;
  recognised: boolean;
}

function mappingFor(data: TableData, column: number | undefined): Mapping[] {
  if (column === undefined) return [];
  const p = proposeDestinationMapping(data.rows.map((r) => [r[column] ?? null]));
  const counts = new Map<string, number>();
  for (const r of data.rows) {
    const w = String(r[column] ?? '').trim().toUpperCase();
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [
    ...p.mapping.map((m) => ({ word: m.word, count: m.count, category: m.category, recognised: true })),
    ...p.unmapped.map((w) => ({ word: w, count: counts.get(w) ?? 0, category: 'unknown' as const, recognised: false })),
  ];
}

/** A column of the data chosen from a native select of its headers, after a first "none" entry. */
function HeaderSelect({ headers, value, none, onChange, disabled, testId }: { headers: readonly string[]; value: number | undefined; none: string; onChange: (column: number | undefined) => void; disabled: boolean; testId: string }): React.JSX.Element {
  return (
    <Select value={value === undefined ? '' : String(value)} onChange={(_, d) => onChange(d.value === '' ? undefined : Number(d.value))} disabled={disabled} data-testid={testId}>
      <option value="">{none}</option>
      {headers.map((h, i) => (
        <option key={i} value={i}>
          {h}
        </option>
      ))}
    </Select>
  );
}

export function OutcomesScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const loading = useAction<TableData>();
  const running = useAction<OutcomesRun>();
  const [source, setSource] = React.useState<DataSource | null>(null);
  const [data, setData] = React.useState<TableData | null>(null);
  const [found, setFound] = React.useState<OutcomeColumn[]>([]);
  const [choice, setChoice] = React.useState<OutcomeChoice>({});
  const [disadvantaged, setDisadvantaged] = React.useState<number | null>(null);
  const [mapping, setMapping] = React.useState<Mapping[]>([]);
  const busy = loading.busy || running.busy;

  const read = async (s: DataSource) => {
    setSource(s);
    setData(null);
    loading.reset();
    running.reset();
    const table = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (!table || table.rows.length === 0) return;
    const outcomes = detectOutcomeColumns(table.headers, table.rows);
    const c = defaultOutcomeChoice(outcomes);
    setData(table);
    setFound(outcomes);
    setChoice(c);
    setDisadvantaged(defaultDisadvantaged(detectColumns(table.headers, table.rows)));
    setMapping(mappingFor(table, c.destination));
  };

  const setKind = (kind: OutcomeKind, value: number | undefined) => {
    const next = { ...choice };
    if (value === undefined) delete next[kind];
    else next[kind] = value;
    setChoice(next);
    if (kind === 'destination' && data) setMapping(mappingFor(data, next.destination));
  };

  const kinds = [...new Set(found.map((f) => f.kind))];
  const nothing = Object.keys(choice).length === 0;
  const run = () => {
    if (!source || !data || disadvantaged === null) return;
    const all = detectColumns(data.headers, data.rows);
    void running.run(
      () =>
        runOutcomes(
          workbook,
          source,
          data.headers,
          {
            disadvantaged,
            columns: choice,
            destinationMapping: Object.fromEntries(mapping.map((m) => [m.word, m.category])),
            idColumn: firstOfRole(all, 'id'),
            nameColumns: all.filter((c) => c.role === 'name').map((c) => c.index),
          },
          new Date(),
        ),
      'Could not compare the outcomes',
    );
  };

  const result = running.result;
  return (
    <div className={styles.root}>
      <section className={styles.section} aria-label="Choose the data">
        <DataStep source={source} onRead={(s) => void read(s)} loading={loading} disabled={busy} testId="oc" />
      </section>

      {data && (
        <>
          <section className={styles.section} aria-label="Outcome columns">
            <Subtitle2 as="h2">Check the columns</Subtitle2>
            <Caption1 className={styles.muted}>
              {data.rows.length} pupils in {data.description}
            </Caption1>
            <Field label="Disadvantaged pupils" hint="A yes/no column (PP, FSM6, Disadvantaged)" validationState={disadvantaged === null ? 'error' : 'none'} validationMessage={disadvantaged === null ? 'Choose the column that marks disadvantaged pupils' : undefined}>
              <HeaderSelect headers={data.headers} value={disadvantaged ?? undefined} none="Choose a column" onChange={(v) => setDisadvantaged(v ?? null)} disabled={busy} testId="oc-disadvantaged" />
            </Field>
            {kinds.length === 0 && (
              <MessageBar intent="warning" data-testid="oc-none-found">
                <MessageBarBody>No attendance, suspension, destination or free-school-meals columns were found. Headers such as &quot;Attendance %&quot;, &quot;Sessions Possible&quot;, &quot;Suspensions&quot; or &quot;Destination&quot; are recognised.</MessageBarBody>
              </MessageBar>
            )}
            {kinds.map((kind) => (
              <Field key={kind} label={OUTCOME_KIND_LABELS[kind]} hint={found.find((f) => f.kind === kind)?.reason}>
                <HeaderSelect headers={data.headers} value={choice[kind]} none="Not used" onChange={(v) => setKind(kind, v)} disabled={busy} testId={`oc-kind-${kind}`} />
              </Field>
            ))}
          </section>

          {mapping.length > 0 && (
            <section className={styles.section} aria-label="Destinations">
              <Subtitle2 as="h2">What each destination means</Subtitle2>
              <Caption1 className={styles.muted}>Sustained = education, employment or training kept up; unknown destinations are left out of the rates.</Caption1>
              {mapping.map((m, k) => (
                <Field key={m.word} label={`${m.word} (${m.count})`} hint={m.recognised ? undefined : 'Not recognised: choose what it means'} validationState={m.recognised ? 'none' : 'warning'}>
                  <Select
                    value={m.category}
                    onChange={(_, d) => setMapping(mapping.map((x, j) => (j === k ? { ...x, category: d.value as DestinationCategory, recognised: true } : x)))}
                    disabled={busy}
                    data-testid={`oc-destination-${k}`}
                  >
                    {CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </Select>
                </Field>
              ))}
            </section>
          )}

          <Button appearance="primary" icon={<DataTrending20Regular />} onClick={run} disabled={busy || disadvantaged === null || nothing} data-testid="oc-run">
            Run
          </Button>
        </>
      )}

      <BusyIndicator busy={running.busy} progress={running.progress} label="Comparing the outcomes" />
      <ErrorBar failure={running.failure} onDismiss={running.clearFailure} />
      {result && !running.busy && (
        <section className={styles.section} aria-label="Headlines" data-testid="oc-result">
          <Subtitle2 as="h2">Headlines</Subtitle2>
          <ul className={styles.list}>
            {result.analysis.headlines.map((h) => (
              <li key={h}>
                <Caption1>{h}</Caption1>
              </li>
            ))}
          </ul>
          {result.analysis.persistentlyAbsent.length > 0 && (
            <Caption1 data-testid="oc-persistent">{result.analysis.persistentlyAbsent.length} disadvantaged pupils are persistently absent: they are listed on the report.</Caption1>
          )}
          <Caption1 className={styles.muted} data-testid="oc-sheet">
            The full report is on the sheet &quot;{result.sheetName}&quot;.
          </Caption1>
        </section>
      )}
    </div>
  );
}
