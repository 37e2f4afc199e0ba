import ExcelJS from "exceljs";
import type { Assessment } from "../../../src/assessment/schema";
import { ActionError, ReferencesAtRiskError } from "../../../src/taskpane/actions/errors";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { FIRST_BODY_ROW } from "../../../src/workbook/scoring-grid";
import {
  REPORT_HELPER_COLUMN,
  REPORT_HELPER_ROWS,
  REPORT_SHEET_WORDS,
} from "../../../src/workbook/sheets/report";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { FakeSheet } from "../../fakes/fake-model";
import { assessmentWith } from "../../helpers/builders";
import { typeIn } from "../../fakes/fake-user";
import { entryRef, logRows, measured, plant, workbookOf } from "./fixture";

const ASSESSMENT: Assessment = {
  ...assessmentWith({ evaluators: 2, deductions: 2 }),
  organization: "某某电器有限公司",
  leadAuditor: "评价人1",
};

/** Every formula on a fake sheet, by cell. */
function formulasOf(sheet: FakeSheet, refs: readonly string[]): Record<string, string> {
  return Object.fromEntries(
    refs.flatMap((ref) => {
      const formula = sheet.peek(ref)?.formula;
      return formula === undefined ? [] : [[ref, formula]];
    }),
  );
}

/** The Report sheet's formulas as the ExcelJS (.xlsx) writer writes them for the same layout. */
async function xlsxFormulas(assessment: Assessment, lang: "zh" | "en"): Promise<Record<string, string>> {
  const layout = buildWorkbookLayout({ lang, assessment, report: true });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeXlsx(layout)) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(SHEET_NAMES.report[lang])!;
  const formulas: Record<string, string> = {};
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.formula) formulas[cell.address] = `=${cell.formula}`;
    }),
  );
  return formulas;
}

describe("report: the Report sheet added or refreshed from the pane", () => {
  test.each(["zh", "en"] as const)(
    "%s: added in one run of 3 syncs, its formulas the ExcelJS writer's, one audit-log row",
    async (lang) => {
      const wb = await workbookOf(ASSESSMENT, lang);
      const { result, runs, syncs } = await measured(wb.excel, () => wb.host.report("王组长"));
      expect([runs, syncs]).toEqual([1, 3]);
      expect(result).toMatchObject({ sheet: SHEET_NAMES.report[lang], refreshed: false });
      expect(result.model.organization).toBe("某某电器有限公司");
      expect(result.model.leadAuditor).toBe("评价人1");

      const sheet = wb.sheet("report");
      const expected = await xlsxFormulas(ASSESSMENT, lang);
      expect(Object.keys(expected).length).toBeGreaterThan(50);
      expect(formulasOf(sheet, Object.keys(expected))).toEqual(expected);
      expect(sheet.peek("A1")?.value).toBe(REPORT_SHEET_WORDS.title[lang]);
      expect(sheet.protection).toBeDefined();

      const log = logRows(wb.sheet("audit"));
      expect(log).toHaveLength(1);
      expect(log[0]!.slice(1)).toEqual(
        lang === "zh"
          ? ["王组长", "报告", `添加报告工作表：最终得分 ${result.model.finalScore}`]
          : ["王组长", "Report", `Report sheet added: final score ${result.model.finalScore}`],
      );
    },
    30_000,
  );

  test("refreshed: the state line follows the snapshot (finalised), the old sheet replaced, one sheet of the name", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    await wb.host.report("王组长");
    const stateRef = stateCell(wb.sheet("report"));
    expect(wb.sheet("report").peek(stateRef)?.value).toBe("草稿（未定稿）");

    // Finalising locks the inputs; the report is still made, no input sheet written.
    await wb.host.finalise("王组长");
    const scoring = JSON.stringify(wb.sheet("scoring"));
    // One more read sync than adding: the user's Sheet1 is searched for references to the sheet.
    const { result, runs, syncs } = await measured(wb.excel, () => wb.host.report("王组长"));
    expect([runs, syncs]).toEqual([1, 4]);
    expect(result.refreshed).toBe(true);
    expect(result.model.finalised).toBe(true);
    expect(JSON.stringify(wb.sheet("scoring"))).toBe(scoring);
    expect(String(wb.sheet("report").peek(stateRef)?.value)).toMatch(/^已定稿：王组长 /);
    expect(wb.excel.model.sheets.filter((s) => s.name.startsWith("StarScore old"))).toEqual([]);
    expect(logRows(wb.sheet("audit")).at(-1)![3]).toMatch(/^更新报告工作表：最终得分 /);
  }, 30_000);

  test("refused, nothing written: a sheet named 报告 that is the user's", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    const own = new FakeSheet("报告");
    wb.excel.model.sheets.push(own);
    plant(own, "B2", { text: "我的笔记" });
    const syncs = wb.excel.syncs;
    const refused = wb.host.report("王组长");
    await expect(refused).rejects.toBeInstanceOf(ActionError);
    await expect(refused).rejects.toMatchObject({
      localised: { zh: expect.stringContaining("不是 StarScore 的报告工作表（A1）") },
    });
    expect(wb.excel.syncs - syncs).toBe(1);
    expect(wb.excel.model.sheet("报告")!.peek("B2")?.value).toBe("我的笔记");
    expect(logRows(wb.sheet("audit"))).toHaveLength(0);
  }, 30_000);

  test("refused: StarScore's Report sheet with the user's own note beside it", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    await wb.host.report("王组长");
    plant(wb.sheet("report"), "I3", { text: "复印两份" });
    await expect(wb.host.report("王组长")).rejects.toMatchObject({ message: expect.stringContaining("I3") });
    expect(wb.sheet("report").peek("I3")?.value).toBe("复印两份");
  }, 30_000);

  test("a Report sheet from an earlier build (a helper formula on every row of column J) is StarScore's: refreshed, and an evaluator added", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    await wb.host.report("王组长");
    // The earlier build numbered every Scoring row with a reason, C8's (the last) among them.
    const last = REPORT_HELPER_ROWS;
    const earlier = `=IF(LEN('评分'!$G$${FIRST_BODY_ROW + last - 1})>0,MAX($J$1:$J$${last - 1})+1,"")`;
    wb.sheet("report").cell(last, 10).formula = earlier;
    const refreshed = await wb.host.report("王组长");
    expect(refreshed.refreshed).toBe(true);
    expect(wb.sheet("report").peek(`${REPORT_HELPER_COLUMN}${last}`)?.formula).toBeUndefined();
    wb.sheet("report").cell(last, 10).formula = earlier;
    await wb.host.addEvaluator({ name: "评价人3", kind: "auditor" }, { person: "王组长" });
    expect(wb.excel.model.sheets.filter((s) => s.name === "报告")).toHaveLength(1);
  }, 30_000);

  test("refused with ReferencesAtRiskError: the user's formula refers to the Report sheet", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    await wb.host.report("王组长");
    wb.excel.model.sheet("Sheet1")!.cell(1, 1).formula = "='报告'!C6";
    await expect(wb.host.report("王组长")).rejects.toBeInstanceOf(ReferencesAtRiskError);
    expect(wb.excel.model.sheet("Sheet1")!.peek("A1")?.formula).toBe("='报告'!C6");
  }, 30_000);
});

describe("a rebuild keeps the Report sheet", () => {
  test("add an evaluator: the Report sheet is rewritten for three evaluators, not lost", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    await wb.host.report("王组长");
    await wb.host.addEvaluator({ name: "评价人3", kind: "auditor" }, { person: "王组长" });
    const three: Assessment = {
      ...ASSESSMENT,
      evaluators: [...ASSESSMENT.evaluators, { name: "评价人3", kind: "auditor" }],
      scores: Object.fromEntries(Object.entries(ASSESSMENT.scores).map(([k, v]) => [k, [...v, null]])),
    };
    const expected = await xlsxFormulas(three, "zh");
    expect(formulasOf(wb.sheet("report"), Object.keys(expected))).toEqual(expected);
    expect(JSON.stringify(formulasOf(wb.sheet("report"), Object.keys(expected)))).not.toContain("#REF!");
    expect(wb.excel.model.sheets.filter((s) => s.name === "报告")).toHaveLength(1);
  }, 30_000);

  test.each(["zh", "en"] as const)(
    "add an evaluator or merge: a sheet of the user's named 报告 / Report is refused, not replaced (%s)",
    async (lang) => {
      const wb = await workbookOf(ASSESSMENT, lang);
      const own = new FakeSheet(SHEET_NAMES.report[lang]);
      wb.excel.model.sheets.push(own);
      plant(own, "A1", { text: lang === "zh" ? "我的报告" : "My report" });
      const syncs = wb.excel.syncs;
      const refused = wb.host.addEvaluator({ name: "评价人3", kind: "auditor" }, { person: "王组长" });
      await expect(refused).rejects.toBeInstanceOf(ActionError);
      await expect(refused).rejects.toMatchObject({
        localised: {
          zh: expect.stringContaining(
            `名为“${SHEET_NAMES.report[lang]}”的工作表，但它不是 StarScore 的报告工作表`,
          ),
        },
      });
      // The first read only: nothing written, the user's sheet as it was, no column added.
      expect(wb.excel.syncs - syncs).toBe(1);
      expect(own.peek("A1")?.value).toBe(lang === "zh" ? "我的报告" : "My report");
      expect(wb.excel.model.sheets.filter((s) => s.name === SHEET_NAMES.report[lang])).toEqual([own]);
      const other = await writeXlsx(buildWorkbookLayout({ lang, assessment: ASSESSMENT }));
      await expect(
        wb.host.merge([{ name: "b.xlsx", data: other }], { person: "王组长" }),
      ).rejects.toMatchObject({
        localised: { en: expect.stringContaining("that is not StarScore's Report sheet (A1)") },
      });
      expect(own.peek("A1")?.value).toBe(lang === "zh" ? "我的报告" : "My report");
    },
    30_000,
  );
});

/** The cell of the state line (定稿状态): the one right of its label. */
function stateCell(sheet: FakeSheet): string {
  for (let row = 1; row < 40; row++) {
    if (sheet.peek(`A${row}`)?.value === REPORT_SHEET_WORDS.state.zh) return `C${row}`;
  }
  throw new Error("no state line");
}

describe("reportModel: the .docx's model, read as the workbook is now", () => {
  test("one run, one sync, nothing written; an entry changed after Report shows in it", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    const { model: atReport } = await wb.host.report("王组长");
    const before = wb.excel.actions.length;
    const same = await measured(wb.excel, () => wb.host.reportModel());
    expect([same.runs, same.syncs]).toEqual([1, 1]);
    expect(same.result).toEqual(atReport);
    const sent = wb.excel.actions.slice(before);
    expect(sent.filter((a) => a.ActionType === 3 || a.ActionType === 4)).toEqual([]);

    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 0);
    const now = await wb.host.reportModel();
    expect(now.finalScore).not.toBe(atReport.finalScore);
    expect(now.organization).toBe("某某电器有限公司");
  });

  test("an entry that cannot be read: refused with its cell, as the Report sheet is", async () => {
    const wb = await workbookOf(ASSESSMENT, "zh");
    plant(wb.sheet("scoring"), entryRef("B2", 1, 2), { text: "很好" });
    await expect(wb.host.reportModel()).rejects.toMatchObject({
      issues: [expect.objectContaining({ cell: `'评分'!${entryRef("B2", 1, 2)}` })],
    });
  });
});
