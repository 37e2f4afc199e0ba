/**
 * Workbook-scope defined names, each referring to one cell. The Result_* names are a public
 * interface (docs/workbook.md): other workbooks and tools read the result through them. The others
 * link the sheets' formulas to the settings and rule constants, so a rule lives in one cell.
 */
export const RESULT_NAMES = {
  rawScore: "Result_RawScore",
  applicableTotal: "Result_ApplicableTotal",
  scaledScore: "Result_ScaledScore",
  deductions: "Result_Deductions",
  bonus: "Result_Bonus",
  finalScore: "Result_FinalScore",
  grade: "Result_Grade",
  passed: "Result_Passed",
  complete: "Result_Complete",
} as const;

export const SETTING_NAMES = {
  step: "Setting_Step",
} as const;

export const RULE_NAMES = {
  total: "Rule_Total",
  passMark: "Rule_PassMark",
  failAtDeductions: "Rule_FailDeductions",
  deductionPoints: "Rule_DeductionPoints",
  bonusCap: "Rule_BonusCap",
  fiveStar: "Rule_FiveStar",
  fourStar: "Rule_FourStar",
  threeStar: "Rule_ThreeStar",
  labelFiveStar: "Label_FiveStar",
  labelFourStar: "Label_FourStar",
  labelThreeStar: "Label_ThreeStar",
  labelQualified: "Label_Qualified",
  labelFail: "Label_Fail",
  notApplicable: "Label_NotApplicable",
  /** A follow-up's "verified" outcome, which the Special sheet counts. */
  verified: "Label_Verified",
} as const;

export const SPECIAL_NAMES = {
  deductionCount: "Special_DeductionCount",
  bonusClaimed: "Special_BonusClaimed",
  /** How many of the last audit's rectifications this audit verified. */
  followUpVerified: "Special_FollowUpVerified",
} as const;

/** The Plan sheet's projection (optional sheet): the what-if final score and grade. */
export const PLAN_NAMES = {
  finalScore: "Plan_FinalScore",
  grade: "Plan_Grade",
} as const;
