/**
 * "Did it work, for whom, and was it worth the cost?": the intervention impact job.
 *
 * The leader picks the pupils' data (a table, a sheet or the selection), which is read at once; the
 * pre-test, post-test, who received the intervention and the disadvantaged column are guessed from
 * the headers; they choose the comparison (every other pupil, pupils flagged in a column, or a group
 * matched on the pre-test), name the intervention, and may add dates, cost and a success criterion.
 * "Evaluate" reads the data, evaluates it in the core, writes an evaluation sheet and a row of the
 * interventions register, and shows the verdict here.
 *
 * Each column choice is checked against the data at once (the message under the field names the
 * cell to look at) and "Evaluate" stays disabled until every field is right. Each new choice
 * clears what no longer applies: another data source clears the form and the last result, a
 * changed setting clears the result shown. Data chosen as "Selected cells" is read again at the
 * address first read (writing the report moves the selection), and the result says so.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { DataTrending20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { useResultInView } from '../useResultInView';
import { ErrorBar } from '../components/ErrorBar';
import { BusyIndicator } from '../components/BusyIndicator';
import { DataStep } from '../components/DataStep';
import type { DataSource, TableData } from '../../workbook/port';
import { formProblems, type ComparisonMode, type InterventionForm } from '../../core/interventions/form';
import { CRITERION_KINDS, type CriterionKind } from '../../core/interventions/criteria';
import { ColumnField } from './intervention/ColumnField';
import { EvaluationResult } from './intervention/EvaluationResult';
import { columnProblems } from './intervention/columnChecks';
import { guessInterventionColumns } from '../../core/columns/interventionGuess';
import { runEvaluation, type EvaluationRun } from '../../jobs/interventionEvaluation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  pair: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  // The amount and its two radios on one line from 300 px: the radios keep their width, the box shrinks.
  costPair: { display: 'grid', gridTemplateColumns: 'minmax(72px, 1fr) auto', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  radios: { flexWrap: 'nowrap', '& label': { whiteSpace: 'nowrap', paddingLeft: tokens.spacingHorizontalXS } },
  // The criterion's name gets the whole width (Fluent's dropdown would keep 250 px and clip).
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  wide: { minWidth: 0, width: '100%' },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface FormState {
  pre: number | null;
  post: number | null;
  intervention: number | null;
  disadvantaged: number | null;
  comparison: number | null;
  label: number | null;
  cluster: number | null;
  referenceSd: string;
  comparisonMode: ComparisonMode;
  tolerance: string;
  name: string;
  start: string;
  end: string;
  cost: string;
  costPer: 'total' | 'pupil';
  criterionKind: CriterionKind | 'none';
  criterionValue: string;
}

/** The form's column choices. */
type ColumnKey = 'pre' | 'post' | 'intervention' | 'disadvantaged' | 'comparison' | 'cluster';

const EMPTY: FormState = {
  pre: null,
  post: null,
  intervention: null,
  disadvantaged: null,
  comparison: null,
  label: null,
  cluster: null,
  referenceSd: '',
  comparisonMode: 'matched',
  tolerance: '3',
  name: '',
  start: '',
  end: '',
  cost: '',
  costPer: 'total',
  criterionKind: 'months',
  criterionValue: '3',
};

function toForm(s: FormState): InterventionForm {
  return {
    name: s.name,
    columns: { pre: s.pre, post: s.post, intervention: s.intervention, disadvantaged: s.disadvantaged, comparison: s.comparison },
    comparisonMode: s.comparisonMode,
    tolerance: s.tolerance,
    start: s.start,
    end: s.end,
    cost: s.cost,
    costPer: s.costPer,
    criterion: { kind: s.criterionKind, value: s.criterionValue },
  };
}

export function InterventionScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const loading = useAction<TableData>();
  const evaluating = useAction<EvaluationRun>();
  const [source, setSource] = React.useState<DataSource | null>(null);
  const [data, setData] = React.useState<TableData | null>(null);
  const [form, setForm] = React.useState<FormState>(EMPTY);
  const busy = loading.busy || evaluating.busy;
  const resultRef = useResultInView(evaluating);

  /** A new choice of data: what was read, guessed and evaluated from the last one no longer applies. */
  const choose = (s: DataSource | null) => {
    setSource(s);
    setData(null);
    setForm(EMPTY);
    loading.reset();
    evaluating.reset();
  };

  /** What was read from an earlier choice no longer applies once the kind of source changes. */
  const switchKind = () => choose(null);

  /** Reads the chosen data and guesses the columns; the form shows only data read from this source. */
  const read = async (s: DataSource) => {
    choose(s);
    const table = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (!table || table.rows.length === 0) return;
    setData(table);
    const g = guessInterventionColumns(table.headers, table.rows);
    setForm({
      ...EMPTY,
      ...g,
      name: g.intervention !== null ? table.headers[g.intervention] : '',
    });
  };

  /** A changed setting: the result shown was for the settings before it. */
  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => {
    if (evaluating.result || evaluating.failure) evaluating.reset();
    setForm((f) => ({ ...f, [key]: value }));
  };
  const problems: Record<string, string | undefined> = data
    ? {
      ...columnProblems(
        data,
        { pre: form.pre, post: form.post, intervention: form.intervention, disadvantaged: form.disadvantaged, comparison: form.comparison, referenceSd: form.referenceSd },
        form.comparisonMode === 'flagged',
      ),
      ...formProblems(toForm(form)),
    }
    : {};
  const hasProblems = Object.values(problems).some(Boolean);
  const headers = data?.headers ?? [];
  /** What every column field of the form takes from the form: the headers, its choice, its problem. */
  const columnOf = (key: ColumnKey) => ({ headers, value: form[key], onChange: (c: number | null) => set(key, c), problem: problems[key], disabled: busy });

  const evaluate = () => {
    if (!source || !data || hasProblems) return;
    // A new run replaces the last one: its result and verdict must not stay beside a new error.
    evaluating.reset();
    void evaluating.run(
      (report) =>
        runEvaluation(
          workbook,
          source,
          { ...toForm(form), labelColumn: form.label, referenceSd: form.referenceSd, clusterColumn: form.cluster },
          new Date(),
          report,
          data,
        ),
      'Could not evaluate the intervention',
    );
  };

  const criterion = CRITERION_KINDS.find((c) => c.kind === form.criterionKind) ?? CRITERION_KINDS[0];

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="iv-step1">
        <Subtitle2 as="h2" id="iv-step1">
          1. Choose the data
        </Subtitle2>
        <DataStep source={source} onRead={(s) => void read(s)} onKindChange={switchKind} loading={loading} disabled={busy} testId="iv" />
      </section>

      {data && (
        <>
          <section className={styles.section} aria-labelledby="iv-step2">
            <Subtitle2 as="h2" id="iv-step2">
              2. Scores and who received it
            </Subtitle2>
            <Caption1 className={styles.muted} data-testid="iv-data-description">
              {data.rows.length} pupils in {data.description}
            </Caption1>
            <div className={styles.pair}>
              <ColumnField {...columnOf('pre')} label="Pre-test" testId="iv-pre" />
              <ColumnField {...columnOf('post')} label="Post-test" testId="iv-post" />
            </div>
            <ColumnField {...columnOf('intervention')} label="Who received it" hint="A column marking each pupil in the intervention (Y/blank, Yes/No, 1/0)" testId="iv-flag" />
            <ColumnField
              {...columnOf('disadvantaged')}
              label="Disadvantaged pupils"
              hint="To see whether it worked for them too"
              optional
              noneLabel="Not needed"
              testId="iv-disadvantaged"
            />
            <Field
              label="Reference SD (optional)"
              hint="Such as 15 for a standardised test; blank uses the whole cohort's post-test SD"
              validationState={problems.referenceSd ? 'error' : 'none'}
              validationMessage={problems.referenceSd}
            >
              <Input value={form.referenceSd} onChange={(_, d) => set('referenceSd', d.value)} inputMode="decimal" disabled={busy} data-testid="iv-reference-sd" />
            </Field>
          </section>

          <section className={styles.section} aria-labelledby="iv-step3">
            <Subtitle2 as="h2" id="iv-step3">
              3. Compared with
            </Subtitle2>
            <Field label="Comparison group" hint="A comparison group is what makes an evaluation credible">
              <RadioGroup value={form.comparisonMode} onChange={(_, d) => set('comparisonMode', d.value as ComparisonMode)} disabled={busy} data-testid="iv-mode">
                <Radio value="matched" label="Pupils matched on the pre-test (EEF DIY guide)" data-testid="iv-mode-matched" />
                <Radio value="rest" label="Every other pupil" data-testid="iv-mode-rest" />
                <Radio value="flagged" label="Pupils marked in a column" data-testid="iv-mode-flagged" />
              </RadioGroup>
            </Field>
            {form.comparisonMode === 'matched' && (
              <Field
                label="Matching tolerance (score points)"
                hint="Fix this before looking at the results"
                validationState={problems.tolerance ? 'error' : 'none'}
                validationMessage={problems.tolerance}
              >
                <Input value={form.tolerance} onChange={(_, d) => set('tolerance', d.value)} inputMode="decimal" disabled={busy} data-testid="iv-tolerance" />
              </Field>
            )}
            {form.comparisonMode === 'flagged' && (
              <ColumnField {...columnOf('comparison')} label="Comparison pupils" testId="iv-comparison" />
            )}
            <ColumnField
              {...columnOf('cluster')}
              label="Set or class (optional)"
              hint="Pupils taught together are not independent: the result then says so and gives a wider interval"
              optional
              noneLabel="Not taught in groups"
              testId="iv-cluster"
            />
          </section>

          <section className={styles.section} aria-labelledby="iv-step4">
            <Subtitle2 as="h2" id="iv-step4">
              4. About the intervention
            </Subtitle2>
            <Field label="Name" required validationState={problems.name ? 'error' : 'none'} validationMessage={problems.name}>
              <Input value={form.name} onChange={(_, d) => set('name', d.value)} disabled={busy} data-testid="iv-name" />
            </Field>
            <Field label="Dates (optional)" validationState={problems.dates ? 'error' : 'none'} validationMessage={problems.dates}>
              <div className={styles.pair}>
                <Input type="date" value={form.start} onChange={(_, d) => set('start', d.value)} aria-label="Start date" disabled={busy} data-testid="iv-start" />
                <Input type="date" value={form.end} onChange={(_, d) => set('end', d.value)} aria-label="End date" disabled={busy} data-testid="iv-end" />
              </div>
            </Field>
            <Field label="Cost in £ (optional)" validationState={problems.cost ? 'error' : 'none'} validationMessage={problems.cost}>
              <div className={styles.costPair}>
                <Input className={styles.wide} value={form.cost} onChange={(_, d) => set('cost', d.value)} contentBefore="£" inputMode="decimal" disabled={busy} data-testid="iv-cost-input" />
                <RadioGroup className={styles.radios} layout="horizontal" value={form.costPer} onChange={(_, d) => set('costPer', d.value as 'total' | 'pupil')} disabled={busy} aria-label="Cost is">
                  <Radio value="total" label="in total" />
                  <Radio value="pupil" label="per pupil" />
                </RadioGroup>
              </div>
            </Field>
            <Field label="Success criterion, agreed beforehand" validationState={problems.criterion ? 'error' : 'none'} validationMessage={problems.criterion}>
              <div className={styles.stack}>
                <Dropdown
                  className={styles.wide}
                  value={criterion.label}
                  selectedOptions={[form.criterionKind]}
                  onOptionSelect={(_, d) => {
                    const k = CRITERION_KINDS.find((c) => c.kind === d.optionValue);
                    if (k) {
                      if (evaluating.result || evaluating.failure) evaluating.reset();
                      setForm((f) => ({ ...f, criterionKind: k.kind, criterionValue: k.example }));
                    }
                  }}
                  disabled={busy}
                  data-testid="iv-criterion"
                >
                  {CRITERION_KINDS.map((c) => (
                    <Option key={c.kind} value={c.kind}>
                      {c.label}
                    </Option>
                  ))}
                </Dropdown>
                {form.criterionKind !== 'none' && (
                  <Input
                    value={form.criterionValue}
                    onChange={(_, d) => set('criterionValue', d.value)}
                    contentAfter={criterion.unit || undefined}
                    inputMode="decimal"
                    aria-label="Criterion value"
                    disabled={busy}
                    data-testid="iv-criterion-value"
                  />
                )}
              </div>
            </Field>
          </section>

          <Button appearance="primary" icon={<DataTrending20Regular />} onClick={evaluate} disabled={busy || hasProblems} data-testid="iv-evaluate">
            Evaluate
          </Button>
          {hasProblems && <Caption1 className={styles.muted}>Fix the fields marked in red to evaluate.</Caption1>}
        </>
      )}

      <BusyIndicator busy={evaluating.busy} progress={evaluating.progress} label="Evaluating" />
      <ErrorBar failure={evaluating.failure} onDismiss={evaluating.clearFailure} />
      {evaluating.result && !evaluating.busy && <EvaluationResult run={evaluating.result} ref={resultRef} />}
    </div>
  );
}
