/**
 * Task pane entry inside Excel. With the shared runtime this page also hosts the custom functions.
 * Outside Office (a plain browser) `Office.onReady` resolves with no host: the page then says where
 * the preview is instead of failing.
 */
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

Office.onReady((info) => {
  if (info.host === Office.HostType.Excel) {
    mount(<App workbook={new ExcelWorkbook()} />);
  } else {
    mount(
      <p style={{ padding: 16 }}>
        Closing the Gap runs inside Excel. To try it without Excel, open <a href="preview.html">the preview</a>.
      </p>,
    );
  }
});
