import type { Lang, Localised } from "../../spec/types";
import type { Grid } from "../read/grid";
import { MESSAGES } from "../read/messages";
import { INVALID, parseCompiled } from "../../assessment/compiled-parser";
import { assembleWorkbook, failure, type ReadResult } from "../read/assemble";
import { foldName } from "../sheet-names";
import { inspectPackage, isDate1904, SHARED_STRINGS_PART, STYLES_PART, workbookSheets } from "./package";
import { isCompoundFile, isZip } from "./signature";
import { dateStylesOf, sharedStringsOf, worksheetGrid, type SheetContext } from "./xml-grid";

export { isCompoundFile, isZip } from "./signature";

export type { ReadResult } from "../read/assemble";

/**
 * The .xlsx reader: a StarScore workbook back into its assessment file. It reads the user's inputs
 * (Info, the Scoring entries, notes and exclusions, the Special tables), never the formulas' results,
 * so the assessment is what the user typed and the engine scores it afresh. It never throws: a file
 * that is not a workbook, not a StarScore one, damaged or built to exhaust the reader (see
 * ./limits.ts and ./package.ts) gives messages in the user's language.
 *
 * The package is checked and unzipped by ./package.ts; each sheet the readers ask for is parsed
 * from its XML when first asked (./xml-grid.ts), the others never.
 */
export async function readXlsx(data: Uint8Array, lang: Lang): Promise<ReadResult> {
  const fail = (errors: Localised[]): ReadResult => failure(errors, lang);
  if (isCompoundFile(data)) return fail([MESSAGES.legacyXls()]);
  if (!isZip(data)) return fail([MESSAGES.notXlsx()]);
  try {
    const checked = await inspectPackage(data);
    if (!checked.ok) return fail([checked.message]);
    const { parts } = checked;
    const worksheets = workbookSheets(parts);
    let context: SheetContext | undefined;
    // Excel's sheet names ignore case: "scoring" is the Scoring sheet.
    const byName = new Map<string, { name: string; part: string }>();
    for (const ws of worksheets) {
      const key = foldName(ws.name);
      if (!byName.has(key)) byName.set(key, ws);
    }
    const grids = new Map<string, Grid>();
    const sheet = (name: string) => {
      const ws = byName.get(foldName(name));
      if (!ws) return undefined;
      let grid = grids.get(ws.part);
      if (!grid) {
        context ??= {
          sharedStrings: sharedStringsOf(parts.get(SHARED_STRINGS_PART)),
          dateStyles: dateStylesOf(parts.get(STYLES_PART)),
          date1904: isDate1904(parts),
        };
        grid = worksheetGrid(ws.name, parts.get(ws.part)!, context);
        grids.set(ws.part, grid);
      }
      return grid;
    };
    const read = assembleWorkbook(sheet, lang, { sheetNames: worksheets.map((ws) => ws.name) });
    if (!read.ok) return read;
    // Checked against the schema by its compiled parser; zod (a tenth of a second to load) only
    // for an assessment the parser refuses, to say why (docs/performance.md).
    const assessment = parseCompiled(read.assessment);
    if (assessment !== INVALID) return { ...read, assessment };
    const { checkAgainstSchema } = await import("../read/workbook");
    return checkAgainstSchema(read, lang);
  } catch (error) {
    // A part that is not well-formed XML, or a workbook shaped in a way no reader foresaw: still a
    // message, never a stack trace.
    return fail([MESSAGES.unreadable(detail(error))]);
  }
}

function detail(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // The XML parser may quote a whole line of the file: keep the message short.
  return text.length > 200 ? `${text.slice(0, 197)}…` : text;
}
