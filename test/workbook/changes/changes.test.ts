import fc from "fast-check";
import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import type { Lang } from "../../../src/spec/types";
import {
  addEvaluator,
  applyChange,
  removeEvaluator,
  type WorkbookChange,
  type WorkbookState,
} from "../../../src/workbook/changes";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { MAX_EVALUATORS } from "../../../src/workbook/scoring-grid";
import { LAYOUT_VERSION } from "../../../src/workbook/sheets/info";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { layoutV0Workbook } from "../../fixtures/layout-v0";
import { assessmentArb, textArb } from "../../fuzz/arbitraries";
import { assessmentWith } from "../../helpers/builders";
import { SAMPLE } from "../../helpers/sample";

/** What a workbook holds: read back from the one written for `state`. */
async function workbookOf(state: Pick<WorkbookState, "assessment" | "lang">, v0 = false) {
  const { assessment, lang } = state;
  const bytes = v0
    ? await layoutV0Workbook(assessment, lang)
    : await writeXlsx(buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment) }));
  const read = await readXlsx(bytes, lang);
  if (!read.ok) throw new Error(read.errors.join("\n"));
  expect(read.issues).toEqual([]);
  return read;
}

/**
 * assessment → workbook → read → change → workbook → read: what comes back is what the first
 * workbook held, changed exactly as `expected` says, and nothing else.
 */
async function changedThroughWorkbooks(
  assessment: Assessment,
  lang: Lang,
  change: WorkbookChange,
  expected: (held: Assessment) => Assessment,
  options: { v0?: boolean; lang?: Lang } = {},
) {
  const before = await workbookOf({ assessment, lang }, options.v0);
  expect(before.layoutVersion).toBe(options.v0 ? 0 : LAYOUT_VERSION);
  const state: WorkbookState = {
    assessment: before.assessment,
    lang: before.lang,
    layoutVersion: before.layoutVersion,
  };
  const result = applyChange(state, change);
  if (!result.ok) throw new Error(result.error.en);
  expect(result.state.layoutVersion).toBe(LAYOUT_VERSION);
  const after = await workbookOf(result.state);
  expect(after.lang).toBe(options.lang ?? lang);
  expect(after.layoutVersion).toBe(LAYOUT_VERSION);
  expect(after.assessment).toEqual(expected(before.assessment));
}

const RUNS = { numRuns: 30, seed: 20260301 };
const langArb = fc.constantFrom<Lang>("zh", "en");

describe("workbook changes keep everything (property tests through .xlsx)", () => {
  it("adding an evaluator: the same data plus one blank column", async () => {
    await fc.assert(
      fc.asyncProperty(
        assessmentArb(),
        langArb,
        textArb.filter((t) => t.trim() !== ""),
        fc.constantFrom("auditor" as const, "visit" as const),
        async (assessment, lang, name, kind) => {
          await changedThroughWorkbooks(
            assessment,
            lang,
            { kind: "add-evaluator", evaluator: { name, kind } },
            (held) => ({
              ...held,
              evaluators: [...held.evaluators, { name, kind }],
              scores: Object.fromEntries(
                Object.entries(held.scores).map(([code, row]) => [code, [...row, null]]),
              ),
            }),
          );
        },
      ),
      RUNS,
    );
  }, 180_000);

  it("removing an evaluator: the same data minus that column", async () => {
    await fc.assert(
      fc.asyncProperty(
        assessmentArb().filter((a) => a.evaluators.length >= 2),
        langArb,
        fc.nat(),
        async (assessment, lang, pick) => {
          const index = pick % assessment.evaluators.length;
          await changedThroughWorkbooks(assessment, lang, { kind: "remove-evaluator", index }, (held) => ({
            ...held,
            evaluators: held.evaluators.filter((_, k) => k !== index),
            scores: Object.fromEntries(
              Object.entries(held.scores).map(([code, row]) => [code, row.filter((_, k) => k !== index)]),
            ),
          }));
        },
      ),
      RUNS,
    );
  }, 180_000);

  it("switching the language: the same data, every label in the other language", async () => {
    await fc.assert(
      fc.asyncProperty(assessmentArb(), langArb, async (assessment, lang) => {
        const other: Lang = lang === "zh" ? "en" : "zh";
        await changedThroughWorkbooks(assessment, lang, { kind: "language", lang: other }, (held) => held, {
          lang: other,
        });
      }),
      RUNS,
    );
  }, 180_000);

  it("upgrading a layout version 0 workbook: the same data, in the current layout", async () => {
    await fc.assert(
      fc.asyncProperty(assessmentArb(), langArb, async (assessment, lang) => {
        await changedThroughWorkbooks(assessment, lang, { kind: "upgrade" }, (held) => held, { v0: true });
      }),
      RUNS,
    );
  }, 180_000);
});

describe("the changes themselves", () => {
  it("add: appends a blank column to every row, fitting rows to the evaluators first", () => {
    const a: Assessment = {
      ...assessmentWith({ evaluators: 2 }),
      scores: { B1: [80, 90], B2: [70], B3: [1, 2, 3] },
    };
    const added = addEvaluator(a, { name: "王五", kind: "visit" });
    expect(added.ok && added.assessment.scores).toEqual({
      B1: [80, 90, null],
      B2: [70, null, null],
      B3: [1, 2, null],
    });
    expect(added.ok && added.assessment.evaluators.at(-1)).toEqual({ name: "王五", kind: "visit" });
    // The input is not touched.
    expect(a.scores.B1).toEqual([80, 90]);
  });

  it("add: refuses a blank name and a 201st column", () => {
    expect(addEvaluator(SAMPLE, { name: "  ", kind: "auditor" })).toEqual({
      ok: false,
      error: { zh: "新评价人须有姓名或名称。", en: "The new evaluator needs a name." },
    });
    const full = assessmentWith({ evaluators: MAX_EVALUATORS });
    const refused = addEvaluator(full, { name: "X", kind: "auditor" });
    expect(!refused.ok && refused.error.en).toBe(
      "The workbook already has the most evaluator columns it can (200).",
    );
  });

  it("remove: takes the column out of every row; refuses an index out of range and the only column", () => {
    const removed = removeEvaluator(SAMPLE, 1);
    expect(removed.ok && removed.assessment.evaluators.map((e) => e.name)).toEqual(["张三", "暗访 1"]);
    expect(removed.ok && removed.assessment.scores.B1).toEqual([85, 95]);
    expect(removed.ok && removed.assessment.deductions).toEqual(SAMPLE.deductions);
    const out = removeEvaluator(SAMPLE, 3);
    expect(!out.ok && out.error).toEqual({
      zh: "没有第 4 个评价人列：工作簿有 3 个评价人列（1–3）。",
      en: "There is no evaluator column 4: the workbook has 3 (1–3).",
    });
    const only = removeEvaluator(assessmentWith({ evaluators: 1 }), 0);
    expect(!only.ok && only.error.en).toBe(
      "Cannot remove the only evaluator column: a workbook has at least one.",
    );
  });

  it("says what it did, in both languages", () => {
    const state: WorkbookState = { assessment: SAMPLE, lang: "zh", layoutVersion: 0 };
    const done = (change: WorkbookChange) => {
      const result = applyChange(state, change);
      return result.ok ? result.done : result.error;
    };
    expect(done({ kind: "add-evaluator", evaluator: { name: "王五", kind: "auditor" } })).toEqual({
      zh: "已添加评价人“王五”（审核员），为第 4 个评价人列。",
      en: 'Added evaluator "王五" (Auditor) as evaluator column 4.',
    });
    expect(done({ kind: "remove-evaluator", index: 1 })).toEqual({
      zh: "已删除第 2 个评价人列：评价人“李四”，及其 18 项评分。",
      en: 'Removed evaluator column 2, evaluator "李四", and its 18 entries.',
    });
    expect(done({ kind: "language", lang: "en" })).toEqual({
      zh: "工作簿已改为英文。",
      en: "The workbook is now in English.",
    });
    expect(done({ kind: "upgrade" })).toEqual({
      zh: `版式已从版本 0 升级到 ${LAYOUT_VERSION}。`,
      en: `Layout upgraded from version 0 to ${LAYOUT_VERSION}.`,
    });
  });

  it("a layout version 0 workbook reads as version 0 and gives back the sample exactly", async () => {
    for (const lang of ["zh", "en"] as const) {
      const read = await workbookOf({ assessment: SAMPLE, lang }, true);
      expect(read.layoutVersion).toBe(0);
      expect(read.assessment).toEqual(SAMPLE);
    }
  });
});
