import { scoreAssessment } from "../../../src/core/score";
import { toResultJson } from "../../../src/core/report";
import { ActionError } from "../../../src/taskpane/actions/errors";
import { columnLetter } from "../../../src/workbook/address";
import { TEXT } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { scoringColumns } from "../../../src/workbook/scoring-grid";
import {
  ENGINE_CHECK,
  RESULT_FIELDS,
  resultRow,
  SUMMARY_HEADER_ROW,
  summaryRows,
} from "../../../src/workbook/sheets/summary";
import { STYLES } from "../../../src/workbook/styles";
import { assessmentWith, deduction } from "../../helpers/builders";
import { typeIn } from "../../fakes/fake-user";
import { recalculate } from "../../fakes/fake-values";
import { entryRef, markOf, measured, plant, readBack, rowOf, swapRows, workbookOf } from "./fixture";

const MB = 1024 * 1024;

describe("compute: one Excel.run, at most 2 syncs, whatever the number of evaluators", () => {
  const figures: string[] = [];
  afterAll(() => console.log(`compute (ExcelApi 1.8 fake):\n${figures.join("\n")}`));

  it.each([1, 10, 50, 200])(
    "%i evaluators",
    async (n) => {
      const assessment = assessmentWith({
        evaluators: n,
        fill: (code, k) => (code === "A1" && k > 0 ? null : 85),
      });
      const wb = await workbookOf(assessment);
      const m = await measured(wb.excel, () => wb.host.compute());
      expect([m.runs, m.syncs]).toEqual([1, 2]);
      expect(Math.max(...m.bytes)).toBeLessThan(2 * MB);
      expect(Math.max(...m.responseBytes)).toBeLessThan(2 * MB);
      expect(m.result.integrity).toEqual([]);
      expect(m.result.issues).toEqual([]);
      const scoring = scoreAssessment(assessment);
      expect(m.result.result).toEqual({
        zh: toResultJson(assessment, scoring, "zh"),
        en: toResultJson(assessment, scoring, "en"),
      });
      expect(m.result.result.zh.gradeLabel).toBe("三星级");
      expect(m.result.result.en.gradeLabel).toBe("Three-star");
      expect(wb.excel.unsynced).toBe(0);
      figures.push(
        `  ${n} evaluators: ${m.syncs} syncs, request ${m.bytes.join("+")} B, response ${m.responseBytes.join("+")} B`,
      );
    },
    60_000,
  );
});

describe("compute: the engine check", () => {
  it("writes the engine's figures, as values, beside the live ones; the sheet stays protected", async () => {
    const assessment = assessmentWith({
      evaluators: 3,
      fill: (code, k) => (code.startsWith("B") ? [70, 85, 95][k]! : code === "C2" ? null : 80),
      exclusions: { "5.2.6": "不涉及废弃商品" },
      deductions: 2,
      bonus: [0.5],
    });
    const wb = await workbookOf(assessment);
    const { result, integrity } = await wb.host.compute();
    expect(integrity).toEqual([]);
    const summary = wb.sheet("summary");
    const layout = buildWorkbookLayout({ lang: "zh", assessment, scoring: scoreAssessment(assessment) });
    const cached = new Map(
      layout.sheets.find((s) => s.key === "summary")!.cells.map((c) => [c.ref, c.cached]),
    );
    const { rows, totalRow } = summaryRows();
    const { indicatorColumn: g, resultColumn: d } = ENGINE_CHECK;
    expect(summary.peek(`${g}${SUMMARY_HEADER_ROW}`)?.value).toBe(TEXT.engineCheck.zh);
    expect(summary.peek(`${d}${resultRow("rawScore") - 1}`)?.value).toBe(TEXT.engineCheck.zh);
    for (const row of [...rows.map((r) => r.row), totalRow]) {
      expect([row, summary.peek(`${g}${row}`)?.value]).toEqual([row, cached.get(`E${row}`)]);
      expect(summary.peek(`${g}${row}`)?.formula).toBeUndefined();
    }
    for (const field of RESULT_FIELDS) {
      const want = cached.get(`C${resultRow(field)}`);
      const got = summary.peek(`${d}${resultRow(field)}`)?.value;
      expect([field, got ?? ""]).toEqual([field, want]);
    }
    expect(summary.peek(`${d}${resultRow("finalScore")}`)?.value).toBe(result.zh.finalScore);
    expect(summary.peek(`${d}${resultRow("grade")}`)?.value).toBe(result.zh.gradeLabel);
    expect(summary.protection).toBeDefined();
  });
});

describe("compute: where the sheet and the engine disagree", () => {
  it("a value typed over Result_FinalScore's formula: an integrity issue naming '汇总'!C…, highlighted until the formula is back", async () => {
    const assessment = assessmentWith({ evaluators: 2 });
    const wb = await workbookOf(assessment);
    const summary = wb.sheet("summary");
    const ref = `C${resultRow("finalScore")}`;
    const formula = summary.peek(ref)!.formula!;
    plant(summary, ref, { number: 85 });

    const { integrity, result, issues } = await wb.host.compute();
    expect(issues).toEqual([]);
    expect(result.zh.finalScore).toBe(80);
    expect(integrity).toEqual([
      { cell: `'汇总'!${ref}`, what: "Result_FinalScore", sheetValue: "85", engineValue: "80" },
    ]);
    expect(markOf(wb.excel, summary, ref)).toBe("error");

    // The formula typed back in (and computed by Excel): nothing to report, the cell's own look back.
    summary.peek(ref)!.formula = formula;
    summary.peek(ref)!.result = 80;
    delete summary.peek(ref)!.value;
    const again = await wb.reload().compute();
    expect(again.integrity).toEqual([]);
    expect(summary.peek(ref)?.fill).toBe(`#${STYLES.grade.fill}`);
  });

  it("an item's score overwritten on a sorted Scoring sheet: named by its code and column, at its cell", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2, fill: (code) => (code === "B3" ? 60 : 80) }));
    const scoring = wb.sheet("scoring");
    const c = scoringColumns(2);
    swapRows(scoring, rowOf("B3"), rowOf("A10"), c.last);
    // B3 (1 point, 60 %) now sits on A10's row.
    const ref = `${columnLetter(c.score)}${rowOf("A10")}`;
    expect(scoring.peek(ref)?.result).toBe(0.6);
    plant(scoring, ref, { number: 3 });
    const { integrity } = await wb.host.compute();
    expect(integrity).toEqual([
      { cell: `'评分'!${ref}`, what: "B3 得分", sheetValue: "3", engineValue: "0.6" },
    ]);
    expect(markOf(wb.excel, scoring, ref)).toBe("error");
  });

  it("issues are the validate issues, and the result scores bad cells as blank", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2, deductions: [deduction(1)] }));
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { text: "８０" });
    plant(wb.sheet("scoring"), entryRef("B2", 1, 2), { number: 82 });
    const { issues, result } = await wb.host.compute();
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["entry-number-as-text", `'评分'!${entryRef("B1", 0, 2)}`],
      ["entry-off-step", `'评分'!${entryRef("B2", 1, 2)}`],
    ]);
    expect(result.en.items.find((i) => i.code === "B1")!.entries).toBe(1);
    expect(result.en.deductions).toBe(1);
  });

  it("refuses a workbook it cannot read, with the problems and their cells", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    plant(wb.sheet("info"), "B9", { number: 3 });
    const error = await wb.host.compute().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).issues.map((i) => [i.code, i.cell])).toEqual([
      ["workbook-unreadable", "'封面'!B9"],
    ]);
  });
});

describe('compute in Excel\'s manual calculation mode (excel-add-ins-workbooks, "Set calculation mode")', () => {
  it("stale formula results are not compared with the engine, and the pane says the workbook is in manual calculation", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    wb.excel.model.calculationMode = "Manual";
    // The user types an entry; in Manual, Excel leaves every formula's result as it was.
    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 50);
    const { integrity, issues, result } = await wb.host.compute();
    expect(integrity).toEqual([]);
    expect(issues.map((i) => [i.code, i.severity])).toEqual([["manual-calculation", "warning"]]);
    expect(issues[0]!.message.en).toMatch(/manual calculation/);
    // The score shown is the engine's, from the entry as it is now.
    const now = readBack(wb.excel).assessment;
    expect(result.zh).toEqual(toResultJson(now, scoreAssessment(now), "zh"));
    // The same stale results, read as if Excel were calculating: every one would be a false finding.
    wb.excel.model.calculationMode = "Automatic";
    expect((await wb.host.compute()).integrity.length).toBeGreaterThan(0);
    // Once Excel has recalculated (F9), nothing is found.
    expect(recalculate(wb.excel)).toBe(true);
    expect((await wb.host.compute()).integrity).toEqual([]);
  });
});
