/**
 * Task pane entry inside Excel. With the shared runtime this page also hosts the custom functions.
 * Outside Office (a plain browser) `Office.onReady` resolves with no host, and when office.js cannot
 * load at all (no connection to Microsoft's CDN) there is no `Office`: either way the page says what
 * happened and where the preview is, instead of staying blank.
 */
import './polyfills';
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { ExcelWorkbook } from '../office/excelWorkbook';

function mount(content: React.JSX.Element): void {
  const container = document.getElementById('container');
  if (!container) return;
  createRoot(container).render(<FluentProvider theme={webLightTheme}>{content}</FluentProvider>);
}

function OutsideExcel({ officeMissing }: { officeMissing: boolean }): React.JSX.Element {
  return (
    <div data-testid="outside-excel" style={{ padding: 16, fontFamily: 'Segoe UI, sans-serif', lineHeight: 1.4 }}>
      <p style={{ marginTop: 0 }}>
        <strong>Closing the Gap runs inside Excel.</strong>
      </p>
      {officeMissing ? (
        <p>
          Office.js, which Excel add-ins load from Microsoft (appsforoffice.microsoft.com), could not be loaded. Inside Excel, check the
          internet connection and reopen the task pane.
        </p>
      ) : (
        <p>This page was opened outside Excel.</p>
      )}
      <p>
        To try it without Excel, open <a href="preview.html">the preview</a>.
      </p>
    </div>
  );
}

if (typeof Office === 'undefined') {
  mount(<OutsideExcel officeMissing />);
} else {
  Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) mount(<App workbook={new ExcelWorkbook()} />);
    else mount(<OutsideExcel officeMissing={false} />);
  });
}
