/** The task pane's strings in the two languages StarScore speaks. */

export type Lang = "zh" | "en";

export const LANGS: readonly Lang[] = ["zh", "en"];

const zh = {
  productName: "StarScore",
  productSubtitle: "商品售后服务认证评分",
  languageGroupLabel: "界面语言",
  languageZh: "中文",
  languageEn: "English",
  description:
    "StarScore 依据商品售后服务认证的评价准则（GB/T 27922、CTS DNISC0301-2025），在 Excel 工作簿中逐项记录评分与依据，精确计算一级、二级指标得分和认证星级。",
  notInExcelTitle: "请在 Excel 中打开",
  notInExcelBody:
    "StarScore 是 Excel 加载项，需在 Excel 中运行：Excel 2019 或更高版本、Microsoft 365 版 Excel、Excel 网页版或 Excel for Mac。",
  unsupportedTitle: "当前 Excel 版本不受支持",
  unsupportedBody:
    "StarScore 需要 Excel JavaScript API 1.8。请改用 Excel 2019 或更高版本、Microsoft 365 版 Excel、Excel 网页版或较新的 Excel for Mac。",
} as const;

/** Every string key; both dictionaries must define all of them. */
export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  productName: "StarScore",
  productSubtitle: "After-sales Service Certification Scoring",
  languageGroupLabel: "Display language",
  languageZh: "中文",
  languageEn: "English",
  description:
    "StarScore scores the after-sales service certification (GB/T 27922, CTS DNISC0301-2025) in an Excel workbook: record each item's score and evidence, and get exact indicator scores and the star rating.",
  notInExcelTitle: "Open this inside Excel",
  notInExcelBody:
    "StarScore is an Excel add-in and runs inside Excel: Excel 2019 or later, Excel for Microsoft 365, Excel on the web, or Excel for Mac.",
  unsupportedTitle: "This version of Excel is not supported",
  unsupportedBody:
    "StarScore needs the Excel JavaScript API 1.8. Use Excel 2019 or later, Excel for Microsoft 365, Excel on the web, or a recent Excel for Mac.",
};

export const messages: Record<Lang, Messages> = { zh, en };

/** zh for any Chinese display language (zh-CN, zh-TW, …), en otherwise. */
export function pickLanguage(displayLanguage: string | null | undefined): Lang {
  return displayLanguage && /^zh\b/i.test(displayLanguage) ? "zh" : "en";
}

/** The BCP 47 tag for a page or element in the given language. */
export function htmlLang(lang: Lang): string {
  return lang === "zh" ? "zh-CN" : "en";
}
