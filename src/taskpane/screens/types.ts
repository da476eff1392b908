/** The task pane's screens, and what every screen receives from the shell. */
export type ScreenId = 'home' | 'gaps' | 'intervention' | 'checklist' | 'outcomes' | 'trend' | 'trust' | 'pupilPremium';

export interface ScreenProps {
  /** Move to another screen (e.g. the checklist offering to run a gap analysis). */
  navigate: (screen: ScreenId) => void;
}
