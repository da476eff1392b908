/**
 * The preview's sheet tabs along the bottom of the grid: one button per visible sheet, the active one
 * marked. The active tab is in the Tab order (F6 from the grid comes here too); Left and Right,
 * Home and End move between tabs, Enter or Space opens one.
 */
import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  tabs: {
    display: 'flex',
    flexShrink: 0,
    gap: '2px',
    overflowX: 'auto',
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
    padding: `0 ${tokens.spacingHorizontalS}`,
  },
  tab: {
    border: 'none',
    borderBottom: `3px solid transparent`,
    backgroundColor: 'transparent',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  tabActive: { backgroundColor: tokens.colorNeutralBackground1, borderBottomColor: tokens.colorBrandStroke1, color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface SheetTabsProps {
  /** The visible sheets in tab order. */
  names: readonly string[];
  active: string;
  /** Called with the sheet whose tab was clicked. */
  onPick: (name: string) => void;
}

export function SheetTabs({ names, active, onPick }: SheetTabsProps): React.JSX.Element {
  const styles = useStyles();
  const onKey = (e: React.KeyboardEvent<HTMLButtonElement>, i: number) => {
    const to = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? names.length - 1 : null;
    if (to === null) return;
    e.preventDefault();
    const buttons = e.currentTarget.parentElement?.querySelectorAll<HTMLButtonElement>('button');
    buttons?.[(to + names.length) % names.length]?.focus();
  };
  return (
    <div className={styles.tabs} role="tablist" aria-label="Sheets" data-region="tabs">
      {names.map((name, i) => (
        <button
          key={name}
          type="button"
          role="tab"
          tabIndex={name === active ? 0 : -1}
          onKeyDown={(e) => onKey(e, i)}
          data-testid={`sheet-tab-${name}`}
          aria-selected={name === active}
          className={`${styles.tab}${name === active ? ` ${styles.tabActive}` : ''}`}
          onClick={() => onPick(name)}
        >
          {name}
        </button>
      ))}
    </div>
  );
}
