import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { toResultJson } from "../../src/core/report";
import { scoreAssessment } from "../../src/core/score";
import { ITEMS } from "../../src/spec";
import { catalogueFingerprint } from "../../src/workbook/integrity/fingerprint";
import { mergeAssessments, type MergeSource } from "../../src/workbook/merge";
import { MAX_EVALUATORS } from "../../src/workbook/scoring-grid";
import { LAYOUT_VERSION } from "../../src/workbook/sheets/info";
import { assessmentWith } from "../helpers/builders";

const source = (file: string, assessment: Assessment): MergeSource => ({
  file,
  assessment,
  layoutVersion: LAYOUT_VERSION,
  fingerprint: catalogueFingerprint(LAYOUT_VERSION),
});

/** The copy of `a` holding only evaluator k's entries. */
const only = (a: Assessment, k: number): Assessment => ({
  ...a,
  scores: Object.fromEntries(
    Object.entries(a.scores).map(([c, row]) => [c, row.map((v, j) => (j === k ? v : null))]),
  ),
});

const entry = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 20 }).map((n) => n * 5),
);

describe("mergeAssessments", () => {
  it("merging each evaluator's copy, in any order after the lead's, gives the whole assessment's result", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 5 }),
        fc.array(entry, { minLength: 50 * 5, maxLength: 50 * 5 }),
        fc.func(fc.integer()),
        (n, values, order) => {
          const whole = assessmentWith({
            evaluators: n,
            fill: (code, k) => values[ITEMS.findIndex((i) => i.code === code) * 5 + k]!,
          });
          const rest = Array.from({ length: n - 1 }, (_, i) => i + 1).sort(
            (x, y) => order(x) - order(y) || x - y,
          );
          const merged = mergeAssessments([
            source("0", only(whole, 0)),
            ...rest.map((k) => source(`${k}`, only(whole, k))),
          ]);
          expect(merged.ok).toBe(true);
          if (!merged.ok) return;
          expect(merged.assessment.scores).toEqual(whole.scores);
          expect(toResultJson(merged.assessment, scoreAssessment(merged.assessment), "en")).toEqual(
            toResultJson(whole, scoreAssessment(whole), "en"),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it("matches columns by name and kind: a visit is not the auditor of the same name", () => {
    const lead = assessmentWith({ evaluators: [{ name: "甲", kind: "auditor" }], fill: () => 80 });
    const other = assessmentWith({ evaluators: [{ name: " 甲 ", kind: "visit" }], fill: () => 60 });
    const merged = mergeAssessments([source("lead", lead), source("other", other)]);
    expect(merged.ok && merged.added).toEqual([{ name: " 甲 ", kind: "visit" }]);
    expect(merged.ok && merged.assessment.scores.B1).toEqual([80, 60]);
    const same = assessmentWith({ evaluators: [{ name: " 甲 ", kind: "auditor" }], fill: () => 80 });
    expect(mergeAssessments([source("lead", lead), source("same", same)])).toMatchObject({
      ok: true,
      added: [],
      taken: { entries: 0, notes: 0 },
    });
  });

  it("refuses a file without this StarScore's fingerprint, and a team wider than a workbook", () => {
    const a = assessmentWith({ evaluators: 1 });
    const refused = mergeAssessments([source("lead", a), { ...source("x", a), fingerprint: "f".repeat(64) }]);
    expect(refused).toMatchObject({ ok: false, conflicts: [] });
    expect(!refused.ok && refused.refused.map((r) => r.en)).toEqual([
      "x has another catalogue and rules fingerprint than this StarScore (another catalogue or rules version): not merged.",
    ]);
    const none = mergeAssessments([source("lead", a), { ...source("y", a), fingerprint: "" }]);
    expect(!none.ok && none.refused[0]!.en).toMatch(/^y has no catalogue and rules fingerprint/);
    const wide = assessmentWith({
      evaluators: Array.from({ length: MAX_EVALUATORS }, (_, i) => ({
        name: `v${i}`,
        kind: "visit" as const,
      })),
    });
    const tooWide = mergeAssessments([source("lead", a), source("wide", wide)]);
    expect(!tooWide.ok && tooWide.refused[0]!.en).toMatch(/more than a workbook holds/);
  });
});
