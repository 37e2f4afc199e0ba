import type { Assessment } from "../../../src/assessment/schema";
import { toResultJson } from "../../../src/core/report";
import { scoreAssessment } from "../../../src/core/score";
import { checkFinalisation, entryChanges, MAX_CHANGE_FINDINGS } from "../../../src/workbook/audit/check";
import { auditRow, AUDIT_LAYOUT } from "../../../src/workbook/audit/log";
import {
  headerCells,
  inputsOf,
  newRecord,
  recordCells,
  reopened,
  resultOf,
  type SnapshotRecord,
} from "../../../src/workbook/audit/snapshot";
import { approvedRecord, returnedRecord } from "../../../src/workbook/audit/review";
import { readWorkbookGrids } from "../../../src/workbook/read/workbook";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { layoutSheetView } from "../../../src/workbook/integrity/view";
import { assessmentWith } from "../../helpers/builders";
import { gridOf, rowsAt } from "./grid";

const finalisedAssessment: Assessment = {
  ...assessmentWith({ evaluators: 2, deductions: 2, bonus: [0.5] }),
  notes: { A1: "现场查看" },
  exclusions: { B10: "不提供安装服务" },
};

function recordOf(a: Assessment, n = 1, row = 3): SnapshotRecord {
  return newRecord(
    n,
    row,
    { at: "2025-03-14T09:26:53+08:00", by: "王组长" },
    {
      version: 1,
      starscore: "0.1.0",
      lang: "zh",
      inputs: inputsOf(a),
      result: resultOf(toResultJson(a, scoreAssessment(a), "zh")),
      unlocked: { info: [], scoring: [], special: [] },
    },
  );
}

function snapshotGrid(records: SnapshotRecord[]) {
  const [label, header] = headerCells();
  return gridOf("StarScore_Snapshot", {
    ...rowsAt(1, [label!, header!]),
    ...Object.assign({}, ...records.map((r) => rowsAt(r.row, [recordCells(r)]))),
  });
}

function auditGrid(actions: ("finalise" | "reopen" | "validate")[]) {
  return gridOf(
    "审计日志",
    rowsAt(
      AUDIT_LAYOUT.firstRow,
      actions.map((action) => {
        const row = auditRow({ time: "t", person: "p", action, summary: "s" }, "zh");
        return [row.time, row.person, row.action, row.summary];
      }),
    ),
  );
}

/** The assessment read back from its own layout, with the locator of a real read. */
function readOf(a: Assessment) {
  const layout = buildWorkbookLayout({ lang: "zh", assessment: a });
  const read = readWorkbookGrids((name) => {
    const spec = layout.sheets.find((s) => s.name === name);
    return spec && layoutSheetView(spec);
  }, "zh");
  if (!read.ok) throw new Error(read.errors.join("\n"));
  return read;
}

describe("checkFinalisation", () => {
  it("a draft: nothing to say", () => {
    expect(checkFinalisation({ snapshot: undefined, read: readOf(finalisedAssessment) })).toEqual({
      state: "draft",
      review: { state: "draft" },
      findings: [],
    });
    expect(
      checkFinalisation({ snapshot: undefined, audit: auditGrid(["finalise", "reopen"]) }).findings,
    ).toEqual([]);
  });

  it("finalised and unchanged: one piece of information", () => {
    const check = checkFinalisation({
      snapshot: snapshotGrid([recordOf(finalisedAssessment)]),
      read: readOf(finalisedAssessment),
    });
    expect(check.state).toBe("finalised");
    expect(check.record).toMatchObject({ n: 1, finalisedBy: "王组长" });
    expect(check.findings.map((f) => [f.code, f.severity])).toEqual([["finalised", "info"]]);
  });

  it("every kind of input changed is named, with its cell", () => {
    const changed: Assessment = {
      ...finalisedAssessment,
      organization: "另一家",
      evaluators: [finalisedAssessment.evaluators[0]!, { name: "李四", kind: "visit" }],
      scores: { ...finalisedAssessment.scores, C4: [80, 75] },
      notes: { A1: "现场查看（补）" },
      exclusions: {},
      deductions: [
        finalisedAssessment.deductions![0]!,
        { ...finalisedAssessment.deductions![1]!, status: "closed" },
      ],
      bonus: [{ points: 0.25, reason: "行业领先" }],
    };
    const read = readOf(changed);
    const { findings } = checkFinalisation({ snapshot: snapshotGrid([recordOf(finalisedAssessment)]), read });
    const changes = findings.filter((f) => f.code === "entries-changed");
    const loc = read.locator;
    expect(changes.map((f) => [f.message.zh, f.cell])).toEqual([
      ["定稿后已改动：受评组织（“某某电器有限公司” → “另一家”）", loc.info("organization")],
      ["定稿后已改动：第 2 列评价人姓名（“评价人2” → “李四”）", loc.evaluator(1)],
      ["定稿后已改动：第 2 列类型（“auditor” → “visit”）", loc.evaluator(1)],
      ["定稿后已改动：C4，李四 的评分（80 → 75）", loc.entry("C4", 1)],
      ["定稿后已改动：A1 的备注（“现场查看” → “现场查看（补）”）", loc.notes("A1")],
      ["定稿后已改动：B10 是否适用（“不适用 / No” → “适用 / Yes”）", loc.flag("B10")],
      ["定稿后已改动：特别扣分项 2 的状态（空白 → “closed”）", loc.deduction(1, "status")],
      ["定稿后已改动：特别加分 1 的分值（0.5 → 0.25）", loc.bonus(0, "points")],
    ]);
    expect(changes.every((f) => f.cell !== undefined)).toBe(true);
    expect(findings.filter((f) => f.code === "result-changed").length).toBeGreaterThan(0);
    expect(findings.some((f) => f.code === "finalised")).toBe(false);
  });

  it("many changes: the first ones, then a count", () => {
    const codes = Object.keys(finalisedAssessment.scores);
    const all = {
      ...finalisedAssessment,
      scores: Object.fromEntries(codes.map((c) => [c, [85, 85]])),
      notes: Object.fromEntries(codes.map((c) => [c, "补充"])),
    };
    const changes = entryChanges(inputsOf(finalisedAssessment), inputsOf(all));
    expect(changes.length).toBeGreaterThan(MAX_CHANGE_FINDINGS);
    const { findings } = checkFinalisation({
      snapshot: snapshotGrid([recordOf(finalisedAssessment)]),
      read: readOf(all),
    });
    expect(findings.filter((f) => f.code === "entries-changed")).toHaveLength(MAX_CHANGE_FINDINGS);
    expect(findings.find((f) => f.code === "more")?.message.en).toBe(
      `And ${changes.length - MAX_CHANGE_FINDINGS} more changes.`,
    );
  });

  it("reopened: the entries are not compared", () => {
    const record = reopened(recordOf(finalisedAssessment), "2025-03-15T08:00:00+08:00", "赵主任");
    const other = { ...finalisedAssessment, organization: "另一家" };
    const check = checkFinalisation({ snapshot: snapshotGrid([record]), read: readOf(other) });
    expect(check.state).toBe("reopened");
    expect(check.findings.map((f) => f.code)).toEqual(["reopened"]);
    expect(check.findings[0]!.message.zh).toContain("赵主任");
  });

  it("reopened with a reason: the reason is part of the state", () => {
    const record = reopened(recordOf(finalisedAssessment), "t", "王组长", "补充暗访");
    const check = checkFinalisation({ snapshot: snapshotGrid([record]), read: readOf(finalisedAssessment) });
    expect(check.review).toMatchObject({ state: "draft", reopenedBy: "王组长", reason: "补充暗访" });
    expect(check.findings[0]!.message.en).toMatch(/Reason: 补充暗访$/);
  });

  it("approved and unchanged: approved, by whom and when", () => {
    const record = approvedRecord(
      recordOf(finalisedAssessment),
      { at: "2025-03-20T10:00:00+08:00", by: "赵经理" },
      "同意",
    );
    const check = checkFinalisation({ snapshot: snapshotGrid([record]), read: readOf(finalisedAssessment) });
    expect(check.state).toBe("finalised");
    expect(check.review).toEqual({
      state: "approved",
      n: 1,
      finalisedBy: "王组长",
      finalisedAt: "2025-03-14T09:26:53+08:00",
      reviewedBy: "赵经理",
      reviewedAt: "2025-03-20T10:00:00+08:00",
      comment: "同意",
    });
    expect(check.findings.map((f) => [f.code, f.severity])).toEqual([["approved", "info"]]);
  });

  it("changed after approval: said first, as an error, then each change", () => {
    const record = approvedRecord(recordOf(finalisedAssessment), { at: "t", by: "赵经理" }, "");
    const changed = { ...finalisedAssessment, organization: "另一家" };
    const check = checkFinalisation({ snapshot: snapshotGrid([record]), read: readOf(changed) });
    expect(check.findings.map((f) => f.code)).toEqual(["changed-after-approval", "entries-changed"]);
    expect(check.findings[0]!.message.en).toContain("changed after approval");
  });

  it("returned by the reviewer: reopened, with the comment, the entries not compared", () => {
    const record = returnedRecord(recordOf(finalisedAssessment), { at: "t2", by: "赵经理" }, "B3 证据不足");
    const changed = { ...finalisedAssessment, organization: "另一家" };
    const check = checkFinalisation({ snapshot: snapshotGrid([record]), read: readOf(changed) });
    expect(check.review).toMatchObject({ state: "returned", reviewedBy: "赵经理", comment: "B3 证据不足" });
    expect(check.findings.map((f) => f.code)).toEqual(["returned"]);
    expect(check.findings[0]!.message.zh).toContain("B3 证据不足");
  });

  it("the latest record counts: finalised again after a reopen", () => {
    const first = reopened(recordOf(finalisedAssessment), "t", "p");
    const changed = { ...finalisedAssessment, organization: "另一家" };
    const second = recordOf(changed, 2, 4);
    const check = checkFinalisation({ snapshot: snapshotGrid([first, second]), read: readOf(changed) });
    expect(check.record?.n).toBe(2);
    expect(check.findings.map((f) => f.code)).toEqual(["finalised"]);
  });

  it("the snapshot sheet gone while the log says finalised", () => {
    const read = readOf(finalisedAssessment);
    expect(
      checkFinalisation({
        snapshot: undefined,
        audit: auditGrid(["validate", "finalise"]),
        read,
      }).findings.map((f) => [f.code, f.severity]),
    ).toEqual([["snapshot-missing", "error"]]);
    expect(
      checkFinalisation({ snapshot: undefined, audit: auditGrid(["finalise", "reopen"]), read }).findings,
    ).toEqual([]);
  });

  it("finalised, but the workbook cannot be read", () => {
    const check = checkFinalisation({ snapshot: snapshotGrid([recordOf(finalisedAssessment)]) });
    expect(check.findings.map((f) => f.code)).toEqual(["unreadable"]);
  });

  it("the locator is optional: changes without cells", () => {
    const changes = entryChanges(
      inputsOf(finalisedAssessment),
      inputsOf({ ...finalisedAssessment, step: 10 }),
    );
    expect(changes).toEqual([
      {
        code: "entries-changed",
        severity: "error",
        message: {
          zh: "定稿后已改动：评分步长（5 → 10）",
          en: "Changed after finalisation: entry step (5 → 10)",
        },
      },
    ]);
  });
});
