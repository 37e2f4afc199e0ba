import type { Severity } from "../../core/issues";
import { SECONDARY_INDICATORS } from "../../spec/indicators";
import type { Item } from "../../spec/types";
import type { PaneIssue } from "../actions/types";

/**
 * How the pane lists issues, the same in every view (Validate, Finalise, the errors an action
 * refused with): by severity; within it by what the issue is about in the specification's order
 * (the workbook as a whole first, then each indicator and item as Appendix B lists them); issues of
 * one item in the order they came. The items nobody has scored yet are not listed one by one: they
 * are one line ("7 items have no valid entry yet: B3, B7–B9…"), and Validate does not count them
 * as errors while scoring is under way.
 */
export interface IssueGroup {
  /** The item code or indicator id the issues are about; null for the workbook as a whole. */
  key: string | null;
  kind: "workbook" | "indicator" | "item";
  issues: PaneIssue[];
}

export interface IssueOverview {
  /** The item-unscored errors, in catalogue order. */
  unscored: PaneIssue[];
  /** Every other error, grouped. */
  errors: IssueGroup[];
  warnings: IssueGroup[];
}

export const UNSCORED_CODE = "item-unscored";

/** Catalogue order (B1–B24, C1–C8, A1–A18) from the code alone; unknown codes sort last. */
export function itemRank(code: string): number {
  const match = /^([BCA])(\d+)$/.exec(code);
  if (!match) return Number.MAX_SAFE_INTEGER;
  return "BCA".indexOf(match[1] ?? "") * 1000 + Number(match[2]);
}

/**
 * An indicator's place among the items: just before its first item once the catalogue is known;
 * before every item until then (Appendix A's order among indicators either way).
 */
function indicatorRank(id: string, items: readonly Item[] | null | undefined): number {
  const first = items?.filter((i) => i.indicator === id).map((i) => itemRank(i.code));
  if (first && first.length > 0) return Math.min(...first) - 0.5;
  const index = SECONDARY_INDICATORS.findIndex((i) => i.id === id);
  return -0.5 + (index < 0 ? 999 : index) / 1000;
}

function groupOf(issue: PaneIssue): Pick<IssueGroup, "key" | "kind"> {
  if (issue.item !== undefined) return { key: issue.item, kind: "item" };
  if (issue.indicator !== undefined) return { key: issue.indicator, kind: "indicator" };
  return { key: null, kind: "workbook" };
}

/** The issues of one severity, grouped and ordered as described above. */
export function groupIssues(
  issues: readonly PaneIssue[],
  severity: Severity,
  items?: readonly Item[] | null,
): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const issue of issues) {
    if (issue.severity !== severity) continue;
    const { key, kind } = groupOf(issue);
    const id = `${kind}:${key ?? ""}`;
    const group = groups.get(id) ?? { key, kind, issues: [] };
    group.issues.push(issue);
    groups.set(id, group);
  }
  const rank = (g: IssueGroup) =>
    g.kind === "workbook" ? -1 : g.kind === "indicator" ? indicatorRank(g.key!, items) : itemRank(g.key!);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b) || String(a.key).localeCompare(String(b.key)));
}

/** The whole list: unscored items apart, then errors and warnings grouped. */
export function issueOverview(issues: readonly PaneIssue[], items?: readonly Item[] | null): IssueOverview {
  const unscored = issues
    .filter((i) => i.code === UNSCORED_CODE)
    .sort((a, b) => itemRank(a.item ?? "") - itemRank(b.item ?? ""));
  const rest = issues.filter((i) => i.code !== UNSCORED_CODE);
  return {
    unscored,
    errors: groupIssues(rest, "error", items),
    warnings: groupIssues(rest, "warning", items),
  };
}

/**
 * Item codes as short runs in catalogue order: B1, B2, B3, B5, C1 → "B1–B3", "B5", "C1". A run is
 * consecutive numbers of one letter (each letter's items are numbered without gaps).
 */
export function codeRuns(codes: readonly string[]): string[] {
  const sorted = [...new Set(codes)].sort((a, b) => itemRank(a) - itemRank(b));
  const runs: string[][] = [];
  for (const code of sorted) {
    const last = runs.at(-1);
    const previous = last?.at(-1);
    if (last && previous && itemRank(code) === itemRank(previous) + 1) last.push(code);
    else runs.push([code]);
  }
  return runs.map((run) => (run.length === 1 ? run[0]! : `${run[0]}–${run.at(-1)}`));
}

/** The errors a view counts: every error but the unscored items (one line of progress instead). */
export function errorCount(overview: IssueOverview): number {
  return overview.errors.reduce((sum, g) => sum + g.issues.length, 0);
}

export function warningCount(overview: IssueOverview): number {
  return overview.warnings.reduce((sum, g) => sum + g.issues.length, 0);
}
