import type { ReportModel } from "../../report/model";

/**
 * The pane's .docx report (issue 13): where the host lets a task pane download a file, and the
 * file itself, built in the browser by the CLI's code in a chunk of its own (report-docx.ts).
 *
 * Downloads from a task pane (a Blob URL on an <a download>) work in Excel on the web (a browser
 * tab) and on Windows (WebView2, which shows its own download prompt). On the Mac the task pane is
 * a WKWebView, where a download does nothing (OfficeDev/office-js#2700, #4681; #3385: no
 * openBrowserWindow on the web); iPad and Android task panes are the same kind of web view.
 * Office.context.platform tells them apart (Office.PlatformType: "PC", "OfficeOnline", "Mac",
 * "iOS", "Android", "Universal"); outside Office (a plain browser, the tests) it is undefined.
 */
export function downloadsAllowed(platform: string | undefined): boolean {
  return platform !== "Mac" && platform !== "iOS" && platform !== "Android";
}

/** Characters Windows refuses in a file name (control characters too). */
const UNSAFE = '\\/:*?"<>|';

/** The .docx's file name: "<organisation> 审查报告.docx" / "<organisation> assessment report.docx", safe on every system. */
export function reportFileName(model: Pick<ReportModel, "organization" | "lang">): string {
  const organization = [...model.organization]
    .map((c) => (c < " " || UNSAFE.includes(c) ? "_" : c))
    .join("")
    .trim()
    .slice(0, 80);
  const word = model.lang === "zh" ? "审查报告" : "assessment report";
  return `${organization ? `${organization} ` : ""}${word}.docx`;
}

/** The built-in report filled from the model, as the CLI's `starscore report` writes it. */
export async function reportDocx(model: ReportModel): Promise<Uint8Array> {
  const { builtinReportDocx } = await import(/* webpackChunkName: "report-docx" */ "./report-docx");
  return builtinReportDocx(model);
}
