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
import { Button, Caption1, Field, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
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
import { DestinationMeaningFields, HeaderSelect, destinationMappingOf, destinationMeaningsFor, setAsideText, unchosenMeaningsProblem, type DestinationMeaning } from '../components/OutcomeColumns';
import { runOutcomes, type OutcomesRun } from '../../jobs/outcomes';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  problem: { color: tokens.colorPaletteRedForeground1 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

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
  const [mapping, setMapping] = React.useState<DestinationMeaning[]>([]);
  const busy = loading.busy || running.busy;

  /** A new choice of data, or of the kind of source: what was read and reported from the last one no longer applies. */
  const choose = (s: DataSource | null) => {
    setSource(s);
    setData(null);
    loading.reset();
    running.reset();
  };

  const read = async (s: DataSource) => {
    choose(s);
    const table = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (!table || table.rows.length === 0) return;
    const outcomes = detectOutcomeColumns(table.headers, table.rows);
    const c = defaultOutcomeChoice(outcomes);
    setData(table);
    setFound(outcomes);
    setChoice(c);
    setDisadvantaged(defaultDisadvantaged(detectColumns(table.headers, table.rows)));
    setMapping(destinationMeaningsFor(table, c.destination));
  };

  const setKind = (kind: OutcomeKind, value: number | undefined) => {
    const next = { ...choice };
    if (value === undefined) delete next[kind];
    else next[kind] = value;
    setChoice(next);
    if (kind === 'destination' && data) setMapping(destinationMeaningsFor(data, next.destination));
  };

  const kinds = [...new Set(found.map((f) => f.kind))];
  const nothing = Object.keys(choice).length === 0;
  const unchosen = choice.destination !== undefined ? unchosenMeaningsProblem(mapping) : undefined;
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
            destinationMapping: destinationMappingOf(mapping),
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
        <DataStep source={source} onRead={(s) => void read(s)} onKindChange={() => choose(null)} loading={loading} disabled={busy} testId="oc" />
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
            {setAsideText(choice, data.headers).length > 0 && (
              <Caption1 className={styles.muted} data-testid="oc-set-aside">
                {setAsideText(choice, data.headers).join(' ')}
              </Caption1>
            )}
          </section>

          {mapping.length > 0 && (
            <section className={styles.section} aria-label="Destinations">
              <Subtitle2 as="h2">What each destination means</Subtitle2>
              <DestinationMeaningFields meanings={mapping} onChange={setMapping} disabled={busy} testId="oc-destination" />
              {unchosen && (
                <Caption1 role="alert" className={styles.problem} data-testid="oc-destination-problem">
                  {unchosen}
                </Caption1>
              )}
            </section>
          )}

          <Button appearance="primary" icon={<DataTrending20Regular />} onClick={run} disabled={busy || disadvantaged === null || nothing || Boolean(unchosen)} data-testid="oc-run">
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
