import type { Localised } from "../spec/types";

/**
 * Validation issues: what is wrong, where, and what to do, in both languages. Every issue has a
 * stable code so that the task pane, the CLI and tests can rely on it while the wording evolves.
 */
export type Severity = "error" | "warning";

export interface IssueLocation {
  /** Item code (B1…A18) the issue is about. */
  item?: string;
  /** Index of the evaluator (column) in the assessment, from 0. */
  evaluator?: number;
  /** The part of the assessment: "scores", "exclusions", "deductions[2].description", … */
  field?: string;
}

export interface ValidationIssue extends IssueLocation {
  code: IssueCode;
  severity: Severity;
  message: Localised;
}

/** Words about the place an issue points at, already localised by the caller. */
export interface MessageParams {
  item?: string;
  evaluator?: Localised;
  value?: string;
  step?: number;
  suggestion?: string;
  expected?: number;
  actual?: number;
  key?: string;
  index?: number;
  total?: string;
  cap?: number;
  items?: string;
}

type Template = (p: MessageParams) => string;

interface IssueDefinition {
  severity: Severity;
  zh: Template;
  en: Template;
}

const ev = (p: MessageParams, lang: keyof Localised) => p.evaluator?.[lang] ?? "";

const DEFINITIONS = {
  "entry-out-of-range": {
    severity: "error",
    zh: (p) => `${p.item}：${ev(p, "zh")}录入的 ${p.value} 超出 0–100。请输入 0 到 100 之间的百分比。`,
    en: (p) =>
      `${p.item}: ${ev(p, "en")} entered ${p.value}, outside 0–100. Type a percentage from 0 to 100.`,
  },
  "entry-looks-like-fraction": {
    severity: "error",
    zh: (p) =>
      `${p.item}：${ev(p, "zh")}录入的 ${p.value} 像是小数形式的比例。请输入百分数 ${p.suggestion}。`,
    en: (p) =>
      `${p.item}: ${ev(p, "en")} entered ${p.value}, which looks like a fraction. Type the percentage ${p.suggestion} instead.`,
  },
  "entry-off-step": {
    severity: "error",
    zh: (p) =>
      `${p.item}：${ev(p, "zh")}录入的 ${p.value} 不是步长 ${p.step} 的倍数。请输入 0、${p.step}、${2 * (p.step ?? 0)} … 100 中的一个值，例如 ${p.suggestion}。`,
    en: (p) =>
      `${p.item}: ${ev(p, "en")} entered ${p.value}, which is not a multiple of the step ${p.step}. Type one of 0, ${p.step}, ${2 * (p.step ?? 0)} … 100, e.g. ${p.suggestion}.`,
  },
  "row-length": {
    severity: "error",
    zh: (p) =>
      `${p.item}：评分有 ${p.actual} 个值，但评价人有 ${p.expected} 位。每位评价人一列，未评的填 null。`,
    en: (p) =>
      `${p.item}: the scores have ${p.actual} values but there are ${p.expected} evaluators. Give one value per evaluator, null where blank.`,
  },
  "unknown-item": {
    severity: "error",
    zh: (p) => `“${p.key}”不是评价项目代码（应为 B1–B24、C1–C8、A1–A18）。`,
    en: (p) => `"${p.key}" is not an item code (expected B1–B24, C1–C8, A1–A18).`,
  },
  "item-unscored": {
    severity: "error",
    // "No valid entry": an entry that is not a number (text, 0.8 for 80 %) leaves the item unscored too.
    zh: (p) => `${p.item}：没有有效评分，结果不完整（暂按 0 分计）。请评分，或在适用时注明删减。`,
    en: (p) =>
      `${p.item}: no valid entry, so the result is incomplete (counted as 0 for now). Score it, or exclude it where that is allowed.`,
  },
  "exclusion-not-allowed": {
    severity: "error",
    zh: (p) => `“${p.key}”不可删减：只有 5.2.1–5.2.6（B1–B24）的项目可因不适用而删减。`,
    en: (p) =>
      `"${p.key}" cannot be excluded: only items under 5.2.1–5.2.6 (B1–B24) may be excluded as not applicable.`,
  },
  "exclusion-unknown": {
    severity: "error",
    zh: (p) => `删减“${p.key}”既不是项目代码也不是二级指标条款（如 B10 或 5.2.3）。`,
    en: (p) =>
      `The exclusion "${p.key}" is neither an item code nor an indicator clause (such as B10 or 5.2.3).`,
  },
  "exclusion-no-reason": {
    severity: "error",
    zh: (p) => `删减“${p.key}”没有填写原因。每项删减都须注明不适用的原因。`,
    en: (p) =>
      `The exclusion "${p.key}" has no reason. Every exclusion must say why the item does not apply.`,
  },
  "exclusion-has-entries": {
    severity: "error",
    // The key named only when it is not the item itself (a whole indicator): no "B6 已删减（B6）".
    zh: (p) =>
      `${p.item} 已${p.key && p.key !== p.item ? `随 ${p.key} ` : ""}删减，但仍有评分。请删除评分或取消删减。`,
    en: (p) =>
      `${p.item} is excluded${p.key && p.key !== p.item ? ` with ${p.key}` : ""} but still has entries. Remove the entries or the exclusion.`,
  },
  "deduction-no-description": {
    severity: "error",
    zh: (p) => `第 ${p.index} 项特别扣分项没有描述。请写明发现的问题。`,
    en: (p) => `Special deduction ${p.index} has no description. Describe what was found.`,
  },
  "deduction-unknown-item": {
    severity: "error",
    zh: (p) => `第 ${p.index} 项特别扣分项关联的“${p.key}”不是项目代码。`,
    en: (p) => `Special deduction ${p.index} refers to "${p.key}", which is not an item code.`,
  },
  "deduction-no-rectification": {
    severity: "warning",
    zh: (p) => `第 ${p.index} 项特别扣分项没有整改要求。特别扣分项应进行整改。`,
    en: (p) => `Special deduction ${p.index} has no rectification. Every special deduction requires one.`,
  },
  "bonus-not-positive": {
    severity: "error",
    zh: (p) => `第 ${p.index} 项特别加分项的分值 ${p.value} 须大于 0。`,
    en: (p) => `Special bonus ${p.index} has ${p.value} points; it must be more than 0.`,
  },
  "bonus-no-reason": {
    severity: "error",
    zh: (p) => `第 ${p.index} 项特别加分项没有理由。请写明企业的特别优势。`,
    en: (p) => `Special bonus ${p.index} has no reason. State the company's particular strength.`,
  },
  "bonus-over-cap": {
    severity: "error",
    zh: (p) => `特别加分合计 ${p.total} 分，超过上限 ${p.cap} 分（暂按 ${p.cap} 分计）。`,
    en: (p) =>
      `The special bonus totals ${p.total} points, over the cap of ${p.cap} (counted as ${p.cap} for now).`,
  },
  "no-evaluators": {
    severity: "error",
    zh: () => `评估没有评价人。请至少添加一位审核员或一次暗访。`,
    en: () => `The assessment has no evaluators. Add at least one auditor or visit.`,
  },
  "evaluator-no-entries": {
    severity: "warning",
    zh: (p) => `${ev(p, "zh")}没有为任何项目评分。`,
    en: (p) => `${ev(p, "en")} has not scored any item.`,
  },
  "lead-auditor-unknown": {
    severity: "error",
    zh: (p) => `封面所填审查组长“${p.key}”不在评价组中。请从评价组的审核员中选择，或清空该单元格。`,
    en: (p) =>
      `The lead auditor "${p.key}" on the Info sheet is nobody on the evaluation team. Choose one of the team's auditors, or clear the cell.`,
  },
  "lead-auditor-visit": {
    severity: "error",
    zh: (p) => `封面所填审查组长“${p.key}”是一次暗访，不是审核员。请从评价组的审核员中选择。`,
    en: (p) =>
      `The lead auditor "${p.key}" on the Info sheet is a mystery-shopper visit, not an auditor. Choose one of the team's auditors.`,
  },
  "plan-target-unknown-item": {
    severity: "warning",
    zh: (p) => `计划目标“${p.key}”不是评价项目代码，已忽略。`,
    en: (p) => `The plan target "${p.key}" is not an item code; it is ignored.`,
  },
  "plan-target-out-of-range": {
    severity: "warning",
    zh: (p) => `${p.item} 的计划目标 ${p.value} 不在 0–100 之间，已按当前达成率计。`,
    en: (p) => `The plan target ${p.value} for ${p.item} is outside 0–100; the current attainment is used.`,
  },
  "plan-target-excluded": {
    severity: "warning",
    zh: (p) => `${p.item} 已删减，其计划目标 ${p.value} 不计入。`,
    en: (p) => `${p.item} is excluded: its plan target ${p.value} does not count.`,
  },
} satisfies Record<string, IssueDefinition>;

export type IssueCode = keyof typeof DEFINITIONS;

export const ISSUE_CODES = Object.keys(DEFINITIONS) as IssueCode[];

export function issue(code: IssueCode, location: IssueLocation, params: MessageParams = {}): ValidationIssue {
  const definition: IssueDefinition = DEFINITIONS[code];
  return {
    code,
    severity: definition.severity,
    ...location,
    message: { zh: definition.zh(params), en: definition.en(params) },
  };
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === "error");
}
