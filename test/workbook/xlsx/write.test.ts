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
import { markFormula } from "../../../src/workbook/highlight-marks";
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

  it("gives the conditional formats priorities 1, 2, … in the layout's order: the highlights on top", async () => {
    const xml = await sheetXml();
    for (const sheet of layout.sheets) {
      const rules = [...xml.get(sheet.name)!.matchAll(/<cfRule\s[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map(
        (m) => ({
          priority: Number(attributes(m[0]).priority),
          formula: m[1]!
            .replace(/&quot;/g, '"')
            .replace(/&gt;/g, ">")
            .replace(/&lt;/g, "<")
            .replace(/&amp;/g, "&"),
        }),
      );
      // Priority 1 is the highest (ECMA-376 Part 1, §18.3.1.10); no two rules share one.
      const byPriority = [...rules].sort((a, b) => a.priority - b.priority);
      expect(byPriority.map((r) => r.priority)).toEqual(sheet.conditionalFormats.map((_, i) => i + 1));
      expect(byPriority.map((r) => `=${r.formula}`)).toEqual(
        sheet.conditionalFormats.map((cf) => cf.formula),
      );
    }
    const scoring = layout.sheets.find((s) => s.key === "scoring")!;
    expect(scoring.conditionalFormats.slice(0, 2).map((cf) => cf.formula)).toEqual([
      markFormula("scoring", "error"),
      markFormula("scoring", "warning"),
    ]);
  });

  it("unlocks the highlight store's and the audit log's columns as column styles, the cells the layout lists there locked", async () => {
    const zip = await JSZip.loadAsync(await writeXlsx(layout));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const xfs = [
      ...styles.slice(styles.indexOf("<cellXfs")).matchAll(/<xf\s[^>]*?(?:\/>|>([\s\S]*?)<\/xf>)/g),
    ].map((m) => !/<protection[^>]*locked="0"/.test(m[1] ?? ""));
    const locked = (style: string | undefined) => xfs[Number(style ?? 0)]!;
    for (const [key, letters] of [
      ["rules", ["Z", "AA", "AB", "AC"]],
      ["audit", ["A", "B", "C", "D"]],
    ] as const) {
      const i = layout.sheets.findIndex((s) => s.key === key);
      const xml = await zip.file(`xl/worksheets/sheet${i + 1}.xml`)!.async("string");
      const cols = [...xml.matchAll(/<col\s[^>]*>/g)].map((m) => attributes(m[0]));
      for (const letter of letters) {
        const index = columnIndex(letter);
        const col = cols.find((c) => Number(c.min) <= index && Number(c.max) >= index);
        expect([key, letter, locked(col?.style)]).toEqual([key, letter, false]);
      }
      // Every cell the layout lists in those columns keeps its lock (the title, the header, the store's label).
      const listed = layout.sheets[i]!.cells.filter((c) =>
        letters.some((l) => c.ref.replace(/\d+/, "") === l),
      );
      expect(listed.length).toBeGreaterThan(0);
      for (const cell of listed) {
        const tag = new RegExp(`<c r="${cell.ref}"(?:\\s[^>]*)?>|<c r="${cell.ref}"[^>]*/>`).exec(xml)![0];
        expect([key, cell.ref, locked(attributes(tag).s)]).toEqual([key, cell.ref, !cell.input]);
      }
    }
  });
});
