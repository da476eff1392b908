import * as React from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentAdd20Regular, Play20Regular } from '@fluentui/react-icons';
import type { EvidenceSource } from '../../../core/checklist/items';
import { citeGapReport, citeInterventions, type WorkbookEvidence } from '../../../sheets/evidence';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

export interface EvidenceOfferProps {
  /** Which of the add-in's reports this statement can cite. */
  source: EvidenceSource;
  /** What was found in the workbook; null while still looking. */
  evidence: WorkbookEvidence | null;
  /** The statement's evidence text now (to tell whether the citation is already there). */
  current: string;
  /** Adds the citation to the evidence. */
  onCite: (text: string) => void;
  /** Opens the screen that makes the missing report. */
  onRun: () => void;
}

/**
 * Evidence from the workbook: a button citing the latest gap report or intervention evaluations,
 * or, where there are none yet, an offer to run one.
 */
export function EvidenceOffer({ source, evidence, current, onCite, onRun }: EvidenceOfferProps): React.JSX.Element {
  const styles = useStyles();
  if (evidence === null) {
    return <Caption1 className={styles.root}>Looking for gap reports and evaluations in this workbook...</Caption1>;
  }
  const citation =
    source === 'gaps'
      ? evidence.gapReport && citeGapReport(evidence.gapReport)
      : evidence.interventions.length > 0
        ? `Intervention evaluations: ${citeInterventions(evidence.interventions)}`
        : null;
  if (!citation) {
    return (
      <div className={styles.root} data-testid="evidence-offer">
        <Caption1>
          {source === 'gaps'
            ? 'There is no gap report in this workbook yet. A gap analysis gives this statement its evidence: gaps by subject with their confidence intervals.'
            : 'There is no intervention evaluation in this workbook yet. Evaluating an intervention gives this statement its evidence: an effect size against a comparison group.'}
        </Caption1>
        <div className={styles.row}>
          <Button icon={<Play20Regular />} onClick={onRun} data-testid="evidence-run">
            {source === 'gaps' ? 'Run a gap analysis' : 'Evaluate an intervention'}
          </Button>
        </div>
      </div>
    );
  }
  const cited = current.includes(citation);
  return (
    <div className={styles.root} data-testid="evidence-offer">
      <Caption1>From this workbook: {citation}</Caption1>
      <div className={styles.row}>
        <Button icon={<DocumentAdd20Regular />} disabled={cited} onClick={() => onCite(citation)} data-testid="evidence-cite">
          {cited ? 'Cited in the evidence' : source === 'gaps' ? 'Cite the latest gap report' : 'Cite the latest evaluations'}
        </Button>
      </div>
    </div>
  );
}
