/**
 * The preview's formula bar: the selection's address and the active cell's contents, which can be
 * typed over (the edit itself is kept by `useSheetEditing`).
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexShrink: 0,
    gap: tokens.spacingHorizontalS,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
  },
  nameBox: { minWidth: '90px', paddingRight: tokens.spacingHorizontalS, borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  formula: {
    flexGrow: 1,
    minWidth: 0,
    border: 'none',
    outline: 'none',
    padding: '1px 2px',
    backgroundColor: 'transparent',
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    ':focus': { boxShadow: `inset 0 -2px 0 ${tokens.colorBrandStroke1}` },
  },
});

export interface FormulaBarProps {
  /** The selection's address ("B2:C5"); empty when nothing is selected. */
  address: string;
  /** The active cell's name ("B2"), or null when no cell is selected (the bar is then read-only). */
  cellName: string | null;
  /** What the bar shows: the text being typed, else the active cell's contents. */
  text: string;
  inputRef: React.RefObject<HTMLInputElement>;
  onFocus: () => void;
  onChange: (text: string) => void;
  onKeyDown: (e: React.KeyboardEvent<HTMLInputElement>) => void;
  onBlur: (e: React.FocusEvent<HTMLInputElement>) => void;
}

export function FormulaBar({ address, cellName, text, inputRef, onFocus, onChange, onKeyDown, onBlur }: FormulaBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      <span className={styles.nameBox} data-testid="preview-address">
        {address}
      </span>
      <input
        ref={inputRef}
        className={styles.formula}
        data-testid="preview-formula"
        aria-label={cellName !== null ? `Contents of cell ${cellName}: type to change it` : 'Formula bar: select a cell to edit it'}
        title={text.length > 60 ? text : undefined}
        value={text}
        readOnly={cellName === null}
        spellCheck={false}
        autoComplete="off"
        onFocus={onFocus}
        onChange={(e) => onChange(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={onBlur}
      />
    </div>
  );
}
