/**
 * The result shown after "Evaluate", rendered to HTML in Node: a tiny group whose effect could not
 * be estimated reads "too few pupils", never NaN or "n/a to n/a", and the verdict words are the
 * sheet's. Inputs come from the core on hand-made data (two pupils, one in each group).
 */
import * as React from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { EvaluationResult } from '../../src/taskpane/screens/intervention/EvaluationResult';
import { evaluateIntervention } from '../../src/core/interventions/evaluate';
import type { EvaluationRun } from '../../src/jobs/interventionEvaluation';
import { bracketProblems } from '../core/interventions/brackets';

function runOf(rows: Array<Array<string | number>>): EvaluationRun {
  const evaluation = evaluateIntervention({
    headers: ['Pre', 'Post', 'Tutoring'],
    rows,
    name: 'Tiny group',
    columns: { pre: 0, post: 1, intervention: 2 },
    comparisonMode: 'rest',
    criterion: { kind: 'months', value: 3 },
  });
  return { evaluation, sheet: { sheetName: 'Impact Tiny group 2026-12-02', address: '' }, register: { sheetName: 'Interventions register', address: '' }, reread: null };
}

describe('EvaluationResult', () => {
  it('prints "too few pupils" where an effect could not be estimated, never NaN', () => {
    // One intervention pupil, one comparison pupil: the fit has no degrees of freedom left.
    const run = runOf([[90, 95, 'Y'], [100, 101, '']]);
    expect(run.evaluation.overall.available).toBe(false);
    const html = renderToStaticMarkup(<EvaluationResult run={run} />);
    expect(html).toContain('too few pupils');
    expect(html).not.toMatch(/NaN|n\/a|-0\.00/);
    expect(html).toContain("Can&#x27;t tell yet, weak evidence");
  });

  it('says when the cells first chosen were read again', () => {
    const run = { ...runOf([[90, 95, 'Y'], [100, 101, ''], [92, 99, 'Y'], [101, 103, ''], [95, 96, '']]), reread: "Read the cells first chosen again ('Year 8'!A1:E41), not the cells selected now." };
    expect(renderToStaticMarkup(<EvaluationResult run={run} />)).toContain('Read the cells first chosen again (&#x27;Year 8&#x27;!A1:E41)');
  });
});

describe('EvaluationResult wording', () => {
  it('shows no brackets inside brackets and no two bracketed phrases in a row, cost line included', () => {
    // A single group of 6 with a very high cost (£9,000 / 6 = £1,500 per pupil): the weak-design headline and the top cost band.
    const evaluation = evaluateIntervention({
      headers: ['Pre', 'Post', 'Tutoring'],
      rows: [[88, 96, 'Y'], [92, 99, 'Y'], [95, 101, 'Y'], [97, 102, 'Y'], [100, 106, 'Y'], [85, 94, 'Y']],
      name: 'Reading tutoring',
      columns: { pre: 0, post: 1, intervention: 2 },
      comparisonMode: 'rest',
      criterion: { kind: 'months', value: 3 },
      cost: '£9,000',
      costPer: 'total',
    });
    expect(evaluation.verdict.headline).toMatch(/^The whole interval meets/);
    const run: EvaluationRun = { evaluation, sheet: { sheetName: 'Impact Reading tutoring 2026-12-03', address: '' }, register: { sheetName: 'Interventions register', address: '' }, reread: null };
    const html = renderToStaticMarkup(<EvaluationResult run={run} />);
    // Each element's own text, as the leader reads it line by line.
    const texts = html
      .split(/<[^>]+>/)
      .map((t) => t.replace(/&#x27;/g, "'").replace(/&amp;/g, '&').trim())
      .filter((t) => t !== '');
    expect(texts.join(' ')).toContain('Very high');
    expect(texts.flatMap(bracketProblems)).toEqual([]);
  });
});
