import type { SheetKey } from "../../workbook/types";
import {
  TRIGGER_SOURCE_API,
  type ApiSupport,
  type HostChangedEventArgs,
  type HostContext,
  type HostEventRegistration,
  type RunBatch,
} from "../excel/host";
import { foldName as fold, sheetNamesOf } from "../../workbook/sheet-names";

/** Excel.run(context, batch): a batch on the context of an earlier run. */
export type RunIn = <T>(context: HostContext, batch: (context: HostContext) => Promise<T>) => Promise<T>;

/**
 * Worksheet events (ExcelApi 1.7) on StarScore's sheets as the workbook has them: one run lists
 * the sheets (sync 1) and adds a handler to each (sync 2). The listener is called after Excel has
 * applied the change; its errors are swallowed, as Excel would. Unsubscribing removes the handlers
 * in the context they were added in (Excel.run(context, …)), in the background.
 *
 * Which changes reach the listener: this user's own edits only.
 * - A co-author's edit (Excel on the web, one workbook open by two) arrives with `source:
 *   "Remote"` ("Events and coauthoring", learn.microsoft.com/office/dev/add-ins/excel/
 *   excel-add-ins-events): it is not a reason for this pane to react, and two panes reacting to each
 *   other's changes would fight.
 * - This add-in's own writes raise the event too ("Event triggers": "Office Add-in (JavaScript)
 *   code that changes the workbook"); from ExcelApi 1.14 they say so (`triggerSource:
 *   "ThisLocalAddin"`) and are dropped. On older hosts they pass, harmlessly: the reactions
 *   (auto-validation) only read, so a reaction never sets off another.
 */
export async function subscribe(
  run: RunBatch,
  runIn: RunIn,
  supports: ApiSupport,
  keys: readonly SheetKey[],
  event: "onChanged" | "onSelectionChanged",
  listener: () => void,
): Promise<() => void> {
  const knowsTrigger = supports(TRIGGER_SOURCE_API);
  const { context, registrations } = await run(async (context) => {
    const { worksheets } = context.workbook;
    worksheets.load("items/name");
    await context.sync();
    const wanted = new Set(sheetNamesOf(keys).map(fold));
    const handler = async (args?: HostChangedEventArgs) => {
      if (args?.source === "Remote") return;
      if (knowsTrigger && args?.triggerSource === "ThisLocalAddin") return;
      try {
        listener();
      } catch {
        // A listener's failure is its own; Excel would drop it too.
      }
    };
    const registrations: HostEventRegistration[] = worksheets.items
      .filter((s) => wanted.has(fold(s.name)))
      .map((s) => worksheets.getItem(s.name)[event].add(handler));
    await context.sync();
    return { context, registrations };
  });
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    void runIn(context, async (ctx) => {
      for (const registration of registrations) registration.remove();
      await ctx.sync();
    }).catch(() => undefined);
  };
}
