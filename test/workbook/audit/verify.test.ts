/**
 * `starscore verify` on a finalised workbook: the snapshot the pane stores (a very hidden sheet) is
 * read from the .xlsx file, and entries changed since are reported with their cells, exit 1.
 */
import path from "node:path";
import type ExcelJS from "exceljs";
import { SNAPSHOT_SHEET, type SnapshotRecord } from "../../../src/workbook/audit/snapshot";
import { approvedRecord, returnedRecord } from "../../../src/workbook/audit/review";
import { entryRef } from "../../taskpane/actions/fixture";
import { assessmentWith } from "../../helpers/builders";
import { runCli, tempDir } from "../../helpers/run-cli";
import { finalisedWorkbook } from "../../helpers/workbook-file";

const assessment = assessmentWith({ evaluators: 2 });

/** The workbook as the pane leaves it after finalise, saved by Excel; `edit` changes it afterwards. */
const finalisedFile = (
  name: string,
  edit?: (wb: ExcelJS.Workbook) => void,
  review?: (record: SnapshotRecord) => SnapshotRecord,
) =>
  finalisedWorkbook(
    path.join(dir, name),
    assessment,
    { at: "2025-03-14T09:26:53+08:00", by: "王组长" },
    edit,
    review,
  );

let dir: string;
beforeAll(() => (dir = tempDir()));

describe("starscore verify after finalisation", () => {
  it("unchanged: exit 0, and says it is finalised", async () => {
    const file = await finalisedFile("unchanged.xlsx");
    const run = await runCli(["verify", file, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain("nothing found");
    expect(run.out).toContain(
      "Finalisation:\n  Finalised at 2025-03-14T09:26:53+08:00 by 王组长 (finalisation 1)",
    );
  });

  it("an entry changed since: its cell and before → after, exit 1", async () => {
    const ref = entryRef("B3", 1, 2);
    const file = await finalisedFile("changed.xlsx", (wb) => {
      wb.getWorksheet("评分")!.getCell(ref).value = 100;
    });
    const run = await runCli(["verify", file, "--json", "--lang", "zh"]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.out) as {
      clean: boolean;
      finalisation: { state: string; findings: { code: string; cell: string | null; message: string }[] };
    };
    expect(json.clean).toBe(false);
    expect(json.finalisation.state).toBe("finalised");
    expect(json.finalisation.findings[0]).toEqual({
      code: "entries-changed",
      severity: "error",
      cell: `'评分'!${ref}`,
      message: "定稿后已改动：B3，评价人2 的评分（80 → 100）",
    });
    expect(json.finalisation.findings.some((f) => f.code === "result-changed")).toBe(true);
  });

  it("the snapshot deleted while the log says finalised: exit 1", async () => {
    const file = await finalisedFile("deleted.xlsx", (wb) =>
      wb.removeWorksheet(wb.getWorksheet(SNAPSHOT_SHEET)!.id),
    );
    const run = await runCli(["verify", file, "--lang", "en"]);
    expect(run.code).toBe(1);
    expect(run.out).toContain("the snapshot sheet (StarScore_Snapshot) is gone");
  });

  const approve = (r: SnapshotRecord) =>
    approvedRecord(r, { at: "2025-03-20T10:00:00+08:00", by: "赵经理" }, "同意");

  it("shows the review state: approved", async () => {
    const file = await finalisedFile("approved.xlsx", undefined, approve);
    const run = await runCli(["verify", file, "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "State: approved (finalisation 1 by 王组长; approved at 2025-03-20T10:00:00+08:00 by 赵经理)",
    );
    const json = JSON.parse((await runCli(["verify", file, "--json"])).out);
    expect(json.review).toMatchObject({ state: "approved", reviewedBy: "赵经理", comment: "同意" });
  });

  it("reports a workbook changed after approval, exit 1", async () => {
    const ref = entryRef("B3", 1, 2);
    const changed = await finalisedFile(
      "approved-changed.xlsx",
      (wb) => (wb.getWorksheet("评分")!.getCell(ref).value = 100),
      approve,
    );
    const after = await runCli(["verify", changed, "--lang", "en"]);
    expect(after.code).toBe(1);
    expect(after.out).toContain("The workbook was changed after approval: finalisation 1 was approved at");
    expect(after.out).toContain("Changed after finalisation: B3");
  });

  it("shows the review state: returned, with the reviewer's comment", async () => {
    const file = await finalisedFile("returned.xlsx", undefined, (r) =>
      returnedRecord(r, { at: "2025-03-20T10:00:00+08:00", by: "赵经理" }, "B3 证据不足"),
    );
    const run = await runCli(["verify", file, "--lang", "zh"]);
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "状态：已退回（第 1 次定稿；2025-03-20T10:00:00+08:00，赵经理 退回：B3 证据不足）",
    );
  });
});
