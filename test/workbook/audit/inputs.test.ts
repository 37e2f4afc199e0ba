import { parseRef } from "../../../src/workbook/address";
import { inputCells, rangesOf } from "../../../src/workbook/audit/inputs";
import { layoutSheetView } from "../../../src/workbook/integrity/view";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { readWorkbookGrids } from "../../../src/workbook/read/workbook";
import { assessmentWith } from "../../helpers/builders";

describe("the input cells finalise locks", () => {
  it.each([1, 3, 30])("are the layout's unlocked cells, %i evaluator(s), either language", (n) => {
    for (const lang of ["zh", "en"] as const) {
      const assessment = assessmentWith({ evaluators: n, deductions: 2, bonus: [0.5] });
      const layout = buildWorkbookLayout({ lang, assessment });
      const read = readWorkbookGrids((name) => {
        const spec = layout.sheets.find((s) => s.name === name);
        return spec && layoutSheetView(spec);
      }, lang);
      if (!read.ok) throw new Error(read.errors.join("\n"));
      const cells = inputCells(read);
      for (const key of ["info", "scoring", "special"] as const) {
        const expected = layout.sheets
          .find((s) => s.key === key)!
          .cells.filter((c) => c.input)
          .map((c) => parseRef(c.ref));
        const key2 = (p: { row: number; column: number }) => `${p.row}:${p.column}`;
        expect(new Set(cells[key].map(key2))).toEqual(new Set(expected.map(key2)));
      }
    }
  });
});

describe("rangesOf", () => {
  it("joins runs of cells into rectangles", () => {
    const cells = [
      ...[5, 6, 7].flatMap((row) => [8, 9, 10].map((column) => ({ row, column }))),
      { row: 9, column: 8 },
      { row: 3, column: 2 },
      { row: 3, column: 4 },
    ];
    expect(rangesOf(cells)).toEqual(["B3", "D3", "H5:J7", "H9"]);
    expect(rangesOf([])).toEqual([]);
  });
});
