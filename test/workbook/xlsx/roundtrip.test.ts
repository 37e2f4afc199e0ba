import ExcelJS from "exceljs";
import fc from "fast-check";
import type { Assessment, Bonus, Deduction } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import { DEDUCTION_CATEGORIES, ITEMS, SECONDARY_INDICATORS } from "../../../src/spec";
import type { Lang } from "../../../src/spec/types";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { FIRST_BODY_ROW, LAST_BODY_ROW, scoringColumns } from "../../../src/workbook/scoring-grid";
import type { WorkbookLayout } from "../../../src/workbook/types";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { cellRef, columnLetter, parseRef } from "../../../src/workbook/address";
import { readFileSync } from "node:fs";
import path from "node:path";

const SAMPLE: Assessment = JSON.parse(
  readFileSync(path.resolve(__dirname, "../../../examples/sample-assessment.json"), "utf8"),
);

/**
 * assessment → layout → writeXlsx → readXlsx gives the assessment back. The only normalisation is
 * what a workbook cannot carry (docs/assessment-format.md, "Through a workbook").
 */

// Text that has broken spreadsheets before: formula-like prefixes, XML specials, control
// characters, "\r", Excel's own _xHHHH_ escape, lone surrogates, emoji, Chinese.
const tricky = fc.constantFrom(
  "=",
  "+",
  "-",
  "@",
  "=SUM(A1:A3)",
  " ",
  "\n",
  "\r\n",
  "\r",
  "\t",
  "_x0041_",
  "_x005F_",
  "_x000d_",
  "\u0000",
  "\u0001",
  "\u000b",
  "\u007f",
  "\uFFFE",
  "\uFFFF",
  "\uD800",
  "\uDC00",
  "&<>\"'",
  "]]>",
  "😀",
  "不适用",
  "No",
  "得分",
  "Score",
  "代码",
);
const chinese = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c));
const textArb = fc
  .tuple(
    fc.constantFrom("", "", "", "=", "+", "-", "@"),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.string({ unit: "grapheme-ascii", maxLength: 4 }) },
        { weight: 3, arbitrary: fc.string({ unit: chinese, maxLength: 4 }) },
        { weight: 2, arbitrary: tricky },
        { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
      ),
      { maxLength: 6 },
    ),
  )
  .map(([prefix, parts]) => prefix + parts.join(""));

const isoDateArb = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

/** An entry: mostly on a step, sometimes any percentage, sometimes any number (the engine's to judge). */
const entryArb = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0, max: 20 }).map((i) => i * 5) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 100 }) },
  {
    weight: 1,
    arbitrary: fc
      .double({ min: -1000, max: 1000, noNaN: true, noDefaultInfinity: true })
      .map((v) => (v === 0 ? 0 : v)),
  },
);

const EXCLUDABLE = [
  ...ITEMS.filter((i) => i.code.startsWith("B")).map((i) => i.code),
  ...SECONDARY_INDICATORS.filter((i) => i.excludable).map((i) => i.id),
];
/** Keys the engine rejects but the workbook still keeps (so nothing the user wrote is lost). */
const OTHER_KEYS = ["C1", "A7", "5.3.1"];

const deductionArb: fc.Arbitrary<Deduction> = fc.record(
  {
    category: fc.constantFrom(...DEDUCTION_CATEGORIES.map((c) => c.id)),
    description: textArb,
    item: fc.oneof(fc.constantFrom(...ITEMS.map((i) => i.code)), textArb),
    rectification: textArb,
    evidence: textArb,
    deadline: fc.oneof(isoDateArb, textArb),
    status: fc.constantFrom("open" as const, "closed" as const),
  },
  { requiredKeys: ["category", "description"] },
);

const bonusArb: fc.Arbitrary<Bonus> = fc.record({
  points: fc.oneof(
    fc.constantFrom(0.25, 0.5, 1),
    fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
  ),
  reason: textArb,
});

const assessmentArb: fc.Arbitrary<Assessment> = fc
  .record({
    organization: textArb,
    type: fc.constantFrom("initial" as const, "recertification" as const, "surveillance" as const),
    step: fc.constantFrom(1 as const, 5 as const, 10 as const),
    dates: fc.option(fc.record({ start: isoDateArb, end: isoDateArb }, { requiredKeys: [] }), {
      nil: undefined,
    }),
    evaluators: fc.array(
      fc.record({ name: textArb, kind: fc.constantFrom("auditor" as const, "visit" as const) }),
      { minLength: 1, maxLength: 12 },
    ),
    items: fc.subarray(ITEMS.map((i) => i.code)),
    entries: fc.array(fc.option(entryArb, { nil: null, freq: 3 }), { minLength: 600, maxLength: 600 }),
    notes: fc.dictionary(fc.constantFrom(...ITEMS.map((i) => i.code)), textArb, { maxKeys: 8 }),
    exclusions: fc.dictionary(
      fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...EXCLUDABLE) }, fc.constantFrom(...OTHER_KEYS)),
      textArb,
      { maxKeys: 6 },
    ),
    deductions: fc.option(fc.array(deductionArb, { maxLength: 6 }), { nil: undefined }),
    bonus: fc.option(fc.array(bonusArb, { maxLength: 4 }), { nil: undefined }),
    withNotes: fc.boolean(),
    withExclusions: fc.boolean(),
  })
  .map((r) => {
    const scores = Object.fromEntries(
      r.items.map((code, i) => [code, r.evaluators.map((_, k) => r.entries[(i * 12 + k) % 600] ?? null)]),
    );
    return {
      format: "starscore.assessment/1",
      organization: r.organization,
      type: r.type,
      step: r.step,
      ...(r.dates && { dates: r.dates }),
      evaluators: r.evaluators,
      scores,
      ...(r.withNotes && { notes: r.notes }),
      ...(r.withExclusions && { exclusions: r.exclusions }),
      ...(r.deductions && { deductions: r.deductions }),
      ...(r.bonus && { bonus: r.bonus }),
    } satisfies Assessment;
  });

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
        assessmentArb,
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
