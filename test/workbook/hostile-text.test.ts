import ExcelJS from "exceljs";
import type { Assessment } from "../../src/assessment/schema";
import { generateWorkbook } from "../../src/taskpane/excel/write-workbook";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import type { WorkbookLayout } from "../../src/workbook/types";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { FakeExcel } from "../fakes/fake-excel";
import { assessmentWith } from "../helpers/builders";

/**
 * Text stays text: every piece of user text (organisation, evaluator names, notes, exclusion
 * reasons, every deduction field, bonus reasons) that begins with "=", "+", "-" or "@" is written
 * as a value by both writers (the CLI's ExcelJS writer and the add-in's Office.js writer), never as
 * a formula Excel would run, and reads back unchanged.
 *
 * There is no CSV export: the assessment leaves StarScore as JSON (starscore export) or as a
 * workbook, both of which carry text as text.
 */
const PREFIXED = [
  "=1+1",
  '=HYPERLINK("http://example.com","x")',
  "+cmd|' /C calc'!A0",
  "-2+3",
  "@SUM(A1:A3)",
  "=A1",
  "+1",
  "-x",
  "@A1",
];

function hostile(): { assessment: Assessment; texts: string[] } {
  const texts: string[] = [];
  const next = () => {
    const text = `${PREFIXED[texts.length % PREFIXED.length]}${texts.length >= PREFIXED.length ? ` ${texts.length}` : ""}`;
    texts.push(text);
    return text;
  };
  const assessment: Assessment = {
    ...assessmentWith({ evaluators: 3 }),
    organization: next(),
    evaluators: [
      { name: next(), kind: "auditor" },
      { name: next(), kind: "visit" },
      { name: next(), kind: "auditor" },
    ],
    notes: { B1: next(), A18: next() },
    exclusions: { B10: next(), "5.2.6": next() },
    deductions: [
      {
        category: "law",
        description: next(),
        item: next(),
        evidence: next(),
        rectification: next(),
        deadline: next(),
      },
    ],
    bonus: [{ points: 0.5, reason: next() }],
  };
  // Excluded items must have no entries to be valid; it does not matter here, but keep it tidy.
  for (const code of ["B10", "B23", "B24"]) assessment.scores[code] = [null, null, null];
  return { assessment, texts };
}

/** The cells of the layout that hold each text, by sheet name and address. */
function cellsHolding(layout: WorkbookLayout, texts: readonly string[]) {
  const found = layout.sheets.flatMap((sheet) =>
    sheet.cells
      .filter((cell) => typeof cell.value === "string" && texts.includes(cell.value))
      .map((cell) => ({ sheet: sheet.name, ref: cell.ref, text: cell.value as string })),
  );
  // Every text has a cell (the organisation twice: Info and the Scoring subtitle).
  expect(new Set(found.map((c) => c.text))).toEqual(new Set(texts));
  return found;
}

describe.each(["zh", "en"] as const)("text beginning with = + - @ stays text (%s)", (lang) => {
  const { assessment, texts } = hostile();
  const layout = buildWorkbookLayout({ lang, assessment });

  it("the ExcelJS writer stores each as a string cell, and the reader gives each back", async () => {
    const buffer = await writeXlsx(layout);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    for (const { sheet, ref, text } of cellsHolding(layout, texts)) {
      const cell = workbook.getWorksheet(sheet)!.getCell(ref);
      expect({ sheet, ref, type: cell.type, formula: cell.formula, value: cell.value }).toEqual({
        sheet,
        ref,
        type: ExcelJS.ValueType.String,
        formula: undefined,
        value: text,
      });
    }
    const read = await readXlsx(buffer, lang);
    if (!read.ok) throw new Error(read.errors.join("\n"));
    expect(read.assessment.organization).toBe(assessment.organization);
    expect(read.assessment.evaluators).toEqual(assessment.evaluators);
    expect(read.assessment.notes).toEqual(assessment.notes);
    expect(read.assessment.exclusions).toEqual(assessment.exclusions);
    expect(read.assessment.deductions).toEqual(assessment.deductions);
    expect(read.assessment.bonus).toEqual(assessment.bonus);
  });

  it("the Office.js writer writes each with a leading apostrophe: a value, not a formula", async () => {
    const excel = new FakeExcel({ apiVersion: "1.9" });
    await generateWorkbook(layout, excel.run, excel.supports);
    for (const { sheet, ref, text } of cellsHolding(layout, texts)) {
      const cell = excel.model.sheet(sheet)!.peek(ref);
      expect({ sheet, ref, value: cell?.value, formula: cell?.formula }).toEqual({
        sheet,
        ref,
        value: text,
        formula: undefined,
      });
    }
  });
});
