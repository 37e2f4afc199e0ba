import { scoreAssessment } from "../../../src/core/score";
import { cellRef } from "../../../src/workbook/address";
import { checkAgainstEngine, type ValueDifference } from "../../../src/workbook/integrity/engine";
import { loadXlsxView } from "../../../src/workbook/integrity/exceljs-view";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { scoringColumns } from "../../../src/workbook/scoring-grid";
import { resultRow } from "../../../src/workbook/sheets/summary";
import type { WorkbookLayout } from "../../../src/workbook/types";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith } from "../../helpers/builders";
import { edited, generated, rowOf, sortScoring } from "./helpers";

const TWO = assessmentWith({ evaluators: 2, fill: (code, k) => (code === "B3" ? [60, 90][k]! : 80) });
const LAYOUT: WorkbookLayout = buildWorkbookLayout({
  lang: "zh",
  assessment: TWO,
  scoring: scoreAssessment(TWO),
});
const FINAL = `C${resultRow("finalScore")}`;

/** The engine check of a saved workbook against the layout built with the engine's figures. */
async function differences(data: Buffer, layout: WorkbookLayout = LAYOUT): Promise<ValueDifference[]> {
  const loaded = await loadXlsxView(data);
  if (!loaded.ok) throw new Error(loaded.error.en);
  const nameOf = (key: string) => layout.sheets.find((s) => s.key === key)!.name;
  return checkAgainstEngine(layout, (key) => loaded.view.sheet(nameOf(key)));
}

describe("checkAgainstEngine: the figures the sheet shows against the engine's", () => {
  it("a workbook as generated (its cached values are the engine's): no difference, sorted or not", async () => {
    const data = await generated(TWO);
    expect(await differences(data)).toEqual([]);
    const sorted = await edited(data, (_, sheet) => sortScoring(sheet("scoring"), 2));
    expect(await differences(sorted)).toEqual([]);
  });

  it("a value typed over Result_FinalScore: that cell, what it shows and what the engine computes", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      sheet("summary").getCell(FINAL).value = 12.5;
    });
    const engine = LAYOUT.sheets.find((s) => s.key === "summary")!.cells.find((c) => c.ref === FINAL)!.cached;
    expect(await differences(data)).toEqual([
      { sheet: "汇总", ref: FINAL, what: "Result_FinalScore", found: "12.5", expected: String(engine) },
    ]);
  });

  it("an item's score on a sorted sheet: found on the row the item moved to", async () => {
    const c = scoringColumns(2);
    const data = await edited(await generated(TWO), (_, sheet) => {
      sortScoring(sheet("scoring"), 2);
      const ws = sheet("scoring");
      const row = ws.getColumn(1).values.findIndex((v) => v === "B3");
      ws.getCell(cellRef(c.score, row)).value = { formula: "1+1", result: 2 };
    });
    const found = await differences(data);
    expect(found.map((d) => [d.sheet, d.what, d.found])).toContainEqual(["评分", "B3 得分", "2"]);
    expect(found.find((d) => d.what === "B3 得分")!.ref).not.toBe(cellRef(c.score, rowOf("B3")));
  });

  it("a file written without cached values has nothing to compare", async () => {
    const data = await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: TWO }));
    expect(await differences(data)).toEqual([]);
  });
});
