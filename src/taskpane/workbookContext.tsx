/**
 * Gives every screen the workbook it works on, without any screen knowing whether that is Excel
 * (Office.js) or the in-memory preview: screens call `useWorkbook()` and use the `WorkbookPort`.
 */
import * as React from 'react';
import type { WorkbookPort } from '../workbook/port';

const WorkbookContext = React.createContext<WorkbookPort | null>(null);

export interface WorkbookProviderProps {
  /** The workbook the task pane works on. */
  workbook: WorkbookPort;
  children?: React.ReactNode;
}

export function WorkbookProvider({ workbook, children }: WorkbookProviderProps): React.JSX.Element {
  return <WorkbookContext.Provider value={workbook}>{children}</WorkbookContext.Provider>;
}

/** The current workbook. Throws if a screen is rendered outside a `WorkbookProvider`. */
export function useWorkbook(): WorkbookPort {
  const wb = React.useContext(WorkbookContext);
  if (!wb) throw new Error('useWorkbook() needs a <WorkbookProvider> above it');
  return wb;
}
