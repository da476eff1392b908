/**
 * The Pupil Premium statement screen: shows what the statement will be drafted from (the latest gap
 * report, the evaluations in the register, the checklist review), lets the user confirm each
 * intervention's tier, drafts or re-drafts the sheet, and lists what is still to fill in.
 * Workbook work goes through the jobs in src/jobs/ppStatement.ts.
 */
import * as React from 'react';
import { Body1, Button, Caption1, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useWorkbook } from '../workbookContext';
import { useAction } from '../useAction';
import { ErrorBar } from '../components/ErrorBar';
import type { ScreenProps } from './types';
import { draftPupilPremiumStatement, findStatementEvidence, type StatementEvidence, type StatementRun } from '../../jobs/ppStatement';
import { TIERS, TIER_SHORT, type Tier } from '../../core/ppStatement/tiers';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  muted: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function found(ev: StatementEvidence): Array<{ key: string; text: string; ok: boolean }> {
  const clear = ev.gaps.filter((g) => g.lower !== null && g.lower > 0 && g.gap > 0).length;
  return [
    {
      key: 'gaps',
      ok: ev.gapReport !== null,
      text: ev.gapReport ? `Gap report "${ev.gapReport.sheet}": ${clear} of its ${ev.gaps.length} disadvantaged gap${ev.gaps.length === 1 ? ' is' : 's are'} clear (interval above zero): the challenges` : 'No gap report yet: run a gap analysis for the challenges and pupil numbers.',
    },
    {
      key: 'evaluations',
      ok: ev.evaluations.length > 0,
      text: ev.evaluations.length > 0 ? `${ev.evaluations.length} evaluation${ev.evaluations.length === 1 ? '' : 's'} in the interventions register (the activity and Part B)` : 'No evaluations yet: evaluate an intervention for the activity and Part B.',
    },
    {
      key: 'checklist',
      ok: ev.checklistSheet !== null,
      text: ev.checklistSheet ? `Checklist review: ${ev.actions.length} next action${ev.actions.length === 1 ? '' : 's'} (intended outcomes)` : 'No checklist review yet: its next actions become intended outcomes.',
    },
  ];
}

export function PupilPremiumScreen({ navigate }: ScreenProps): React.JSX.Element {
  const styles = useStyles();
  const wb = useWorkbook();
  const load = useAction<StatementEvidence>();
  const draft = useAction<StatementRun>();
  const [tiers, setTiers] = React.useState<Record<string, Tier>>({});
  const { run: runLoad } = load;

  React.useEffect(() => {
    void runLoad(() => findStatementEvidence(wb), 'Could not read the workbook');
  }, [wb, runLoad]);

  const ev = load.result;
  const onDraft = async () => {
    const done = await draft.run(() => draftPupilPremiumStatement(wb, tiers), 'Could not write the statement');
    if (done) await load.run(() => findStatementEvidence(wb), 'Could not read the workbook');
  };

  return (
    <div className={styles.root} data-testid="pp-screen">
      <Body1>A draft of the DfE Pupil Premium strategy statement, filled from this workbook&apos;s evidence. Yellow cells on the sheet are yours to complete; re-drafting keeps everything you type or change.</Body1>
      <ErrorBar failure={load.failure ?? draft.failure} onDismiss={load.failure ? load.clearFailure : draft.clearFailure} />
      {load.busy && !ev && <Spinner size="small" label="Reading the workbook" />}
      {ev && (
        <>
          <section className={styles.section} aria-labelledby="pp-found">
            <Subtitle2 as="h2" id="pp-found">What was found</Subtitle2>
            <ul className={styles.list} data-testid="pp-found">
              {found(ev).map((f) => (
                <li key={f.key}>
                  <Caption1>{f.text}</Caption1>
                </li>
              ))}
            </ul>
            {ev.gapReport === null && (
              <Button appearance="secondary" onClick={() => navigate('gaps')}>
                Run a gap analysis
              </Button>
            )}
          </section>
          {ev.interventions.length > 0 && (
            <section className={styles.section} aria-labelledby="pp-tiers">
              <Subtitle2 as="h2" id="pp-tiers">Confirm each intervention&apos;s tier</Subtitle2>
              {ev.interventions.map((i) => (
                <Field
                  key={i.name}
                  label={i.name}
                  hint={i.confirmed || tiers[i.name] ? 'Confirmed' : `Guessed: ${i.guess.reason}`}
                  data-testid="pp-tier"
                >
                  <RadioGroup value={tiers[i.name] ?? i.tier} onChange={(_, d) => setTiers((t) => ({ ...t, [i.name]: d.value as Tier }))}>
                    {TIERS.map((t) => (
                      <Radio key={t} value={t} label={TIER_SHORT[t]} />
                    ))}
                  </RadioGroup>
                </Field>
              ))}
            </section>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void onDraft()} disabled={draft.busy} data-testid="pp-draft">
              {ev.drafted ? 'Re-draft the statement' : 'Draft the statement'}
            </Button>
            {draft.busy && <Spinner size="tiny" label="Writing" />}
          </div>
          {ev.drafted && !draft.result && <Caption1 className={styles.muted}>Re-drafting refreshes only the lines marked &quot;add-in&quot; that you have not changed.</Caption1>}
        </>
      )}
      {draft.result && (
        <MessageBar intent="success" data-testid="pp-done">
          <MessageBarBody>
            <MessageBarTitle>{draft.result.redrafted ? 'Re-drafted' : 'Drafted'}</MessageBarTitle>
            {`The statement is on the sheet "${draft.result.sheetName}".`}
            {draft.result.kept.length > 0 && ` Your changes were kept on lines ${draft.result.kept.join(', ')}.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {draft.result && draft.result.toFill.length > 0 && (
        <section className={styles.section} aria-labelledby="pp-tofill">
          <Subtitle2 as="h2" id="pp-tofill">Still to fill in on the sheet</Subtitle2>
          <ul className={styles.list} data-testid="pp-tofill">
            {draft.result.toFill.map((t) => (
              <li key={t}>
                <Caption1>{t}</Caption1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
