/**
 * The answer on screen after "Evaluate": the verdict, the reasons to be careful, the headline
 * numbers, and the names of the two sheets written.
 */
import * as React from 'react';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationRun } from '../../../jobs/interventionEvaluation';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  figures: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function two(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

export interface EvaluationResultProps {
  run: EvaluationRun;
}

export function EvaluationResult({ run }: EvaluationResultProps): React.JSX.Element {
  const styles = useStyles();
  const { evaluation: e, sheet, register } = run;
  const v = e.verdict;
  const o = e.overall;
  const intent = v.met === true && v.strength !== 'weak' ? 'success' : v.met === false ? 'error' : 'warning';
  const pct = `${Math.round(e.confidence * 100)}%`;
  return (
    <section className={styles.root} aria-label="Evaluation result" data-testid="iv-result">
      <MessageBar intent={intent} layout="multiline" data-testid="iv-verdict">
        <MessageBarBody>
          <MessageBarTitle>{e.name}</MessageBarTitle>
          {v.headline}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.figures}>
        <dt className={styles.term}>Effect size</dt>
        <dd className={styles.value} data-testid="iv-effect" data-value={String(o.effectSize)}>
          {two(o.effectSize)} ({pct} CI {two(o.ciLower)} to {two(o.ciUpper)})
        </dd>
        <dt className={styles.term}>EEF months</dt>
        <dd className={styles.value} data-testid="iv-months">
          {Number.isFinite(o.months) ? `${o.months > 0 ? '+' : ''}${o.months}` : 'n/a'}
        </dd>
        <dt className={styles.term}>Pupils</dt>
        <dd className={styles.value} data-testid="iv-n">
          {o.interventionN} in the intervention, {o.design === 'comparison' ? `${o.comparisonN} compared` : 'no comparison group'}
        </dd>
        <dt className={styles.term}>Evidence</dt>
        <dd className={styles.value}>{v.strength}</dd>
        {e.cost && (
          <>
            <dt className={styles.term}>Cost</dt>
            <dd className={styles.value} data-testid="iv-cost">
              £{e.cost.perPupil.toFixed(2)} per pupil ({e.cost.band})
            </dd>
          </>
        )}
      </dl>
      {v.caveats.length > 0 && (
        <ul className={styles.list} aria-label="Be careful">
          {v.caveats.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      {v.forWhom && <Caption1>{v.forWhom}</Caption1>}
      {e.warnings.map((w) => (
        <MessageBar key={w} intent="warning" layout="multiline">
          <MessageBarBody>{w}</MessageBarBody>
        </MessageBar>
      ))}
      <Caption1 data-testid="iv-sheets">
        Written to the sheet "{sheet.sheetName}" and added to "{register.sheetName}".
      </Caption1>
    </section>
  );
}
