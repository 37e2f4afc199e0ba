import type { Lang } from "../../spec/types";
import { SHEET_NAMES } from "../labels";
import type { Grid } from "../read/grid";
import { readWorkbookGrids } from "../read/workbook";
import { checkFinalisation, type AuditCheck, type AuditFinding } from "./check";
import type { ReviewState } from "./review";
import { SNAPSHOT_SHEET } from "./snapshot";

/**
 * The finalisation check on a whole workbook, for `starscore verify` and the pane's verify: the
 * snapshot sheet, the audit log and the assessment, each found by name (`sheet` is the workbook's
 * sheets by name, case-insensitive: an integrity WorkbookView's `sheet`, or the readers' lookup).
 */
export function checkWorkbookFinalisation(sheet: (name: string) => Grid | undefined): AuditCheck {
  const read = readWorkbookGrids(sheet, "en");
  const audit = sheet(SHEET_NAMES.audit.zh) ?? sheet(SHEET_NAMES.audit.en);
  return checkFinalisation({
    snapshot: sheet(SNAPSHOT_SHEET),
    ...(audit && { audit }),
    ...(read.ok && { read }),
  });
}

/** Whether the check found anything wrong (information alone is not). */
export function finalisationFailed(check: AuditCheck): boolean {
  return check.findings.some((f) => f.severity !== "info");
}

/** The findings that are problems, for lists of problems (the pane's verify). */
export function finalisationProblems(check: AuditCheck): AuditFinding[] {
  return check.findings.filter((f) => f.severity !== "info");
}

/** For `--json`: the review state, always (draft, finalised, approved, returned, with who and when). */
export function reviewJson(check: AuditCheck): ReviewState {
  return check.review;
}

/** For the text output: the review state in one line. */
export function reviewText({ review: r }: AuditCheck, lang: Lang): string {
  const zh = lang === "zh";
  switch (r.state) {
    case "draft":
      return zh ? "状态：草稿（未定稿）" : "State: draft (not finalised)";
    case "finalised":
      return zh
        ? `状态：已定稿（第 ${r.n} 次，${r.finalisedAt}，${r.finalisedBy}），待审核`
        : `State: finalised (finalisation ${r.n}, ${r.finalisedAt}, ${r.finalisedBy}), awaiting review`;
    case "approved":
      return zh
        ? `状态：审核通过（第 ${r.n} 次定稿，${r.finalisedBy} 定稿；${r.reviewedAt}，${r.reviewedBy} 审核）`
        : `State: approved (finalisation ${r.n} by ${r.finalisedBy}; approved at ${r.reviewedAt} by ${r.reviewedBy})`;
    case "returned":
      return zh
        ? `状态：已退回（第 ${r.n} 次定稿；${r.reviewedAt}，${r.reviewedBy} 退回：${r.comment}）`
        : `State: returned (finalisation ${r.n}; returned at ${r.reviewedAt} by ${r.reviewedBy}: ${r.comment})`;
  }
}

/** For `--json`: the state, the latest finalisation and the findings in one language. */
export function finalisationJson(check: AuditCheck, lang: Lang) {
  return {
    state: check.state,
    ...(check.record && { record: check.record }),
    findings: check.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      cell: f.cell ?? null,
      message: f.message[lang],
    })),
  };
}

/** For the text output: a heading and one line per finding; "" for a draft with nothing to say. */
export function finalisationText(check: AuditCheck, lang: Lang): string {
  if (check.findings.length === 0) return "";
  const heading = lang === "zh" ? "定稿核对：" : "Finalisation:";
  const lines = check.findings.map((f) => `  ${f.cell ? `${f.cell}  ` : ""}${f.message[lang]}`);
  return [heading, ...lines].join("\n");
}
