import type { PaneIssue, PaneIssueCode } from "../../../src/taskpane/actions/types";
import { ITEMS } from "../../../src/spec";
import {
  codeRuns,
  errorCount,
  groupIssues,
  issueOverview,
  itemRank,
  warningCount,
} from "../../../src/taskpane/model/issues";

const issue = (
  code: PaneIssueCode,
  about: Partial<PaneIssue> = {},
  severity: "error" | "warning" = "error",
): PaneIssue => ({
  code,
  severity,
  message: { zh: code, en: code },
  ...about,
});

/** One grouping and one order everywhere (issue 11, points 7 and 8). */
describe("how issues are listed", () => {
  test("the workbook first, then indicators and items in the specification's order", () => {
    const issues = [
      issue("entry-off-step", { item: "A3" }),
      issue("deduction-no-description"),
      issue("exclusion-no-reason", { indicator: "5.2.3" }),
      issue("entry-out-of-range", { item: "C2" }),
      issue("exclusion-no-reason", { item: "B6" }),
      issue("entry-off-step", { item: "B6" }),
      issue("entry-off-step", { item: "B10" }),
    ];
    const order = (items?: typeof ITEMS) =>
      groupIssues(issues, "error", items).map((g) => `${g.kind}:${g.key}`);
    // 5.2.3 (配送) is B9–B11: with the catalogue it sits just before B10, after B6.
    expect(order(ITEMS)).toEqual([
      "workbook:null",
      "item:B6",
      "indicator:5.2.3",
      "item:B10",
      "item:C2",
      "item:A3",
    ]);
    // Before the catalogue has loaded: indicators before the items, items still B, C, A.
    expect(order()).toEqual([
      "workbook:null",
      "indicator:5.2.3",
      "item:B6",
      "item:B10",
      "item:C2",
      "item:A3",
    ]);
    // An item's issues keep their order: the exclusion's issue is under its item, not under the workbook.
    expect(groupIssues(issues, "error", ITEMS)[1]!.issues.map((i) => i.code)).toEqual([
      "exclusion-no-reason",
      "entry-off-step",
    ]);
  });

  test("unscored items are apart, not errors to count one by one", () => {
    const issues = [
      issue("item-unscored", { item: "A18" }),
      issue("item-unscored", { item: "B2" }),
      issue("entry-off-step", { item: "B1" }),
      issue("deduction-no-rectification", {}, "warning"),
    ];
    const overview = issueOverview(issues);
    expect(overview.unscored.map((i) => i.item)).toEqual(["B2", "A18"]);
    expect(errorCount(overview)).toBe(1);
    expect(warningCount(overview)).toBe(1);
  });

  test("item codes as runs in catalogue order", () => {
    expect(codeRuns(["B3", "B1", "B2", "B5", "C1", "A18", "A17", "B24"])).toEqual([
      "B1–B3",
      "B5",
      "B24",
      "C1",
      "A17–A18",
    ]);
    expect(codeRuns(ITEMS.map((i) => i.code))).toEqual(["B1–B24", "C1–C8", "A1–A18"]);
    expect(itemRank("X1")).toBe(Number.MAX_SAFE_INTEGER);
  });
});
