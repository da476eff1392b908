/**
 * "How far behind are disadvantaged pupils, and in what?": the gap analysis job.
 *
 * Step 1, the leader chooses the pupils' data (a table, a sheet or the selection). Step 2, the
 * columns detected from headers and values are shown to confirm or correct: the disadvantaged
 * column (PP before FSM6 before FSM), the groups' columns, the pupils' ID, name and form, and the
 * assessments with their grade scale and threshold (set from the scale; blank = none), with a warning
 * under a column whose cells cannot be read on its scale or whose threshold puts 95% of pupils on
 * one side. When the disadvantaged column holds explicit negatives and blanks, the pane asks what a
 * blank means, and Run waits for the answer. Step 3, the comparisons, and optionally a column to split
 * the report by (./gap/SplitBy.tsx: the year group is proposed, never chosen for the user), which runs
 * the split job instead (src/jobs/splitGaps.ts). "Run gap analysis" reads the
 * data afresh (for the selection, the block first read, as writing a report moves the selection),
 * analyses it in the core, writes a new "Gap report <date> <data>" sheet and shows the headline gap
 * per subject here ("too few pupils to tell" for tiny groups) with the allowance for chance.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Radio,
  RadioGroup,
  Subtitle2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ChartMultiple20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { useResultInView } from '../useResultInView';
import { ErrorBar } from '../components/ErrorBar';
import { ReportWritten } from '../components/ReportWritten';
import { BusyIndicator } from '../components/BusyIndicator';
import { DataStep } from '../components/DataStep';
import { ColumnMapper, type AssessmentRow, type RoleField } from '../components/ColumnMapper';
import { SCALES } from '../components/scaleOptions';
import type { DataSource, TableData } from '../../workbook/port';
import { isBlank, readScore } from '../../core/cells';
import { detectColumns, defaultDisadvantaged, firstOfRole, type DetectedColumn } from '../../core/columns/detect';
import { gradeValue, guessScale, type NamedScale } from '../../core/grades/scales';
import { MEASURE_LABELS } from '../../sheets/gapReport';
import { blankFlagsOf, checkAssessments, defaultThresholdOf, type AssessmentCheck, type GapAnalysis, type GapMeasures, type GapReportOptions, type GapResult } from '../../core/gaps/analysis';
import type { BlankFlags, FlagColumn } from '../../core/gaps/flags';
import { runGapAnalysis, sourceToReread, type GapRun } from '../../jobs/gapAnalysis';
import { runSplitGaps, type SplitRun } from '../../jobs/splitGaps';
import { headlineText } from './gap/headline';
import { SplitByField, SplitResult, splitProblem } from './gap/SplitBy';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground3 },
  groups: { display: 'flex', flexDirection: 'column' },
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

const ROLES: RoleField[] = [
  { role: 'disadvantaged', label: 'Disadvantaged (PP / FSM)', hint: 'A yes/no column: Y/blank, Yes/No, TRUE/FALSE or 1/0' },
  { role: 'send', label: 'SEND', hint: 'Codes N / K / E', optional: true },
  { role: 'eal', label: 'EAL', hint: 'A yes/no column', optional: true },
  { role: 'gender', label: 'Gender', hint: 'M / F', optional: true },
  { role: 'priorBand', label: 'Prior-attainment band', hint: 'Low / Middle / High', optional: true },
  { role: 'id', label: 'Pupil ID', hint: 'For the Back on Track list', optional: true },
  { role: 'name', label: 'Name', hint: 'For the Back on Track list', optional: true },
  { role: 'form', label: 'Form or class', hint: 'For the Back on Track list', optional: true },
];

type GroupKey = 'send' | 'eal' | 'gender' | 'priorBand';
const GROUPS: Array<{ key: GroupKey; label: string }> = [
  { key: 'send', label: 'SEND vs no SEND' },
  { key: 'eal', label: 'EAL vs not EAL' },
  { key: 'gender', label: 'Boys vs girls' },
  { key: 'priorBand', label: 'Disadvantaged gap within each prior-attainment band' },
];

interface Setup {
  data: TableData;
  detected: DetectedColumn[];
  mapping: Record<string, number | null>;
  assessments: AssessmentRow[];
  groups: Record<GroupKey, boolean>;
  measures: GapMeasures;
  /** How blank disadvantaged flags are read; null until the user answers (asked only when the column mixes blanks and explicit negatives). */
  blanks: BlankFlags | null;
  /** The column to split the report by (null = no split; never chosen without the user). */
  splitBy: number | null;
}

/** Points of one column on a scale (NaN for blank or unreadable cells), for the scale's defaults. */
function columnPoints(data: TableData, index: number, scale: NamedScale): number[] {
  return data.rows.map((r) => {
    const v = gradeValue(r[index], scale);
    return v === undefined || v === null ? NaN : v;
  });
}

/** The threshold a column starts with: its scale's standard, blank when the scale has none. */
function thresholdText(data: TableData, index: number, scale: NamedScale): string {
  const t = defaultThresholdOf(scale, columnPoints(data, index, scale)).threshold;
  return t === null ? '' : String(t);
}

/** The disadvantaged column's blanks (null when no column is chosen or a cell is not yes/no). */
function flagColumnOf(s: Setup): FlagColumn | null {
  const i = s.mapping.disadvantaged;
  if (i === null || i === undefined) return null;
  try {
    return blankFlagsOf(s.data, i);
  } catch {
    return null;
  }
}

/** The detected defaults for a block of data. */
function initialSetup(data: TableData): Setup {
  const detected = detectColumns(data.headers, data.rows);
  const names = detected.filter((c) => c.role === 'name').map((c) => c.index);
  const mapping: Record<string, number | null> = {
    disadvantaged: defaultDisadvantaged(detected),
    send: firstOfRole(detected, 'send'),
    eal: firstOfRole(detected, 'eal'),
    gender: firstOfRole(detected, 'gender'),
    priorBand: firstOfRole(detected, 'priorBand'),
    id: firstOfRole(detected, 'id'),
    // Forename before surname reads best; the list joins every name column.
    name: names.length > 0 ? names[0] : null,
    form: firstOfRole(detected, 'form'),
  };
  const assessments: AssessmentRow[] = detected
    .filter((c) => c.role === 'assessment' || c.role === 'prior')
    .map((c) => {
      const column = data.rows.map((r) => r[c.index]);
      const scale = guessScale(column).scale;
      return { index: c.index, checked: c.role === 'assessment', scale, threshold: thresholdText(data, c.index, scale) };
    });
  const groups = { send: mapping.send !== null, eal: mapping.eal !== null, gender: mapping.gender !== null, priorBand: mapping.priorBand !== null };
  return { data, detected, mapping, assessments, groups, measures: { effectSize: true, gapIndex: true, threshold: true }, blanks: null, splitBy: null };
}

interface Problems {
  roles: Record<string, string | undefined>;
  assessments?: string;
  rows: AssessmentRow[];
  /** The blank-flag question, when it must be answered. */
  blanks?: string;
  split?: string;
  any: boolean;
}

function problemsOf(s: Setup): Problems {
  const roles: Record<string, string | undefined> = {};
  if (s.mapping.disadvantaged === null || s.mapping.disadvantaged === undefined) roles.disadvantaged = 'Choose the column that marks disadvantaged pupils (PP, FSM6 or FSM).';
  for (const g of GROUPS) {
    if (s.groups[g.key] && (s.mapping[g.key] ?? null) === null) roles[g.key] = `Choose the ${g.key === 'priorBand' ? 'prior band' : g.key.toUpperCase()} column, or untick that comparison.`;
  }
  const checks = new Map<number, AssessmentCheck>();
  const checkable = s.assessments.filter((a) => a.checked && thresholdOk(a.threshold));
  for (const k of checkAssessments(s.data, { assessments: checkable.map((a) => ({ index: a.index, scale: a.scale as NamedScale, threshold: thresholdValue(a.threshold) })) })) checks.set(k.index, k);
  const rows = s.assessments.map((a) => {
    if (!a.checked) return { ...a, problem: undefined, warning: undefined };
    const problem = thresholdOk(a.threshold) ? undefined : `Type the threshold for "${s.data.headers[a.index]}" as a number of points, e.g. 4 or 100, or leave it blank for none.`;
    const k = checks.get(a.index);
    const warning = k ? [k.unreadable.warning, k.balanceWarning, k.threshold === null ? `No threshold: ${k.thresholdReason}.` : ''].filter(Boolean).join(' ') : '';
    return { ...a, problem, warning: warning || undefined };
  });
  const chosen = rows.filter((a) => a.checked);
  const assessments = chosen.length === 0 ? 'Tick at least one assessment to analyse.' : undefined;
  const flags = flagColumnOf(s);
  const blanks = flags?.blanksAmbiguous && s.blanks === null ? 'Say what a blank flag means before running.' : undefined;
  const split = splitProblem(s.data, s.splitBy);
  const any = Object.values(roles).some(Boolean) || Boolean(assessments) || rows.some((r) => r.problem) || Boolean(blanks) || Boolean(split);
  return { roles, assessments, rows, blanks, split, any };
}

/** A typed threshold: blank (none) or a number. */
function thresholdOk(text: string): boolean {
  return isBlank(text) || !Number.isNaN(readScore(text));
}

function thresholdValue(text: string): number | null {
  return isBlank(text) ? null : readScore(text);
}

function optionsOf(s: Setup): GapReportOptions {
  const col = (k: string) => s.mapping[k] ?? null;
  const names = col('name') === null ? [] : [col('name') as number, ...s.detected.filter((c) => c.role === 'name' && c.index !== col('name')).map((c) => c.index)];
  return {
    columns: {
      disadvantaged: col('disadvantaged') as number,
      send: s.groups.send ? col('send') : null,
      eal: s.groups.eal ? col('eal') : null,
      gender: s.groups.gender ? col('gender') : null,
      priorBand: s.groups.priorBand ? col('priorBand') : null,
      id: col('id'),
      names,
      form: col('form'),
    },
    assessments: s.assessments.filter((a) => a.checked).map((a) => ({ index: a.index, scale: a.scale as NamedScale, threshold: thresholdValue(a.threshold) })),
    confidence: 0.95,
    measures: s.measures,
    ...(s.blanks ? { blanks: s.blanks } : {}),
  };
}

export { headlineText };

/** The headline per subject: disadvantaged vs others at the subject's latest point. */
function headlines(analysis: GapAnalysis): GapResult[] {
  return analysis.results.filter((r) => r.headline);
}

export function GapAnalysisScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const loading = useAction<TableData>();
  const running = useAction<GapRun | SplitRun>();
  const [source, setSource] = React.useState<DataSource | null>(null);
  /** Where the run reads the data again: for the selection, the block read (the report moves the selection). */
  const [reread, setReread] = React.useState<DataSource | null>(null);
  const [setup, setSetup] = React.useState<Setup | null>(null);
  const busy = loading.busy || running.busy;
  const resultRef = useResultInView(running);

  const read = async (s: DataSource) => {
    // A new choice clears what no longer applies: the old setup, result and reading place.
    setSource(s);
    setSetup(null);
    setReread(null);
    running.reset();
    const data = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (!data || data.rows.length === 0) return;
    setReread(sourceToReread(s, data));
    setSetup(initialSetup(data));
  };

  const problems = setup ? problemsOf(setup) : null;
  const run = () => {
    if (!setup || !reread || !problems || problems.any) return;
    const options = optionsOf(setup);
    const split = setup.splitBy;
    void running.run(
      (report) => (split === null ? runGapAnalysis(workbook, reread, setup.data.headers, options, new Date(), report) : runSplitGaps(workbook, reread, setup.data.headers, options, split, new Date(), report)),
      'Could not make the gap report',
    );
  };

  const flags = setup ? flagColumnOf(setup) : null;
  const reasons: Record<number, string> = {};
  for (const c of setup?.detected ?? []) reasons[c.index] = c.reason;

  return (
    <div className={styles.root}>
      <section className={styles.section} aria-labelledby="gap-step1">
        <Subtitle2 as="h2" id="gap-step1">
          1. Choose the data
        </Subtitle2>
        <DataStep source={source} onRead={(s) => void read(s)} loading={loading} disabled={busy} testId="gap" />
        {setup && (
          <Caption1 className={styles.muted} data-testid="gap-data-description">
            {setup.data.rows.length} pupils in {setup.data.description}
          </Caption1>
        )}
        {setup && reread?.kind === 'range' && (
          <Caption1 className={styles.muted} data-testid="gap-reread">
            Running reads these cells ({reread.address}) again, even after the selection moves. To analyse other cells, select them and read the selected cells.
          </Caption1>
        )}
      </section>

      {setup && problems && (
        <>
          <section className={styles.section} aria-labelledby="gap-step2">
            <Subtitle2 as="h2" id="gap-step2">
              2. Check the columns
            </Subtitle2>
            <Caption1 className={styles.muted}>Detected from the headers and values: correct any that are wrong.</Caption1>
            <ColumnMapper
              headers={setup.data.headers}
              roles={ROLES}
              value={setup.mapping}
              onChange={(role, column) =>
                setSetup((s) =>
                  s
                    ? {
                        ...s,
                        mapping: { ...s.mapping, [role]: column },
                        groups: role in s.groups ? { ...s.groups, [role]: column !== null } : s.groups,
                        // Another disadvantaged column asks its own question about blanks.
                        blanks: role === 'disadvantaged' ? null : s.blanks,
                      }
                    : s,
                )
              }
              problems={problems.roles}
              reasons={reasons}
              assessments={problems.rows}
              onAssessmentsChange={(rows) =>
                setSetup((s) => {
                  if (!s) return s;
                  // A new scale brings its own standard as the threshold.
                  const next = rows.map(({ problem: _p, warning: _w, ...r }) => {
                    const before = s.assessments.find((a) => a.index === r.index);
                    return before && before.scale !== r.scale ? { ...r, threshold: thresholdText(s.data, r.index, r.scale as NamedScale) } : r;
                  });
                  return { ...s, assessments: next };
                })
              }
              scaleOptions={SCALES}
              assessmentsProblem={problems.assessments}
              assessmentsHint={'Grade scale and the threshold in points, set from the scale (4 on 9-1, 100 on KS2 scaled, 85 on standardised scores); blank = no threshold'}
              disabled={busy}
              testId="gap-columns"
            />
            {flags?.blanksAmbiguous && (
              <Field
                label="Blank disadvantaged flags"
                hint={`${flags.blanks} ${flags.blanks === 1 ? 'pupil has' : 'pupils have'} a blank in "${setup.data.headers[setup.mapping.disadvantaged as number]}", while the column also holds explicit "${flags.negativeExample}". What does a blank mean?`}
                validationState={problems.blanks ? 'error' : 'none'}
                validationMessage={problems.blanks}
                required
                data-testid="gap-blanks-field"
              >
                <RadioGroup value={setup.blanks ?? ''} onChange={(_, d) => setSetup((s) => (s ? { ...s, blanks: d.value as BlankFlags } : s))} disabled={busy} data-testid="gap-blanks">
                  <Radio value="not disadvantaged" label="Not disadvantaged" data-testid="gap-blanks-not" />
                  <Radio value="unknown" label="Unknown: leave those pupils out" data-testid="gap-blanks-unknown" />
                </RadioGroup>
              </Field>
            )}
          </section>

          <section className={styles.section} aria-labelledby="gap-step3">
            <Subtitle2 as="h2" id="gap-step3">
              3. Compare
            </Subtitle2>
            <Field label="Groups" hint="Disadvantaged pupils are always compared with the others; 95% confidence intervals">
              <div className={styles.groups} role="group" aria-label="Groups to compare">
                <Checkbox checked disabled label="Disadvantaged vs others" />
                {GROUPS.map((g) => (
                  <Checkbox
                    key={g.key}
                    checked={setup.groups[g.key]}
                    disabled={busy || (setup.mapping[g.key] ?? null) === null}
                    onChange={(_, d) => setSetup((s) => (s ? { ...s, groups: { ...s.groups, [g.key]: Boolean(d.checked) } } : s))}
                    label={(setup.mapping[g.key] ?? null) === null ? `${g.label} (no column chosen)` : g.label}
                    data-testid={`gap-group-${g.key}`}
                  />
                ))}
              </div>
            </Field>
            <Field label="Measures" hint="Every comparison shows the group sizes, means, and the gap with its interval">
              <div className={styles.groups} role="group" aria-label="Measures beside each gap">
                {(Object.keys(MEASURE_LABELS) as Array<keyof GapMeasures>).map((k) => (
                  <Checkbox
                    key={k}
                    checked={setup.measures[k]}
                    disabled={busy}
                    onChange={(_, d) => setSetup((s) => (s ? { ...s, measures: { ...s.measures, [k]: Boolean(d.checked) } } : s))}
                    label={MEASURE_LABELS[k]}
                    data-testid={`gap-measure-${k}`}
                  />
                ))}
              </div>
            </Field>
            <SplitByField data={setup.data} detected={setup.detected} value={setup.splitBy} onChange={(c) => setSetup((st) => (st ? { ...st, splitBy: c } : st))} disabled={busy} />
            <div className={styles.actions}>
              <Button appearance="primary" icon={<ChartMultiple20Regular />} onClick={run} disabled={busy || problems.any} data-testid="gap-run">
                Run gap analysis
              </Button>
            </div>
            {problems.any && <Caption1 className={styles.muted}>Fix the fields marked above to run the analysis.</Caption1>}
          </section>
        </>
      )}

      <BusyIndicator busy={running.busy} label="Making the gap report" progress={running.progress} />
      <ErrorBar failure={running.failure} onDismiss={running.clearFailure} />
      {running.result && 'parts' in running.result && !running.busy && (
        <section className={styles.section} aria-label="Result" ref={resultRef} tabIndex={-1} data-testid="gap-result">
          <SplitResult run={running.result} />
        </section>
      )}
      {running.result && 'analysis' in running.result && !running.busy && (
        <section className={styles.section} aria-label="Result" ref={resultRef} tabIndex={-1} data-testid="gap-result">
          <ReportWritten sheetName={running.result.sheetName} testId="gap-success" />
          <Body1>Disadvantaged gap at the latest point of each subject (others minus disadvantaged; positive = behind):</Body1>
          <ul className={styles.summary} data-testid="gap-summary">
            {headlines(running.result.analysis).map((r) => (
              <li
                key={r.index}
                data-testid={`gap-headline-${r.index}`}
                data-gap={r.summary.gap}
                data-lower={r.summary.ciLower}
                data-upper={r.summary.ciUpper}
              >
                <Body1>
                  <b>{r.subject}</b> ({r.point}): {headlineText(r)}
                </Body1>
              </li>
            ))}
          </ul>
          <Caption1 data-testid="gap-chance">
            {running.result.analysis.chance.comparisons} comparisons made: with no real gaps about {Math.round(running.result.analysis.chance.expectedByChance * 10) / 10} would look like gaps by
            chance, so the report marks as clear only the gaps that survive the allowance for chance.
          </Caption1>
          {running.result.analysis.blankFlags.ambiguous && (
            <Caption1 data-testid="gap-blank-reading">
              {running.result.analysis.blankFlags.blanks} blank flags read as {running.result.analysis.blankFlags.reading === 'unknown' ? 'unknown (those pupils left out)' : 'not disadvantaged'}, as the report header records.
            </Caption1>
          )}
          <Caption1 className={styles.muted}>
            The report sheet also compares the other groups, shows how each gap changed between assessment points and lists {running.result.analysis.backOnTrack.length} disadvantaged{' '}
            {running.result.analysis.backOnTrack.length === 1 ? 'pupil' : 'pupils'} to get back on track.
          </Caption1>
        </section>
      )}
    </div>
  );
}
