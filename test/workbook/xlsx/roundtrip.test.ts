import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import { ITEMS } from "../../../src/spec";
import type { Lang } from "../../../src/spec/types";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { FIRST_BODY_ROW, LAST_BODY_ROW, scoringColumns } from "../../../src/workbook/scoring-grid";
import type { WorkbookLayout } from "../../../src/workbook/types";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { cellRef, columnLetter, parseRef } from "../../../src/workbook/address";
import { assessmentArb } from "../../fuzz/arbitraries";
import { SAMPLE } from "../../helpers/sample";

/**
 * assessment → layout → writeXlsx → readXlsx gives the assessment back. The only normalisation is
 * what a workbook cannot carry (docs/assessment-format.md, "Through a workbook").
 */

/** Random assessments, wide: whatever a workbook must carry through (test/fuzz/arbitraries.ts). */
const anyAssessment = assessmentArb({ maxEvaluators: 12, wide: true });

/**
 * What the workbook gives back for `a`: every catalogue item has a row (blank cells are null),
 * an empty text in an optional field is a blank cell, and empty collections are not written.
 */
function carried(a: Assessment): Assessment {
  const drop = <T extends object>(o: T) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== "" && v !== undefined)) as T;
  const nonEmpty = <T>(key: string, value: T | undefined, size: (v: T) => number) =>
    value !== undefined && size(value) > 0 ? { [key]: value } : {};
  const notes = a.notes && drop(a.notes);
  const deductions = a.deductions?.map((d) => ({ ...drop(d), description: d.description }));
  return {
    format: a.format,
    organization: a.organization,
    type: a.type,
    step: a.step,
    ...nonEmpty("dates", a.dates, (d) => Object.keys(d).length),
    evaluators: a.evaluators,
    scores: Object.fromEntries(ITEMS.map((i) => [i.code, a.scores[i.code] ?? a.evaluators.map(() => null)])),
    ...nonEmpty("notes", notes, (n) => Object.keys(n).length),
    ...nonEmpty("exclusions", a.exclusions, (e) => Object.keys(e).length),
    ...nonEmpty("deductions", deductions, (d) => d.length),
    ...nonEmpty("bonus", a.bonus, (b) => b.length),
  };
}

async function roundTrip(a: Assessment, lang: Lang, cached: boolean, readLang: Lang = lang) {
  const layout = buildWorkbookLayout({ lang, assessment: a, ...(cached && { scoring: scoreAssessment(a) }) });
  return readXlsx(await writeXlsx(layout), readLang);
}

describe("xlsx round trip", () => {
  it("readXlsx(writeXlsx(layout(a))) is a, for random assessments in either language", async () => {
    await fc.assert(
      fc.asyncProperty(
        anyAssessment,
        fc.constantFrom<Lang>("zh", "en"),
        fc.boolean(),
        async (assessment, lang, cached) => {
          const read = await roundTrip(assessment, lang, cached, lang === "zh" ? "en" : "zh");
          if (!read.ok) throw new Error(read.errors.join("\n"));
          expect(read.lang).toBe(lang);
          expect(read.assessment).toEqual(carried(assessment));
        },
      ),
      { numRuns: 60, seed: 20261102 },
    );
  }, 180_000);

  it("gives back the shipped sample exactly", async () => {
    for (const lang of ["zh", "en"] as const) {
      const read = await roundTrip(SAMPLE, lang, true);
      expect(read.ok && { assessment: read.assessment, lang: read.lang, issues: read.issues }).toEqual({
        assessment: SAMPLE,
        lang,
        issues: [],
      });
    }
  });

  it("stores text that starts with = + - @ as text, never as a formula", async () => {
    const a: Assessment = {
      format: "starscore.assessment/1",
      organization: '=HYPERLINK("http://example.com","x")',
      type: "initial",
      step: 5,
      evaluators: [
        { name: "=A1", kind: "auditor" },
        { name: "@SUM(1)", kind: "visit" },
      ],
      scores: { B1: [80, null] },
      notes: { B1: "=1+1" },
      exclusions: { B2: "-2+3" },
      deductions: [{ category: "law", description: "+cmd|' /C calc'!A0", evidence: "=cmd" }],
      bonus: [{ points: 0.5, reason: "@foo" }],
    };
    const buffer = await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: a }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const textCells: [string, string, string][] = [
      [SHEET_NAMES.info.zh, "B4", a.organization],
      [SHEET_NAMES.scoring.zh, "H4", "=A1"],
      [SHEET_NAMES.scoring.zh, "I4", "@SUM(1)"],
    ];
    const scoring = workbook.getWorksheet(SHEET_NAMES.scoring.zh)!;
    const rowOf = (code: string) => scoring.getColumn(1).values.findIndex((v) => v === code);
    textCells.push(
      [SHEET_NAMES.scoring.zh, `${columnLetter(scoringColumns(2).notes)}${rowOf("B1")}`, "=1+1"],
      [SHEET_NAMES.scoring.zh, `G${rowOf("B2")}`, "-2+3"],
      [SHEET_NAMES.special.zh, "C5", "+cmd|' /C calc'!A0"],
      [SHEET_NAMES.special.zh, "E5", "=cmd"],
    );
    for (const [sheet, ref, text] of textCells) {
      const cell = workbook.getWorksheet(sheet)!.getCell(ref);
      expect({ ref, type: cell.type, formula: cell.formula, value: cell.value }).toEqual({
        ref,
        type: ExcelJS.ValueType.String,
        formula: undefined,
        value: text,
      });
    }
    const read = await readXlsx(buffer, "zh");
    expect(read.ok && read.assessment).toEqual(carried(a));
  });

  it("finds item and indicator rows by their code, not their position (a sorted sheet)", async () => {
    const a = SAMPLE;
    const layout = buildWorkbookLayout({ lang: "en", assessment: a });
    // Reverse the body rows, as sorting the filter range by a column might.
    const sorted: WorkbookLayout = {
      ...layout,
      sheets: layout.sheets.map((sheet) =>
        sheet.key !== "scoring"
          ? sheet
          : {
              ...sheet,
              cells: sheet.cells.map((cell) => {
                const { column, row } = parseRef(cell.ref);
                if (row < FIRST_BODY_ROW || row > LAST_BODY_ROW) return cell;
                return { ...cell, ref: cellRef(column, FIRST_BODY_ROW + LAST_BODY_ROW - row) };
              }),
            },
      ),
    };
    const read = await readXlsx(await writeXlsx(sorted), "en");
    expect(read.ok && { assessment: read.assessment, lang: read.lang, issues: read.issues }).toEqual({
      assessment: a,
      lang: "en",
      issues: [],
    });
    // The locator follows the rows: B1 is now near the bottom of the body.
    const b1 =
      FIRST_BODY_ROW +
      LAST_BODY_ROW -
      parseRef(layout.sheets[1]!.cells.find((c) => c.value === "B1")!.ref).row;
    expect(read.ok && read.locator.entry("B1", 0)).toBe(`'Scoring'!H${b1}`);
  });
});

describe("the lead auditor (Info row 14)", () => {
  it.each(["zh", "en"] as const)("round-trips (%s), and a blank cell is no lead auditor", async (lang) => {
    const named: Assessment = { ...SAMPLE, leadAuditor: SAMPLE.evaluators[0]!.name };
    const read = await roundTrip(named, lang, false);
    expect(read.ok && read.assessment.leadAuditor).toBe(SAMPLE.evaluators[0]!.name);
    const blank = await roundTrip({ ...SAMPLE, leadAuditor: "" }, lang, false);
    expect(blank.ok && "leadAuditor" in blank.assessment).toBe(false);
  });

  it("is offered as a list of the team's name cells, below the layout's other Info fields", () => {
    const layout = buildWorkbookLayout({ lang: "zh", assessment: { ...SAMPLE, leadAuditor: "x" } });
    const info = layout.sheets.find((s) => s.key === "info")!;
    expect(info.cells.find((c) => c.ref === "A14")?.value).toBe("审查组长");
    expect(info.cells.find((c) => c.ref === "B14")).toMatchObject({ value: "x", input: true });
    const last = 17 + SAMPLE.evaluators.length;
    expect(info.validations.find((v) => v.range === "B14")).toMatchObject({
      kind: "list",
      formula1: `='封面'!$B$18:$B$${last}`,
    });
  });

  it("is not read from a workbook without the row's label (the team table sat there before)", async () => {
    const layout = buildWorkbookLayout({ lang: "zh", assessment: { ...SAMPLE, leadAuditor: "张三" } });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(layout)) as unknown as ExcelJS.Buffer);
    workbook.getWorksheet(SHEET_NAMES.info.zh)!.getCell("A14").value = "列";
    const buffer = await workbook.xlsx.writeBuffer();
    const read = await readXlsx(new Uint8Array(buffer as ArrayBuffer), "zh");
    expect(read.ok && "leadAuditor" in read.assessment).toBe(false);
  });
});
