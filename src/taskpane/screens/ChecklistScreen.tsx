/**
 * The closing-the-gap checklist wizard: one statement per step, grouped by area, with a rating,
 * evidence (citing the workbook's own gap reports and evaluations), owner, next action and review
 * date. Saves to the workbook at any point (the add-in's state and the visible Checklist sheet),
 * resumes where it was left, reads colleagues' edits back from the sheet, and keeps dated
 * snapshots on the Checklist history sheet.
 */
import * as React from 'react';
import {
  Button,
  Caption1,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Add20Regular, ArrowLeft20Regular, ArrowRight20Regular, History20Regular, Save20Regular } from '@fluentui/react-icons';
import type { ScreenProps } from './types';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { ErrorBar } from '../components/ErrorBar';
import { BusyIndicator } from '../components/BusyIndicator';
import { areaOf } from '../../core/checklist/items';
import { valueError } from '../../core/errors';
import {
  addCustom,
  ratedCount,
  responseOf,
  statementsOf,
  validateResponse,
  withResponse,
  withStep,
  type ChecklistState,
  type CustomDraft,
  type ItemResponse,
} from '../../core/checklist/model';
import type { WorkbookEvidence } from '../../sheets/evidence';
import { findEvidence } from '../../jobs/evidence';
import { loadChecklist, saveChecklist, saveProgress, saveSnapshot, type Loaded, type Saved, type SnapshotSaved } from '../../jobs/checklist';
import { StepProgress } from './checklist/StepProgress';
import { StatementStep } from './checklist/StatementStep';
import { CustomStatementForm } from './checklist/CustomStatementForm';
import { ChecklistSummary } from './checklist/ChecklistSummary';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  nav: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', justifyContent: 'space-between' },
  group: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Every statement's field problems, as one message naming the statements (empty when none). */
function problemsMessage(state: ChecklistState): string {
  const bad = statementsOf(state)
    .map((s) => ({ s, p: validateResponse(responseOf(state, s.id)) }))
    .filter(({ p }) => Object.keys(p).length > 0);
  if (bad.length === 0) return '';
  return `Fix the fields marked in red first, in statement${bad.length === 1 ? '' : 's'} ${bad.map(({ s }) => s.number).join(', ')}: ${Object.values(bad[0].p)[0]}`;
}

export function ChecklistScreen({ navigate }: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const port = useWorkbook();
  const [state, setState] = React.useState<ChecklistState | null>(null);
  const [notes, setNotes] = React.useState<string[]>([]);
  const [done, setDone] = React.useState<string | null>(null);
  const [evidence, setEvidence] = React.useState<WorkbookEvidence | null>(null);
  const [adding, setAdding] = React.useState(false);
  const load = useAction<Loaded>();
  const save = useAction<Saved | SnapshotSaved>();
  const progress = useAction<void>();
  const scan = useAction<WorkbookEvidence>();
  const runLoad = load.run;
  const runScan = scan.run;

  // Save as you go: every change to a rating or a field is kept in the workbook's state shortly
  // after it is typed, and at once when the screen closes (Home, or another screen), so nothing
  // typed is lost by leaving before "Save to the workbook".
  const latest = React.useRef<ChecklistState | null>(null);
  const pending = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const [keepFailure, setKeepFailure] = React.useState<string | null>(null);
  const keepNow = React.useCallback(() => {
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    const s = latest.current;
    if (!s) return;
    saveProgress(port, s).then(
      () => setKeepFailure(null),
      (e: unknown) => setKeepFailure(`Could not keep your changes in the workbook: ${e instanceof Error ? e.message : String(e)}`),
    );
  }, [port]);
  const keepSoon = (s: ChecklistState) => {
    latest.current = s;
    if (pending.current) clearTimeout(pending.current);
    pending.current = setTimeout(keepNow, 400);
  };
  React.useEffect(
    () => () => {
      if (pending.current) keepNow();
    },
    [keepNow],
  );

  React.useEffect(() => {
    let live = true;
    void runLoad(() => loadChecklist(port), 'Could not open the checklist').then((r) => {
      if (live && r) {
        setState(r.state);
        setNotes(r.notes);
      }
    });
    void runScan(() => findEvidence(port), 'Could not look for gap reports and evaluations').then((r) => {
      if (live) setEvidence(r ?? { gapReport: null, interventions: [] });
    });
    return () => {
      live = false;
    };
  }, [port, runLoad, runScan]);

  if (state === null) {
    return (
      <div className={styles.root}>
        <BusyIndicator busy={load.busy} label="Opening the checklist" />
        <ErrorBar failure={load.failure} />
        {load.failure && <Button onClick={() => navigate('home')}>Back to home</Button>}
      </div>
    );
  }

  const statements = statementsOf(state);
  const total = statements.length;
  const current = state.step < total ? statements[state.step] : null;
  const busy = save.busy || progress.busy;

  const goToIn = (s: ChecklistState, step: number) => {
    const next = withStep(s, step);
    latest.current = next;
    if (pending.current) clearTimeout(pending.current);
    pending.current = null;
    setState(next);
    setDone(null);
    void progress.run(() => saveProgress(port, next), 'Could not save your place in the checklist');
  };
  const goTo = (step: number) => goToIn(state, step);
  const change = (id: string, patch: Partial<ItemResponse>) => {
    const next = withResponse(latest.current ?? state, id, patch);
    setState(next);
    keepSoon(next);
    setDone(null);
  };
  const afterSave = (r: Saved | SnapshotSaved | null) => {
    if (!r) return;
    latest.current = r.state;
    setState(r.state);
    setNotes(r.notes);
    if ('history' in r) {
      setDone(
        `${r.replacedToday ? "Updated today's snapshot" : 'Added a snapshot'} on the sheet "${r.historySheet}" (${r.history.length} review${r.history.length === 1 ? '' : 's'} so far), and saved the sheet "${r.sheetName}".`,
      );
    } else {
      setDone(`Saved to the sheet "${r.sheetName}" at ${r.state.savedAt}. You can close the pane and carry on later from this statement.`);
    }
  };
  const checked = (job: () => Promise<Saved | SnapshotSaved>) => async () => {
    const problem = problemsMessage(state);
    if (problem) throw valueError(problem);
    return job();
  };
  const onSave = () => void save.run(checked(() => saveChecklist(port, state)), 'Could not save the checklist').then(afterSave);
  const onSnapshot = () => void save.run(checked(() => saveSnapshot(port, state)), 'Could not save the review snapshot').then(afterSave);
  const onRunReport = (screen: 'gaps' | 'intervention') =>
    void progress.run(() => saveProgress(port, state), 'Could not save your place in the checklist').then(() => navigate(screen));
  const onAdd = (draft: CustomDraft) => {
    const next = addCustom(state, draft);
    setAdding(false);
    goToIn(next, statementsOf(next).length - 1);
  };

  return (
    <div className={styles.root} data-testid="checklist-screen">
      {notes.length > 0 && (
        <MessageBar intent="warning" data-testid="checklist-notes" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>From the Checklist sheet</MessageBarTitle>
            <ul className={styles.notes}>
              {notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="transparent" onClick={() => setNotes([])} aria-label="Dismiss notes">
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <StepProgress step={state.step} total={total} areaName={current ? areaOf(current.area).name : ''} rated={ratedCount(state)} />
      {current ? (
        <StatementStep
          key={current.id}
          statement={current}
          response={responseOf(state, current.id)}
          onChange={(patch) => change(current.id, patch)}
          evidence={evidence}
          onRunReport={onRunReport}
        />
      ) : (
        <ChecklistSummary state={state} onGoTo={goTo} />
      )}
      <div className={styles.nav}>
        <Button icon={<ArrowLeft20Regular />} disabled={state.step === 0 || busy} onClick={() => goTo(state.step - 1)} data-testid="checklist-back">
          Back
        </Button>
        {current && (
          <Button
            appearance="primary"
            icon={<ArrowRight20Regular />}
            iconPosition="after"
            disabled={busy}
            onClick={() => goTo(state.step + 1)}
            data-testid="checklist-next"
          >
            {state.step === total - 1 ? 'Summary' : 'Next'}
          </Button>
        )}
      </div>
      <div className={styles.group}>
        <Button icon={<Save20Regular />} disabled={busy} onClick={onSave} data-testid="checklist-save">
          Save to the workbook
        </Button>
        <Button icon={<History20Regular />} disabled={busy} onClick={onSnapshot} data-testid="checklist-snapshot">
          Save review snapshot
        </Button>
        <Button icon={<Add20Regular />} appearance="subtle" disabled={busy} onClick={() => setAdding(true)} data-testid="checklist-add">
          Add our own statement
        </Button>
      </div>
      {adding && <CustomStatementForm state={state} initialArea={current?.area} onAdd={onAdd} onCancel={() => setAdding(false)} />}
      <BusyIndicator busy={save.busy} label="Saving the checklist" />
      <ErrorBar failure={save.failure ?? progress.failure ?? scan.failure} onDismiss={() => {
          save.clearFailure();
          progress.clearFailure();
          scan.clearFailure();
        }} />
      {keepFailure && (
        <MessageBar intent="error" data-testid="checklist-keep-failure">
          <MessageBarBody>{keepFailure}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1 className={styles.muted} data-testid="checklist-autosave-note">
        Your answers are kept in this workbook as you type. &quot;Save to the workbook&quot; also writes the Checklist sheet colleagues read.{' '}
        <Link href="help.html#checklistscore" target="_blank" rel="noreferrer" data-testid="checklist-help">
          How the checklist is scored (help)
        </Link>
      </Caption1>
      {done && (
        <MessageBar intent="success" data-testid="checklist-saved">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
