import * as React from 'react';
import { Button, Field, Input, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { AREAS, type AreaId } from '../../../core/checklist/items';
import { validateCustom, type ChecklistState, type CustomDraft } from '../../../core/checklist/model';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface CustomStatementFormProps {
  /** The review (to refuse a title already used). */
  state: ChecklistState;
  /** Area chosen at first (the area of the statement on screen). Default: none. */
  initialArea?: AreaId;
  onAdd: (draft: CustomDraft) => void;
  onCancel: () => void;
}

/** "Add our own statement": an area, a short title and, optionally, the full wording. */
export function CustomStatementForm({ state, initialArea, onAdd, onCancel }: CustomStatementFormProps): React.JSX.Element {
  const styles = useStyles();
  const [draft, setDraft] = React.useState<CustomDraft>({ area: initialArea ?? '', title: '', text: '' });
  const [tried, setTried] = React.useState(false);
  const problems = tried ? validateCustom(draft, state) : {};
  const submit = () => {
    setTried(true);
    if (Object.keys(validateCustom(draft, state)).length === 0) onAdd(draft);
  };
  return (
    <form
      className={styles.root}
      aria-label="Add our own statement"
      data-testid="custom-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Subtitle2 as="h3">Add our own statement</Subtitle2>
      <Field label="Area" required validationState={problems.area ? 'error' : 'none'} validationMessage={problems.area}>
        <Select value={draft.area} onChange={(_, d) => setDraft({ ...draft, area: d.value as AreaId | '' })} data-testid="custom-area">
          <option value="">Choose an area</option>
          {AREAS.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Short title" required validationState={problems.title ? 'error' : 'none'} validationMessage={problems.title}>
        <Input value={draft.title} onChange={(_, d) => setDraft({ ...draft, title: d.value })} data-testid="custom-title" />
      </Field>
      <Field label="Full wording (optional)" validationState={problems.text ? 'error' : 'none'} validationMessage={problems.text}>
        <Textarea value={draft.text} onChange={(_, d) => setDraft({ ...draft, text: d.value })} data-testid="custom-text" />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" type="submit" data-testid="custom-add">
          Add statement
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
