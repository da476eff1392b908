/**
 * Step "confirm the columns", shared by the screens that analyse pupils: one drop-down of headers
 * per role (pre-filled with the detected column, with the reason it was chosen), and optionally a
 * checkbox list of assessment columns, each with its grade scale and a threshold in points, with
 * "Select all" and "Select none" above it to tick or untick every assessment at once.
 */
import * as React from 'react';
import { Button, Caption1, Checkbox, Dropdown, Field, Input, Option, Select, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  roles: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  // Label, dropdown and hint of the two fields on a line share rows, so a wrapped label keeps the
  // dropdowns level.
  role: { minWidth: 0, display: 'grid', gridTemplateRows: 'subgrid', gridRow: 'span 3', rowGap: tokens.spacingVerticalXXS, alignContent: 'start' },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  // "Select all" and "Select none" on one line above the list, small enough for a 300 px pane.
  allNone: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) 108px 60px', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  small: { minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
  problem: { gridColumn: '1 / -1', color: tokens.colorPaletteRedForeground1 },
  warning: { gridColumn: '1 / -1', color: tokens.colorPaletteDarkOrangeForeground2 },
});

/** One role the user maps to a column. */
export interface RoleField {
  /** Key in `value` (e.g. "disadvantaged"). */
  role: string;
  label: string;
  hint?: string;
  /** Optional roles offer "Not used". Default false. */
  optional?: boolean;
}

/** An assessment column offered in the checkbox list. */
export interface AssessmentRow {
  index: number;
  checked: boolean;
  /** The grade scale's key (one of `scaleOptions`). */
  scale: string;
  /** Threshold as typed. */
  threshold: string;
  /** A problem with the threshold, shown under it. */
  problem?: string;
  /** A warning about the column that does not stop a run (e.g. many unreadable cells), shown under it. */
  warning?: string;
  /** Why a column offered unticked was not ticked (e.g. only 73% of its cells are scores), shown under it while unticked. */
  doubt?: string;
}

export interface ColumnMapperProps {
  headers: string[];
  roles: RoleField[];
  /** The column chosen for each role (null = not used). */
  value: Record<string, number | null>;
  onChange: (role: string, column: number | null) => void;
  /** Problems per role, shown as the field's validation message. */
  problems?: Record<string, string | undefined>;
  /** Why each column got its role (by column index), shown as the field's hint. */
  reasons?: Record<number, string>;
  /** Assessment columns, when the screen needs them. */
  assessments?: AssessmentRow[];
  onAssessmentsChange?: (rows: AssessmentRow[]) => void;
  /** Scales offered for assessments: key and label. */
  scaleOptions?: Array<{ key: string; label: string }>;
  /** Hint under "Assessments to analyse". Default: the grade scale and threshold in points. */
  assessmentsHint?: string;
  /** Problem with the assessment list as a whole (e.g. none chosen). */
  assessmentsProblem?: string;
  disabled?: boolean;
  /** Prefix of the data-testid attributes. Default "columns". */
  testId?: string;
}

const NONE = '-1';

export function ColumnMapper({
  headers,
  roles,
  value,
  onChange,
  problems = {},
  reasons = {},
  assessments,
  onAssessmentsChange,
  scaleOptions = [],
  assessmentsProblem,
  assessmentsHint = 'Grade scale and the threshold in points (e.g. 4 for a GCSE standard pass, 100 for scaled scores)',
  disabled = false,
  testId = 'columns',
}: ColumnMapperProps): React.JSX.Element {
  const styles = useStyles();
  const update = (index: number, patch: Partial<AssessmentRow>) =>
    onAssessmentsChange?.((assessments ?? []).map((a) => (a.index === index ? { ...a, ...patch } : a)));
  /** Ticks (or unticks) every assessment at once. */
  const tickAll = (checked: boolean) => onAssessmentsChange?.((assessments ?? []).map((a) => ({ ...a, checked })));

  return (
    <div className={styles.root} data-testid={testId}>
      <div className={styles.roles}>
        {roles.map((r) => {
          const chosen = value[r.role] ?? null;
          const problem = problems[r.role];
          return (
            <Field
              key={r.role}
              className={styles.role}
              label={r.label}
              hint={problem ? undefined : chosen !== null ? reasons[chosen] ?? r.hint : r.hint}
              validationState={problem ? 'error' : 'none'}
              validationMessage={problem}
              required={!r.optional}
            >
              <Dropdown
                className={styles.dropdown}
                value={chosen !== null ? headers[chosen] ?? '' : r.optional ? 'Not used' : ''}
                placeholder="Choose a column"
                selectedOptions={[chosen !== null ? String(chosen) : NONE]}
                onOptionSelect={(_, d) => onChange(r.role, d.optionValue === undefined || d.optionValue === NONE ? null : Number(d.optionValue))}
                disabled={disabled}
                data-testid={`${testId}-${r.role}`}
              >
                {r.optional && <Option value={NONE}>Not used</Option>}
                {headers.map((h, i) => (
                  <Option key={i} value={String(i)} text={h}>
                    {h}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </div>
      {assessments && (
        <Field
          label="Assessments to analyse"
          hint={assessmentsHint}
          validationState={assessmentsProblem ? 'error' : 'none'}
          validationMessage={assessmentsProblem}
        >
          <div className={styles.list}>
            {assessments.length > 1 && (
              <div className={styles.allNone}>
                <Button size="small" onClick={() => tickAll(true)} disabled={disabled} data-testid={`${testId}-assessments-all`}>
                  Select all
                </Button>
                <Button size="small" onClick={() => tickAll(false)} disabled={disabled} data-testid={`${testId}-assessments-none`}>
                  Select none
                </Button>
              </div>
            )}
            <div className={styles.list} role="group" aria-label="Assessments to analyse" data-testid={`${testId}-assessments`}>
              {assessments.length === 0 && <Caption1 className={styles.muted}>No column holds scores or grades.</Caption1>}
              {assessments.map((a) => (
                <div key={a.index} className={styles.item}>
                  <Checkbox
                    checked={a.checked}
                    onChange={(_, d) => update(a.index, { checked: Boolean(d.checked) })}
                    label={headers[a.index]}
                    disabled={disabled}
                    data-testid={`${testId}-assessment-${a.index}`}
                  />
                  <Select
                    className={styles.small}
                    value={a.scale}
                    onChange={(_, d) => update(a.index, { scale: d.value })}
                    disabled={disabled || !a.checked}
                    aria-label={`Grade scale of ${headers[a.index]}`}
                    size="small"
                  >
                    {scaleOptions.map((s) => (
                      <option key={s.key} value={s.key}>
                        {s.label}
                      </option>
                    ))}
                  </Select>
                  <Input
                    className={styles.small}
                    value={a.threshold}
                    onChange={(_, d) => update(a.index, { threshold: d.value })}
                    disabled={disabled || !a.checked}
                    aria-label={`Threshold for ${headers[a.index]}`}
                    aria-invalid={a.problem ? true : undefined}
                    size="small"
                    inputMode="decimal"
                    data-testid={`${testId}-threshold-${a.index}`}
                  />
                  {a.problem && (
                    <Caption1 role="alert" className={styles.problem}>
                      {a.problem}
                    </Caption1>
                  )}
                  {a.warning && !a.problem && (
                    <Caption1 className={styles.warning} data-testid={`${testId}-warning-${a.index}`}>
                      {a.warning}
                    </Caption1>
                  )}
                </div>
              ))}
            </div>
          </div>
        </Field>
      )}
    </div>
  );
}
