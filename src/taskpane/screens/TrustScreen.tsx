/**
 * "Which of our schools serve disadvantaged pupils unusually well, and which need support?": the
 * trust view. The leader chooses the trust's pupils (one table with a school column), the school,
 * disadvantaged and outcome columns, the outcome's scale (detected as the gap analysis detects an
 * assessment's, shown to confirm or change), and optionally contextual value added; "Make the trust view"
 * writes a report with two funnel plots and names the schools outside the limits here.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Checkbox, Dropdown, Field, Option, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { DataScatter20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { useResultInView } from '../useResultInView';
import { ErrorBar } from '../components/ErrorBar';
import { ReportWritten } from '../components/ReportWritten';
import { BusyIndicator } from '../components/BusyIndicator';
import { DataStep } from '../components/DataStep';
import { ColumnPick } from '../components/ColumnPick';
import type { DataSource, TableData } from '../../workbook/port';
import { detectColumns, defaultDisadvantaged, firstOfRole } from '../../core/columns/detect';
import { guessScale, type NamedScale } from '../../core/grades/scales';
import { checkOutcome, runTrustView, type TrustRun } from '../../jobs/trustView';
import { SCALES } from '../components/scaleOptions';
import { NationalFiguresButton, NationalFiguresStatus, useNationalFigures } from '../components/NationalFigures';
import { fixed } from '../../core/numberText';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  context: { display: 'flex', flexDirection: 'column' },
});

interface Setup {
  data: TableData;
  school: number | null;
  disadvantaged: number | null;
  outcome: number | null;
  /** The outcome's scale: detected as the gap analysis detects an assessment's, for the user to confirm. */
  scale: NamedScale;
  cva: boolean;
  prior: number | null;
  context: number[];
  centre: 'none' | '100' | '1000';
}

const SCHOOL_WORDS = /\b(school|academy|urn|site|campus)\b/i;

/** The scale a column's values look like (guessScale, as the gap analysis guesses an assessment's). */
function scaleOf(data: TableData, column: number | null): NamedScale {
  return column === null ? 'gcse' : guessScale(data.rows.map((r) => r[column])).scale;
}

/** The detected defaults: a header naming the school, the disadvantaged column, the last assessment. */
export function initialTrustSetup(data: TableData): Setup {
  const detected = detectColumns(data.headers, data.rows);
  const school = data.headers.findIndex((h) => SCHOOL_WORDS.test(h));
  const assessments = detected.filter((c) => c.role === 'assessment');
  const context = detected.filter((c) => ['disadvantaged', 'send', 'eal'].includes(c.role) && c.index === (c.role === 'disadvantaged' ? defaultDisadvantaged(detected) : c.index)).map((c) => c.index);
  const late = data.headers.findIndex((h) => /joined|mobile|mobility|late/i.test(h));
  const outcome = assessments.length > 0 ? assessments[assessments.length - 1].index : null;
  return {
    data,
    school: school < 0 ? null : school,
    disadvantaged: defaultDisadvantaged(detected),
    outcome,
    scale: scaleOf(data, outcome),
    cva: false,
    prior: firstOfRole(detected, 'prior'),
    context: late >= 0 && !context.includes(late) ? [...context, late] : context,
    centre: '100',
  };
}

function problemsOf(s: Setup): Record<string, string | undefined> {
  return {
    school: s.school === null ? 'Choose the column that names each pupil\'s school.' : undefined,
    disadvantaged: s.disadvantaged === null ? 'Choose the column that marks disadvantaged pupils (PP, FSM6 or FSM).' : undefined,
    outcome: s.outcome === null ? 'Choose the outcome to compare (e.g. Attainment 8).' : undefined,
    prior: s.cva && s.prior === null ? 'Choose the prior attainment column, or untick contextual value added.' : undefined,
  };
}

function fmt(x: number): string {
  return Number.isFinite(x) ? fixed(x, 2) : 'n/a';
}

export function TrustScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const loading = useAction<TableData>();
  const running = useAction<TrustRun>();
  const national = useNationalFigures();
  const [source, setSource] = React.useState<DataSource | null>(null);
  const [setup, setSetup] = React.useState<Setup | null>(null);
  const busy = loading.busy || running.busy || national.busy;
  const resultRef = useResultInView(running);

  const read = async (s: DataSource) => {
    setSource(s);
    running.reset();
    const data = await loading.run(() => workbook.readData(s), 'Could not read that data');
    setSetup(data && data.rows.length > 0 ? initialTrustSetup(data) : null);
  };

  const problems = setup ? problemsOf(setup) : {};
  const check = setup && setup.outcome !== null ? checkOutcome(setup.data, setup.outcome, setup.scale) : null;
  const anyProblem = Object.values(problems).some(Boolean);
  const update = (patch: Partial<Setup>) => setSetup((s) => (s ? { ...s, ...patch } : s));
  const run = () => {
    if (!setup || !source || anyProblem) return;
    const options = {
      school: setup.school as number,
      disadvantaged: setup.disadvantaged as number,
      outcome: setup.outcome as number,
      scale: setup.scale,
      cva: setup.cva ? { prior: setup.prior as number, context: setup.context, centre: setup.centre === 'none' ? null : Number(setup.centre) } : null,
    };
    void running.run((report) => runTrustView(workbook, source, setup.data.headers, options, new Date(), report), 'Could not make the trust view');
  };

  const outside = running.result?.model.funnel.schools.filter((s) => s.gapView?.outside || s.othersView?.outside) ?? [];

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="trust-step1">
        <Subtitle2 as="h2" id="trust-step1">
          1. Choose the trust&apos;s pupils
        </Subtitle2>
        <Caption1 className={styles.muted}>One table of every school&apos;s pupils, with a column naming the school.</Caption1>
        <DataStep source={source} onRead={(s) => void read(s)} loading={loading} disabled={busy} testId="trust" />
      </section>

      {setup && (
        <section className={styles.section} aria-labelledby="trust-step2">
          <Subtitle2 as="h2" id="trust-step2">
            2. Columns
          </Subtitle2>
          <ColumnPick label="School" headers={setup.data.headers} value={setup.school} onChange={(v) => update({ school: v })} problem={problems.school} disabled={busy} testId="trust-school" />
          <ColumnPick label="Disadvantaged (PP / FSM)" hint="A yes/no column" headers={setup.data.headers} value={setup.disadvantaged} onChange={(v) => update({ disadvantaged: v })} problem={problems.disadvantaged} disabled={busy} testId="trust-disadvantaged" />
          <ColumnPick label="Outcome" hint="Scores or grades" headers={setup.data.headers} value={setup.outcome} onChange={(v) => update({ outcome: v, scale: scaleOf(setup.data, v) })} problem={problems.outcome} disabled={busy} testId="trust-outcome" />
          {check && (
            <Field
              label="Outcome scale"
              hint={`Read as ${check.scaleName}: every gap, limit and shrunken gap is in its points`}
              validationState={check.unreadable.warning ? 'warning' : 'none'}
              validationMessage={check.unreadable.warning || undefined}
            >
              <Dropdown
                value={SCALES.find((x) => x.key === setup.scale)?.label ?? ''}
                selectedOptions={[setup.scale]}
                onOptionSelect={(_, d) => update({ scale: (d.optionValue ?? 'gcse') as NamedScale })}
                disabled={busy}
                data-testid="trust-scale"
                data-scale-name={check.scaleName}
              >
                {SCALES.map((x) => (
                  <Option key={x.key} value={x.key}>
                    {x.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          )}
          <Checkbox checked={setup.cva} onChange={(_, d) => update({ cva: Boolean(d.checked) })} disabled={busy} label="Add contextual value added per school" data-testid="trust-cva" />
          {setup.cva && (
            <>
              <ColumnPick label="Prior attainment" headers={setup.data.headers} value={setup.prior} onChange={(v) => update({ prior: v })} problem={problems.prior} disabled={busy} testId="trust-prior" />
              <Field label="Context" hint="Yes/no columns the model adjusts for (SEND codes K and E count as yes)">
                <div className={styles.context} role="group" aria-label="Context columns">
                  {setup.data.headers.map((h, i) =>
                    i === setup.school || i === setup.outcome || i === setup.prior ? null : (
                      <Checkbox
                        key={i}
                        checked={setup.context.includes(i)}
                        onChange={(_, d) => update({ context: d.checked ? [...setup.context, i].sort((a, b) => a - b) : setup.context.filter((c) => c !== i) })}
                        disabled={busy}
                        label={h}
                      />
                    ),
                  )}
                </div>
              </Field>
              <Field label="Centre the figures on">
                <Dropdown value={setup.centre === 'none' ? 'Not centred' : setup.centre} selectedOptions={[setup.centre]} onOptionSelect={(_, d) => update({ centre: (d.optionValue ?? '100') as Setup['centre'] })} disabled={busy} data-testid="trust-centre">
                  <Option value="none">Not centred</Option>
                  <Option value="100">100</Option>
                  <Option value="1000">1000</Option>
                </Dropdown>
              </Field>
              <Caption1 className={styles.muted}>The DfE&apos;s CVA was a multilevel model fitted nationally; this one is fitted on the data chosen, so it compares each school with similar pupils in this trust.</Caption1>
            </>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" icon={<DataScatter20Regular />} onClick={run} disabled={busy || anyProblem} data-testid="trust-run">
              Make the trust view
            </Button>
            <NationalFiguresButton national={national} disabled={busy} testIdPrefix="trust" />
          </div>
          {anyProblem && <Caption1 className={styles.muted}>Fix the fields marked above to make the report.</Caption1>}
          <NationalFiguresStatus national={national} testIdPrefix="trust" />
        </section>
      )}

      <BusyIndicator busy={running.busy} label="Making the trust view" progress={running.progress} />
      <ErrorBar failure={running.failure} onDismiss={running.clearFailure} />
      {running.result && !running.busy && (
        <section className={styles.section} aria-label="Result" ref={resultRef} tabIndex={-1} data-testid="trust-result">
          <ReportWritten sheetName={running.result.sheetName} />
          <Body1>
            Trust gap {fmt(running.result.model.funnel.gapView.target)} points over {running.result.model.funnel.schools.length} schools.{' '}
            {outside.length === 0 ? 'Every school is inside the 95% limits.' : 'Outside the 95% limits:'}
          </Body1>
          {outside.length > 0 && (
            <ul className={styles.list} data-testid="trust-outside">
              {outside.map((s) => {
                const o = s.gapView?.outside ?? s.othersView?.outside;
                return (
                  <li key={s.school} data-testid="trust-outside-school" data-side={o?.side}>
                    <Body1>
                      <b>{s.school}</b>: {o?.side === 'learn from' ? 'to learn from' : 'to support'}; gap {fmt(s.gap)} (shrunken {fmt(s.shrunken)}), {s.nDisadvantaged} disadvantaged pupils
                    </Body1>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
