/**
 * "Split by" for the gap analysis: an optional column (year group, form, set, school, cohort year)
 * whose values each get their own set of rows in the report, beside all pupils. The year-group
 * column the detector finds is proposed with a button, never chosen silently; a column with fewer
 * than two values is refused before running. The split result lists each part's latest-point gaps.
 */
import * as React from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { ColumnPick } from '../../components/ColumnPick';
import type { TableData } from '../../../workbook/port';
import type { DetectedColumn } from '../../../core/columns/detect';
import { splitValues, type SplitRun } from '../../../jobs/splitGaps';
import { headlineText, pointText } from './headline';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: { color: tokens.colorNeutralForeground3 },
  parts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, paddingLeft: 0, listStyleType: 'none' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** The column to propose: the detected year group, when it holds at least two values here. */
export function proposedSplit(data: TableData, detected: readonly DetectedColumn[]): number | null {
  const year = detected.find((c) => c.role === 'year');
  return year && splitValues(data, year.index).length >= 2 ? year.index : null;
}

/** Why a split column cannot be used (undefined when it can, or none is chosen). */
export function splitProblem(data: TableData, column: number | null): string | undefined {
  if (column === null) return undefined;
  const n = splitValues(data, column).length;
  return n >= 2 ? undefined : `"${data.headers[column]}" holds ${n === 0 ? 'no values' : `one value (${splitValues(data, column)[0]})`} here: choose a column with at least two, or (none).`;
}

function valuesText(values: string[]): string {
  return values.length <= 6 ? values.join(', ') : `${values.slice(0, 5).join(', ')} ... ${values[values.length - 1]}`;
}

export interface SplitByFieldProps {
  data: TableData;
  detected: readonly DetectedColumn[];
  value: number | null;
  onChange: (column: number | null) => void;
  disabled: boolean;
}

export function SplitByField({ data, detected, value, onChange, disabled }: SplitByFieldProps): React.JSX.Element {
  const styles = useStyles();
  const proposed = proposedSplit(data, detected);
  const year = detected.find((c) => c.role === 'year');
  const problem = splitProblem(data, value);
  const values = value === null ? [] : splitValues(data, value);
  return (
    <>
      <ColumnPick
        label="Split by (optional)"
        hint="One set of rows per value of a column (year group, form, set, school, cohort year), plus all pupils"
        headers={data.headers}
        value={value}
        onChange={onChange}
        problem={problem}
        optional
        disabled={disabled}
        testId="gap-split"
      />
      {value === null && proposed !== null && (
        <div className={styles.row}>
          <Caption1 className={styles.muted} data-testid="gap-split-proposed">
            &quot;{data.headers[proposed]}&quot; looks like the year group ({valuesText(splitValues(data, proposed))}).
          </Caption1>
          <Button size="small" onClick={() => onChange(proposed)} disabled={disabled} data-testid="gap-split-use-proposed">
            Split by {data.headers[proposed]}
          </Button>
        </div>
      )}
      {value === null && proposed === null && year && (
        <Caption1 className={styles.muted} data-testid="gap-split-proposed">
          &quot;{year.header}&quot; holds one year group here, so there is nothing to split by it.
        </Caption1>
      )}
      {value !== null && !problem && (
        <Caption1 className={styles.muted} data-testid="gap-split-values">
          {values.length} values ({valuesText(values)}): the report shows all pupils, then each value&apos;s pupils, with one allowance for chance over the whole report.
        </Caption1>
      )}
    </>
  );
}

/** The split run: each part's disadvantaged gap at the latest point of each subject. */
export function SplitResult({ run }: { run: SplitRun }): React.JSX.Element {
  const styles = useStyles();
  const chance = run.parts.find((p) => p.analysis)?.analysis?.chance;
  return (
    <>
      <MessageBar intent="success" data-testid="gap-success">
        <MessageBarBody>
          <MessageBarTitle>Done</MessageBarTitle>
          Report by {run.column} written to sheet &apos;{run.sheetName}&apos;
        </MessageBarBody>
      </MessageBar>
      <Body1>Disadvantaged gap at the latest point of each subject (others minus disadvantaged; positive = behind):</Body1>
      <ul className={styles.parts} data-testid="gap-split-parts">
        {run.parts.map((p) => (
          <li key={p.value} data-testid="gap-split-part" data-value={p.value}>
            <Body1>
              <b>{p.value === 'All pupils' ? 'All pupils' : `${run.column} ${p.value}`}</b> ({p.pupils} pupils{p.value === 'All pupils' ? '' : '; judged with the rest of the report, so an interval clear of 0 can still be no clear gap'})
            </Body1>
            {p.analysis ? (
              <ul className={styles.list}>
                {p.analysis.results
                  .filter((r) => r.latest)
                  .map((r) => (
                    <li key={r.index} data-testid={`gap-split-headline-${r.index}`} data-gap={r.summary.gap} data-lower={r.summary.ciLower} data-upper={r.summary.ciUpper}>
                      <Body1>
                        {r.subject}
                        {pointText(r)}: {headlineText(r)}
                      </Body1>
                    </li>
                  ))}
              </ul>
            ) : (
              <Caption1 data-testid="gap-split-problem">Not analysed: {p.problem}</Caption1>
            )}
          </li>
        ))}
      </ul>
      {chance && (
        <Caption1 data-testid="gap-chance">
          {chance.comparisons} comparisons over the whole report: the {chance.headline} for all pupils are judged on their own intervals, the rest (each group&apos;s among them) adjusted together, so with
          no real gaps about {Math.round(chance.expectedByChance * 10) / 10} would look like gaps by chance.
        </Caption1>
      )}
    </>
  );
}
