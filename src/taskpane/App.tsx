/**
 * The task pane: a home screen with the three jobs leaders do, and the screen for each job.
 * Screens talk to the workbook only through `useWorkbook()`.
 */
import * as React from 'react';
import {
  Body1,
  Button,
  Caption1,
  Subtitle1,
  Title3,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeft20Regular, CalendarPerson24Regular, ChartMultiple24Regular, DataLine24Regular, DataScatter24Regular, DataTrending24Regular, DocumentText24Regular, TaskListLtr24Regular } from '@fluentui/react-icons';
import { WorkbookProvider } from './workbookContext';
import type { WorkbookPort } from '../workbook/port';
import type { ScreenId } from './screens/types';
import { GapAnalysisScreen } from './screens/GapAnalysisScreen';
import { InterventionScreen } from './screens/InterventionScreen';
import { ChecklistScreen } from './screens/ChecklistScreen';
import { TrendScreen } from './screens/TrendScreen';
import { TrustScreen } from './screens/TrustScreen';
import { OutcomesScreen } from './screens/OutcomesScreen';
import { PupilPremiumScreen } from './screens/PupilPremiumScreen';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100%',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  jobs: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  // Each job is a plain button drawn as a card: its name is the text it shows (title, then what it
  // does), and it holds nothing else that takes focus.
  card: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalM,
    width: '100%',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalM,
    textAlign: 'left',
    cursor: 'pointer',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow4,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, boxShadow: tokens.shadow8 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  cardIcon: { flexShrink: 0, color: tokens.colorBrandForeground1, display: 'flex' },
  cardText: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  privacy: { color: tokens.colorNeutralForeground3 },
});

interface Job {
  id: Exclude<ScreenId, 'home'>;
  title: string;
  description: string;
  icon: React.JSX.Element;
}

const JOBS: Job[] = [
  {
    id: 'gaps',
    title: 'Gap analysis',
    description: 'How far disadvantaged pupils (and SEND, EAL, other groups) are behind, subject by subject, with honest intervals for small groups.',
    icon: <ChartMultiple24Regular />,
  },
  {
    id: 'outcomes',
    title: 'Attendance and destinations',
    description: 'Attendance, persistent absence, suspensions and destinations of disadvantaged pupils against their peers, with long-term disadvantage shown apart.',
    icon: <CalendarPerson24Regular />,
  },
  {
    id: 'intervention',
    title: 'Intervention impact',
    description: "Did a Pupil Premium intervention work, for whom, and was it worth the cost? In the EEF's terms.",
    icon: <DataTrending24Regular />,
  },
  {
    id: 'trend',
    title: 'Gap trend',
    description: "Has the gap closed over the years? Each year's gap with its interval, the change, and a three-year pooled gap.",
    icon: <DataLine24Regular />,
  },
  {
    id: 'trust',
    title: 'Trust view',
    description: "Each school's disadvantaged pupils side by side on a funnel plot: the schools to learn from and those to support.",
    icon: <DataScatter24Regular />,
  },
  {
    id: 'checklist',
    title: 'Closing-the-gap checklist',
    description: "Review the school's work against the eleven-point leaders' checklist, with evidence and next steps.",
    icon: <TaskListLtr24Regular />,
  },
  {
    id: 'pupilPremium',
    title: 'Pupil Premium statement',
    description: "Draft the DfE strategy statement from this workbook's gap report, evaluations and checklist; re-draft without losing your edits.",
    icon: <DocumentText24Regular />,
  },
];

export interface AppProps {
  /** The workbook to work on (Excel, or the in-memory preview). */
  workbook: WorkbookPort;
  /** Screen to open first. Default 'home'. */
  initialScreen?: ScreenId;
}

export function App({ workbook, initialScreen = 'home' }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [screen, setScreen] = React.useState<ScreenId>(initialScreen);
  const headingRef = React.useRef<HTMLDivElement>(null);

  // Moving to another screen puts focus on its heading (screen readers announce it); opening the pane
  // does not, so no focus box sits on the heading at load.
  const opened = React.useRef(false);
  React.useEffect(() => {
    if (!opened.current) {
      opened.current = true;
      return;
    }
    headingRef.current?.focus();
  }, [screen]);

  const current = JOBS.find((j) => j.id === screen);

  return (
    <WorkbookProvider workbook={workbook}>
      <main className={styles.root} aria-label="Closing the Gap">
        <header className={styles.header}>
          {screen !== 'home' && (
            <Button icon={<ArrowLeft20Regular />} appearance="subtle" onClick={() => setScreen('home')} aria-label="Back to home">
              Home
            </Button>
          )}
          <div ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
            <Title3 as="h1">{current ? current.title : 'Closing the Gap'}</Title3>
          </div>
        </header>
        {screen === 'home' && (
          <nav className={styles.jobs} aria-label="What would you like to do?">
            <Subtitle1 as="h2">What would you like to do?</Subtitle1>
            {JOBS.map((job) => (
              <button key={job.id} type="button" className={styles.card} onClick={() => setScreen(job.id)} data-testid={`job-${job.id}`}>
                <span className={styles.cardIcon} aria-hidden="true">
                  {job.icon}
                </span>
                <span className={styles.cardText}>
                  <Body1>
                    <b>{job.title}</b>
                  </Body1>
                  <Caption1>{job.description}</Caption1>
                </span>
              </button>
            ))}
            <Caption1 className={styles.privacy}>
              Pupil data stays in this workbook: every calculation runs here and every report is written to a new sheet.
            </Caption1>
          </nav>
        )}
        {screen === 'gaps' && <GapAnalysisScreen navigate={setScreen} />}
        {screen === 'intervention' && <InterventionScreen navigate={setScreen} />}
        {screen === 'checklist' && <ChecklistScreen navigate={setScreen} />}
        {screen === 'trend' && <TrendScreen navigate={setScreen} />}
        {screen === 'trust' && <TrustScreen navigate={setScreen} />}
        {screen === 'outcomes' && <OutcomesScreen navigate={setScreen} />}
        {screen === 'pupilPremium' && <PupilPremiumScreen navigate={setScreen} />}
      </main>
    </WorkbookProvider>
  );
}
