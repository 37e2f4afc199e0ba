import type { SheetKey } from "../../workbook/types";
import type { HostContext } from "../excel/host";
import { queueStoreRead, readStore, type Store } from "./highlights";
import { queueSheetReads, takeSnapshot, type SheetReads, type WorkbookSnapshot } from "./sheets";

/**
 * An action's first request: StarScore's sheets (sheets.ts), the remembered highlights
 * (highlights.ts) and whatever else the action queues (`also`), in one sync.
 *
 * The request asks after each sheet in both languages and reaches through the missing one's null
 * object to its used range and protection, which Office.js answers with null objects. Should a
 * host refuse that instead, the request is made again the plain way: the sheet names first, then
 * only the sheets there are (one more sync, on such hosts only; the reads change nothing).
 */
export interface Loaded<T> {
  snapshot: WorkbookSnapshot;
  store: Store;
  also: T;
}

export async function loadWorkbook<T = undefined>(
  context: HostContext,
  grids: readonly SheetKey[],
  also: (reads: SheetReads) => () => T = () => () => undefined as T,
): Promise<Loaded<T>> {
  try {
    return await attempt(context, grids, also);
  } catch {
    const { worksheets } = context.workbook;
    worksheets.load("items/name");
    await context.sync();
    return attempt(
      context,
      grids,
      also,
      worksheets.items.map((s) => s.name),
    );
  }
}

async function attempt<T>(
  context: HostContext,
  grids: readonly SheetKey[],
  also: (reads: SheetReads) => () => T,
  present?: readonly string[],
): Promise<Loaded<T>> {
  const reads = queueSheetReads(context, grids, present);
  const store = queueStoreRead(reads);
  const after = also(reads);
  await context.sync();
  return { snapshot: takeSnapshot(reads), store: readStore(store), also: after() };
}
