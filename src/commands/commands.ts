/**
 * Ribbon commands. The only button opens the task pane (a ShowTaskpane action in the manifest), so
 * this entry, loaded in the shared runtime's page, just waits for Office to be ready. If Office.js
 * could not load (no connection to Microsoft's CDN, or a plain browser) there is nothing to register
 * and the task pane page explains the situation itself.
 */
if (typeof Office !== 'undefined') {
  Office.onReady(() => {
    // Nothing else to register: the ribbon button is declarative.
  });
}
export {};
