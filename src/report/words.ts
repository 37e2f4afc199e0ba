import type { Localised } from "../spec/types";
import type { ReviewStateName } from "../workbook/audit/review";

/** The report's own words, in both languages (the workbook's words come from workbook/labels.ts). */
export const REPORT_WORDS = {
  passed: { zh: "通过", en: "Passed" },
  notPassed: { zh: "未通过", en: "Not passed" },
  period: (start: string, end: string): Localised => ({
    zh: start && end ? `${start} 至 ${end}` : start || end,
    en: start && end ? `${start} to ${end}` : start || end,
  }),
  state: {
    draft: { zh: "草稿（未定稿）", en: "Draft (not finalised)" },
    finalised: { zh: "已定稿", en: "Finalised" },
    approved: { zh: "已复核批准", en: "Approved by the reviewer" },
    returned: { zh: "复核退回", en: "Returned by the reviewer" },
  } satisfies Record<ReviewStateName, Localised>,
} as const;
