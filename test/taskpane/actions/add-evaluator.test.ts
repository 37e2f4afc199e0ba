import fc from "fast-check";
import type { Assessment, Bonus, Deduction } from "../../../src/assessment/schema";
import { withEvaluator } from "../../../src/taskpane/actions/add-evaluator";
import { ActionError, ReferencesAtRiskError } from "../../../src/taskpane/actions/errors";
import { DEDUCTION_CATEGORIES, ITEMS, SECONDARY_INDICATORS } from "../../../src/spec";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import type { RecordedAction } from "../../fakes/fake-excel";
import { assessmentWith } from "../../helpers/builders";
import { entryRef, measured, plant, readBack, workbookOf } from "./fixture";

const text = fc.oneof(
  fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 8 }),
  fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)),
    minLength: 1,
    maxLength: 6,
  }),
  fc.constantFrom("=SUM(A1)", "+1", "-", "@x", "80", "TRUE", "#REF!", "不适用", "2026-12-31"),
);
const entry = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 20 }).map((x) => x * 5) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.double({ min: -5, max: 120, noNaN: true }).filter((x) => !Object.is(x, -0)) },
);
const deductionArb: fc.Arbitrary<Deduction> = fc.record(
  {
    category: fc.constantFrom(...DEDUCTION_CATEGORIES.map((c) => c.id)),
    description: text,
    item: fc.constantFrom(...ITEMS.map((i) => i.code)),
    evidence: text,
    rectification: text,
    deadline: text,
    status: fc.constantFrom("open" as const, "closed" as const),
  },
  { requiredKeys: ["category", "description"] },
);
const bonusArb: fc.Arbitrary<Bonus> = fc.record({
  points: fc.double({ min: 0.05, max: 1, noNaN: true }),
  reason: text,
});
const keys = [...ITEMS.map((i) => i.code), ...SECONDARY_INDICATORS.map((i) => i.id)];

/** Assessments in the form a workbook gives back (docs/assessment-format.md, "Through a workbook"). */
const assessmentArb: fc.Arbitrary<Assessment> = fc
  .record({
    evaluators: fc.array(
      fc.record({ name: text, kind: fc.constantFrom("auditor" as const, "visit" as const) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
    step: fc.constantFrom(1 as const, 5 as const, 10 as const),
    type: fc.constantFrom("initial" as const, "recertification" as const, "surveillance" as const),
    organization: text,
    entries: fc.array(entry, { minLength: ITEMS.length * 4, maxLength: ITEMS.length * 4 }),
    notes: fc.dictionary(fc.constantFrom(...ITEMS.map((i) => i.code)), text, { maxKeys: 5 }),
    exclusions: fc.dictionary(fc.constantFrom(...keys), text, { maxKeys: 4 }),
    deductions: fc.array(deductionArb, { maxLength: 3 }),
    bonus: fc.array(bonusArb, { maxLength: 2 }),
  })
  .map((a) => ({
    format: "starscore.assessment/1" as const,
    organization: a.organization,
    type: a.type,
    step: a.step,
    evaluators: a.evaluators,
    scores: Object.fromEntries(
      ITEMS.map((item, i) => [item.code, a.evaluators.map((_, k) => a.entries[i * 4 + k] ?? null)]),
    ),
    ...(Object.keys(a.notes).length > 0 && { notes: a.notes }),
    ...(Object.keys(a.exclusions).length > 0 && { exclusions: a.exclusions }),
    ...(a.deductions.length > 0 && { deductions: a.deductions }),
    ...(a.bonus.length > 0 && { bonus: a.bonus }),
  }));

describe("addEvaluator", () => {
  it("keeps every entry, note, exclusion, deduction and bonus, and adds one empty column (random assessments)", async () => {
    await fc.assert(
      fc.asyncProperty(
        assessmentArb,
        fc.constantFrom("zh" as const, "en" as const),
        fc.record({ name: text, kind: fc.constantFrom("auditor" as const, "visit" as const) }),
        async (assessment, lang, added) => {
          const wb = await workbookOf(assessment, lang);
          const before = readBack(wb.excel);
          expect(before.assessment).toEqual(assessment);
          const { runs } = await measured(wb.excel, () => wb.host.addEvaluator(added));
          expect(runs).toBe(1);
          const after = readBack(wb.excel);
          expect(after.lang).toBe(lang);
          expect(after.assessment).toEqual(withEvaluator(assessment, added));
          expect(after.assessment.evaluators).toHaveLength(assessment.evaluators.length + 1);
          // The workbook is the generated one: StarScore's sheets once each, its names, protected.
          const layout = buildWorkbookLayout({ lang, assessment: after.assessment });
          expect(wb.excel.model.sheets.map((s) => s.name)).toEqual([
            "Sheet1",
            ...layout.sheets.map((s) => s.name),
          ]);
          expect([...wb.excel.model.names.keys()].sort()).toEqual(layout.names.map((n) => n.name).sort());
          expect(wb.excel.model.sheets.slice(1).every((s) => s.protection)).toBe(true);
        },
      ),
      { numRuns: 12, seed: 20261103 },
    );
  }, 120_000);

  it("costs one run: a read, the user's own sheets searched for references, the rebuild as one request, and the optional part", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 3 }), "zh", { apiVersion: "1.9" });
    const { syncs, runs } = await measured(wb.excel, () =>
      wb.host.addEvaluator({ name: "王五", kind: "visit" }),
    );
    // The workbook has one sheet of the user's (Sheet1): its formulas are read in a sync of their own.
    expect([runs, syncs]).toEqual([1, 4]);
    expect(readBack(wb.excel).assessment.evaluators.at(-1)).toEqual({ name: "王五", kind: "visit" });
  });

  it("refuses while an entry cell holds something that is not a number, naming it; writes nothing", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    plant(wb.sheet("scoring"), entryRef("A5", 1, 2), { text: "八十" });
    const { syncs, result } = await measured(wb.excel, () =>
      wb.host.addEvaluator({ name: "x", kind: "auditor" }).catch((e: unknown) => e),
    );
    expect(syncs).toBe(1);
    expect(result).toBeInstanceOf(ActionError);
    expect((result as ActionError).issues.map((i) => [i.code, i.cell])).toEqual([
      ["entry-text", `'评分'!${entryRef("A5", 1, 2)}`],
    ]);
    expect(wb.excel.model.sheet("评分")!.peek(entryRef("A5", 1, 2))?.value).toBe("八十");
  });

  it("refuses a 201st column", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 200 }));
    await expect(wb.host.addEvaluator({ name: "x", kind: "auditor" })).rejects.toThrow(/200/);
  });

  it("should the rebuild fail part-way, the old sheets and names are back as they were", async () => {
    let armed = false;
    const failOn = (action: RecordedAction) => armed && action.Name === "merge";
    const assessment = assessmentWith({ evaluators: 2, deductions: 1, exclusions: { B10: "无配送" } });
    const wb = await workbookOf(assessment, "zh", { failOn });
    const names = new Map(wb.excel.model.names);
    const sheets = wb.excel.model.sheets.map((s) => s.name);
    armed = true;
    await expect(wb.host.addEvaluator({ name: "x", kind: "auditor" })).rejects.toThrow(/injected failure/);
    armed = false;
    expect(wb.excel.model.sheets.map((s) => s.name)).toEqual(sheets);
    expect(new Map(wb.excel.model.names)).toEqual(names);
    expect(readBack(wb.excel).assessment).toEqual(assessment);
    expect(wb.excel.model.sheet(SHEET_NAMES.scoring.zh)!.protection).toBeDefined();
  });
});

describe("addEvaluator and the user's own references to StarScore's sheets", () => {
  it("a formula on another sheet and a name referring to them: refused, naming both, nothing written; rebuilt when the user chooses", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const own = wb.excel.model.sheet("Sheet1")!.cell(2, 2);
    own.formula = `='评分'!${entryRef("B1", 0, 2)}`;
    own.result = 80;
    wb.excel.model.names.set("MyTotal", "='汇总'!$C$30");
    const syncs = wb.excel.syncs;
    const refused = wb.host.addEvaluator({ name: "王五", kind: "visit" });
    await expect(refused).rejects.toBeInstanceOf(ReferencesAtRiskError);
    await expect(refused).rejects.toMatchObject({ references: ["MyTotal", "'Sheet1'!B2"], unchecked: [] });
    // The read and the search only: the workbook and the user's formula are as they were.
    expect(wb.excel.syncs - syncs).toBe(2);
    expect(readBack(wb.excel).assessment.evaluators).toHaveLength(2);
    expect(own).toMatchObject({ formula: `='评分'!${entryRef("B1", 0, 2)}`, result: 80 });

    // The user ticks "Add anyway": rebuilt, and Excel breaks what referred to the deleted sheets.
    await wb.host.addEvaluator({ name: "王五", kind: "visit" }, { breakReferences: true });
    expect(readBack(wb.excel).assessment.evaluators).toHaveLength(3);
    expect(own.formula).toMatch(/^=#REF!/);
    expect(own.result).toEqual({ error: "#REF!" });
    expect(wb.excel.model.names.get("MyTotal")).toMatch(/#REF!/);
  });

  it("a sheet of the user's with content beyond what is searched: named as unchecked, for the user to choose", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.model.sheet("Sheet1")!.cell(6000, 1).value = "far down";
    const refused = wb.host.addEvaluator({ name: "王五", kind: "visit" });
    await expect(refused).rejects.toMatchObject({ references: [], unchecked: ["Sheet1"] });
    await expect(refused).rejects.toThrow(/Sheet1 is too large to check whole/);
  });

  it("formulas of the user's that refer to other sheets only, and StarScore's own names: nothing in the way", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.model.sheet("Sheet1")!.cell(1, 1).formula = "=SUM(B1:B3)";
    await wb.host.addEvaluator({ name: "王五", kind: "visit" });
    expect(readBack(wb.excel).assessment.evaluators).toHaveLength(2);
  });
});
