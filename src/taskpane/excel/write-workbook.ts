/* global Excel */
import type { SheetSpec, WorkbookLayout } from "../../workbook/types";
import { writeContent } from "./cell-content";
import { writeFormats } from "./cell-format";
import { writeChart } from "./chart";
import { WorkbookExistsError } from "./errors";
import { writeConditionalFormats, writeValidations } from "./guards";
import {
  officeApiSupport,
  type ApiSupport,
  type HostContext,
  type HostWorksheet,
  type RunBatch,
} from "./host";
import { PRINT_API, writeAutoFilter, writePageLayout } from "./print";
import { writeColumns, writeFreeze, writeMerges, writeRowHeights } from "./sheet-setup";
import { foldName as fold, isStarScoreSheet } from "../../workbook/sheet-names";

export { WorkbookExistsError } from "./errors";

/**
 * The add-in's "generate": the layout into the open workbook through Office.js, the twin of the
 * .xlsx writer (src/workbook/xlsx/write.ts). One Excel.run, whatever the number of evaluators:
 *
 * 1. read the workbook's sheet and defined names; if StarScore's are there, throw
 *    WorkbookExistsError having written nothing;
 * 2. the whole workbook as one request (well under Excel on the web's 5 MB at 200 evaluators,
 *    asserted in test/taskpane/excel), protection last;
 * 3. the optional part, on its own: frozen panes, the first sheet's activation and, on ExcelApi
 *    1.9 hosts, the page setup. Should it fail (another workbook in front, an old build's
 *    GeneralException), the workbook stands and the result says what is missing.
 *
 * Should step 2 fail part-way, what it wrote is removed again (two more syncs, on the failure path
 * only), so that a retry does not meet a half-written StarScore workbook.
 *
 * Features above ExcelApi 1.8 are used only where the host has them: suspending screen updating,
 * the filter buttons and the page setup (1.9).
 */
export async function generateWorkbook(
  layout: WorkbookLayout,
  run: RunBatch = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch)),
  supports: ApiSupport = officeApiSupport,
): Promise<GenerateResult> {
  return run(async (context) => {
    const { worksheets, names } = context.workbook;
    worksheets.load("items/name");
    names.load("items/name");
    await context.sync();
    const clash = findClash(
      layout,
      worksheets.items.map((s) => s.name),
      names.items.map((n) => n.name),
    );
    if (clash) throw clash;
    return writeLayout(context, layout, supports);
  });
}

/**
 * What replacing StarScore's sheets needs to know (the task pane's "add an evaluator" rebuilds the
 * workbook from what it read): the sheets and defined names to replace, every sheet name in the
 * workbook (to pick free temporary names), and the replaced names' formulas (to put back should
 * the request fail).
 */
export interface Replacement {
  sheets: readonly string[];
  names: readonly { name: string; formula: string }[];
  taken: readonly string[];
}

/**
 * Steps 2 and 3 of generateWorkbook inside a run the caller holds. With `replace`, the same request
 * first deletes the replaced names and renames the replaced sheets out of the way, writes the
 * layout, and deletes the renamed sheets last: the old sheets are gone only if everything else was
 * applied. Should the request fail part-way, the old sheets get their names back and the old names
 * their references (on the failure path only), so nothing that was read is lost.
 */
export async function writeLayout(
  context: HostContext,
  layout: WorkbookLayout,
  supports: ApiSupport,
  replace?: Replacement,
): Promise<GenerateResult> {
  const setAside = replace && queueSetAside(context, replace);
  // Should queueing throw, the run rejects before anything is sent.
  const sheets = queueWorkbook(context, layout, supports);
  for (const { sheet } of setAside ?? []) sheet.delete();
  try {
    await context.sync();
  } catch (error) {
    const undo = setAside
      ? undoReplace(context, layout, replace!, setAside)
      : removeWorkbook(context, layout);
    await undo.catch(() => undefined);
    throw error;
  }

  // The optional step, on its own: frozen panes and the first sheet's activation (both throw
  // GeneralException when another workbook gains focus meanwhile: excel-add-ins-troubleshooting,
  // and a GeneralException from freezeAt on an Excel 2019 build would otherwise fail the whole
  // generate), and the page setup where the host has it. Should it fail, the workbook stands.
  for (const { spec, sheet } of sheets) writeFreeze(sheet, spec);
  sheets.find(({ spec }) => !spec.hidden)?.sheet.activate();
  const print = supports(PRINT_API);
  if (print) for (const { spec, sheet } of sheets) writePageLayout(sheet, spec);
  const missing: GenerateResult["skipped"] = print ? [] : ["autoFilter", "pageLayout"];
  try {
    await context.sync();
    return { skipped: missing };
  } catch {
    return {
      skipped: [...new Set([...missing, "freezePanes" as const, ...(print ? ["pageLayout" as const] : [])])],
    };
  }
}

interface SetAside {
  name: string;
  temporary: string;
  sheet: HostWorksheet;
}

/** Queues the deletion of the replaced names and the renaming of the replaced sheets. */
function queueSetAside(context: HostContext, replace: Replacement): SetAside[] {
  const { worksheets, names } = context.workbook;
  for (const { name } of replace.names) names.getItemOrNullObject(name).delete();
  const taken = new Set(replace.taken.map(fold));
  return replace.sheets.map((name, i) => {
    let temporary = `StarScore old ${i + 1}`;
    for (let n = 2; taken.has(fold(temporary)); n++) temporary = `StarScore old ${i + 1}-${n}`;
    taken.add(fold(temporary));
    const sheet = worksheets.getItem(name);
    sheet.name = temporary;
    return { name, temporary, sheet };
  });
}

/** After a failed replacement: the new sheets out, the old sheets and names back. */
async function undoReplace(
  context: HostContext,
  layout: WorkbookLayout,
  replace: Replacement,
  setAside: readonly SetAside[],
): Promise<void> {
  const { worksheets, names } = context.workbook;
  const pairs = setAside.map(({ name, temporary }) => ({
    name,
    old: worksheets.getItemOrNullObject(temporary),
    current: worksheets.getItemOrNullObject(name),
  }));
  const newSheets = layout.sheets
    .filter((s) => !setAside.some((a) => fold(a.name) === fold(s.name)))
    .map((s) => worksheets.getItemOrNullObject(s.name));
  const ourNames = layout.names.map((n) => names.getItemOrNullObject(n.name));
  for (const item of [...pairs.flatMap((p) => [p.old, p.current]), ...newSheets, ...ourNames]) {
    item.load("isNullObject");
  }
  await context.sync();
  for (const { name, old, current } of pairs) {
    // Renamed: whatever now has its name is new. Not renamed: the sheet with its name is the old one.
    if (old.isNullObject) continue;
    if (!current.isNullObject) current.delete();
    old.name = name;
  }
  for (const sheet of newSheets) if (!sheet.isNullObject) sheet.delete();
  for (const item of ourNames) if (!item.isNullObject) item.delete();
  for (const { name, formula } of replace.names) names.add(name, formula);
  await context.sync();
}

/** Optional features that are not in the workbook, because the host lacks them or refused them. */
export interface GenerateResult {
  skipped: ("autoFilter" | "pageLayout" | "freezePanes")[];
}

/** StarScore's sheet names in both languages, and the layout's own names, against the workbook's. */
export function findClash(
  layout: WorkbookLayout,
  sheetNames: readonly string[],
  definedNames: readonly string[],
): WorkbookExistsError | undefined {
  const layoutSheets = new Set(layout.sheets.map((s) => fold(s.name)));
  const ourNames = new Set(layout.names.map((n) => fold(n.name)));
  // Excel compares sheet names and defined names without regard to case.
  const sheets = sheetNames.filter((name) => isStarScoreSheet(name) || layoutSheets.has(fold(name)));
  const names = definedNames.filter((name) => ourNames.has(fold(name)));
  return sheets.length > 0 || names.length > 0 ? new WorkbookExistsError(sheets, names) : undefined;
}

/** The whole workbook as one queued request; the sheets added, in layout order. */
function queueWorkbook(
  context: HostContext,
  layout: WorkbookLayout,
  supports: ApiSupport,
): { spec: SheetSpec; sheet: HostWorksheet }[] {
  context.application.suspendApiCalculationUntilNextSync();
  if (supports(PRINT_API)) context.application.suspendScreenUpdatingUntilNextSync();
  // Sheets first, so that the names can refer to them and the formulas to both.
  const sheets = layout.sheets.map((spec) => ({ spec, sheet: context.workbook.worksheets.add(spec.name) }));
  for (const { name, ref } of layout.names) context.workbook.names.add(name, `=${ref}`);
  for (const { spec, sheet } of sheets) queueSheet(sheet, spec, supports);
  // Protection last: nothing can be written to a protected sheet's locked cells.
  for (const { spec, sheet } of sheets) {
    if (spec.protect) sheet.protection.protect(PROTECTION);
  }
  return sheets;
}

function queueSheet(sheet: HostWorksheet, spec: SheetSpec, supports: ApiSupport): void {
  writeColumns(sheet, spec);
  writeContent(sheet, spec.cells);
  writeFormats(sheet, spec);
  writeRowHeights(sheet, spec);
  writeMerges(sheet, spec);
  writeValidations(sheet, spec);
  writeConditionalFormats(sheet, spec);
  if (supports(PRINT_API)) writeAutoFilter(sheet, spec);
  if (spec.chart) writeChart(sheet, spec.chart);
  if (spec.hidden) sheet.visibility = "Hidden";
}

/** What the .xlsx writer allows under protection: select anything, resize, filter and sort. */
export const PROTECTION: Excel.WorksheetProtectionOptions = {
  allowFormatColumns: true,
  allowFormatRows: true,
  allowAutoFilter: true,
  allowSort: true,
};

/** Removes whatever of the layout's sheets and names exist: only StarScore's, as step 1 showed. */
async function removeWorkbook(context: HostContext, layout: WorkbookLayout): Promise<void> {
  const { worksheets, names } = context.workbook;
  const found = [
    ...layout.names.map((n) => names.getItemOrNullObject(n.name)),
    ...layout.sheets.map((s) => worksheets.getItemOrNullObject(s.name)),
  ];
  for (const item of found) item.load("isNullObject");
  await context.sync();
  for (const item of found) if (!item.isNullObject) item.delete();
  await context.sync();
}
