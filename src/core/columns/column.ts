/**
 * What a detected column is: its position, header, the role guessed for it and why. Shared by
 * column detection (`detect.ts`) and the grouping of assessment points (`points.ts`).
 */
export type ColumnRole =
  | 'id'
  | 'name'
  | 'year'
  | 'form'
  | 'gender'
  | 'disadvantaged'
  | 'send'
  | 'eal'
  | 'prior'
  | 'priorBand'
  | 'set'
  | 'intervention'
  | 'assessment'
  | 'ignore';

export interface DetectedColumn {
  /** 0-based position of the column in the data. */
  index: number;
  header: string;
  role: ColumnRole;
  /** Why this role was guessed, in plain words (shown next to the choice). */
  reason: string;
  /**
   * Mostly scores or grades, but too many other cells to be taken as an assessment unasked: listed
   * among the assessments unticked, with the reason, for the user to decide.
   */
  mostlyScores?: boolean;
}
