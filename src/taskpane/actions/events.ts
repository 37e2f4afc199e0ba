import type { SheetKey } from "../../workbook/types";
import type { HostContext, HostEventRegistration, RunBatch } from "../excel/host";
import { foldName as fold, sheetNamesOf } from "../../workbook/sheet-names";

/** Excel.run(context, batch): a batch on the context of an earlier run. */
export type RunIn = <T>(context: HostContext, batch: (context: HostContext) => Promise<T>) => Promise<T>;

/**
 * Worksheet events (ExcelApi 1.7) on StarScore's sheets as the workbook has them: one run lists
 * the sheets (sync 1) and adds a handler to each (sync 2). The listener is called after Excel has
 * applied the change; its errors are swallowed, as Excel would. Unsubscribing removes the handlers
 * in the context they were added in (Excel.run(context, …)), in the background.
 *
 * The change event is subscribed on the input sheets only (Info, Scoring, Special): the pane's own
 * writes go to the Summary (engine check) and the Rules sheet (remembered highlights), so reacting
 * to a change never sets off another.
 */
export async function subscribe(
  run: RunBatch,
  runIn: RunIn,
  keys: readonly SheetKey[],
  event: "onChanged" | "onSelectionChanged",
  listener: () => void,
): Promise<() => void> {
  const { context, registrations } = await run(async (context) => {
    const { worksheets } = context.workbook;
    worksheets.load("items/name");
    await context.sync();
    const wanted = new Set(sheetNamesOf(keys).map(fold));
    const handler = async () => {
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
