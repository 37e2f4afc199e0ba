import type { Assessment } from "../../assessment/schema";
import { compareAssessments } from "../../core/compare";
import { planFor, type PlanTarget } from "../../core/plan";
import { ITEMS } from "../../spec";
import type { Localised } from "../../spec/types";
import type { CellLocator } from "../../workbook/read/locator";
import type { HostContext } from "../excel/host";
import { assess } from "./assess";
import { ActionError, unreadableError } from "./errors";
import { loadWorkbook } from "./load";
import { readerIssue } from "./pane-issues";
import { INPUT_SHEETS } from "./sheets";
import type { CompareReport, PlanReport } from "./types";

/**
 * plan and compare, the Results stage's questions about the open workbook: one read sync of its
 * input sheets, nothing written (no audit log row: they change nothing and decide nothing). The
 * workbook is read and scored as compute reads it; the core answers (src/core/plan.ts,
 * src/core/compare.ts), exactly as `starscore plan` and `starscore compare` answer for the saved
 * file.
 */
export async function planWorkbook(context: HostContext, target?: PlanTarget): Promise<PlanReport> {
  const { locator, scoring } = await readAssessment(context, {
    zh: "无法计算达到目标等级的计划",
    en: "no plan can be made",
  });
  return { plan: planFor(scoring, target), cells: itemCells(locator) };
}

/** The open workbook (this audit) against `previous`, the previous audit's assessment. */
export async function compareWorkbook(
  context: HostContext,
  previous: { name: string; assessment: Assessment },
): Promise<CompareReport> {
  const { assessment, locator } = await readAssessment(context, {
    zh: "无法与上次审核比较",
    en: "it cannot be compared with the previous audit",
  });
  return {
    comparison: compareAssessments(previous.assessment, assessment),
    previous: previous.name,
    cells: itemCells(locator),
  };
}

/**
 * The workbook's assessment, scored; refused when it cannot be read or an entry cell is not a
 * number (read as blank, it would count as 0 % and mislead), with the cells at fault.
 */
async function readAssessment(context: HostContext, consequence: Localised) {
  const { snapshot } = await loadWorkbook(context, INPUT_SHEETS);
  const assessed = assess(snapshot);
  if (!assessed.ok) throw unreadableError(consequence, assessed.issues);
  if (assessed.read.issues.length > 0) {
    throw new ActionError(
      {
        zh: `有录入单元格不是数字，因此${consequence.zh}。请先修正以下单元格。`,
        en: `Some entry cells are not numbers, so ${consequence.en}. Fix these cells first.`,
      },
      assessed.read.issues.map(readerIssue),
    );
  }
  return { assessment: assessed.read.assessment, locator: assessed.read.locator, scoring: assessed.scoring };
}

/** Each item's first entry cell: where "go to the item" goes. */
function itemCells(locator: CellLocator): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const { code } of ITEMS) {
    const cell = locator.entry(code, 0);
    if (cell !== undefined) cells[code] = cell;
  }
  return cells;
}
