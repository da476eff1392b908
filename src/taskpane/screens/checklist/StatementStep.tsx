import * as React from 'react';
import { Body1, Caption1, Field, Input, Radio, RadioGroup, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { RATINGS, pointsOf, validateResponse, type ItemResponse, type Statement } from '../../../core/checklist/model';
import type { WorkbookEvidence } from '../../../sheets/evidence';
import { EvidenceOffer } from './EvidenceOffer';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  hint: { color: tokens.colorNeutralForeground3 },
  // Fluent's text components are inline: the title and the wording each need a line of their own.
  block: { display: 'block' },
  wording: { display: 'block', marginTop: tokens.spacingVerticalXS, marginBottom: 0 },
  twoCols: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalS },
  shrink: { minWidth: 0 },
  // Two columns that keep their inputs level when one label wraps onto two lines.
  twoColsField: { minWidth: 0, display: 'grid', gridTemplateRows: 'subgrid', gridRow: 'span 3', rowGap: tokens.spacingVerticalXXS },
  // One rating a line, its meaning under it (in line with the label, past the radio's circle).
  ratingOption: { display: 'flex', flexDirection: 'column' },
  meaning: { color: tokens.colorNeutralForeground3, paddingLeft: '32px', marginTop: '-6px' },
});

/**
 * What each rating means for one statement, so a rating is chosen against the statement rather than
 * a feeling: the words follow the checklist's scale (Not started 0 ... Embedded 3).
 */
export function ratingMeaning(rating: (typeof RATINGS)[number], title: string): string {
  const what = title.charAt(0).toLowerCase() + title.slice(1);
  switch (rating) {
    case 'Not started':
      return `No work yet on ${what}.`;
    case 'Developing':
      return `Work on ${what} has begun in places, but is not yet consistent.`;
    case 'Established':
      return `${title} happens across the school, with evidence collected.`;
    case 'Embedded':
      return `${title} is routine, reviewed, and shown to make a difference.`;
  }
}

export interface StatementStepProps {
  statement: Statement;
  response: ItemResponse;
  /** Changes some of the statement's answers. */
  onChange: (patch: Partial<ItemResponse>) => void;
  /** Reports found in the workbook (null while looking). */
  evidence: WorkbookEvidence | null;
  /** Opens the gap analysis or intervention screen (for statements that cite them). */
  onRunReport: (source: 'gaps' | 'intervention') => void;
}

/** One statement of the checklist: rating, evidence, owner, next action and review date. */
export function StatementStep({ statement, response, onChange, evidence, onRunReport }: StatementStepProps): React.JSX.Element {
  const styles = useStyles();
  const problems = validateResponse(response);
  const standard = RATINGS.find((r) => r === response.rating);
  const other = response.rating !== null && !standard ? response.rating : null;
  const points = other ? pointsOf(other) : null;
  const id = statement.id;
  return (
    <section className={styles.root} aria-labelledby={`st-${id}`} data-testid="checklist-step">
      <div>
        <Subtitle2 as="h3" className={styles.block} id={`st-${id}`} data-testid="checklist-title">
          {statement.number}. {statement.title}
        </Subtitle2>
        <Body1 as="p" className={styles.wording}>
          {statement.text}
        </Body1>
      </div>
      <Field
        label="How well is this happening?"
        validationState={problems.rating ? 'error' : other ? 'warning' : 'none'}
        validationMessage={
          problems.rating ??
          (other ? `Rated "${other}" on the Checklist sheet (${points} point${points === 1 ? '' : 's'}). Choosing a rating here replaces it.` : undefined)
        }
      >
        <RadioGroup
          value={standard ?? ''}
          onChange={(_, d) => onChange({ rating: d.value })}
          data-testid="checklist-rating"
        >
          {RATINGS.map((r) => (
            <div key={r} className={styles.ratingOption}>
              <Radio value={r} label={r} aria-describedby={`meaning-${id}-${r.replace(/\s+/g, '-')}`} />
              <Caption1 className={styles.meaning} id={`meaning-${id}-${r.replace(/\s+/g, '-')}`} data-testid="checklist-rating-meaning">
                {ratingMeaning(r, statement.title)}
              </Caption1>
            </div>
          ))}
        </RadioGroup>
      </Field>
      <Field label="Evidence" hint={statement.hint} validationState={problems.evidence ? 'error' : 'none'} validationMessage={problems.evidence}>
        <Textarea
          value={response.evidence}
          onChange={(_, d) => onChange({ evidence: d.value })}
          resize="vertical"
          rows={4}
          data-testid="checklist-evidence"
        />
      </Field>
      {statement.evidenceFrom && (
        <EvidenceOffer
          source={statement.evidenceFrom}
          evidence={evidence}
          current={response.evidence}
          onCite={(text) => onChange({ evidence: response.evidence.trim() === '' ? text : `${response.evidence.trimEnd()}\n${text}` })}
          onRun={() => onRunReport(statement.evidenceFrom ?? 'gaps')}
        />
      )}
      <div className={styles.twoCols}>
        <Field className={styles.twoColsField} label="Owner" validationState={problems.owner ? 'error' : 'none'} validationMessage={problems.owner}>
          <Input className={styles.shrink} value={response.owner} onChange={(_, d) => onChange({ owner: d.value })} data-testid="checklist-owner" />
        </Field>
        <Field className={styles.twoColsField} label="Review date" validationState={problems.reviewDate ? 'error' : 'none'} validationMessage={problems.reviewDate}>
          <Input className={styles.shrink} type="date" value={response.reviewDate} onChange={(_, d) => onChange({ reviewDate: d.value })} data-testid="checklist-review-date" />
        </Field>
      </div>
      <Field label="Next action" validationState={problems.nextAction ? 'error' : 'none'} validationMessage={problems.nextAction}>
        <Textarea value={response.nextAction} onChange={(_, d) => onChange({ nextAction: d.value })} resize="vertical" data-testid="checklist-next-action" />
      </Field>
      {statement.custom && <Caption1 className={styles.hint}>This is one of your school&apos;s own statements.</Caption1>}
    </section>
  );
}
