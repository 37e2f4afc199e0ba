import type { SheetKey } from "../../workbook/types";
import type { HostContext } from "../excel/host";
import { queueStoreRead, readStore, type Store } from "./highlights";
import { errorCode } from "./run";
import {
  PAYLOAD_TOO_LARGE,
  queueSheetReads,
  readInParts,
  takeSnapshot,
  type SheetReads,
  type WorkbookSnapshot,
} from "./sheets";

/**
 * An action's first request: StarScore's sheets (sheets.ts), the remembered highlights
 * (highlights.ts) and whatever else the action queues (`also`), in one sync.
 *
 * The request asks after each sheet in both languages and reaches through the missing one's null
 * object to its used range and protection, which Office.js answers with null objects. Should a
 * host refuse that instead, the request is made again the plain way: the sheet names first, then
 * only the sheets there are (one more sync, on such hosts only; the reads change nothing).
 *
 * Each sheet is read within READ_AREA (sheets.ts), which keeps every range under Excel's
 * 5,000,000-cell read limit. StarScore's largest workbook (200 evaluators, every note 2,000
 * characters) answers in well under Excel on the web's 5 MB (test/taskpane/actions/limits.test.ts);
 * should a workbook's answer be larger still (cells of 30,000 characters, say), Excel on the web
 * refuses it, and the request is made again with the sheets' addresses only, their cells then read
 * in bands of rows (sheets.ts readInParts): more syncs, on such workbooks only. The actions' own
 * second request (the write) comes after, as ever.
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
  } catch (error) {
    if (errorCode(error) === PAYLOAD_TOO_LARGE) return attempt(context, grids, also, undefined, true);
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
  inParts = false,
): Promise<Loaded<T>> {
  const reads = queueSheetReads(context, grids, present, inParts);
  const store = queueStoreRead(reads);
  const after = also(reads);
  await context.sync();
  if (inParts) await readInParts(context, reads);
  return { snapshot: takeSnapshot(reads), store: readStore(store), also: after() };
}
