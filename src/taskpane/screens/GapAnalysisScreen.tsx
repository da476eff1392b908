/**
 * "How far behind are disadvantaged pupils, and in what?": the gap analysis job.
 *
 * Step 1, the leader chooses the pupils' data (a table, a sheet or the selection). Step 2, the
 * columns detected from headers and values are shown to confirm or correct: the disadvantaged
 * column (PP before FSM6 before FSM), the groups' columns, the pupils' ID, name and form, and the
 * assessments with their grade scale and threshold (set from the scale; blank = none), with a warning
 * under a column whose cells cannot be read on its scale or whose threshold puts 95% of pupils on
 * one side. The disadvantaged and EAL columns are checked as soon as they are chosen (the intervention
 * screen's check, ./intervention/columnChecks.ts): a column that is not yes/no marks, such as
 * "Surname", is refused under its field, naming the cell ("B2"), and Run waits until it is fixed.
 * When the disadvantaged column holds explicit negatives and blanks, the pane asks what a
 * blank means, and Run waits for the answer. Step 3, the comparisons, and optionally a column to split
 * the report by (./gap/SplitBy.tsx: the year group is proposed, never chosen for the user), which runs
 * the split job instead (src/jobs/splitGaps.ts). Step 3 also has, with the gap
 * index, an optional national reference (a column of national scores or a two-column table of score
 * and cumulative percentage, read from a table, a sheet or the selection, as GAPS.GAPINDEX takes it)
 * so the index ranks pupils nationally, in a split report too; Run waits until a reference asked for
 * is read, usable (the analysis's own message says what to fix) and on the scale of at least one
 * ticked assessment. And the outcome columns found (attendance, persistent absence, suspensions,
 * exclusions, destinations, time on free school meals for the long-term split: the outcomes
 * screen's detection), each shown and included until unticked, with the meaning of each destination
 * word to confirm (../components/OutcomeColumns.tsx, shared with the outcomes screen).
 * "Run gap analysis" reads the
 * data afresh (for the selection, the block first read, as writing a report moves the selection),
 * analyses it in the core, writes a new "Gap report <date> <data>" sheet and shows the headline gap
 * per subject here ("too few pupils to tell" for tiny groups) with the allowance for chance.
 *
 * Each new choice clears what no longer applies, as on the intervention screen: another data
 * source, or another kind of source (a table, a sheet, the selection), clears the columns, the
 * reading place and the last report shown.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  MessageBar,
  MessageBarBody,
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
import { DataPicker } from '../components/DataPicker';
import { ColumnMapper, type AssessmentRow, type RoleField } from '../components/ColumnMapper';
import { SCALES } from '../components/scaleOptions';
import type { DataSource, TableData } from '../../workbook/port';
import { isBlank, readScore } from '../../core/cells';
import { detectColumns, defaultDisadvantaged, firstOfRole, type DetectedColumn } from '../../core/columns/detect';
import { gradeValue, guessScale, type NamedScale } from '../../core/grades/scales';
import { MEASURE_LABELS } from '../../sheets/gapReport';
import { referenceFits, type NationalReference } from '../../core/gaps/nationalReference';
import { OUTCOME_KINDS, OUTCOME_KIND_LABELS, defaultOutcomeChoice, detectOutcomeColumns, unpairedOutcomes, type OutcomeChoice, type OutcomeColumn, type OutcomeKind } from '../../core/columns/outcomeKinds';
import { DestinationMeaningFields, destinationMappingOf, destinationMeaningsFor, setAsideText, unchosenMeaningsProblem, type DestinationMeaning } from '../components/OutcomeColumns';
import { blankFlagsOf, checkAssessments, defaultThresholdOf, type AssessmentCheck, type GapAnalysis, type GapMeasures, type GapReportOptions, type GapResult } from '../../core/gaps/analysis';
import type { BlankFlags, FlagColumn } from '../../core/gaps/flags';
import { referencePreview, runGapAnalysis, sourceToReread, type GapRun } from '../../jobs/gapAnalysis';
import { runSplitGaps, type SplitRun } from '../../jobs/splitGaps';
import { headlineText, pointText } from './gap/headline';
import { flagProblem } from './intervention/columnChecks';
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
  /** Outcome columns found (attendance, suspensions...), the ones included (all found, until the user unticks one), and what each destination word means. */
  outcomes: { found: OutcomeColumn[]; included: OutcomeChoice; meanings: DestinationMeaning[] };
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
    // The list joins every name column, forename first whatever the data's order (core/columns/names).
    name: names.length > 0 ? names[0] : null,
    form: firstOfRole(detected, 'form'),
  };
  const assessments: AssessmentRow[] = detected
    .filter((c) => c.role === 'assessment' || c.role === 'prior' || c.mostlyScores)
    .map((c) => {
      const column = data.rows.map((r) => r[c.index]);
      const scale = guessScale(column).scale;
      return { index: c.index, checked: c.role === 'assessment', scale, threshold: thresholdText(data, c.index, scale), doubt: c.mostlyScores ? c.reason : undefined };
    });
  const groups = { send: mapping.send !== null, eal: mapping.eal !== null, gender: mapping.gender !== null, priorBand: mapping.priorBand !== null };
  const found = detectOutcomeColumns(data.headers, data.rows);
  const included = defaultOutcomeChoice(found);
  const outcomes = { found, included, meanings: destinationMeaningsFor(data, included.destination) };
  return { data, detected, mapping, assessments, groups, measures: { effectSize: true, gapIndex: true, threshold: true }, blanks: null, splitBy: null, outcomes };
}

interface Problems {
  roles: Record<string, string | undefined>;
  assessments?: string;
  rows: AssessmentRow[];
  /** The blank-flag question, when it must be answered. */
  blanks?: string;
  split?: string;
  /** An outcome column ticked without the one it is read with. */
  outcomes?: string;
  any: boolean;
}

function problemsOf(s: Setup): Problems {
  const roles: Record<string, string | undefined> = {};
  if (s.mapping.disadvantaged === null || s.mapping.disadvantaged === undefined) roles.disadvantaged = 'Choose the column that marks disadvantaged pupils (PP, FSM6 or FSM).';
  // Checked on choice, as on the intervention screen: a column of names or scores is not a yes/no column.
  else roles.disadvantaged = flagProblem(s.data, s.mapping.disadvantaged, 'disadvantaged pupils', false);
  const eal = s.mapping.eal ?? null;
  if (eal !== null && s.groups.eal) roles.eal = flagProblem(s.data, eal, 'pupils with English as an additional language', false);
  for (const g of GROUPS) {
    if (s.groups[g.key] && (s.mapping[g.key] ?? null) === null) roles[g.key] = `Choose the ${g.key === 'priorBand' ? 'prior band' : g.key.toUpperCase()} column, or untick that comparison.`;
  }
  const checks = new Map<number, AssessmentCheck>();
  const checkable = s.assessments.filter((a) => a.checked && thresholdOk(a.threshold));
  for (const k of checkAssessments(s.data, { assessments: checkable.map((a) => ({ index: a.index, scale: a.scale as NamedScale, threshold: thresholdValue(a.threshold) })) })) checks.set(k.index, k);
  const rows = s.assessments.map((a) => {
    if (!a.checked) return { ...a, problem: undefined, warning: a.doubt };
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
  const outcomes = outcomesProblem(s);
  const any = Object.values(roles).some(Boolean) || Boolean(assessments) || rows.some((r) => r.problem) || Boolean(blanks) || Boolean(split) || Boolean(outcomes);
  return { roles, assessments, rows, blanks, split, outcomes, any };
}

/**
 * Why the ticked outcome columns cannot run: one of a pair (sessions attended and possible, FSM terms
 * and terms in school) without the other, or a destination word whose meaning nobody chose.
 */
function outcomesProblem(s: Setup): string | undefined {
  const lone = unpairedOutcomes(s.outcomes.included);
  const words = s.outcomes.included.destination !== undefined ? unchosenMeaningsProblem(s.outcomes.meanings) : undefined;
  if (lone.length === 0) return words;
  return lone
    .map(({ kind, needs }) => {
      const found = s.outcomes.found.some((f) => f.kind === needs);
      const header = s.data.headers[s.outcomes.included[kind] as number];
      return `"${header}" is read with ${OUTCOME_KIND_LABELS[needs].toLowerCase()}, which ${found ? 'is not ticked: tick both, or untick' : 'is not in the data: untick'} "${header}".`;
    })
    .concat(words ?? [])
    .join(' ');
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
    ...(Object.keys(s.outcomes.included).length > 0
      ? { outcomes: { columns: s.outcomes.included, ...(s.outcomes.included.destination !== undefined ? { destinationMapping: destinationMappingOf(s.outcomes.meanings) } : {}) } }
      : {}),
  };
}

export { headlineText };

/** The headline per subject: disadvantaged vs others at the subject's latest point. */
function headlines(analysis: GapAnalysis): GapResult[] {
  return analysis.results.filter((r) => r.headline);
}

/**
 * Which ticked assessments a national reference can rank (the analysis's own rule, referenceFits),
 * and the problem when it ranks none of them: the report would then have no gap index at all.
 */
function referenceFitOf(s: Setup, reference: NationalReference): { used: string[]; notUsed: string[]; problem: string | undefined } {
  const used: string[] = [];
  const notUsed: string[] = [];
  for (const a of s.assessments.filter((x) => x.checked)) {
    (referenceFits(reference, columnPoints(s.data, a.index, a.scale as NamedScale)).fits ? used : notUsed).push(s.data.headers[a.index]);
  }
  const problem =
    used.length === 0 && notUsed.length > 0
      ? `None of the ticked assessments has its scores within the national reference's ${reference.min} to ${reference.max}, so it is probably for another scale: choose a reference on the assessments' scale (e.g. 9-1 points for GCSE grades), or untick "Rank pupils nationally".`
      : undefined;
  return { used, notUsed, problem };
}

/** The result's line on the national reference (nothing when none was used). */
function ReferenceResult({ analysis, split = false }: { analysis: GapAnalysis; split?: boolean }): React.JSX.Element | null {
  const r = analysis.reference;
  if (!r) return null;
  return (
    <Caption1 data-testid="gap-reference-result">
      The gap index ranks pupils nationally with {r.holds}
      {r.used.length > 0 ? ` for ${r.used.join(', ')}` : ', but no assessment is on its scale'}
      {r.notUsed.length > 0 ? `; not for ${r.notUsed.map((x) => x.header).join(', ')} (another scale)` : ''}
      {split ? ', in all pupils and in every group' : ''}, as the report header records.
    </Caption1>
  );
}

/** What an outcome column is used for, beyond its kind's name. */
const OUTCOME_USE: Partial<Record<OutcomeKind, string>> = {
  sessionsPossible: 'with sessions attended, gives attendance and persistent absence',
  sessionsAttended: 'with sessions possible, gives attendance and persistent absence',
  attendance: 'and persistent absence (10%+ missed)',
  fsmShare: 'splits the disadvantaged into long-term and some of the time',
  fsmTerms: 'with terms in school, splits the disadvantaged into long-term and some of the time',
  termsInSchool: 'with FSM terms, splits the disadvantaged into long-term and some of the time',
};

/**
 * The outcome columns detected (attendance, persistent absence, suspensions, exclusions,
 * destinations, time on free school meals), each shown and included until the user unticks it, and
 * the meaning of each destination word to confirm when a destination column is included.
 */
function OutcomesField({ setup, problem, disabled, onChange }: { setup: Setup; problem: string | undefined; disabled: boolean; onChange: (outcomes: Setup['outcomes']) => void }): React.JSX.Element {
  const styles = useStyles();
  const o = setup.outcomes;
  const kinds = OUTCOME_KINDS.filter((k) => o.found.some((f) => f.kind === k));
  if (kinds.length === 0) {
    return (
      <Caption1 className={styles.muted} data-testid="gap-outcomes-none">
        Outcomes beside attainment: no attendance, suspension, exclusion, destination or free-school-meals column was found (headers such as &quot;Attendance %&quot;, &quot;Sessions Possible&quot;,
        &quot;Suspensions&quot; or &quot;Destination&quot; are recognised).
      </Caption1>
    );
  }
  const toggle = (kind: OutcomeKind, column: number, on: boolean) => {
    const included = { ...o.included };
    if (on) included[kind] = column;
    else delete included[kind];
    onChange({ ...o, included });
  };
  const destination = o.included.destination !== undefined && o.meanings.length > 0;
  const setAside = setAsideText(o.included, setup.data.headers);
  return (
    <>
      <Field
        label="Outcomes beside attainment"
        hint="Found from the headers and values; each is compared for disadvantaged pupils and the others, and counted in the allowance for chance. Untick any to leave it out"
        validationState={problem ? 'error' : 'none'}
        validationMessage={problem}
        data-testid="gap-outcomes-field"
      >
        <div className={styles.groups} role="group" aria-label="Outcome columns to include">
          {kinds.map((kind) => {
            const column = (o.found.find((f) => f.kind === kind) as OutcomeColumn).index;
            const use = OUTCOME_USE[kind];
            return (
              <Checkbox
                key={kind}
                checked={o.included[kind] !== undefined}
                disabled={disabled}
                onChange={(_, d) => toggle(kind, column, Boolean(d.checked))}
                label={`${OUTCOME_KIND_LABELS[kind]}: "${setup.data.headers[column]}"${use ? ` (${use})` : ''}`}
                data-testid={`gap-outcome-${kind}`}
              />
            );
          })}
        </div>
      </Field>
      {setAside.length > 0 && (
        <Caption1 className={styles.muted} data-testid="gap-outcomes-set-aside">
          {setAside.join(' ')}
        </Caption1>
      )}
      {destination && (
        <div className={styles.section} role="group" aria-labelledby="gap-destinations-title" data-testid="gap-destinations">
          <Body1 id="gap-destinations-title">
            <b>What each destination in &quot;{setup.data.headers[o.included.destination as number]}&quot; means</b>
          </Body1>
          <DestinationMeaningFields meanings={o.meanings} onChange={(meanings) => onChange({ ...o, meanings })} disabled={disabled} testId="gap-destination" />
        </div>
      )}
    </>
  );
}

export function GapAnalysisScreen(_props: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const workbook = useWorkbook();
  const loading = useAction<TableData>();
  const running = useAction<GapRun | SplitRun>();
  const referenceLoading = useAction<TableData>();
  /** The national reference for the gap index: asked for, where it is, and where the run reads it again. */
  const [national, setNational] = React.useState(false);
  const [referenceSource, setReferenceSource] = React.useState<DataSource | null>(null);
  const [referenceReread, setReferenceReread] = React.useState<DataSource | null>(null);
  const [source, setSource] = React.useState<DataSource | null>(null);
  /** Where the run reads the data again: for the selection, the block read (the report moves the selection). */
  const [reread, setReread] = React.useState<DataSource | null>(null);
  const [setup, setSetup] = React.useState<Setup | null>(null);
  const busy = loading.busy || running.busy || referenceLoading.busy;
  const resultRef = useResultInView(running);

  /**
   * A new choice of data, or of the kind of source (then nothing is chosen yet): what was read,
   * set up and reported from the last one no longer applies. The intervention screen's rule.
   */
  const choose = (s: DataSource | null) => {
    setSource(s);
    setSetup(null);
    setReread(null);
    loading.reset();
    running.reset();
  };

  const read = async (s: DataSource) => {
    choose(s);
    const data = await loading.run(() => workbook.readData(s), 'Could not read that data');
    if (!data || data.rows.length === 0) return;
    setReread(sourceToReread(s, data));
    setSetup(initialSetup(data));
  };

  const readReference = async (s: DataSource) => {
    setReferenceSource(s);
    setReferenceReread(null);
    referenceLoading.reset();
    const data = await referenceLoading.run(() => workbook.readData(s), 'Could not read the national reference');
    if (data) setReferenceReread(sourceToReread(s, data));
  };
  const referenceRead = referenceLoading.result && !referenceLoading.busy ? referencePreview(referenceLoading.result) : null;
  /** The reference the run uses: only when asked for with the gap index, and read without a problem. */
  const wantsReference = national && Boolean(setup?.measures.gapIndex);
  const referenceMissing = wantsReference && (!referenceReread || !referenceRead);
  const fit = wantsReference && setup && referenceRead?.reference ? referenceFitOf(setup, referenceRead.reference) : null;
  const referenceProblem = !wantsReference
    ? undefined
    : referenceMissing
      ? 'Choose the national reference and read it, or untick "Rank pupils nationally".'
      : (referenceRead?.problem ?? fit?.problem);

  const problems = setup ? problemsOf(setup) : null;
  const blocked = !problems || problems.any || Boolean(referenceProblem);
  const run = () => {
    if (!setup || !reread || blocked) return;
    const options = optionsOf(setup);
    const split = setup.splitBy;
    const reference = wantsReference ? referenceReread : null;
    void running.run(
      (report) =>
        split === null
          ? runGapAnalysis(workbook, reread, setup.data.headers, options, new Date(), report, reference)
          : runSplitGaps(workbook, reread, setup.data.headers, options, split, new Date(), report, reference),
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
        <DataStep source={source} onRead={(s) => void read(s)} onKindChange={() => choose(null)} loading={loading} disabled={busy} testId="gap" />
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
            {setup.measures.gapIndex && (
              <Field label="National reference for the gap index" hint="Optional: rank pupils against pupils nationally, as the DfE's index does, instead of within the school">
                <Checkbox
                  checked={national}
                  disabled={busy}
                  onChange={(_, d) => setNational(Boolean(d.checked))}
                  label="Rank pupils nationally with a reference"
                  data-testid="gap-national"
                />
              </Field>
            )}
            {wantsReference && (
              <div className={styles.section}>
                <DataPicker
                  value={referenceSource}
                  onChange={(s) => void readReference(s)}
                  disabled={busy}
                  label="National reference"
                  hint="One column of national scores, or two columns: score (ascending) and the cumulative % of pupils nationally at or below it. A header row is skipped"
                  selectionHint="Select the reference's cells in the sheet, its header row included, then read them."
                  testId="gap-ref"
                />
                {referenceSource?.kind === 'selection' && (
                  <div className={styles.actions}>
                    <Button onClick={() => void readReference({ kind: 'selection' })} disabled={busy} data-testid="gap-ref-read-selection">
                      Read the selected cells
                    </Button>
                  </div>
                )}
                <BusyIndicator busy={referenceLoading.busy} label="Reading the national reference" progress={referenceLoading.progress} />
                <ErrorBar failure={referenceLoading.failure} onDismiss={referenceLoading.clearFailure} />
                {referenceRead && !referenceRead.problem && (
                  <Caption1 data-testid="gap-ref-description">
                    Read {referenceRead.text}.{fit && fit.used.length > 0 ? ` It ranks ${fit.used.join(', ')} nationally.` : ''}
                    {fit && fit.notUsed.length > 0 ? ` ${fit.notUsed.join(', ')} ${fit.notUsed.length === 1 ? 'is' : 'are'} on another scale and keep${fit.notUsed.length === 1 ? 's' : ''} no gap index; the report says why.` : ''}
                  </Caption1>
                )}
                {referenceRead && (referenceRead.problem ?? fit?.problem) && (
                  <MessageBar intent="warning" data-testid="gap-ref-warning">
                    <MessageBarBody>{referenceRead.problem ?? fit?.problem}</MessageBarBody>
                  </MessageBar>
                )}
              </div>
            )}
            <OutcomesField setup={setup} problem={problems.outcomes} disabled={busy} onChange={(outcomes) => setSetup((st) => (st ? { ...st, outcomes } : st))} />
            <SplitByField data={setup.data} detected={setup.detected} value={setup.splitBy} onChange={(c) => setSetup((st) => (st ? { ...st, splitBy: c } : st))} disabled={busy} />
            <div className={styles.actions}>
              <Button appearance="primary" icon={<ChartMultiple20Regular />} onClick={run} disabled={busy || blocked} data-testid="gap-run">
                Run gap analysis
              </Button>
            </div>
            {problems.any && <Caption1 className={styles.muted}>Fix the fields marked above to run the analysis.</Caption1>}
            {!problems.any && referenceProblem && (
              <Caption1 className={styles.muted} data-testid="gap-ref-problem">
                {referenceMissing ? referenceProblem : 'Fix the national reference (see above), or untick "Rank pupils nationally", to run the analysis.'}
              </Caption1>
            )}
          </section>
        </>
      )}

      <BusyIndicator busy={running.busy} label="Making the gap report" progress={running.progress} />
      <ErrorBar failure={running.failure} onDismiss={running.clearFailure} />
      {running.result && 'parts' in running.result && !running.busy && (
        <section className={styles.section} aria-label="Result" ref={resultRef} tabIndex={-1} data-testid="gap-result">
          <SplitResult run={running.result} />
          {running.result.parts[0]?.analysis && <ReferenceResult analysis={running.result.parts[0].analysis} split />}
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
                  <b>{r.subject}</b>
                  {pointText(r)}: {headlineText(r)}
                </Body1>
              </li>
            ))}
          </ul>
          <Caption1 data-testid="gap-chance">
            {running.result.analysis.chance.comparisons} comparisons made: with no real gaps about {Math.round(running.result.analysis.chance.expectedByChance * 10) / 10} would look like gaps by
            chance, so the report marks as clear only the gaps that survive the allowance for chance.
          </Caption1>
          <ReferenceResult analysis={running.result.analysis} />
          {running.result.analysis.outcomes && (
            <Caption1 data-testid="gap-outcomes-result">
              {running.result.analysis.outcomes.results.length} outcome comparisons beside attainment ({running.result.analysis.outcomes.columns.join(', ')}), counted in the allowance for chance;{' '}
              {running.result.analysis.outcomes.persistentlyAbsent} persistently absent disadvantaged {running.result.analysis.outcomes.persistentlyAbsent === 1 ? 'pupil is' : 'pupils are'} on the Back on Track list.
            </Caption1>
          )}
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
