import ExcelJS from "exceljs";
import {
  actionOf,
  AUDIT_LAYOUT,
  auditRow,
  localIsoTime,
  nextAuditRow,
  readAuditRows,
  SUMMARIES,
} from "../../../src/workbook/audit/log";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith } from "../../helpers/builders";
import { gridOf, rowsAt } from "./grid";

/** A date whose offset from UTC is `minutesEast` (Date.getTimezoneOffset is minutes west). */
function dateAt(minutesEast: number): Date {
  const date = new Date(2025, 0, 2, 3, 4, 5);
  return Object.assign(date, { getTimezoneOffset: () => -minutesEast });
}

describe("the audit log sheet in the layout", () => {
  const rows = [
    auditRow(
      {
        time: "2025-03-14T09:26:53+08:00",
        person: "王组长",
        action: "generate",
        summary: "生成工作簿：1 列评价人",
      },
      "zh",
    ),
    auditRow(
      {
        time: "2025-03-14T10:00:00+08:00",
        person: '=HYPERLINK("http://x","y")',
        action: "validate",
        summary: "+1",
      },
      "zh",
    ),
  ];

  it("is the last sheet: visible, protected, every cell a locked value", () => {
    for (const lang of ["zh", "en"] as const) {
      const layout = buildWorkbookLayout({ lang, assessment: assessmentWith(), audit: rows });
      const sheet = layout.sheets.at(-1)!;
      expect([sheet.key, sheet.name, sheet.hidden, sheet.protect]).toEqual([
        "audit",
        SHEET_NAMES.audit[lang],
        undefined,
        true,
      ]);
      expect(sheet.cells.filter((c) => c.input || c.formula !== undefined)).toEqual([]);
      expect(sheet.cells.find((c) => c.ref === "B6")?.value).toBe('=HYPERLINK("http://x","y")');
    }
  });

  it("has no rows unless given, and the rows it is given, in order", () => {
    const empty = buildWorkbookLayout({ lang: "zh", assessment: assessmentWith() }).sheets.at(-1)!;
    expect(empty.cells.filter((c) => /^[A-D](\d+)$/.exec(c.ref) && Number(c.ref.slice(1)) >= 5)).toEqual([]);
    const layout = buildWorkbookLayout({ lang: "zh", assessment: assessmentWith(), audit: rows });
    const sheet = layout.sheets.at(-1)!;
    const value = (ref: string) => sheet.cells.find((c) => c.ref === ref)?.value;
    expect([value("A5"), value("B5"), value("C5"), value("D5")]).toEqual([
      "2025-03-14T09:26:53+08:00",
      "王组长",
      "生成",
      "生成工作簿：1 列评价人",
    ]);
    expect(value("C6")).toBe("校验");
  });

  it("the .xlsx writer keeps a name that looks like a formula as text", async () => {
    const layout = buildWorkbookLayout({ lang: "en", assessment: assessmentWith(), audit: rows });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(layout)) as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("Audit log")!;
    expect(sheet.state).toBe("visible");
    expect(sheet.getCell("B6").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("B6").value).toBe('=HYPERLINK("http://x","y")');
    // The rows are the layout's as given (here written in Chinese).
    expect(sheet.getCell("C6").value).toBe("校验");
    expect(sheet.getCell("B6").protection?.locked).not.toBe(false);
  });
});

describe("reading the log back", () => {
  it("rows from row 5 on, blank rows skipped; actions in either language", () => {
    const grid = gridOf(
      "审计日志",
      rowsAt(AUDIT_LAYOUT.firstRow, [
        ["2025-03-14T09:26:53+08:00", "王组长", "定稿", "第 1 次定稿"],
        ["", "", "", ""],
        ["2025-03-14T10:00:00+08:00", "Lead", "reopen", "Finalisation 1 reopened"],
      ]),
    );
    expect(readAuditRows(grid)).toEqual([
      { time: "2025-03-14T09:26:53+08:00", person: "王组长", action: "定稿", summary: "第 1 次定稿" },
      {
        time: "2025-03-14T10:00:00+08:00",
        person: "Lead",
        action: "reopen",
        summary: "Finalisation 1 reopened",
      },
    ]);
    expect(["定稿", "finalise", "Reopen", "添加评价人", "add-evaluator", "x"].map(actionOf)).toEqual([
      "finalise",
      "finalise",
      "reopen",
      "add-evaluator",
      "add-evaluator",
      undefined,
    ]);
    expect([nextAuditRow(0), nextAuditRow(4), nextAuditRow(9)]).toEqual([5, 5, 10]);
  });
});

describe("time and summaries", () => {
  it("ISO 8601 in local time with the offset", () => {
    expect(localIsoTime(dateAt(480))).toBe("2025-01-02T03:04:05+08:00");
    expect(localIsoTime(dateAt(0))).toBe("2025-01-02T03:04:05+00:00");
    expect(localIsoTime(dateAt(330))).toBe("2025-01-02T03:04:05+05:30");
    expect(localIsoTime(dateAt(-210))).toBe("2025-01-02T03:04:05-03:30");
    expect(localIsoTime(new Date())).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
  });

  it("in the workbook's language", () => {
    expect(SUMMARIES.validate(12, 3)).toEqual({ zh: "12 个错误，3 个警告", en: "12 errors, 3 warnings" });
    expect(SUMMARIES.validate(1, 1).en).toBe("1 error, 1 warning");
    expect(SUMMARIES.compute(87.456, { zh: "三星级", en: "Three-star" }, 0)).toEqual({
      zh: "87.46 三星级",
      en: "87.46 Three-star",
    });
    expect(SUMMARIES.compute(87.46, { zh: "三星级", en: "Three-star" }, 2).en).toBe(
      "87.46 Three-star; 2 cells disagree with the exact computation",
    );
  });
});
