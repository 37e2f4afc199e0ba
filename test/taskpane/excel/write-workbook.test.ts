import type { Assessment } from "../../../src/assessment/schema";
import { columnWidthPoints } from "../../../src/taskpane/excel/sheet-setup";
import {
  generateWorkbook,
  WorkbookExistsError,
  type GenerateResult,
} from "../../../src/taskpane/excel/write-workbook";
import { cellRef, columnIndex } from "../../../src/workbook/address";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { STYLES, type StyleSpec } from "../../../src/workbook/styles";
import type { CellSpec, SheetSpec, WorkbookLayout } from "../../../src/workbook/types";
import { FakeExcel, type FakeExcelOptions } from "../../fakes/fake-excel";
import type { FakeCell, FakeSheet } from "../../fakes/fake-model";
import { measureGenerate, requestFigures } from "../../fakes/measure";
import { assessmentWith } from "../../helpers/builders";

const MB = 1024 * 1024;

function layoutFor(evaluators: number, lang: "zh" | "en" = "zh", assessment?: Assessment): WorkbookLayout {
  return buildWorkbookLayout({ lang, assessment: assessment ?? assessmentWith({ evaluators }) });
}

async function generate(layout: WorkbookLayout, options: FakeExcelOptions = { apiVersion: "1.9" }) {
  const excel = new FakeExcel(options);
  await generateWorkbook(layout, excel.run, excel.supports);
  return excel;
}

function sheetOf(excel: FakeExcel, spec: SheetSpec): FakeSheet {
  const sheet = excel.model.sheet(spec.name);
  if (!sheet) throw new Error(`no sheet ${spec.name}`);
  return sheet;
}

/** What the fake's cell holds, in the layout's terms. */
function contentOf(cell: FakeCell | undefined): Pick<CellSpec, "value" | "formula"> {
  if (cell?.formula !== undefined) return { formula: cell.formula };
  if (cell?.value !== undefined) return { value: cell.value };
  return {};
}

function expectedContent(cell: CellSpec): Pick<CellSpec, "value" | "formula"> {
  if (cell.formula !== undefined) return { formula: cell.formula };
  if (cell.value === undefined || cell.value === null || cell.value === "") return {};
  return { value: cell.value };
}

describe.each([1, 10, 50, 200])("%i evaluators", (evaluators) => {
  let layout: WorkbookLayout;
  let excel: FakeExcel;
  let result: GenerateResult;

  beforeAll(async () => {
    layout = layoutFor(evaluators);
    excel = new FakeExcel({ apiVersion: "1.9" });
    result = await generateWorkbook(layout, excel.run, excel.supports);
  });

  test("one Excel.run, at most 3 syncs, nothing left unsynced", () => {
    expect(excel.syncs).toBeLessThanOrEqual(3);
    expect(excel.unsynced).toBe(0);
    expect(result).toEqual({ skipped: [] });
  });

  test("every request stays under 2 MB (Excel on the web allows 5 MB)", () => {
    const figures = requestFigures(excel);
    expect(figures.largestRequestBytes).toBeLessThanOrEqual(2 * MB);
  });

  test("the sheets, in layout order, after the workbook's own; the first one active", () => {
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1", ...layout.sheets.map((s) => s.name)]);
    expect(excel.model.activeSheet).toBe(layout.sheets[0]!.name);
  });

  test("every cell of the layout holds exactly its value or its A1 formula, and no other cell holds anything", () => {
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      const refs = new Set<string>();
      for (const cell of spec.cells) {
        refs.add(cell.ref);
        const actual = contentOf(sheet.peek(cell.ref));
        if (JSON.stringify(actual) !== JSON.stringify(expectedContent(cell))) {
          throw new Error(`${spec.name}!${cell.ref}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(cell)}`);
        }
      }
      const extra = [...sheet.cells].filter(
        ([ref, c]) => !refs.has(ref) && (c.value !== undefined || c.formula),
      );
      expect(extra.map(([ref]) => `${spec.name}!${ref}`)).toEqual([]);
    }
  });

  test("number formats and styles, cell by cell", () => {
    const mismatches: string[] = [];
    const check = (where: string, actual: unknown, expected: unknown) => {
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        mismatches.push(`${where}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
      }
    };
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      const styled = new Map(spec.cells.filter((c) => c.style).map((c) => [c.ref, STYLES[c.style!]]));
      for (const cell of spec.cells) {
        check(`${spec.name}!${cell.ref} number format`, sheet.peek(cell.ref)?.numberFormat, cell.numFmt);
      }
      // Every cell the writer touched, and every styled cell: its look is its style's, or Excel's default.
      for (const ref of new Set([...sheet.cells.keys(), ...styled.keys()])) {
        check(`${spec.name}!${ref}`, formatOf(sheet.peek(ref)), expectedFormat(styled.get(ref)));
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  test("unlocked cells are exactly the inputs, and the unlocked columns' cells the layout does not list", () => {
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      const unlocked = [...sheet.cells].filter(([, c]) => !c.locked).map(([ref]) => ref);
      const inputs = spec.cells.filter((c) => c.input).map((c) => c.ref);
      expect(unlocked.sort()).toEqual(inputs.sort());
      // Whole columns (the highlight store, the audit log's): their format unlocks every cell
      // but the ones the layout lists there, now and when the pane writes below them later.
      const open = spec.columns.filter((c) => c.unlocked).map((c) => columnIndex(c.col));
      const listed = new Set(spec.cells.map((c) => c.ref));
      const wrong: string[] = [];
      for (const column of open) {
        expect(sheet.columns.get(column)?.locked).toBe(false);
        for (let row = 1; row <= 600; row++) {
          const ref = cellRef(column, row);
          const locked = listed.has(ref) && !spec.cells.find((c) => c.ref === ref)!.input;
          if (sheet.isLocked(row, column) !== locked) wrong.push(`${spec.name}!${ref}`);
        }
      }
      expect(wrong).toEqual([]);
    }
    expect(layout.sheets.find((s) => s.key === "audit")!.columns.filter((c) => c.unlocked)).toHaveLength(4);
    expect(layout.sheets.find((s) => s.key === "rules")!.columns.filter((c) => c.unlocked)).toHaveLength(4);
  });

  test("column widths (points, same pixels as the .xlsx), hidden columns, row heights, merges, frozen panes", () => {
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      for (const column of spec.columns) {
        expect([column.col, sheet.columns.get(columnIndex(column.col))]).toEqual([
          column.col,
          {
            width: columnWidthPoints(column.width),
            ...(column.hidden && { hidden: true }),
            ...(column.unlocked && { locked: false }),
          },
        ]);
      }
      expect(sheet.columns.size).toBe(spec.columns.length);
      expect(Object.fromEntries(sheet.rowHeights)).toEqual(spec.rowHeights ?? {});
      expect([...sheet.merges].sort()).toEqual([...spec.merges].sort());
      expect(sheet.freeze).toEqual(spec.freeze);
    }
  });

  test("data validations", () => {
    for (const spec of layout.sheets) {
      expect(sheetOf(excel, spec).validations).toEqual(
        spec.validations.map((v) => ({
          range: v.range,
          rule:
            v.kind === "list"
              ? { list: { inCellDropDown: true, source: v.formula1 } }
              : v.kind === "custom"
                ? { custom: { formula: v.formula1 } }
                : { decimal: { operator: "Between", formula1: v.formula1, formula2: v.formula2 } },
          ignoreBlanks: v.allowBlank,
          errorAlert: { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error },
          ...(v.prompt && { prompt: { showPrompt: true, title: v.promptTitle, message: v.prompt } }),
        })),
      );
    }
  });

  test("list sources go to Excel in the documented string form (office-js#277: a Range failed on 1.8-era builds)", () => {
    const lists = excel.actions
      .filter((a) => a.Name === "rule")
      .map((a) => (a.ArgumentInfo.Arguments![0] as { list?: { source: unknown } }).list)
      .filter((list) => list !== undefined);
    const specs = layout.sheets.flatMap((s) => s.validations).filter((v) => v.kind === "list");
    expect(lists.length).toBe(specs.length);
    expect(lists.map((l) => l!.source)).toEqual(specs.map((v) => v.formula1));
    for (const list of lists) expect(list!.source).toMatch(/^='[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+$/);
  });

  test("every values, formulas, formulasR1C1 and numberFormat write to a range is a 2-D array", () => {
    // The fake applies a range's grid only when it is an array of the range's shape (requireGrid,
    // office-js-docs-reference#578): generate got here, so every one was. Chart axes take a string.
    const grids = excel.actions.filter((a) => ["values", "formulas", "formulasR1C1"].includes(a.Name));
    expect(grids.length).toBeGreaterThan(0);
    for (const action of grids) expect(Array.isArray(action.ArgumentInfo.Arguments![0])).toBe(true);
  });

  test("conditional formats, in the layout's priority order", () => {
    for (const spec of layout.sheets) {
      expect(sheetOf(excel, spec).conditionalFormats).toEqual(
        spec.conditionalFormats.map((cf) => ({
          range: cf.range,
          type: "Custom",
          formula: cf.formula,
          fill: `#${cf.fill}`,
          ...(cf.fontColor && { fontColor: `#${cf.fontColor}` }),
          ...(cf.stopIfTrue && { stopIfTrue: true }),
        })),
      );
    }
  });

  test("defined names", () => {
    expect(Object.fromEntries(excel.model.names)).toEqual(
      Object.fromEntries(layout.names.map((n) => [n.name, `=${n.ref}`])),
    );
  });

  test("the chart", () => {
    for (const spec of layout.sheets) {
      const charts = sheetOf(excel, spec).charts;
      if (!spec.chart) {
        expect(charts).toEqual([]);
        continue;
      }
      expect(charts).toEqual([
        expect.objectContaining({
          type: "BarClustered",
          source: spec.chart.values,
          title: spec.chart.title,
          legendVisible: false,
          series: expect.objectContaining({
            name: spec.chart.seriesName,
            xAxisValues: spec.chart.categories,
          }),
          position: { start: spec.chart.from, end: spec.chart.to },
        }),
      ]);
    }
  });

  test("sheet protection; filter buttons and page setup on an ExcelApi 1.9 host", () => {
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      expect(sheet.protection !== undefined).toBe(spec.protect);
      expect(sheet.autoFilter).toBe(spec.autoFilter);
      expect(sheet.pageLayout).toEqual({
        paperSize: "A4",
        orientation: spec.print.orientation === "landscape" ? "Landscape" : "Portrait",
        zoom: { horizontalFitToPages: 1, verticalFitToPages: spec.print.fitToHeight ? 1 : 0 },
        ...(spec.print.area && { printArea: spec.print.area }),
        ...(spec.print.titleRows && { printTitleRows: "$3:$4" }),
      });
    }
  });
});

describe("request size", () => {
  test("at 200 evaluators: at most 5 syncs, each request under 4 MB, in Excel on the web's limits", async () => {
    const large = await measureGenerate(layoutFor(200), { apiVersion: "1.9", platform: "web" });
    expect(large.syncs).toBeLessThanOrEqual(5);
    expect(large.largestRequestBytes).toBeLessThan(4 * MB);
  });

  test("the first request only reads names", async () => {
    const excel = await generate(layoutFor(3));
    const operations = excel.requests[0]!.actions.filter((a) => a.ActionType !== 1);
    expect(operations.map((a) => a.Name)).toEqual(["load:items/name", "load:items/name"]);
  });
});

describe("on an ExcelApi 1.8 host", () => {
  test("no feature above 1.8 is used, and everything else is written, in two syncs", async () => {
    const layout = layoutFor(5);
    // The fake fails any 1.9 call with ApiNotFound, as Excel does.
    const excel = new FakeExcel({ apiVersion: "1.8" });
    const result = await generateWorkbook(layout, excel.run, excel.supports);
    expect(result).toEqual({ skipped: ["autoFilter", "pageLayout"] });
    // The read, the workbook, and the optional part (frozen panes, activation) on its own.
    expect(excel.syncs).toBe(3);
    const names = new Set(excel.actions.map((a) => a.Name));
    for (const above of [
      "suspendScreenUpdatingUntilNextSync",
      "apply",
      "setPrintArea",
      "orientation",
      "zoom",
    ]) {
      expect(names.has(above)).toBe(false);
    }
    expect(names.has("suspendApiCalculationUntilNextSync")).toBe(true);
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      expect(sheet.autoFilter).toBeUndefined();
      expect(sheet.pageLayout).toEqual({});
      expect(sheet.validations).toHaveLength(spec.validations.length);
      expect(sheet.protection !== undefined).toBe(spec.protect);
    }
  });

  test("the fake itself rejects a 1.9 call on a 1.8 host", async () => {
    const excel = new FakeExcel({ apiVersion: "1.8" });
    const attempt = excel.run(async (context) => {
      context.application.suspendScreenUpdatingUntilNextSync();
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/ApiNotFound/);
  });
});

describe("never overwrites", () => {
  test.each([
    ["a sheet of the same language", [SHEET_NAMES.scoring.zh]],
    ["a sheet of the other language", ["Sheet1", SHEET_NAMES.summary.en]],
    ["a sheet named with other case", ["rules"]],
  ])("%s → WorkbookExistsError naming it, and nothing written", async (_, sheets) => {
    const layout = layoutFor(4, "zh");
    const excel = new FakeExcel({ apiVersion: "1.9", sheets });
    const attempt = generateWorkbook(layout, excel.run, excel.supports);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookExistsError);
    await attempt.catch((error: WorkbookExistsError) => {
      expect(error.sheets).toEqual(sheets.filter((s) => s !== "Sheet1"));
    });
    expect(excel.syncs).toBe(1);
    expect(excel.actions.every((a) => a.ActionType === 2 || a.ActionType === 1)).toBe(true);
    expect(excel.unsynced).toBe(0);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(sheets);
    expect(excel.model.sheets.every((s) => s.cells.size === 0)).toBe(true);
    expect(excel.model.names.size).toBe(0);
  });

  test("a defined name StarScore uses → WorkbookExistsError naming it, and nothing written", async () => {
    const layout = layoutFor(2, "en");
    const excel = new FakeExcel({ names: ["result_finalscore"] });
    const attempt = generateWorkbook(layout, excel.run, excel.supports);
    await expect(attempt).rejects.toBeInstanceOf(WorkbookExistsError);
    await expect(attempt).rejects.toMatchObject({ sheets: [], names: ["result_finalscore"] });
    expect(excel.syncs).toBe(1);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});

describe("a request that fails part-way", () => {
  test("is rolled back: the workbook is as it was, the error is passed on", async () => {
    const layout = layoutFor(3);
    let merges = 0;
    const excel = new FakeExcel({
      apiVersion: "1.9",
      failOn: (action) => action.Name === "merge" && ++merges === 5,
    });
    await expect(generateWorkbook(layout, excel.run, excel.supports)).rejects.toThrow(/injected failure/);
    expect(excel.model.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(excel.model.names.size).toBe(0);
    expect(excel.syncs).toBe(4);
  });
});

describe("a page setup the host refuses", () => {
  test("leaves the workbook standing, protected, and is reported as skipped", async () => {
    const layout = layoutFor(3);
    const excel = new FakeExcel({ apiVersion: "1.9", failOn: (action) => action.Name === "zoom" });
    await expect(generateWorkbook(layout, excel.run, excel.supports)).resolves.toEqual({
      skipped: ["freezePanes", "pageLayout"],
    });
    expect(excel.syncs).toBe(3);
    for (const spec of layout.sheets) {
      const sheet = sheetOf(excel, spec);
      expect(sheet.protection !== undefined).toBe(spec.protect);
      expect(sheet.cells.size).toBeGreaterThan(0);
    }
    expect(excel.model.names.size).toBe(layout.names.length);
  });
});

describe("user text is always text", () => {
  const tricky = ["=SUM(A1)", "0075", "TRUE", "'quoted", "+1", "-x", "1/2", "=1+1 ", "@A1"];

  test.each(tricky)("%p stays exactly that text", async (text) => {
    const assessment: Assessment = {
      ...assessmentWith({ evaluators: 2 }),
      organization: text,
      evaluators: [
        { name: text, kind: "auditor" },
        { name: "B", kind: "visit" },
      ],
      notes: { A1: text },
      deductions: [{ category: "law", description: text, rectification: text }],
    };
    const layout = layoutFor(2, "en", assessment);
    const excel = await generate(layout);
    const inputs = layout.sheets.flatMap((spec) =>
      spec.cells.filter((c) => c.value === text).map((c) => ({ spec, cell: c })),
    );
    expect(inputs.length).toBeGreaterThanOrEqual(5);
    for (const { spec, cell } of inputs) {
      const actual = sheetOf(excel, spec).peek(cell.ref);
      expect([spec.name, cell.ref, actual?.value, actual?.formula]).toEqual([
        spec.name,
        cell.ref,
        text,
        undefined,
      ]);
    }
  });
});

test("column widths: Excel's default column (stored 9.140625) is 64 pixels, 48 points", () => {
  expect(columnWidthPoints(9.140625)).toBe(48);
  expect(columnWidthPoints(22)).toBe(115.5);
});

/** The look of a fake cell, in a fixed key order (undefined properties drop out of the JSON). */
function formatOf(cell: FakeCell | undefined) {
  const sides = (["top", "bottom", "left", "right"] as const).filter((side) => cell?.borders[side]);
  return {
    fill: cell?.fill,
    bold: cell?.font.bold,
    italic: cell?.font.italic,
    size: cell?.font.size,
    fontColor: cell?.font.color,
    wrap: cell?.wrapText,
    horizontal: cell?.horizontalAlignment,
    vertical: cell?.verticalAlignment,
    borders: sides.map((side) => ({ side, ...cell!.borders[side] })),
  };
}

/** What a style looks like in Excel: the same shape as formatOf. */
function expectedFormat(style: StyleSpec | undefined): ReturnType<typeof formatOf> {
  const color = (rgb: string | undefined) => rgb && `#${rgb}`;
  return {
    fill: color(style?.fill),
    bold: style?.bold,
    italic: style?.italic,
    size: style?.size,
    fontColor: color(style?.fontColor),
    wrap: style?.wrap,
    horizontal: style?.horizontal && { left: "Left", center: "Center", right: "Right" }[style.horizontal],
    vertical: style?.vertical && { top: "Top", center: "Center" }[style.vertical],
    borders: style?.border
      ? (["top", "bottom", "left", "right"] as const).map((side) => ({
          side,
          style: "Continuous",
          weight: "Thin",
          color: "#BFBFBF",
        }))
      : [],
  };
}

describe("the active workbook switching during generate (excel-add-ins-troubleshooting)", () => {
  test("the frozen panes and activation are out of the mandatory write: the workbook stands", async () => {
    const excel = new FakeExcel({ apiVersion: "1.9" });
    const sync = excel.sync.bind(excel);
    // Another workbook comes to the front during the third request (freezeRows: GeneralException).
    excel.sync = (run) => {
      if (excel.syncs === 2) excel.switchWorkbook(1);
      return sync(run);
    };
    const result = await generateWorkbook(layoutFor(2), excel.run, excel.supports);
    expect(result.skipped).toContain("freezePanes");
    expect(excel.model.sheets.length).toBeGreaterThan(5);
  });

  test("a scalar over a multi-cell range is refused, as the typings (any[][]) and #578 say", async () => {
    const excel = new FakeExcel();
    const attempt = excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = 1 as unknown as [];
      await context.sync();
    });
    await expect(attempt).rejects.toThrow(/InvalidArgument: values of A1:B2 must be a 2D array/);
  });
});

describe("the Report sheet through Office.js (the same layout the ExcelJS writer writes)", () => {
  const assessment: Assessment = { ...assessmentWith({ evaluators: 3, deductions: 2 }), leadAuditor: "张三" };
  const layout = buildWorkbookLayout({ lang: "zh", assessment, report: true });
  const spec = layout.sheets.find((s) => s.key === "report")!;

  test("every cell as the layout has it; A4 portrait, one page wide, its print area and margins in points", async () => {
    const excel = await generate(layout);
    const sheet = sheetOf(excel, spec);
    expect(sheet.name).toBe(SHEET_NAMES.report.zh);
    for (const cell of spec.cells) {
      expect([cell.ref, contentOf(sheet.peek(cell.ref))]).toEqual([cell.ref, expectedContent(cell)]);
    }
    // Excel.PageLayout's margins are in points: the layout's inches × 72.
    expect(sheet.pageLayout).toEqual({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printArea: spec.print.area,
      margins: { top: 43.2, bottom: 43.2, left: 36, right: 36, header: 21.6, footer: 21.6 },
    });
  });

  test("on an ExcelApi 1.8 host no margin is set (they are ExcelApi 1.9), the sheet is still written", async () => {
    const excel = await generate(layout, { apiVersion: "1.8" });
    expect(sheetOf(excel, spec).pageLayout).toEqual({});
    expect(excel.actions.some((a) => /Margin$/.test(a.Name ?? ""))).toBe(false);
  });
});
