import { toResultJson } from "../../../src/core/report";
import { scoreAssessment } from "../../../src/core/score";
import {
  approvedRecord,
  returnedRecord,
  reviewRefusal,
  reviewStateOf,
  type ReviewState,
} from "../../../src/workbook/audit/review";
import {
  inputsOf,
  newRecord,
  readSnapshot,
  recordCells,
  reopened,
  resultOf,
  headerCells,
} from "../../../src/workbook/audit/snapshot";
import { assessmentWith } from "../../helpers/builders";
import { gridOf, rowsAt } from "./grid";

const a = assessmentWith({ evaluators: 2 });
const finalised = newRecord(
  1,
  3,
  { at: "2025-03-14T09:00:00+08:00", by: "王组长" },
  {
    version: 1,
    starscore: "0.1.0",
    lang: "zh",
    inputs: inputsOf(a),
    result: resultOf(toResultJson(a, scoreAssessment(a), "zh")),
    unlocked: { info: [], scoring: [], special: [] },
  },
);
const by = { at: "2025-03-20T10:00:00+08:00", by: "赵经理" };

describe("reviewStateOf: draft, finalised, approved, returned", () => {
  it("follows the latest finalisation through review", () => {
    expect(reviewStateOf([])).toEqual({ state: "draft" });
    expect(reviewStateOf([finalised])).toMatchObject({ state: "finalised", n: 1, finalisedBy: "王组长" });
    expect(reviewStateOf([approvedRecord(finalised, by, "同意")])).toMatchObject({
      state: "approved",
      reviewedBy: "赵经理",
      comment: "同意",
    });
    const returned = returnedRecord(finalised, by, "补证据");
    expect(returned).toMatchObject({ status: "reopened", reopenedBy: "赵经理", reopenedAt: by.at });
    expect(reviewStateOf([returned])).toMatchObject({ state: "returned", comment: "补证据" });
    expect(reviewStateOf([reopened(finalised, "t", "王组长", "补充")])).toMatchObject({
      state: "draft",
      reason: "补充",
    });
    // Finalised again after a return: a new finalisation, not reviewed yet.
    const again = newRecord(2, 4, { at: "t3", by: "王组长" }, finalised.data);
    expect(reviewStateOf([returned, again]).state).toBe("finalised");
  });

  it("a reviewed row is still a valid snapshot row (its checksum covers the review)", () => {
    const [label, header] = headerCells();
    for (const record of [approvedRecord(finalised, by, "同意"), returnedRecord(finalised, by, "退")]) {
      const grid = gridOf("StarScore_Snapshot", {
        ...rowsAt(1, [label!, header!]),
        ...rowsAt(3, [recordCells(record)]),
      });
      const read = readSnapshot(grid);
      expect(read.problems).toEqual([]);
      expect(reviewStateOf(read.records).state).toBe(record.status === "finalised" ? "approved" : "returned");
    }
    // The review edited by hand: the checksum no longer matches.
    const cells = recordCells(approvedRecord(finalised, by, "同意")).map((c) =>
      typeof c === "string" ? c.replace("同意", "同意！") : c,
    );
    const edited = gridOf("StarScore_Snapshot", { ...rowsAt(1, [label!, header!]), ...rowsAt(3, [cells]) });
    expect(readSnapshot(edited).problems).toHaveLength(1);
  });
});

describe("reviewRefusal", () => {
  const state = (s: ReviewState["state"]): ReviewState => ({
    state: s,
    n: 1,
    finalisedBy: "王组长",
    reviewedBy: "赵经理",
    reviewedAt: "t",
  });
  it("lets a reviewer other than the finaliser approve or return (with a comment) a finalised workbook", () => {
    expect(reviewRefusal(state("finalised"), "approve", "赵经理", "")).toBeUndefined();
    expect(reviewRefusal(state("finalised"), "return", "赵经理", "补证据")).toBeUndefined();
    expect(reviewRefusal(state("approved"), "return", "赵经理", "补证据")).toBeUndefined();
    expect(reviewRefusal(state("finalised"), "reopen", "王组长", "补充暗访")).toBeUndefined();
  });

  it("refuses what the state, the person or a missing comment or reason does not allow", () => {
    expect(reviewRefusal(state("finalised"), "approve", " ", "")?.en).toMatch(/Enter your name/);
    expect(reviewRefusal(state("draft"), "approve", "赵经理", "")?.en).toMatch(/not finalised/);
    expect(reviewRefusal(state("returned"), "return", "赵经理", "x")?.en).toMatch(/not finalised/);
    expect(reviewRefusal(state("approved"), "approve", "赵经理", "")?.en).toBe(
      "Finalisation 1 was approved at t by 赵经理.",
    );
    expect(reviewRefusal(state("finalised"), "approve", " 王组长", "")?.en).toBe(
      "Finalisation 1 was made by 王组长: someone else must review it.",
    );
    expect(reviewRefusal(state("finalised"), "return", "赵经理", " ")?.en).toMatch(/Say why it is returned/);
    expect(reviewRefusal(state("approved"), "reopen", "王组长", "")?.en).toBe(
      "Give the reason for reopening.",
    );
  });
});
