import { indicatorById } from "../spec";
import { RULES } from "../spec/rules";
import type { Lang, Localised } from "../spec/types";
import { toFixed, type Exact } from "../core/exact";
import type { AgreementJson } from "../core/agreement";
import type { Scoring } from "../core/score";
import { renderTable } from "./table";

/** The human-readable report of `starscore score`: indicator table, result, reasons, issues. */
const WORDS = {
  zh: {
    indicator: "二级指标",
    max: "权重",
    applicableMax: "适用分值",
    score: "得分",
    attainment: "达成率",
    evaluator: "评价人",
    total: "个人总分",
    scored: "已评项目",
    mean: "平均 %",
    bias: "偏差",
    disagreements: "评价人分歧（最高与最低相差 2 个及以上评分区间）",
    raw: "实际得分",
    applicableTotal: "涉及项总分值",
    scaled: "换算得分",
    deductions: "特别扣分项",
    bonus: "特别加分",
    final: "最终得分",
    grade: "等级",
    incomplete: "结果不完整：有适用项目未评分（暂按 0 分计）。",
    reasons: "不合格原因",
    issues: "问题",
    error: "错误",
    warning: "警告",
    excluded: "已删减",
    none: "无",
  },
  en: {
    indicator: "Indicator",
    max: "Weight",
    applicableMax: "Applicable",
    score: "Score",
    attainment: "Attainment",
    evaluator: "Evaluator",
    total: "Own total",
    scored: "Items scored",
    mean: "Mean %",
    bias: "Bias",
    disagreements: "Evaluators disagree (highest and lowest 2 or more bands apart)",
    raw: "Raw score",
    applicableTotal: "Applicable total",
    scaled: "Scaled score",
    deductions: "Special deductions",
    bonus: "Special bonus",
    final: "Final score",
    grade: "Grade",
    incomplete: "Incomplete: some applicable items have no entries (counted as 0 for now).",
    reasons: "Fail reasons",
    issues: "Issues",
    error: "error",
    warning: "warning",
    excluded: "excluded",
    none: "none",
  },
} as const;

const fixed = (v: Exact) => toFixed(v, RULES.decimals);
const percent = (v: Exact | null) => (v === null ? "" : `${toFixed(v.mul(100), 1)}%`);

/**
 * `before`: issues found before scoring (a workbook's unreadable entry cells), listed first.
 * `agreement` (a team of two or more): each evaluator's mean and bias, and the items in disagreement.
 */
export function renderReport(
  { result, issues }: Scoring,
  lang: Lang,
  before: readonly { severity: "error" | "warning"; message: Localised }[] = [],
  agreement?: AgreementJson,
): string {
  const w = WORDS[lang];
  const indicatorRows = result.indicators.map((i) => [
    `${i.id} ${indicatorById(i.id)?.name[lang] ?? ""}`,
    fixed(i.max),
    i.applicableMax.equals(0) ? w.excluded : fixed(i.applicableMax),
    fixed(i.score),
    percent(i.attainment),
  ]);
  const team = agreement && result.evaluators.length > 1 ? agreement : undefined;
  const two = (v: number | null) => (v === null ? "" : v.toFixed(2));
  const evaluatorRows = result.evaluators.map((e) => [
    e.name,
    fixed(e.total),
    String(e.itemsScored),
    ...(team ? [two(team.evaluators[e.index]!.meanPercent), signed(team.evaluators[e.index]!.bias)] : []),
  ]);
  const summary: [string, string][] = [
    [w.raw, fixed(result.rawScore)],
    [w.applicableTotal, fixed(result.applicableTotal)],
    [w.scaled, fixed(result.scaledScore)],
    [w.deductions, `${result.deductionCount} (−${fixed(result.deductionPoints)})`],
    [w.bonus, `+${fixed(result.bonus)}`],
    [w.final, fixed(result.finalScore)],
    [w.grade, result.gradeLabel[lang]],
  ];
  const sections = [
    renderTable([w.indicator, w.max, w.applicableMax, w.score, w.attainment], indicatorRows, [
      "left",
      "right",
      "right",
      "right",
      "right",
    ]),
    renderTable([w.evaluator, w.total, w.scored, ...(team ? [w.mean, w.bias] : [])], evaluatorRows, [
      "left",
      "right",
      "right",
      "right",
      "right",
    ]),
    ...(team ? [disagreementLine(team, lang)] : []),
    summary.map(([k, v]) => `${k}: ${v}`).join("\n"),
  ];
  if (!result.complete) sections.push(w.incomplete);
  if (result.reasons.length) {
    sections.push(`${w.reasons}:\n${result.reasons.map((r) => `  - ${r.message[lang]}`).join("\n")}`);
  }
  const issueLines = [...before, ...issues].map(
    (i) => `  [${i.severity === "error" ? w.error : w.warning}] ${i.message[lang]}`,
  );
  sections.push(
    `${w.issues} (${issueLines.length}):${issueLines.length ? "\n" + issueLines.join("\n") : " " + w.none}`,
  );
  return sections.join("\n\n");
}

/** "+1.50", "−2.25", "0.00"; "" for none. */
function signed(value: number | null): string {
  if (value === null) return "";
  if (value === 0) return "0.00";
  return `${value > 0 ? "+" : "−"}${Math.abs(value).toFixed(2)}`;
}

/** "Evaluators disagree (…): B3 (35–70), C4 (20–80)", or "… none". */
function disagreementLine(agreement: AgreementJson, lang: Lang): string {
  const w = WORDS[lang];
  const items = agreement.items
    .filter((i) => i.disagreement)
    .map((i) => `${i.code} (${i.minPercent}–${i.maxPercent})`);
  return `${w.disagreements}: ${items.length ? items.join(lang === "zh" ? "、" : ", ") : w.none}`;
}
