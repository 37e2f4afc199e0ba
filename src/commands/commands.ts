/* global Office */

/**
 * The function file named in manifest.xml (FunctionFile → commands.html). StarScore's ribbon button
 * only opens the task pane (ShowTaskpane), so no command needs a function yet; `showTaskpane` is
 * registered so a later ExecuteFunction button or keyboard shortcut can use it.
 */

Office.onReady(() => {
  // Office.js is ready; nothing to initialise.
});

/** Opens the StarScore task pane (needs a shared runtime), then tells Office the command has finished. */
export async function showTaskpane(event?: Office.AddinCommands.Event): Promise<void> {
  try {
    await Office.addin.showAsTaskpane();
  } catch (error) {
    console.warn("StarScore: cannot open the task pane from a command", error);
  } finally {
    event?.completed();
  }
}

Office.actions.associate("showTaskpane", showTaskpane);
