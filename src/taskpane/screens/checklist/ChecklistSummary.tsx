import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Link,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { responseOf, scoresOf, statementsOf, type ChecklistState } from '../../../core/checklist/model';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  number: { textAlign: 'right' },
  overall: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
});

function percent(x: number | null): string {
  return x === null ? 'not rated' : `${Math.round(x * 100)}%`;
}

export interface ChecklistSummaryProps {
  state: ChecklistState;
  /** Jumps to a statement (0-based step). */
  onGoTo: (step: number) => void;
}

/** Scores by area and overall, and the statements still to rate. */
export function ChecklistSummary({ state, onGoTo }: ChecklistSummaryProps): React.JSX.Element {
  const styles = useStyles();
  const scores = scoresOf(state);
  const statements = statementsOf(state);
  const unrated = statements.map((s, i) => ({ s, i })).filter(({ s }) => responseOf(state, s.id).rating === null);
  return (
    <section className={styles.root} aria-label="Checklist summary" data-testid="checklist-summary">
      <Table size="small" aria-label="Scores by area">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Area</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Rated</TableHeaderCell>
            <TableHeaderCell className={styles.number}>Score</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {scores.areas.map((a) => (
            <TableRow key={a.area.id}>
              <TableCell>{a.area.name}</TableCell>
              <TableCell className={styles.number}>
                {a.rated} of {a.statements}
              </TableCell>
              <TableCell className={styles.number}>{percent(a.score)}</TableCell>
            </TableRow>
          ))}
          <TableRow className={styles.overall}>
            <TableCell>Overall</TableCell>
            <TableCell className={styles.number}>
              {scores.overall.rated} of {scores.overall.statements}
            </TableCell>
            <TableCell className={styles.number} data-testid="checklist-overall">
              {percent(scores.overall.score)}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      <Caption1 className={styles.muted}>
        Score = mean points of the rated statements / 3 (Not started 0, Developing 1, Established 2, Embedded 3), as GAPS.CHECKLISTSCORE computes it.
      </Caption1>
      {unrated.length > 0 && (
        <div>
          <Body1>Still to rate:</Body1>
          <ul>
            {unrated.map(({ s, i }) => (
              <li key={s.id}>
                <Link as="button" onClick={() => onGoTo(i)}>
                  {s.number}. {s.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div>
        <Body1>Go to a statement:</Body1>
        <ul data-testid="checklist-summary-statements">
          {statements.map((s, i) => (
            <li key={s.id}>
              <Link as="button" onClick={() => onGoTo(i)}>
                {s.number}. {s.title}
              </Link>{' '}
              <Caption1 className={styles.muted}>({responseOf(state, s.id).rating ?? 'not rated yet'})</Caption1>
            </li>
          ))}
        </ul>
      </div>
      {unrated.length === 0 && <Button onClick={() => onGoTo(0)}>Back to the first statement</Button>}
    </section>
  );
}
