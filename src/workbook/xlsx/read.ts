import ExcelJS from "exceljs";
import type { Lang, Localised } from "../../spec/types";
import type { Grid } from "../read/grid";
import { MESSAGES } from "../read/messages";
import { failure, readWorkbookGrids, type ReadResult } from "../read/workbook";
import { excelJsGrid } from "./exceljs-grid";
import { inspectPackage } from "./package";
import { foldName } from "../sheet-names";
import { isCompoundFile, isZip } from "./signature";

export { isCompoundFile, isZip } from "./signature";

export type { ReadResult } from "../read/workbook";

/**
 * The .xlsx reader: a StarScore workbook back into its assessment file. It reads the user's inputs
 * (Info, the Scoring entries, notes and exclusions, the Special tables), never the formulas' results,
 * so the assessment is what the user typed and the engine scores it afresh. It never throws: a file
 * that is not a workbook, not a StarScore one, damaged or built to exhaust the reader (see
 * ./limits.ts and ./package.ts) gives messages in the user's language.
 */
export async function readXlsx(data: Uint8Array, lang: Lang): Promise<ReadResult> {
  const fail = (errors: Localised[]): ReadResult => failure(errors, lang);
  if (isCompoundFile(data)) return fail([MESSAGES.legacyXls()]);
  if (!isZip(data)) return fail([MESSAGES.notXlsx()]);
  try {
    const checked = await inspectPackage(data);
    if (!checked.ok) return fail([checked.message]);
    const workbook = new ExcelJS.Workbook();
    try {
      // A Uint8Array: ExcelJS hands it to JSZip.loadAsync, which takes one in Node and in the browser.
      await workbook.xlsx.load(checked.data as unknown as ExcelJS.Buffer);
    } catch (error) {
      return fail([MESSAGES.unreadable(detail(error))]);
    }
    const worksheets = workbook.worksheets.filter((ws) => ws !== undefined && typeof ws.name === "string");
    // Excel's sheet names ignore case: "scoring" is the Scoring sheet.
    const byName = new Map<string, ExcelJS.Worksheet>();
    for (const ws of worksheets) {
      const key = foldName(ws.name);
      if (!byName.has(key)) byName.set(key, ws);
    }
    const grids = new Map<ExcelJS.Worksheet, Grid>();
    const sheet = (name: string) => {
      const ws = byName.get(foldName(name));
      if (ws && !grids.has(ws)) grids.set(ws, excelJsGrid(ws));
      return ws && grids.get(ws);
    };
    return readWorkbookGrids(sheet, lang, { sheetNames: worksheets.map((ws) => ws.name) });
  } catch (error) {
    // A workbook shaped in a way no reader foresaw: still a message, never a stack trace.
    return fail([MESSAGES.unreadable(detail(error))]);
  }
}

function detail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // ExcelJS and the XML parser may quote a whole line of the file: keep the message short.
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
