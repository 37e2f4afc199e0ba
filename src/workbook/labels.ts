import type { Lang, Localised } from "../spec/types";
import type { SheetKey } from "./types";

/** Every word the workbook shows, in both languages; the layout picks one. */
export const SHEET_NAMES: Record<SheetKey, Localised> = {
  info: { zh: "封面", en: "Info" },
  scoring: { zh: "评分", en: "Scoring" },
  special: { zh: "特别项", en: "Special" },
  summary: { zh: "汇总", en: "Summary" },
  /** Optional (LayoutOptions.plan): the what-if of the gap to a target grade. */
  plan: { zh: "计划", en: "Plan" },
  rules: { zh: "规则", en: "Rules" },
  /** Appended to by the task pane only (src/workbook/audit/log.ts). */
  audit: { zh: "审计日志", en: "Audit log" },
};

export const TEXT = {
  title: { zh: "商品售后服务认证评分表", en: "After-sales Service Certification Scoring" },
  // Excel refuses to sort rows holding locked cells on a protected sheet, whatever its options allow.
  sortNote: {
    zh: "排序：先撤销工作表保护（审阅 › 撤销工作表保护），用第 4 行的筛选按钮排序，再重新保护工作表。",
    en: "To sort: unprotect the sheet (Review › Unprotect Sheet), sort with the filter buttons in row 4, then protect it again.",
  },
  spec: {
    zh: "依据 CTS DNISC0301-2025《商品售后服务认证技术规范》（GB/T 27922-2011）",
    en: "Per CTS DNISC0301-2025 After-sales Service Certification Technical Specification (GB/T 27922-2011)",
  },
  // Info
  organisation: { zh: "受评组织", en: "Organisation" },
  assessmentType: { zh: "评价类型", en: "Assessment type" },
  modes: { zh: "认证模式", en: "Certification modes" },
  startDate: { zh: "评价开始日期", en: "Start date" },
  endDate: { zh: "评价结束日期", en: "End date" },
  step: { zh: "评分步长（%）", en: "Entry step (%)" },
  version: { zh: "StarScore 版本", en: "StarScore version" },
  layoutVersion: { zh: "版式版本", en: "Layout version" },
  purpose: { zh: "评价目的", en: "Purpose" },
  purposeCertification: { zh: "认证审核", en: "Certification audit" },
  purposeSelfAssessment: { zh: "自评", en: "Self-assessment" },
  team: { zh: "评价组", en: "Evaluation team" },
  column: { zh: "列", en: "Column" },
  name: { zh: "姓名 / 名称", en: "Name" },
  kind: { zh: "类型", en: "Kind" },
  // Scoring
  code: { zh: "代码", en: "Code" },
  clause: { zh: "条款", en: "Clause" },
  content: { zh: "检查内容", en: "Check content" },
  points: { zh: "分值", en: "Points" },
  criterion: { zh: "评价准则", en: "Criterion" },
  applicable: { zh: "适用", en: "Applicable" },
  exclusionReason: { zh: "删减原因", en: "Exclusion reason" },
  itemScore: { zh: "得分", en: "Score" },
  entryCount: { zh: "评分人数", en: "Entries" },
  meanPercent: { zh: "平均 %", en: "Mean %" },
  notes: { zh: "备注 / 证据", en: "Notes / evidence" },
  indicatorHelper: { zh: "二级指标", en: "Indicator" },
  primaryHelper: { zh: "一级指标", en: "Primary" },
  includedHelper: { zh: "计入", en: "Included" },
  validHelper: { zh: "有效值", en: "Valid" },
  countedHelper: { zh: "计数", en: "Counted" },
  evaluatorTotal: { zh: "个人总分", en: "Own total" },
  itemsScored: { zh: "已评项目数", en: "Items scored" },
  coverage: { zh: "覆盖率", en: "Coverage" },
  yes: { zh: "适用", en: "Yes" },
  notApplicable: { zh: "不适用", en: "No" },
  auditor: { zh: "审核员", en: "Auditor" },
  visit: { zh: "暗访", en: "Visit" },
  // Special
  deductionsTitle: {
    zh: "特别扣分项（每项扣 1 分，在删减换算后扣除）",
    en: "Special deductions (−1 point each, after scaling)",
  },
  bonusTitle: {
    zh: "特别加分项（合计最多 1 分，在删减换算后加分）",
    en: "Special bonus (at most 1 point in total, after scaling)",
  },
  number: { zh: "序号", en: "No." },
  category: { zh: "类别", en: "Category" },
  description: { zh: "描述", en: "Description" },
  relatedItem: { zh: "关联项目", en: "Related item" },
  evidence: { zh: "证据", en: "Evidence" },
  rectification: { zh: "整改要求", en: "Rectification" },
  deadline: { zh: "整改期限", en: "Deadline" },
  status: { zh: "状态", en: "Status" },
  statusOpen: { zh: "未整改", en: "Open" },
  statusClosed: { zh: "已整改", en: "Closed" },
  deductionCount: { zh: "特别扣分项数", en: "Deductions" },
  bonusPoints: { zh: "分值", en: "Points" },
  bonusReason: { zh: "理由", en: "Reason" },
  bonusClaimed: { zh: "加分合计", en: "Bonus claimed" },
  bonusApplied: { zh: "计入加分（上限 1 分）", en: "Bonus applied (cap 1)" },
  followUpTitle: {
    zh: "上次审核的整改（待验证）：不计分，请记录每项整改是否已落实",
    en: "Rectifications from the last audit (to verify): not scored; record whether each was done",
  },
  outcome: { zh: "验证结果", en: "Outcome" },
  outcomeVerified: { zh: "已验证", en: "Verified" },
  outcomeNotVerified: { zh: "未落实", en: "Not verified" },
  followUpNote: { zh: "验证说明", en: "Verification note" },
  followUpVerified: { zh: "已验证项数", en: "Verified (count)" },
  // Summary
  summaryTitle: { zh: "评价结果汇总", en: "Assessment Result" },
  indicator: { zh: "二级指标", en: "Indicator" },
  weight: { zh: "权重", en: "Weight" },
  applicableMax: { zh: "适用分值", en: "Applicable" },
  attainment: { zh: "达成率", en: "Attainment" },
  subtotal: { zh: "小计", en: "Subtotal" },
  total: { zh: "合计", en: "Total" },
  rawScore: { zh: "实际得分", en: "Raw score" },
  applicableTotal: { zh: "涉及项总分值", en: "Applicable total" },
  scaledScore: {
    zh: "换算得分（实际得分 ÷ 涉及项总分值 × 100）",
    en: "Scaled score (raw ÷ applicable × 100)",
  },
  deductions: { zh: "特别扣分项（个）", en: "Special deductions (count)" },
  bonus: { zh: "特别加分", en: "Special bonus" },
  finalScore: { zh: "最终得分", en: "Final score" },
  grade: { zh: "等级", en: "Grade" },
  passed: { zh: "是否通过", en: "Passed" },
  failBelow: { zh: "不合格原因：得分", en: "Fail reason: score" },
  failDeductions: { zh: "不合格原因：特别扣分项", en: "Fail reason: deductions" },
  complete: { zh: "评分完整", en: "Complete" },
  completeness: { zh: "完整度（已评适用项目 ÷ 适用项目）", en: "Completeness (scored ÷ applicable items)" },
  chartTitle: { zh: "各二级指标达成率", en: "Attainment per indicator" },
  engineCheck: { zh: "StarScore 引擎核对", en: "StarScore engine check" },
  // Plan
  planTitle: { zh: "计划：达到目标等级的假设分析", en: "Plan: what it takes to reach a grade" },
  planHint: {
    zh: "在“目标 %”列填写某项目希望达到的平均达成率（0–100，留空即为当前值），下方即显示预计的最终得分和等级；特别扣分项和加分按当前计。",
    en: "Type the mean attainment you aim for in an item's Target % (0–100; blank keeps the current one): the projected final score and grade follow below. Deductions and bonus stay as they are.",
  },
  item: { zh: "项目", en: "Item" },
  currentPercent: { zh: "当前达成率 %", en: "Current %" },
  targetPercent: { zh: "目标 %", en: "Target %" },
  projectedScore: { zh: "预计得分", en: "Projected score" },
  current: { zh: "当前", en: "Current" },
  projected: { zh: "计划", en: "Projected" },
  // Rules
  rulesTitle: { zh: "评分规则", en: "Scoring rules" },
  bandsTitle: { zh: "附录 C 评分比例与评分规则", en: "Appendix C maturity bands" },
  band: { zh: "评分比例", en: "Band" },
  descriptor: { zh: "评分规则", en: "Descriptors" },
  gradesTitle: { zh: "等级", en: "Grades" },
  minScore: { zh: "最低得分", en: "Minimum score" },
  constantsTitle: { zh: "规则参数", en: "Rule constants" },
  value: { zh: "值", en: "Value" },
  listsTitle: { zh: "下拉列表", en: "Lists" },
  // Audit log
  auditNote: {
    zh: "由 StarScore 任务窗格在每次操作时追加，请勿编辑。",
    en: "Appended by the StarScore task pane at each action; do not edit.",
  },
  auditTime: { zh: "时间", en: "Time" },
  auditPerson: { zh: "操作人", en: "Person" },
  auditAction: { zh: "操作", en: "Action" },
  auditSummary: { zh: "摘要", en: "Summary" },
} satisfies Record<string, Localised>;

export type TextKey = keyof typeof TEXT;

export function text(lang: Lang): (key: TextKey) => string {
  return (key) => TEXT[key][lang];
}
