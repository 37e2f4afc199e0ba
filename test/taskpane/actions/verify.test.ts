import { ActionError } from "../../../src/taskpane/actions/errors";
import { cellRef } from "../../../src/workbook/address";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { scoringColumns } from "../../../src/workbook/scoring-grid";
import { resultRow } from "../../../src/workbook/sheets/summary";
import { assessmentWith } from "../../helpers/builders";
import { typeIn } from "../../fakes/fake-user";
import { entryRef, logRows, measured, plant, rowOf, workbookOf } from "./fixture";

const MB = 1024 * 1024;
const FINAL = `C${resultRow("finalScore")}`;
const GRADE = `C${resultRow("grade")}`;

describe("verify in the pane: one Excel.run, one sync, nothing written", () => {
  const figures: string[] = [];
  afterAll(() => console.log(`verify (ExcelApi 1.8 fake):\n${figures.join("\n")}`));

  it.each([1, 10, 50, 200])(
    "%i evaluators: a workbook as the pane wrote it has no findings",
    async (n) => {
      const wb = await workbookOf(assessmentWith({ evaluators: n, deductions: 2, bonus: [0.5] }));
      const before = wb.excel.actions.length;
      const m = await measured(wb.excel, () => wb.host.verify());
      expect(m.result).toEqual([]);
      expect([m.runs, m.syncs]).toEqual([1, 1]);
      // Reading only: loads, no method that changes the workbook, no property set.
      const sent = wb.excel.actions.slice(before);
      expect(sent.filter((a) => a.ActionType === 3 || a.ActionType === 4)).toEqual([]);
      expect(sent.filter((a) => a.ActionType === 2).length).toBeGreaterThan(0);
      expect(Math.max(...m.responseBytes)).toBeLessThan(5 * MB);
      figures.push(
        `  ${n} evaluators: ${m.syncs} sync, request ${m.bytes.join("+")} B, response ${m.responseBytes.join("+")} B`,
      );
    },
    60_000,
  );

  it("an English workbook, with exclusions: no findings", async () => {
    const wb = await workbookOf(
      assessmentWith({
        evaluators: 3,
        exclusions: { "5.2.6": "No recycling" },
        fill: (code) => (code.startsWith("B2") ? null : 75),
      }),
      "en",
    );
    expect(await wb.host.verify()).toEqual([]);
  });
});

describe("verify in the pane: what it finds", () => {
  it("a value typed over the final score's formula: that cell, as a link to select", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    plant(wb.sheet("summary"), FINAL, { number: 85 });
    const before = wb.excel.actions.length;
    const m = await measured(wb.excel, () => wb.host.verify());
    expect(m.syncs).toBe(1);
    expect(m.result).toEqual([
      {
        cell: `'汇总'!${FINAL}`,
        what: "Result_FinalScore",
        sheetValue: "85",
        engineValue: expect.stringMatching(/^=ROUND\(ROUND\(MAX\(0,MIN\(Rule_Total,/),
        code: "formula-overwritten",
        message: {
          zh: expect.stringMatching(
            new RegExp(`^汇总!${FINAL}（Result_FinalScore）：公式被替换为值“85”；应为公式 =ROUND`),
          ),
          en: expect.stringMatching(
            new RegExp(`^汇总!${FINAL} \\(Result_FinalScore\\): the formula was replaced by the value "85"`),
          ),
        },
      },
    ]);
    expect(wb.excel.actions.slice(before).filter((a) => a.ActionType === 3 || a.ActionType === 4)).toEqual(
      [],
    );
  });

  it("B3's points changed, an item's score overwritten, Result_Grade deleted: each, with its cell", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const c = scoringColumns(2);
    const points = cellRef(c.points, rowOf("B3"));
    const score = cellRef(c.score, rowOf("C1"));
    plant(wb.sheet("scoring"), points, { number: 4 });
    plant(wb.sheet("scoring"), score, { number: 2 });
    wb.excel.model.names.delete("Result_Grade");
    const found = await wb.host.verify();
    expect(found.map((i) => [i.code, i.cell])).toEqual([
      ["catalogue-changed", `'评分'!${points}`],
      ["formula-overwritten", `'评分'!${score}`],
      ["name-missing", `'汇总'!${GRADE}`],
    ]);
    expect(found[0]).toMatchObject({ what: "B3 分值", sheetValue: "4", engineValue: "1" });
  });

  it("a workbook it cannot read: the problems with their cells", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    plant(wb.sheet("info"), "B9", { number: 3 });
    const error = await wb.host.verify().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).issues.map((i) => [i.code, i.cell])).toEqual([
      ["workbook-unreadable", "'封面'!B9"],
    ]);
  });

  it("a host that will not reach through a missing sheet: asks again after listing the sheets", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { nullObjects: "refuse" });
    plant(wb.sheet("summary"), FINAL, { number: 85 });
    const m = await measured(wb.excel, () => wb.host.verify());
    expect(m.result.map((i) => [i.code, i.cell])).toEqual([["formula-overwritten", `'汇总'!${FINAL}`]]);
    // The refused request, the list of sheets, the request again.
    expect([m.runs, m.syncs]).toEqual([1, 3]);
  });
});

describe("verify in Excel's manual calculation mode", () => {
  it("says the workbook is in manual calculation and reports no stale value as a difference; formula edits still count", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    wb.excel.model.calculationMode = "Manual";
    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 50);
    const stale = await wb.host.verify();
    expect(stale.map((f) => f.code)).toEqual(["manual-calculation"]);
    // An edited formula is a finding whatever the mode: it is the formula's text, not its result.
    const summary = wb.sheet("summary");
    const ref = `C${resultRow("finalScore")}`;
    summary.peek(ref)!.formula = "=85";
    const edited = await wb.host.verify();
    expect(edited.map((f) => f.code)).toEqual(["manual-calculation", "formula-changed"]);
    wb.excel.model.calculationMode = "Automatic";
    expect((await wb.host.verify()).map((f) => f.code)).toContain("value-differs");
  });
});

describe("verify on the user's behalf (issue 11, point 9)", () => {
  it.each(["1.8", "1.20"])(
    "ExcelApi %s: given the person, the check is logged with its count, and the log's cells are written without lifting protection",
    async (apiVersion) => {
      const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { apiVersion });
      plant(wb.sheet("summary"), GRADE, { text: "五星级" });
      const before = logRows(wb.sheet("audit")).length;
      const found = await wb.host.verify("王组长");
      expect(found.length).toBeGreaterThan(0);
      const rows = logRows(wb.sheet("audit"));
      expect(rows).toHaveLength(before + 1);
      expect(rows.at(-1)!.slice(1)).toEqual(["王组长", "完整性检查", `发现 ${found.length} 处问题`]);
      // Layout 4: the log's cells are unlocked, so no sheet's protection was lifted for the row.
      expect(wb.excel.actions.some((a) => /unprotect/i.test(JSON.stringify(a)))).toBe(false);
      // The next logged action goes below it.
      await wb.host.setEntry(`'评分'!${entryRef("B1", 0, 2)}`, 70, "王组长");
      expect(logRows(wb.sheet("audit")).map((r) => r[2])).toEqual([
        ...rows.slice(0, -1).map((r) => r[2]),
        "完整性检查",
        "录入评分",
      ]);
    },
  );
});

describe("verify in the pane: the Report sheet, as `starscore verify` checks it", () => {
  const ASSESSMENT = assessmentWith({ evaluators: 2, deductions: 1 });

  it("a Report sheet the pane wrote has no findings, before and after finalisation", async () => {
    const wb = await workbookOf(ASSESSMENT);
    await wb.host.report("王组长");
    expect(await wb.host.verify()).toEqual([]);
    await wb.host.finalise("王组长");
    await wb.host.report("王组长");
    expect(await wb.host.verify()).toEqual([]);
  });

  it("a value typed over one of its formulas: that cell, as a link to select, in the same one sync", async () => {
    const wb = await workbookOf(ASSESSMENT);
    await wb.host.report("王组长");
    const spec = buildWorkbookLayout({ lang: "zh", assessment: ASSESSMENT, report: true }).sheets.find(
      (s) => s.key === "report",
    )!;
    const ref = spec.cells.find((c) => c.formula !== undefined && c.ref.startsWith("C"))!.ref;
    plant(wb.sheet("report"), ref, { number: 99 });
    const m = await measured(wb.excel, () => wb.host.verify());
    expect(m.syncs).toBe(1);
    expect(m.result).toEqual([
      expect.objectContaining({ cell: `'报告'!${ref}`, code: "formula-overwritten", sheetValue: "99" }),
    ]);
  });
});
