import type { Assessment, Evaluator } from "../../assessment/schema";
import { evaluatorLabel } from "../../core/evaluators";
import type { Lang, Localised } from "../../spec/types";
import { TEXT } from "../labels";
import { MAX_EVALUATORS } from "../scoring-grid";
import { LAYOUT_VERSION } from "../sheets/info";

/**
 * Changes to a workbook that rebuild it: the evaluator columns, the language and the layout
 * version are the layout's geometry (every formula, guard and hidden helper depends on them), so
 * a workbook is changed by reading its assessment back, changing that, and writing the current
 * layout afresh. These are the pure halves: state in, state out, nothing else touched. Every
 * entry, note, exclusion, deduction, bonus and Info field is carried; an evaluator removed takes
 * its column of entries with it, and nothing else.
 *
 * "Older" means a layout version below LAYOUT_VERSION (the Info sheet's 版式版本 / Layout version
 * cell; 0 when the workbook has none, as before the layout was versioned). Any change writes the
 * current layout, so every change is also an upgrade; `upgrade` is the change that changes nothing
 * else.
 */
export interface WorkbookState {
  assessment: Assessment;
  /** The workbook's language (its sheet names and every label). */
  lang: Lang;
  layoutVersion: number;
}

export type WorkbookChange =
  | { kind: "add-evaluator"; evaluator: Evaluator }
  /** `index` from 0, in the order of the evaluator columns. */
  | { kind: "remove-evaluator"; index: number }
  | { kind: "language"; lang: Lang }
  | { kind: "upgrade" };

export type ChangeResult =
  { ok: true; state: WorkbookState; done: Localised } | { ok: false; error: Localised };

export function applyChange(state: WorkbookState, change: WorkbookChange): ChangeResult {
  const upgraded = { ...state, layoutVersion: LAYOUT_VERSION };
  switch (change.kind) {
    case "add-evaluator": {
      const added = addEvaluator(state.assessment, change.evaluator);
      if (!added.ok) return added;
      const column = added.assessment.evaluators.length;
      const label = evaluatorLabel(change.evaluator, column - 1);
      return {
        ok: true,
        state: { ...upgraded, assessment: added.assessment },
        done: {
          zh: `已添加${label.zh}（${TEXT[change.evaluator.kind].zh}），为第 ${column} 个评价人列。`,
          en: `Added ${label.en} (${TEXT[change.evaluator.kind].en}) as evaluator column ${column}.`,
        },
      };
    }
    case "remove-evaluator": {
      const removed = removeEvaluator(state.assessment, change.index);
      if (!removed.ok) return removed;
      const evaluator = state.assessment.evaluators[change.index]!;
      const label = evaluatorLabel(evaluator, change.index);
      const entries = Object.values(state.assessment.scores).filter(
        (row) => typeof row[change.index] === "number",
      ).length;
      return {
        ok: true,
        state: { ...upgraded, assessment: removed.assessment },
        done: {
          zh: `已删除第 ${change.index + 1} 个评价人列：${label.zh}，及其 ${entries} 项评分。`,
          en: `Removed evaluator column ${change.index + 1}, ${label.en}, and its ${entries} entr${entries === 1 ? "y" : "ies"}.`,
        },
      };
    }
    case "language":
      return {
        ok: true,
        state: { ...upgraded, lang: change.lang },
        done:
          change.lang === state.lang
            ? { zh: "语言不变。", en: "The language is unchanged." }
            : change.lang === "zh"
              ? { zh: "工作簿已改为中文。", en: "The workbook is now in Chinese." }
              : { zh: "工作簿已改为英文。", en: "The workbook is now in English." },
      };
    case "upgrade":
      return {
        ok: true,
        state: upgraded,
        done:
          state.layoutVersion < LAYOUT_VERSION
            ? {
                zh: `版式已从版本 ${state.layoutVersion} 升级到 ${LAYOUT_VERSION}。`,
                en: `Layout upgraded from version ${state.layoutVersion} to ${LAYOUT_VERSION}.`,
              }
            : {
                zh: `版式已是最新版本（${LAYOUT_VERSION}）。`,
                en: `The layout is already the current version (${LAYOUT_VERSION}).`,
              },
      };
  }
}

type AssessmentResult = { ok: true; assessment: Assessment } | { ok: false; error: Localised };

/** One more evaluator column, last, blank for every item. */
export function addEvaluator(assessment: Assessment, evaluator: Evaluator): AssessmentResult {
  const count = assessment.evaluators.length;
  if (count >= MAX_EVALUATORS) {
    return {
      ok: false,
      error: {
        zh: `评价人已达上限（${MAX_EVALUATORS} 列），无法再添加。`,
        en: `The workbook already has the most evaluator columns it can (${MAX_EVALUATORS}).`,
      },
    };
  }
  if (evaluator.name.trim() === "") {
    return {
      ok: false,
      error: { zh: "新评价人须有姓名或名称。", en: "The new evaluator needs a name." },
    };
  }
  return {
    ok: true,
    assessment: {
      ...assessment,
      evaluators: [...assessment.evaluators, { name: evaluator.name, kind: evaluator.kind }],
      scores: mapRows(assessment, (row) => [...fit(row, count), null]),
    },
  };
}

/** Evaluator `index` (from 0) and their column of entries, gone; the others keep their order. */
export function removeEvaluator(assessment: Assessment, index: number): AssessmentResult {
  const count = assessment.evaluators.length;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    return {
      ok: false,
      error: {
        zh: `没有第 ${index + 1} 个评价人列：工作簿有 ${count} 个评价人列（1–${count}）。`,
        en: `There is no evaluator column ${index + 1}: the workbook has ${count} (1–${count}).`,
      },
    };
  }
  if (count === 1) {
    return {
      ok: false,
      error: {
        zh: "不能删除唯一的评价人列：工作簿至少要有一个评价人列。",
        en: "Cannot remove the only evaluator column: a workbook has at least one.",
      },
    };
  }
  return {
    ok: true,
    assessment: {
      ...assessment,
      evaluators: assessment.evaluators.filter((_, k) => k !== index),
      scores: mapRows(assessment, (row) => row.filter((_, k) => k !== index)),
    },
  };
}

type Row = Assessment["scores"][string];

function mapRows(assessment: Assessment, change: (row: Row) => Row): Assessment["scores"] {
  return Object.fromEntries(Object.entries(assessment.scores).map(([code, row]) => [code, change(row)]));
}

/** A row with one value per evaluator: extra values dropped, missing ones blank (as a workbook holds it). */
function fit(row: Row, count: number): Row {
  return Array.from({ length: count }, (_, k) => row[k] ?? null);
}
