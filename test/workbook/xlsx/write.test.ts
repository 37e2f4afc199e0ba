/**
 * What the .xlsx writer puts in the file's XML, where readers other than Excel are strict about it.
 * The whole package is validated against the ISO/IEC 29500 transitional schemas in
 * test/engine-proof/schema.test.ts (xmllint) and opened with openpyxl in test/engine-proof/openpyxl.test.ts.
 */
import JSZip from "jszip";
import { scoreAssessment } from "../../../src/core/score";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { SPECIAL_LAYOUT } from "../../../src/workbook/sheets/special";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { columnIndex } from "../../../src/workbook/address";
import { assessmentWith } from "../../helpers/builders";

const assessment = assessmentWith({ evaluators: 3, deductions: 2, bonus: [0.5] });
const layout = buildWorkbookLayout({ lang: "zh", assessment, scoring: scoreAssessment(assessment) });

/** Each sheet's XML, by sheet name (the workbook lists sheets in the layout's order). */
async function sheetXml(): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(await writeXlsx(layout));
  const out = new Map<string, string>();
  for (const [i, sheet] of layout.sheets.entries()) {
    out.set(sheet.name, await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string"));
  }
  return out;
}

const attributes = (tag: string) =>
  Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));

describe("the .xlsx writer", () => {
  it('writes every data validation with a stop alert the schema allows (no errorStyle="error")', async () => {
    const xml = await sheetXml();
    let written = 0;
    for (const sheet of layout.sheets) {
      const tags = [...xml.get(sheet.name)!.matchAll(/<dataValidation\s[^>]*>/g)].map((m) =>
        attributes(m[0]),
      );
      expect({ sheet: sheet.name, rules: tags.length }).toEqual({
        sheet: sheet.name,
        rules: sheet.validations.length,
      });
      written += tags.length;
      for (const tag of tags) {
        expect({ sheet: sheet.name, showErrorMessage: tag.showErrorMessage }).toEqual({
          sheet: sheet.name,
          showErrorMessage: "1",
        });
        // Absent means "stop", the schema's default: the alert that refuses the entry.
        expect(["stop", undefined]).toContain(tag.errorStyle);
      }
    }
    expect(written).toBeGreaterThan(0);
  });

  it("hides the Special sheet's helper column, which holds a formula on every deduction row", async () => {
    const xml = (await sheetXml()).get(SHEET_NAMES.special.zh)!;
    const index = columnIndex(SPECIAL_LAYOUT.countedColumn);
    const col = [...xml.matchAll(/<col\s[^>]*>/g)]
      .map((m) => attributes(m[0]))
      .find((c) => Number(c.min) <= index && Number(c.max) >= index);
    expect(col?.hidden).toBe("1");
    const helpers = [
      ...xml.matchAll(new RegExp(`<c r="${SPECIAL_LAYOUT.countedColumn}\\d+"[^>]*><f>([^<]*)</f>`, "g")),
    ];
    expect(helpers.map((m) => m[1])).toHaveLength(20);
    expect(helpers[0]![1]).toBe(
      `IF(LEN(B${SPECIAL_LAYOUT.firstDeductionRow})+LEN(C${SPECIAL_LAYOUT.firstDeductionRow})&gt;0,1,0)`,
    );
  });
});
