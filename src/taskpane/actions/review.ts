import type { Assessment } from "../../assessment/schema";
import { toResultJson, type ResultJson } from "../../core/report";
import type { HostContext } from "../excel/host";
import { assess } from "./assess";
import { unreadableError } from "./errors";
import { loadWorkbook } from "./load";
import { INPUT_SHEETS } from "./sheets";
import type { ItemEntries, ReviewReport } from "./types";

/**
 * The items the agreement puts in disagreement (core/agreement.ts, in `result.agreement`), each
 * with every evaluator column's entry as the workbook holds it (blank as null), in catalogue order.
 */
export function disagreementEntries(assessment: Assessment, result: ResultJson): ItemEntries[] {
  const columns = assessment.evaluators.length;
  return result.agreement.items
    .filter((item) => item.disagreement)
    .map((item) => {
      const typed = assessment.scores[item.code] ?? [];
      return { code: item.code, entries: Array.from({ length: columns }, (_, i) => typed[i] ?? null) };
    });
}

/** The exclusions as the workbook records them: an item code or an indicator id, and the reason. */
export function exclusionsOf(assessment: Assessment): { key: string; reason: string }[] {
  return Object.entries(assessment.exclusions ?? {}).map(([key, reason]) => ({ key, reason }));
}

/**
 * What the reviewing manager checks: one run, one sync reading the input sheets (as background
 * validation does), nothing written, so a reviewer's look changes neither the workbook nor the
 * user's undo stack. Rejects with the reader's problems when the workbook cannot be read.
 */
export async function reviewReport(context: HostContext): Promise<ReviewReport> {
  const { snapshot } = await loadWorkbook(context, INPUT_SHEETS);
  const assessed = assess(snapshot);
  if (!assessed.ok) throw unreadableError({ zh: "无法审核", en: "it cannot be reviewed" }, assessed.issues);
  const { read, scoring } = assessed;
  const { assessment } = read;
  const result = { zh: toResultJson(assessment, scoring, "zh"), en: toResultJson(assessment, scoring, "en") };
  return {
    result,
    issues: assessed.issues,
    exclusions: exclusionsOf(assessment),
    disagreements: disagreementEntries(assessment, result.en),
    deductions: assessment.deductions ?? [],
    bonus: assessment.bonus ?? [],
  };
}
