/**
 * "Has our gap closed over the years?": the gap trend. The leader chooses either several tables or
 * sheets, one per year (Year 11 of 2023, 2024, 2025), giving each its year, or one table with a
 * cohort-year column; then the outcome and the disadvantaged column. "Make the gap trend" writes a
 * report with each year's gap, the changes with their intervals and words, a three-year pooled gap
 * and a chart, and shows the years here.
 */
import * as React from 'react';
import { Body1, Button, Checkbox, Field, Input, Radio, RadioGroup, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DataLine20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { useResultInView } from '../useResultInView';
import { ErrorBar } from '../components/ErrorBar';
import { ReportWritten } from '../components/ReportWritten';
import { BusyIndicator } from '../components/BusyIndicator';
import { DataStep } from '../components/DataStep';
import { ColumnPick } from '../components/ColumnPick';
import type { DataSource, SheetInfo, TableData, TableInfo } from '../../workbook/port';
import { detectColumns, defaultDisadvantaged, firstOfRole } from '../../core/columns/detect';
import { runGapTrend, type TrendInput, type TrendRun } from '../../jobs/gapTrend';
import { NationalFiguresButton, NationalFiguresStatus, useNationalFigures } from '../components/NationalFigures';
import { fixed } from '../../core/numberText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  source: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  year: { width: '80px' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

type Mode = 'several' | 'one';

interface Candidate {
  key: string;
  label: string;
  source: { kind: 'table' | 'sheet'; name: string };
}

interface Chosen {
  year: string;
}

/** A year in a table or sheet's name ("Y11_2024" gives "2024"), else "". */
export function yearIn(name: string): string {
  const m = /(19|20)\d{2}/.exec(name);
  return m ? m[0] : '';
}

function fmt(x: number): string {
  return Number.isFinite(x) ? fixed(x, 2) : 'n/a';
}

export function TrendScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const [mode, setMode] = React.useState<Mode>('several');
  const listing = useAction<Candidate[]>();
  const loading = useAction<TableData>();
  const running = useAction<TrendRun>();
  const national = useNationalFigures();
  const [chosen, setChosen] = React.useState<Record<string, Chosen>>({});
  const [source, setSource] = React.useState<DataSource | null>(null);
  const [headers, setHeaders] = React.useState<string[] | null>(null);
  const [cols, setCols] = React.useState<{ outcome: number | null; disadvantaged: number | null; year: number | null }>({ outcome: null, disadvantaged: null, year: null });
  const busy = listing.busy || loading.busy || running.busy || national.busy;
  const resultRef = useResultInView(running);

  const { run: runListing } = listing;
  React.useEffect(() => {
    void runListing(async () => {
      const [tables, sheets]: [TableInfo[], SheetInfo[]] = await Promise.all([workbook.listTables(), workbook.listSheets()]);
      const onTables = new Set(tables.map((t) => t.sheet));
      return [
        ...tables.map((t) => ({ key: `t:${t.name}`, label: `table ${t.name} (${t.rowCount} rows)`, source: { kind: 'table' as const, name: t.name } })),
        ...sheets.filter((s) => s.visible && !onTables.has(s.name)).map((s) => ({ key: `s:${s.name}`, label: `sheet ${s.name}`, source: { kind: 'sheet' as const, name: s.name } })),
      ];
    }, 'Could not list the tables and sheets');
  }, [runListing, workbook]);

  const learn = (data: TableData) => {
    const detected = detectColumns(data.headers, data.rows);
    const assessments = detected.filter((c) => c.role === 'assessment');
    setHeaders(data.headers);
    setCols({ outcome: assessments.length > 0 ? assessments[assessments.length - 1].index : null, disadvantaged: defaultDisadvantaged(detected), year: firstOfRole(detected, 'year') ?? data.headers.findIndex((h) => /cohort|year/i.test(h)) });
  };

  const candidates = listing.result ?? [];
  const toggle = async (c: Candidate, on: boolean) => {
    running.reset();
    const next = { ...chosen };
    if (on) next[c.key] = { year: yearIn(c.source.name) };
    else delete next[c.key];
    setChosen(next);
    const first = candidates.find((x) => next[x.key]);
    if (first && (on || !headers)) {
      const data = await loading.run(() => workbook.readData(first.source), 'Could not read that data');
      if (data) learn(data);
    }
  };
  const readOne = async (s: DataSource) => {
    setSource(s);
    running.reset();
    const data = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (data) learn(data);
  };

  const picked = candidates.filter((c) => chosen[c.key]);
  const problems: Record<string, string | undefined> = {
    sources: mode === 'several' && picked.length < 2 ? 'Tick at least two tables or sheets, one per year.' : undefined,
    years: mode === 'several' && picked.some((c) => chosen[c.key].year.trim() === '') ? 'Give each ticked table or sheet its year.' : undefined,
    outcome: headers && cols.outcome === null ? 'Choose the outcome (e.g. Attainment 8).' : undefined,
    disadvantaged: headers && cols.disadvantaged === null ? 'Choose the column that marks disadvantaged pupils.' : undefined,
    year: mode === 'one' && headers && (cols.year === null || cols.year < 0) ? 'Choose the cohort-year column.' : undefined,
  };
  const ready = headers !== null && !Object.values(problems).some(Boolean) && (mode === 'several' || source !== null);

  const run = () => {
    if (!ready || !headers) return;
    const outcome = headers[cols.outcome as number];
    const disadvantaged = headers[cols.disadvantaged as number];
    const input: TrendInput =
      mode === 'several'
        ? { kind: 'several', sources: picked.map((c) => ({ source: c.source, year: chosen[c.key].year })), outcome, disadvantaged, scale: 'gcse' }
        : { kind: 'one', source: source as DataSource, yearColumn: headers[cols.year as number], outcome, disadvantaged, scale: 'gcse' };
    void running.run((report) => runGapTrend(workbook, input, new Date(), report), 'Could not make the gap trend');
  };

  const trend = running.result?.model.trend;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="trend-step1">
        <Subtitle2 as="h2" id="trend-step1">
          1. Choose the years
        </Subtitle2>
        <RadioGroup
          value={mode}
          onChange={(_, d) => {
            setMode(d.value as Mode);
            setHeaders(null);
            running.reset();
          }}
          disabled={busy}
          aria-label="Where the years are"
        >
          <Radio value="several" label="Several tables or sheets, one per year" data-testid="trend-mode-several" />
          <Radio value="one" label="One table with a cohort-year column" data-testid="trend-mode-one" />
        </RadioGroup>
        {mode === 'several' ? (
          <Field label="Tables and sheets" hint="Tick one per year and give its year; they need the same headers" validationState={problems.sources || problems.years ? 'error' : 'none'} validationMessage={problems.sources ?? problems.years}>
            <div role="group" aria-label="Tables and sheets, one per year" data-testid="trend-sources">
              {candidates.map((c) => (
                <div key={c.key} className={styles.source}>
                  <Checkbox checked={Boolean(chosen[c.key])} onChange={(_, d) => void toggle(c, Boolean(d.checked))} disabled={busy} label={c.label} data-testid={`trend-source-${c.source.name}`} />
                  {chosen[c.key] && (
                    <Input
                      className={styles.year}
                      aria-label={`Year of ${c.label}`}
                      value={chosen[c.key].year}
                      onChange={(_, d) => setChosen((x) => ({ ...x, [c.key]: { year: d.value } }))}
                      disabled={busy}
                      data-testid={`trend-year-${c.source.name}`}
                    />
                  )}
                </div>
              ))}
            </div>
          </Field>
        ) : (
          <DataStep source={source} onRead={(s) => void readOne(s)} loading={loading} disabled={busy} testId="trend" />
        )}
        <BusyIndicator busy={loading.busy && mode === 'several'} label="Reading the data" progress={loading.progress} />
        <ErrorBar failure={listing.failure ?? (mode === 'several' ? loading.failure : null)} onDismiss={mode === 'several' ? loading.clearFailure : listing.clearFailure} />
      </section>

      {headers && (
        <section className={styles.section} aria-labelledby="trend-step2">
          <Subtitle2 as="h2" id="trend-step2">
            2. Columns
          </Subtitle2>
          {mode === 'one' && <ColumnPick label="Cohort year" headers={headers} value={cols.year !== null && cols.year >= 0 ? cols.year : null} onChange={(v) => setCols((c) => ({ ...c, year: v }))} problem={problems.year} disabled={busy} testId="trend-year-column" />}
          <ColumnPick label="Outcome" hint="Scores or 9-1 grades" headers={headers} value={cols.outcome} onChange={(v) => setCols((c) => ({ ...c, outcome: v }))} problem={problems.outcome} disabled={busy} testId="trend-outcome" />
          <ColumnPick label="Disadvantaged (PP / FSM)" hint="A yes/no column" headers={headers} value={cols.disadvantaged} onChange={(v) => setCols((c) => ({ ...c, disadvantaged: v }))} problem={problems.disadvantaged} disabled={busy} testId="trend-disadvantaged" />
          <div className={styles.actions}>
            <Button appearance="primary" icon={<DataLine20Regular />} onClick={run} disabled={busy || !ready} data-testid="trend-run">
              Make the gap trend
            </Button>
            <NationalFiguresButton national={national} disabled={busy} testIdPrefix="trend" />
          </div>
          <NationalFiguresStatus national={national} testIdPrefix="trend" />
        </section>
      )}

      <BusyIndicator busy={running.busy} label="Making the gap trend" progress={running.progress} />
      <ErrorBar failure={running.failure} onDismiss={running.clearFailure} />
      {trend && running.result && !running.busy && (
        <section className={styles.section} aria-label="Result" ref={resultRef} tabIndex={-1} data-testid="trend-result">
          <ReportWritten sheetName={running.result.sheetName} />
          <ul className={styles.list} data-testid="trend-years">
            {trend.years.map((y) => (
              <li key={y.year} data-testid="trend-year-row" data-gap={y.gap}>
                <Body1>
                  <b>{y.year}</b>: gap {fmt(y.gap)}, 95% CI {fmt(y.lower)} to {fmt(y.upper)}; {y.nDisadvantaged} disadvantaged, {y.nOther} others
                </Body1>
              </li>
            ))}
          </ul>
          {trend.firstToLast && (
            <Body1 data-testid="trend-word">
              From {trend.years[0].year} to {trend.years[trend.years.length - 1].year}: <b>{trend.firstToLast.word}</b> (change {fmt(trend.firstToLast.change)}, 95% CI {fmt(trend.firstToLast.lower)} to {fmt(trend.firstToLast.upper)})
            </Body1>
          )}
        </section>
      )}
    </div>
  );
}
