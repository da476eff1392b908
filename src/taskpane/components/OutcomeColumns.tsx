/**
 * The parts of choosing outcome columns (attendance, suspensions, destinations...) that the
 * outcomes screen and the gap analysis screen share: a column picked from a native select of the
 * headers, the proposed meaning of each destination word (from the core's
 * proposeDestinationMapping, words it does not recognise marked for the user to choose), and the
 * fields where the user confirms or changes those meanings.
 */
import * as React from 'react';
import { Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { TableData } from '../../workbook/port';
import { proposeDestinationMapping, type DestinationCategory } from '../../core/outcomes/destinations';
import { OUTCOME_KIND_LABELS, outcomesSetAside, type OutcomeChoice } from '../../core/columns/outcomeKinds';

const useStyles = makeStyles({
  muted: { color: tokens.colorNeutralForeground3 },
});

const CATEGORIES: DestinationCategory[] = ['sustained', 'not sustained', 'NEET', 'unknown'];

/** One destination word, how many pupils have it, and what it is taken to mean. */
export interface DestinationMeaning {
  word: string;
  count: number;
  category: DestinationCategory;
  /** False for a word the proposal did not recognise (until the user chooses its meaning). */
  recognised: boolean;
}

/** The proposed meaning of every word in a destination column (none without a column). */
export function destinationMeaningsFor(data: TableData, column: number | undefined): DestinationMeaning[] {
  if (column === undefined) return [];
  const p = proposeDestinationMapping(data.rows.map((r) => [r[column] ?? null]));
  const counts = new Map<string, number>();
  for (const r of data.rows) {
    const w = String(r[column] ?? '').trim().toUpperCase();
    if (w) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [
    ...p.mapping.map((m) => ({ word: m.word, count: m.count, category: m.category, recognised: true })),
    ...p.unmapped.map((w) => ({ word: w, count: counts.get(w) ?? 0, category: 'unknown' as const, recognised: false })),
  ];
}

/**
 * Why the destinations cannot run yet: words the proposal did not recognise, whose meaning the user
 * has not chosen (the analysis would otherwise count them as "unknown" without being told). Undefined
 * when every word has a meaning, recognised or chosen.
 *
 * @example unchosenMeaningsProblem([{ word: 'GAP YEAR', count: 2, category: 'unknown', recognised: false }])
 * // 'Choose what "GAP YEAR" means (2 pupils) under "What each destination means", or untick the destination column.'
 */
export function unchosenMeaningsProblem(meanings: readonly DestinationMeaning[]): string | undefined {
  const open = meanings.filter((m) => !m.recognised);
  if (open.length === 0) return undefined;
  const words = open.map((m) => `"${m.word}" (${m.count} ${m.count === 1 ? 'pupil' : 'pupils'})`).join(', ');
  return `Choose what ${words} ${open.length === 1 ? 'means' : 'mean'} under "What each destination means", or untick the destination column.`;
}

/** The meanings as the analyses take them: word to category. */
export function destinationMappingOf(meanings: readonly DestinationMeaning[]): Record<string, DestinationCategory> {
  return Object.fromEntries(meanings.map((m) => [m.word, m.category]));
}

/**
 * Chosen columns the analysis will not use because another chosen reading of the same thing comes
 * first (outcomesSetAside), one sentence each: "\"Attendance %\" is not used: attendance (%) is
 * read from \"Sessions Attended\" and \"Sessions Possible\"."
 */
export function setAsideText(choice: OutcomeChoice, headers: readonly string[]): string[] {
  const name = (k: keyof OutcomeChoice) => `"${headers[choice[k] as number]}"`;
  return outcomesSetAside(choice).map(({ kind, by }) => `${name(kind)} is not used: ${OUTCOME_KIND_LABELS[kind].toLowerCase()} is read from ${by.map(name).join(' and ')}.`);
}

/** A column of the data chosen from a native select of its headers, after a first "none" entry. */
export function HeaderSelect({
  headers,
  value,
  none,
  onChange,
  disabled,
  testId,
}: {
  headers: readonly string[];
  value: number | undefined;
  none: string;
  onChange: (column: number | undefined) => void;
  disabled: boolean;
  testId: string;
}): React.JSX.Element {
  return (
    <Select value={value === undefined ? '' : String(value)} onChange={(_, d) => onChange(d.value === '' ? undefined : Number(d.value))} disabled={disabled} data-testid={testId}>
      <option value="">{none}</option>
      {headers.map((h, i) => (
        <option key={i} value={i}>
          {h}
        </option>
      ))}
    </Select>
  );
}

export interface DestinationMeaningFieldsProps {
  meanings: readonly DestinationMeaning[];
  onChange: (meanings: DestinationMeaning[]) => void;
  disabled: boolean;
  /** Prefix of each select's data-testid: `${testId}-0`, `${testId}-1`... */
  testId: string;
}

/** One select per destination word (with its count), the unrecognised ones marked. */
export function DestinationMeaningFields({ meanings, onChange, disabled, testId }: DestinationMeaningFieldsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <Caption1 className={styles.muted}>Sustained = education, employment or training kept up; unknown destinations are left out of the rates.</Caption1>
      {meanings.map((m, k) => (
        <Field key={m.word} label={`${m.word} (${m.count})`} hint={m.recognised ? undefined : 'Not recognised: choose what it means'} validationState={m.recognised ? 'none' : 'warning'}>
          <Select
            value={m.category}
            onChange={(_, d) => onChange(meanings.map((x, j) => (j === k ? { ...x, category: d.value as DestinationCategory, recognised: true } : x)))}
            disabled={disabled}
            data-testid={`${testId}-${k}`}
          >
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
      ))}
    </>
  );
}
