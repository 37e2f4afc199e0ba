/**
 * The Report sheet (报告 / Report, src/workbook/sheets/report.ts) as layout data: optional (no layout
 * version change), printed on A4 portrait one page wide, classic formulas only and no user text in
 * a formula, and accepted by verify (its formulas compared like every sheet's). Its figures are
 * proven in LibreOffice and Gnumeric by test/engine-proof/report-sheet-proof.ts.
 */
import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { LAYOUT_VERSION } from "../../../src/workbook/sheets/info";
import { REPORT_LIST_ROWS } from "../../../src/workbook/sheets/report";
import { SPECIAL_LAYOUT } from "../../../src/workbook/sheets/special";
import type { WorkbookLayout } from "../../../src/workbook/types";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith } from "../../helpers/builders";
import { brief, edited, findingsOf } from "../integrity/helpers";

const audit: Assessment = {
  ...assessmentWith({ deductions: 2, bonus: [0.5] }),
  leadAuditor: '=HYPERLINK("x")',
  followUp: [{ category: "law", description: "{#x}<w:t>", outcome: "verified" }],
};
const layoutOf = (assessment: Assessment, report?: boolean, lang: "zh" | "en" = "en") =>
  buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment), report });
const keys = (layout: WorkbookLayout) => layout.sheets.map((s) => s.key);
const reportOf = (layout: WorkbookLayout) => layout.sheets.find((s) => s.key === "report")!;

describe("the Report sheet (报告 / Report)", () => {
  it("is optional, never by default, after the Summary; the layout version does not change", () => {
    expect(keys(layoutOf(audit))).not.toContain("report");
    expect(keys(layoutOf(audit, true))).toEqual([
      "info",
      "scoring",
      "special",
      "summary",
      "report",
      "rules",
      "audit",
    ]);
    expect(layoutOf(audit, true).layoutVersion).toBe(LAYOUT_VERSION);
    expect(reportOf(layoutOf(audit, true, "zh")).name).toBe("报告");
    // It defines no name: other workbooks read the Result_* names, as before.
    expect(layoutOf(audit, true).names).toEqual(layoutOf(audit).names);
  });

  it("prints on A4 portrait, one page wide, its area A–H, with margins", () => {
    const { print, columns } = reportOf(layoutOf(audit, true));
    expect(print).toMatchObject({
      orientation: "portrait",
      fitToWidth: true,
      area: expect.stringMatching(/^A1:H\d+$/),
    });
    expect(print.fitToHeight).toBeFalsy();
    expect(print.margins).toEqual({ top: 0.6, bottom: 0.6, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 });
    expect(columns.find((c) => c.col === "J")).toMatchObject({ hidden: true });
  });

  it("is formulas over the other sheets, classic functions only; the user's text is never in one", () => {
    const sheet = reportOf(layoutOf(audit, true));
    const formulas = sheet.cells.flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(150);
    const functions = new Set(
      formulas.flatMap((f) => [...f.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]!)),
    );
    expect([...functions].sort()).toEqual(
      ["AND", "COUNTA", "IF", "INDEX", "ISNA", "ISNUMBER", "LEN", "MATCH", "MAX", "OR", "TEXT"].sort(),
    );
    for (const f of formulas) {
      expect(f).not.toContain("HYPERLINK");
      expect(f).not.toContain("<w:t>");
    }
    // The deductions list reads the Special sheet's own rows.
    expect(
      formulas.some((f) =>
        f.includes(`$C$${SPECIAL_LAYOUT.firstDeductionRow + REPORT_LIST_ROWS.deductions - 1}`),
      ),
    ).toBe(true);
  });

  it("verify accepts it; a figure typed over is a finding; a workbook without it is fine", async () => {
    const data = await writeXlsx(layoutOf(audit, true));
    expect(await findingsOf(data)).toEqual([]);
    const sheet = reportOf(layoutOf(audit, true));
    const target = sheet.cells.find((c) => c.formula === "=Result_FinalScore")!;
    const typedOver = await edited(data, (_, s) => {
      s("report").getCell(target.ref).value = 99;
    });
    expect(brief(await findingsOf(typedOver))).toEqual([["formula-overwritten", `Report!${target.ref}`]]);
    expect(await findingsOf(await writeXlsx(layoutOf(audit)))).toEqual([]);
  });

  it("verify: 15 deductions of which 5 are then cleared, the sheet laid out for the Special table as it is", async () => {
    const many = { ...audit, ...assessmentWith({ deductions: 15 }), leadAuditor: "张三" };
    const data = await writeXlsx(layoutOf(many, true, "zh"));
    expect(await findingsOf(data)).toEqual([]);
    const cleared = await edited(data, (_, s) => {
      for (let i = 10; i < 15; i++) {
        const row = SPECIAL_LAYOUT.firstDeductionRow + i;
        for (const col of ["B", "C", "D", "E", "F", "G", "H"])
          s("special").getCell(`${col}${row}`).value = null;
      }
    });
    // The Summary's cached figures are stale after the edit (value-differs there); nothing on the Report sheet.
    expect((await findingsOf(cleared)).filter((f) => f.sheet === "报告")).toEqual([]);
  });
});
