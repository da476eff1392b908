/**
 * The answer on screen after "Evaluate": the criterion's verdict in three words (met / not met /
 * can't tell yet) with the strength of evidence beside it, the core's sentence, the reasons to be
 * careful, the headline numbers, and the names of the two sheets written. The words are the ones
 * the evaluation sheet and the register print. A figure that could not be estimated reads "too
 * few pupils", never NaN.
 */
import * as React from 'react';
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import type { EvaluationRun } from '../../../jobs/interventionEvaluation';
import { standardiserWords, verdictLine, verdictWords } from '../../../sheets/interventionReport';
import { fixed, pounds } from '../../../core/numberText';

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

const TOO_FEW = 'too few pupils';

function two(x: number): string {
  return fixed(x, 2);
}

/** "0.25 (95% CI -0.33 to 0.83)", or "too few pupils" when there is no estimate. */
function effectText(x: number, lo: number, hi: number, pct: string): string {
  if (!Number.isFinite(x)) return TOO_FEW;
  return Number.isFinite(lo) && Number.isFinite(hi) ? `${two(x)} (${pct} CI ${two(lo)} to ${two(hi)})` : `${two(x)} (no interval: ${TOO_FEW})`;
}

export interface EvaluationResultProps {
  run: EvaluationRun;
}

export const EvaluationResult = React.forwardRef<HTMLElement, EvaluationResultProps>(function EvaluationResult({ run }, ref): React.JSX.Element {
  const styles = useStyles();
  const { evaluation: e, sheet, register, reread } = run;
  const v = e.verdict;
  const o = e.overall;
  const words = verdictWords(e);
  const intent = words === 'met' && v.strength !== 'weak' ? 'success' : words === 'not met' ? 'error' : 'warning';
  const ci = o.clusterInterval;
  const pct = `${Math.round(e.confidence * 100)}%`;
  return (
    <section className={styles.root} aria-label="Evaluation result" data-testid="iv-result" ref={ref} tabIndex={-1}>
      <MessageBar intent={intent} layout="multiline" data-testid="iv-verdict">
        <MessageBarBody>
          <MessageBarTitle>{e.name}</MessageBarTitle>
          <div data-testid="iv-verdict-words" data-status={words ?? 'none'}>
            <b>{verdictLine(e)}</b>
          </div>
          {v.headline}
        </MessageBarBody>
      </MessageBar>
      <dl className={styles.figures}>
        <dt className={styles.term}>Effect size</dt>
        <dd className={styles.value} data-testid="iv-effect" data-value={Number.isFinite(o.effectSize) ? String(o.effectSize) : ''}>
          {effectText(o.effectSize, o.ciLower, o.ciUpper, pct)}
        </dd>
        {ci && (
          <>
            <dt className={styles.term}>Allowing for groups</dt>
            <dd className={styles.value} data-testid="iv-cluster-ci">
              {pct} CI {two(ci.lower)} to {two(ci.upper)} ({ci.clusters} groups in &quot;{e.clusterColumn}&quot;)
            </dd>
          </>
        )}
        <dt className={styles.term}>EEF months</dt>
        <dd className={styles.value} data-testid="iv-months">
          {Number.isFinite(o.months) ? `${o.months > 0 ? '+' : ''}${o.months}` : TOO_FEW}
        </dd>
        <dt className={styles.term}>Standardiser</dt>
        <dd className={styles.value} data-testid="iv-standardiser">
          {standardiserWords(e)}
        </dd>
        <dt className={styles.term}>Pupils</dt>
        <dd className={styles.value} data-testid="iv-n">
          {o.interventionN} in the intervention, {o.design === 'comparison' ? `${o.comparisonN} compared` : 'no comparison group'}
        </dd>
        {e.matching && (
          <>
            <dt className={styles.term}>Matched</dt>
            <dd className={styles.value} data-testid="iv-matched">
              {e.matching.balance.pairs} matched, {e.matching.unmatched.length} without a match; effective comparison size{' '}
              {Number.isFinite(e.matching.balance.effectiveComparisonSize ?? NaN) ? (e.matching.balance.effectiveComparisonSize as number).toFixed(1) : TOO_FEW}
            </dd>
          </>
        )}
        <dt className={styles.term}>Evidence</dt>
        <dd className={styles.value} data-testid="iv-strength">
          {v.strength}
        </dd>
        {e.cost && (
          <>
            <dt className={styles.term}>Cost</dt>
            <dd className={styles.value} data-testid="iv-cost">
              {pounds(e.cost.perPupil, true)} per pupil ({e.cost.band})
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
      {reread && <Caption1 data-testid="iv-reread">{reread}</Caption1>}
      <Caption1 data-testid="iv-sheets">
        Written to the sheet &quot;{sheet.sheetName}&quot; and added to &quot;{register.sheetName}&quot;.
      </Caption1>
    </section>
  );
});
