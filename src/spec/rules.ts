import type { Localised } from "./types";

/**
 * The rule constants of scoring-rules.md. The engine, the workbook formulas and the rules sheet all
 * read them from here, so a rule lives in exactly one place.
 */
export const RULES = {
  /** The whole assessment is out of 100 points: 服务要求 60 + 管理要求 40. */
  total: 100,
  /** 6.3.2: a final score below 70 fails. */
  passMark: 70,
  /** 6.3.2: 5 or more special deductions fail, whatever the score ("5 个以上（含 5 个）"). */
  failAtDeductions: 5,
  /** 6.1.5: each special deduction takes 1 point, after scaling. */
  deductionPoints: 1,
  /** Appendix B D2: special bonus at most 1 point in total, after scaling. */
  bonusCap: 1,
  /** Entries are percentages on the workbook's step. */
  steps: [1, 5, 10] as const,
  defaultStep: 5,
  minPercent: 0,
  maxPercent: 100,
  /** The final score is clamped to 0–100 and rounded half-up to 2 decimals; the grade uses that value. */
  minScore: 0,
  maxScore: 100,
  decimals: 2,
  /**
   * Spreadsheets compute in binary doubles, a few units in the 14th digit off the exact value. The
   * final score is rounded half-up to 9 decimals before the rounding to 2, in the engine and in the
   * sheet alike, so the two always agree: a value less than 5e-10 below a half-cent counts as on it.
   */
  snapDecimals: 9,
  /** Spreadsheets hold 15 significant digits: an entry is read to 15, as a cell would store it. */
  entryDigits: 15,
} as const;

export type Step = (typeof RULES.steps)[number];

export type DeductionCategory = "law" | "policy" | "industry" | "system";

/** 6.1.5: the four kinds of special deduction 特别扣分项. */
export const DEDUCTION_CATEGORIES: readonly { id: DeductionCategory; label: Localised }[] = [
  { id: "law", label: { zh: "不符合国家法律法规", en: "Breaches national laws or regulations" } },
  { id: "policy", label: { zh: "不符合企业服务制度", en: "Breaches the company's own service policy" } },
  {
    id: "industry",
    label: { zh: "不符合行业专业性特殊要求", en: "Misses the industry's specific professional requirements" },
  },
  { id: "system", label: { zh: "影响服务系统运行", en: "Affects the operation of the service system" } },
];

export type AssessmentType = "initial" | "recertification" | "surveillance";

/** 6.4.2: every type uses mode A (服务特性检验) + mode G (服务管理审核). */
export const ASSESSMENT_TYPES: readonly { id: AssessmentType; label: Localised }[] = [
  { id: "initial", label: { zh: "初次认证", en: "Initial certification" } },
  { id: "recertification", label: { zh: "再认证", en: "Recertification" } },
  { id: "surveillance", label: { zh: "保持认证（监督评价）", en: "Surveillance" } },
];

export const CERTIFICATION_MODES: Localised = {
  zh: "模式 A（服务特性检验）+ 模式 G（服务管理审核）",
  en: "Mode A (service characteristics inspection) + mode G (service management audit)",
};
