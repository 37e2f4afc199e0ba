/**
 * The shapes of the specification CTS DNISC0301-2025 (Appendices A, B, C and clause 6.5) as data.
 * Points and weights are plain numbers because every one of them is an integer or a half, which a
 * double holds exactly; the engine turns them into exact fractions before any arithmetic.
 */

export type Lang = "zh" | "en";

/** A text in the two languages StarScore speaks. */
export interface Localised {
  zh: string;
  en: string;
}

export type PrimaryIndicatorId = "service" | "management";

/** 一级指标: 服务要求 (60) or 管理要求 (40). */
export interface PrimaryIndicator {
  id: PrimaryIndicatorId;
  name: Localised;
  weight: number;
}

/** 二级指标, identified by its GB/T 27922 clause, e.g. "5.2.1". */
export interface SecondaryIndicator {
  id: string;
  primary: PrimaryIndicatorId;
  name: Localised;
  /** Appendix A weight; the points of the indicator's items sum to it. */
  weight: number;
  /** The clause of CTS DNISC0301-2025 chapters 4 and 5 that applies it, e.g. "4.1". */
  specClause: string;
  /** Only 5.2.1–5.2.6 (spec 4.1–4.6) may be excluded as not applicable (6.1.5). */
  excludable: boolean;
}

/** One scored row of Appendix B (评价准则), identified by its 维度 code. */
export interface Item {
  code: string;
  /** GB/T 27922 clause of the check content, e.g. "5.2.1.3". */
  clause: string;
  /** Id of the secondary indicator the item belongs to. */
  indicator: string;
  /** 检查内容, in the original Chinese, without the leading clause number. */
  content: string;
  /** 分值. */
  points: number;
  /** 评价准则, in the original Chinese; paragraphs separated by "\n". */
  criterion: string;
  /** A short title: zh a few characters, en a few words. */
  title: Localised;
}

/** One of Appendix C's five maturity bands (评分比例). */
export interface Band {
  /** 1 to 5. */
  level: number;
  /** Lower bound in percent, inclusive. */
  from: number;
  /** Upper bound in percent: exclusive, except 100 which belongs to band 5. */
  to: number;
  /** The three descriptor sentences of Appendix C (zh original; en a faithful translation). */
  descriptors: { zh: string[]; en: string[] };
}

export type GradeId = "five-star" | "four-star" | "three-star" | "qualified" | "fail";

/** A row of the grade table (6.5, corrected by scoring-rules.md). */
export interface Grade {
  id: GradeId;
  /** Lowest final score that reaches the grade; null for fail. */
  min: number | null;
  label: Localised;
}
