/**
 * Ribbon commands. The only button opens the task pane (a ShowTaskpane action in the manifest), so
 * this entry just tells Office the shared runtime is ready.
 */
Office.onReady(() => {
  // Nothing else to register: the ribbon button is declarative.
});
