import { readFileSync } from "node:fs";
import path from "node:path";
import { GUARDED_MEMBERS, HOST_TYPES, MANIFEST_EXCEL_API } from "../../../src/taskpane/excel/api-sets";
import { analyse, check, parseRequirement, type Problem, type Surface } from "../../helpers/api-surface";

/**
 * Every Office.js member the task pane uses, with its requirement set from @types/office-js,
 * against manifest.xml's base set and the guards declared in src/taskpane/excel/api-sets.ts (see
 * test/helpers/api-surface.ts for how members and guards are found). Office installs the add-in
 * only where the manifest's <Requirements> are supported ("Specify Office applications and API
 * requirements with the add-in only manifest", learn.microsoft.com/office/dev/add-ins/develop/
 * specify-office-hosts-and-api-requirements): anything above them must be checked at run time
 * ("Check for API availability at runtime", …/develop/specify-api-requirements-runtime).
 */

jest.setTimeout(120_000);

const root = path.resolve(__dirname, "../../..");

let surface: Surface;
beforeAll(() => {
  surface = analyse({ hostTypes: HOST_TYPES });
});

const lines = (problems: Problem[]) => problems.map((p) => p.message).join("\n");

describe("the add-in's Office.js members against their requirement sets", () => {
  test("manifest.xml requires the base set api-sets.ts declares", () => {
    const manifest = readFileSync(path.join(root, "manifest.xml"), "utf8");
    const sets = [...manifest.matchAll(/<Set Name="(\w+)" MinVersion="([\d.]+)"\s*\/>/g)];
    expect(sets.map((m) => [m[1], m[2]])).toEqual([["ExcelApi", MANIFEST_EXCEL_API]]);
  });

  test("every Host* interface in host.ts maps, member by member, onto an Excel type", () => {
    expect(surface.unmatched).toEqual([]);
    // An interface the walk does not reach from HOST_TYPES would escape the check: add it there.
    expect(surface.declaredHostTypes.filter((name) => !surface.reachedHostTypes.has(name))).toEqual([]);
    expect(surface.hostMembers.get("HostWorksheet.autoFilter")).toEqual(["Excel.Worksheet.autoFilter"]);
    expect(surface.hostMembers.get("HostRangeFormat.borders.getItem().style")).toEqual([
      "Excel.RangeBorder.style",
    ]);
    // Array elements: worksheets.items' { name, visibility } are Excel.Worksheet's.
    expect(surface.hostMembers.get("HostWorksheetCollection.items[].visibility")).toEqual([
      "Excel.Worksheet.visibility",
    ]);
  });

  test("the analysis sees the code's Office.js members, each with its [Api set] tag", () => {
    const tags = new Map(surface.uses.map((u) => [u.member, u.tag]));
    expect(tags.size).toBeGreaterThan(100);
    expect(tags.get("Excel.Worksheet.getRange")).toBe("[Api set: ExcelApi 1.1]");
    expect(tags.get("Excel.Range.dataValidation")).toBe("[Api set: ExcelApi 1.8]");
    expect(tags.get("Excel.Worksheet.pageLayout")).toBe("[Api set: ExcelApi 1.9]");
    expect(tags.get("Excel.WorksheetProtectionOptions.allowSort")).toBe("[Api set: ExcelApi 1.2]");
    // Office's common API: members the typings put in no set need no guard.
    expect(tags.has("Office.onReady")).toBe(true);
    expect(tags.get("Office.RequirementSetSupport.isSetSupported")).toBeUndefined();
  });

  test("every member above the manifest's set is listed, its guard reaches the set, and every use is under it", () => {
    expect(lines(check(surface, GUARDED_MEMBERS, MANIFEST_EXCEL_API))).toBe("");
  });

  test("a guard below the member's set, and a line for a member no longer used, fail", () => {
    const problems = check(
      surface,
      { ...GUARDED_MEMBERS, "Excel.Worksheet.autoFilter": "1.8", "Excel.Worksheet.showGridlines": "1.8" },
      MANIFEST_EXCEL_API,
    );
    expect(problems.map((p) => [p.kind, p.member])).toEqual([
      ["guard-below-set", "Excel.Worksheet.autoFilter"],
      ["stale", "Excel.Worksheet.showGridlines"],
    ]);
  });
});

describe("[Api set] tags", () => {
  test.each([
    ["[Api set: ExcelApi 1.9]", "ExcelApi", "1.9"],
    ["[Api set: ExcelApi 1.20]", "ExcelApi", "1.20"],
    // A qualified tag counts at its highest version: reads and writes are not told apart.
    ["[Api set: ExcelApi 1.1 for get, 1.8 for set]", "ExcelApi", "1.8"],
    ["[Api set: ExcelApi 1.1 for reading visibility; 1.2 for setting it.]", "ExcelApi", "1.2"],
    ["[Api set: ExcelApi 1.9, ExcelApi Preview for null `destinationRange`]", "ExcelApi", "1.9"],
    ["[Api set: Mailbox 1.1]", "Mailbox", "1.1"],
    ["**Requirement set**: {@link https://learn.microsoft.com/x | Settings}", "Settings", "1.1"],
    ["**Requirement set**: {@link https://learn.microsoft.com/x | DialogApi 1.2}", "DialogApi", "1.2"],
    [
      "**Requirement sets**:\n * - {@link https://x | Selection}\n * - {@link https://y | TextCoercion}",
      "Selection",
      "1.1",
    ],
  ])("%j → %s %s", (doc, set, version) => {
    expect(parseRequirement(doc)?.requirement).toEqual({ set, version });
  });

  test("no tag, or 'Not in a set': no requirement", () => {
    expect(parseRequirement("Executes a batch script")).toBeUndefined();
    expect(parseRequirement("**Requirement set**: {@link https://x | Not in a set}")).toBeUndefined();
  });
});

/**
 * The checker on code written to break it. Each line the check must flag ends in
 * `// ✗ kind Member`; nothing else may be flagged, so every other form here counts as guarded.
 * host.ts gets additions the way the adapter would add members: one merged into HostApplication
 * (reached from HostContext), a new root, HostCaseRunOptions, and an interface nothing leads to.
 */
describe("the check fails on unguarded uses above the base set", () => {
  const HOST_ADDITIONS = `
export interface HostApplication {
  /** ExcelApi 1.1 for get, 1.8 for set: within the base set. */
  calculationMode: "Automatic" | "AutomaticExceptTables" | "Manual";
}
export interface HostCaseRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}
export interface HostCaseOrphan {
  showGridlines: boolean;
}
`;
  const CASES = `
/* global Office */
import type { ApiSupport, HostCaseRunOptions, HostContext, HostWorksheet } from "../excel/host";
import { PRINT_API } from "../excel/print";

export function unguarded(sheet: HostWorksheet): void {
  sheet.autoFilter.apply("A1:B2"); // ✗ unguarded Excel.Worksheet.autoFilter ✗ unguarded Excel.AutoFilter.apply
}

export function guardTooLow(context: HostContext, supports: ApiSupport): void {
  if (supports("1.8")) context.application.suspendScreenUpdatingUntilNextSync(); // ✗ unguarded Excel.Application.suspendScreenUpdatingUntilNextSync
}

export function wrongBranch(sheet: HostWorksheet, supports: ApiSupport): void {
  if (supports(PRINT_API)) return;
  sheet.pageLayout.paperSize = "A4"; // ✗ unguarded Excel.Worksheet.pageLayout ✗ unguarded Excel.PageLayout.paperSize
}

/** Called from guarded code once and from unguarded code once. */
function helper(sheet: HostWorksheet): void {
  sheet.pageLayout.setPrintArea("A1:B2"); // ✗ unguarded Excel.Worksheet.pageLayout ✗ unguarded Excel.PageLayout.setPrintArea
}
export function callsHelper(sheet: HostWorksheet, supports: ApiSupport): void {
  if (supports(PRINT_API)) helper(sheet);
  helper(sheet);
}

export function notListed(sheet: Excel.Worksheet): void {
  sheet.getRanges("A1, C3"); // ✗ unlisted Excel.Worksheet.getRanges
}

export function newHostMembers(context: HostContext): HostCaseRunOptions {
  context.application.calculationMode = "Automatic";
  return { delayForCellEdit: true, mergeUndoGroup: true }; // ✗ unguarded Excel.RunOptions.mergeUndoGroup
}

export function otherSets(): unknown {
  Office.context.document.getActiveViewAsync(() => undefined); // ✗ unlisted Office.Document.getActiveViewAsync
  return (Office.context as unknown as { ui?: { closeContainer(): void } }).ui?.closeContainer(); // ✗ unlisted Office.UI.closeContainer
}

// Guarded, each its own way: nothing below may be flagged.
export function guarded(context: HostContext, sheet: HostWorksheet, supports: ApiSupport): void {
  if (supports(PRINT_API)) sheet.autoFilter.apply("A1:B2");
  if (supports("1.10")) sheet.pageLayout.orientation = "Landscape";
  if (!supports(PRINT_API)) {
    sheet.getRange("A1").values = [[1]];
  } else {
    sheet.pageLayout.paperSize = "A4";
  }
  void (supports(PRINT_API) && sheet.pageLayout.setPrintArea("A1:B2"));
  const page = supports(PRINT_API) ? sheet.pageLayout : undefined;
  void page;
  const canPrint = supports(PRINT_API);
  if (canPrint && sheet.visibility === "Visible") sheet.pageLayout.setPrintTitleRows("$1:$2");
  [sheet].forEach((s) => {
    if (supports(PRINT_API)) s.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  });
  if (Office.context.requirements.isSetSupported("ExcelApi", "1.9")) {
    context.application.suspendScreenUpdatingUntilNextSync();
  }
  printSetup(sheet, supports);
  if (supports(PRINT_API)) guardedHelper(sheet);
}
function printSetup(sheet: HostWorksheet, supports: ApiSupport): void {
  if (!supports(PRINT_API)) return;
  sheet.pageLayout.paperSize = "A4";
}
function guardedHelper(sheet: HostWorksheet): void {
  const later = () => sheet.autoFilter.apply("A1:B2");
  later();
}
`;
  const CASES_FILE = "src/taskpane/__api_cases__/cases.ts";
  let cases: Surface;
  beforeAll(() => {
    const host = readFileSync(path.join(root, "src/taskpane/excel/host.ts"), "utf8");
    cases = analyse({
      hostTypes: { ...HOST_TYPES, HostCaseRunOptions: "Excel.RunOptions" },
      extraFiles: { "src/taskpane/excel/host.ts": host + HOST_ADDITIONS, [CASES_FILE]: CASES },
      scan: ["src/taskpane/__api_cases__"],
    });
  });

  test("the flagged lines, and only those", () => {
    const expected = CASES.split("\n").flatMap((text, i) =>
      [...text.matchAll(/✗ (\w[\w-]*) ([\w.]+)/g)].map((m) => `${i + 1} ${m[1]} ${m[2]}`),
    );
    expect(expected.length).toBeGreaterThan(8);
    const found = check(cases, GUARDED_MEMBERS, MANIFEST_EXCEL_API).filter((p) => p.kind !== "stale");
    expect(found.every((p) => p.file === CASES_FILE)).toBe(true);
    expect(found.map((p) => `${p.line} ${p.kind} ${p.member}`).sort()).toEqual(expected.sort());
  });

  test("a member added to a Host* interface is mapped without a table entry", () => {
    expect(cases.hostMembers.get("HostApplication.calculationMode")).toEqual([
      "Excel.Application.calculationMode",
    ]);
    const use = cases.uses.find((u) => u.member === "Excel.Application.calculationMode");
    expect(use?.tag).toBe("[Api set: ExcelApi 1.1 for get, 1.8 for set]");
  });

  test("a Host* interface nothing leads to is named", () => {
    expect(cases.declaredHostTypes.filter((name) => !cases.reachedHostTypes.has(name))).toEqual([
      "HostCaseOrphan",
    ]);
  });
});
