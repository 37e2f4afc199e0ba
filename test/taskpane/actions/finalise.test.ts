/**
 * The audit log and finalisation over the recording fake Excel: each pane action appends its row
 * inside its own write request (validate and compute stay within 2 syncs), finalise locks every
 * input and stores the snapshot on a very hidden sheet, reopen unlocks exactly those inputs again,
 * and the check names the entries changed after finalisation.
 */
import type { Assessment } from "../../../src/assessment/schema";
import { createOfficeHost } from "../../../src/taskpane/actions/office-host";
import { ActionError } from "../../../src/taskpane/errors";
import type { StarScoreHost } from "../../../src/taskpane/actions/types";
import { cellRef, parseRef } from "../../../src/workbook/address";
import { checkFinalisation } from "../../../src/workbook/audit/check";
import { readSnapshot, SNAPSHOT_LAYOUT, SNAPSHOT_SHEET } from "../../../src/workbook/audit/snapshot";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { FakeExcel } from "../../fakes/fake-excel";
import { select, typeIn } from "../../fakes/fake-user";
import { modelGrid, recalculate } from "../../fakes/fake-values";
import { assessmentWith } from "../../helpers/builders";
import { entryRef, logRows, measured, plant, readBack, workbookOf, type Workbook } from "./fixture";

/** 2025-03-14 09:26:53 local time: the log shows it with the host's offset. */
const NOW = new Date(2025, 2, 14, 9, 26, 53);
const TIME = /^2025-03-14T09:26:53[+-]\d\d:\d\d$/;

function hostAs(excel: FakeExcel, person: string): StarScoreHost {
  return createOfficeHost({
    run: excel.run,
    runIn: excel.runIn,
    supports: excel.supports,
    person: () => person,
    now: () => NOW,
  });
}

/** The log's rows as [time, person, action, summary], from the model. */
/** Every cell the layout leaves unlocked for the user, per sheet (the fake's rows are the layout's). */
function layoutInputs(assessment: Assessment, lang: "zh" | "en" = "zh") {
  const layout = buildWorkbookLayout({ lang, assessment });
  return (["info", "scoring", "special"] as const).map((key) => ({
    key,
    refs: layout.sheets
      .find((s) => s.key === key)!
      .cells.filter((c) => c.input)
      .map((c) => c.ref),
  }));
}

function check(excel: FakeExcel, lang: "zh" | "en" = "zh") {
  const read = readBack(excel);
  const snapshot = excel.model.sheet(SNAPSHOT_SHEET);
  const audit = excel.model.sheet(SHEET_NAMES.audit[lang]);
  return checkFinalisation({
    snapshot: snapshot && modelGrid(snapshot),
    ...(audit && { audit: modelGrid(audit) }),
    read,
  });
}

describe("the audit log: one row per action, in the action's own write request", () => {
  it("generate writes the log's first row in the request that creates the workbook", async () => {
    const excel = new FakeExcel();
    const host = hostAs(excel, "王组长");
    const { syncs } = await measured(excel, () =>
      host.generate({
        lang: "zh",
        organization: "某某电器有限公司",
        type: "initial",
        step: 5,
        evaluators: [
          { name: "张三", kind: "auditor" },
          { name: "", kind: "visit" },
        ],
      }),
    );
    // 1: the names; 2: the whole workbook with its log row; 3: frozen panes and activation.
    expect(syncs).toBe(3);
    const log = excel.model.sheet("审计日志")!;
    expect(log.visibility).toBe("Visible");
    expect(log.protection).toBeDefined();
    const rows = logRows(log);
    expect(rows).toHaveLength(1);
    expect(rows[0]![0]).toMatch(TIME);
    expect(rows[0]!.slice(1)).toEqual(["王组长", "生成", "生成工作簿：2 列评价人"]);
    // What the layout wrote (title, note, header, this first row) is locked; the columns' format
    // leaves every cell below unlocked, for the pane to append to without lifting the sheet's
    // protection (which would clear Ctrl+Z).
    for (const cell of log.cells.values()) expect(cell.locked).toBe(true);
    for (const column of [1, 2, 3, 4])
      expect([6, 1000, 100_000].map((row) => log.isLocked(row, column))).toEqual([false, false, false]);
  });

  it("validate and compute append theirs within their 2 syncs; auto-validation does not log", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const host = hostAs(wb.excel, "李审核");
    const log = wb.sheet("audit");
    expect(logRows(log)).toEqual([]);

    const undo = { ...wb.excel.undo };
    const quiet = await measured(wb.excel, () => host.validate({ background: true }));
    expect([quiet.runs, quiet.syncs]).toEqual([1, 1]);
    expect(logRows(log)).toEqual([]);

    const clean = await measured(wb.excel, () => host.validate());
    expect([clean.runs, clean.syncs]).toEqual([1, 2]);
    // The explicit ones lift no protection either: the undo stack is never cleared.
    expect(wb.excel.undo.cleared).toBe(undo.cleared);
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const faulty = await measured(wb.excel, () => host.validate());
    expect([faulty.runs, faulty.syncs]).toEqual([1, 2]);
    expect(faulty.result.errors).toBe(1);
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 80 });

    const computed = await measured(wb.excel, () => host.compute());
    expect([computed.runs, computed.syncs]).toEqual([1, 2]);
    expect(logRows(log).map((r) => r.slice(1))).toEqual([
      ["李审核", "校验", "0 个错误，0 个警告"],
      ["李审核", "校验", "1 个错误，0 个警告"],
      ["李审核", "计算", "80.00 三星级"],
    ]);
    expect(logRows(log).every((r) => TIME.test(r[0]!))).toBe(true);
    expect(log.protection).toBeDefined();
    expect(wb.excel.unsynced).toBe(0);
    expect(wb.excel.undo.cleared).toBe(undo.cleared);
  });

  it("an English workbook logs in English", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }), "en");
    const host = hostAs(wb.excel, "Lead");
    plant(wb.sheet("scoring"), entryRef("B1", 0, 1), { number: 82 });
    await host.validate();
    expect(recalculate(wb.excel)).toBe(true);
    await host.compute();
    expect(logRows(wb.sheet("audit")).map((r) => r.slice(1))).toEqual([
      // B1 off the step, and so scored by nobody.
      ["Lead", "Validated", "2 errors, 0 warnings"],
      ["Lead", "Computed", "79.20 Qualified"],
    ]);
  });

  it("the person the pane passes is the one logged; the integrity check, entries, notes and reopening are logged too", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    // Remembered name aside: each action names whom the pane says.
    const host = hostAs(wb.excel, "remembered");
    const log = wb.sheet("audit");
    await host.validate({ person: "李审核" });
    const checked = await measured(wb.excel, () => host.verify("李审核"));
    expect(checked.result).toEqual([]);
    // The check's read, then where the log ends and the row.
    expect([checked.runs, checked.syncs]).toEqual([1, 3]);
    const entry = `'评分'!${entryRef("B6", 1, 2)}`;
    const entered = await measured(wb.excel, () => host.setEntry(entry, 70, "李审核"));
    expect([entered.runs, entered.syncs]).toEqual([1, 2]);
    expect(wb.sheet("scoring").peek(entryRef("B6", 1, 2))?.value).toBe(70);
    await select(wb.excel, "评分", entryRef("B6", 0, 2));
    const note = (await host.inspectSelection())!.note!;
    // A note typed as "=…" stays text.
    await host.setNote(note.cell, "=查看了记录", "李审核");
    const noteCell = wb.sheet("scoring").peek(note.cell.slice(note.cell.indexOf("!") + 1))!;
    expect([noteCell.value, noteCell.formula]).toEqual(["=查看了记录", undefined]);
    await host.finalise("王组长");
    await host.reopen("王组长", "补充了 B6 的证据");
    expect(logRows(log).map((r) => r.slice(1))).toEqual([
      ["李审核", "校验", "0 个错误，0 个警告"],
      ["李审核", "完整性检查", "未发现问题"],
      ["李审核", "录入评分", "B6 评价人2：70"],
      ["李审核", "编辑备注", "B6 的备注"],
      [
        "王组长",
        "定稿",
        expect.stringMatching(/^第 1 次定稿：79\.93 达标级；录入内容 SHA-256 [0-9a-f]{16}…$/),
      ],
      ["王组长", "重新开放", "重新开放第 1 次定稿，录入内容已解锁；原因：补充了 B6 的证据"],
    ]);
    expect(wb.excel.unsynced).toBe(0);
  });

  it("the inspector knows a finalised workbook (its entries locked)", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const host = hostAs(wb.excel, "王组长");
    await select(wb.excel, "评分", entryRef("B6", 0, 2));
    expect((await host.inspectSelection())?.finalised).toBe(false);
    await host.finalise("王组长");
    const selection = await measured(wb.excel, () => host.inspectSelection());
    expect(selection.result?.finalised).toBe(true);
    expect(selection.syncs).toBe(1);
    // And the entry cell is Excel's to refuse then.
    await expect(host.setEntry(selection.result!.entries[0]!.cell, 50, "王组长")).rejects.toThrow(/locked/);
  });

  it("a name that looks like a formula is logged as text", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    for (const name of ['=HYPERLINK("http://evil.example","x")', "+86 138", "@SUM(1)", "-1"]) {
      await hostAs(wb.excel, name).validate();
    }
    const log = wb.sheet("audit");
    const people = [5, 6, 7, 8].map((row) => log.peek(`B${row}`)!);
    expect(people.map((c) => c.value)).toEqual([
      '=HYPERLINK("http://evil.example","x")',
      "+86 138",
      "@SUM(1)",
      "-1",
    ]);
    for (const cell of people) {
      expect(cell.formula).toBeUndefined();
      expect(cell.quotePrefix).toBe(true);
    }
  });

  it("adding an evaluator keeps the log's rows and adds its own", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    const host = hostAs(wb.excel, "王组长");
    await host.validate();
    await host.addEvaluator({ name: "=李四", kind: "auditor" });
    const rows = logRows(wb.excel.model.sheet("审计日志")!).map((r) => r.slice(1));
    expect(rows).toEqual([
      ["王组长", "校验", "0 个错误，0 个警告"],
      ["王组长", "添加评价人", "添加列：=李四（审核员）"],
    ]);
    expect(wb.excel.model.sheet("审计日志")!.peek("C6")?.quotePrefix).toBe(true);
  });

  it("a workbook without a log sheet (an earlier version's) is simply not logged to", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.model.sheets.splice(wb.excel.model.sheets.indexOf(wb.sheet("audit")), 1);
    const { result, syncs } = await measured(wb.excel, () => hostAs(wb.excel, "王组长").validate());
    expect([result.errors, syncs]).toEqual([0, 1]);
  });
});

describe("finalise", () => {
  let wb: Workbook;
  let host: StarScoreHost;
  const assessment = assessmentWith({ evaluators: 2, deductions: 1, bonus: [0.5] });

  beforeEach(async () => {
    wb = await workbookOf(assessment);
    host = hostAs(wb.excel, "王组长");
  });

  it("refuses while validation finds errors, naming them, and writes nothing", async () => {
    plant(wb.sheet("scoring"), entryRef("B1", 1, 2), { number: 82 });
    const before = wb.excel.syncs;
    const refused = host.finalise("王组长");
    await expect(refused).rejects.toBeInstanceOf(ActionError);
    await expect(refused).rejects.toMatchObject({
      issues: [expect.objectContaining({ code: "entry-off-step", cell: `'评分'!${entryRef("B1", 1, 2)}` })],
    });
    expect(wb.excel.syncs - before).toBe(1);
    expect(wb.excel.model.sheet(SNAPSHOT_SHEET)).toBeUndefined();
    expect(logRows(wb.sheet("audit"))).toEqual([]);
  });

  it("refuses without a name", async () => {
    await expect(host.finalise("  ")).rejects.toBeInstanceOf(ActionError);
    await expect(host.reopen("")).rejects.toBeInstanceOf(ActionError);
  });

  it("locks every input, protects the sheets and stores the snapshot on a very hidden sheet, in 2 syncs", async () => {
    // A sheet the user left unprotected is protected too.
    wb.sheet("info").protection = undefined;
    const { result, syncs, runs } = await measured(wb.excel, () => host.finalise("王组长"));
    expect([runs, syncs]).toEqual([1, 2]);
    expect(result).toMatchObject({
      n: 1,
      status: "finalised",
      finalisedBy: "王组长",
      finalScore: 79.5,
      gradeLabel: { zh: "达标级", en: "Qualified" },
    });
    expect(result.finalisedAt).toMatch(TIME);
    expect(result.entriesHash).toMatch(/^[0-9a-f]{64}$/);

    for (const { key, refs } of layoutInputs(assessment)) {
      const sheet = wb.sheet(key);
      expect(refs.length).toBeGreaterThan(0);
      for (const ref of refs) expect([key, ref, sheet.peek(ref)?.locked]).toEqual([key, ref, true]);
      expect(sheet.protection).toBeDefined();
    }
    await expect(typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 90)).rejects.toThrow(/locked/);

    const snapshot = wb.excel.model.sheet(SNAPSHOT_SHEET)!;
    expect(snapshot.visibility).toBe("VeryHidden");
    expect(snapshot.protection).toBeDefined();
    const { records, problems } = readSnapshot(modelGrid(snapshot));
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const record = records[0]!;
    expect(record).toMatchObject({ n: 1, status: "finalised", finalisedBy: "王组长", row: 3 });
    expect(record.entriesHash).toBe(result.entriesHash);
    expect(record.data.inputs.scores.B1).toEqual([80, 80]);
    expect(record.data.inputs.deductions).toHaveLength(1);
    expect(record.data.result).toMatchObject({
      finalScore: 79.5,
      grade: "qualified",
      passed: true,
      deductions: 1,
    });
    expect(record.data.result.indicators).toHaveLength(15);
    expect(record.data.unlocked.scoring.length).toBeGreaterThan(0);

    const rows = logRows(wb.sheet("audit"));
    expect(rows.map((r) => r.slice(1, 3))).toEqual([["王组长", "定稿"]]);
    expect(rows[0]![3]).toBe(
      `第 1 次定稿：79.50 达标级；录入内容 SHA-256 ${result.entriesHash.slice(0, 16)}…`,
    );

    expect(check(wb.excel)).toMatchObject({
      state: "finalised",
      findings: [expect.objectContaining({ code: "finalised", severity: "info" })],
    });
    const status = await host.finaliseStatus();
    expect(status).toMatchObject({ workbook: true, state: "finalised", hasLog: true, problems: [] });
    expect(status.record).toEqual(result);
    expect(status.log[0]).toMatchObject({ person: "王组长", action: "定稿" });
  });

  it("refuses a second finalisation, and adding an evaluator, until reopened", async () => {
    await host.finalise("王组长");
    await expect(host.finalise("李四")).rejects.toMatchObject({
      localised: { en: expect.stringContaining("Reopen it first") },
    });
    await expect(host.addEvaluator({ name: "李四", kind: "auditor" })).rejects.toMatchObject({
      localised: { en: expect.stringContaining("finalised") },
    });
  });

  it("an entry changed after finalisation: the check names it, its cell, and the result it changes", async () => {
    await host.finalise("王组长");
    const cell = entryRef("B3", 1, 2);
    // Locked cells still take a paste in the fake (plant), as a file edited elsewhere would.
    plant(wb.sheet("scoring"), cell, { number: 100 });
    plant(wb.sheet("info"), "B4", { text: "另一家公司" });
    const { state, findings } = check(wb.excel);
    expect(state).toBe("finalised");
    const changed = findings.filter((f) => f.code === "entries-changed");
    expect(changed.map((f) => [f.cell, f.message.en])).toEqual([
      ["'封面'!B4", 'Changed after finalisation: organisation ("某某电器有限公司" → "另一家公司")'],
      [`'评分'!${cell}`, "Changed after finalisation: B3, 评价人2's entry (80 → 100)"],
    ]);
    expect(changed[1]!.message.zh).toBe("定稿后已改动：B3，评价人2 的评分（80 → 100）");
    const result = findings.filter((f) => f.code === "result-changed").map((f) => f.message.en);
    expect(result).toEqual(expect.arrayContaining([expect.stringContaining("final score (79.50 → 79.60)")]));
    expect(findings.some((f) => f.code === "finalised")).toBe(false);
  });

  it("the pane's verify reports the changes after finalisation too", async () => {
    await host.finalise("王组长");
    expect((await host.verify()).filter((i) => i.code === "entries-changed")).toEqual([]);
    const cell = entryRef("B3", 1, 2);
    plant(wb.sheet("scoring"), cell, { number: 100 });
    recalculate(wb.excel);
    const issues = await host.verify();
    expect(issues.filter((i) => i.code === "entries-changed").map((i) => [i.cell, i.message?.zh])).toEqual([
      [`'评分'!${cell}`, "定稿后已改动：B3，评价人2 的评分（80 → 100）"],
    ]);
    expect(issues.some((i) => i.code === "result-changed")).toBe(true);
    // Reopened: changes are expected and not reported.
    await host.reopen("王组长");
    expect((await host.verify()).filter((i) => i.code === "entries-changed")).toEqual([]);
  });

  it("the snapshot edited or deleted: the check says so", async () => {
    await host.finalise("王组长");
    const snapshot = wb.excel.model.sheet(SNAPSHOT_SHEET)!;
    const personCell = snapshot.peek(`D${SNAPSHOT_LAYOUT.firstRow}`)!;
    personCell.value = "别人";
    expect(check(wb.excel).findings.map((f) => [f.code, f.cell])).toEqual([
      ["snapshot-tampered", `'${SNAPSHOT_SHEET}'!A3`],
      ["snapshot-missing", undefined],
    ]);
    wb.excel.model.sheets.splice(wb.excel.model.sheets.indexOf(snapshot), 1);
    expect(check(wb.excel).findings.map((f) => f.code)).toEqual(["snapshot-missing"]);
  });

  it("reopen unlocks exactly the inputs again, keeps the snapshot's row as reopened, and logs", async () => {
    const first = await host.finalise("王组长");
    const { result, syncs } = await measured(wb.excel, () => hostAs(wb.excel, "赵主任").reopen("赵主任"));
    expect(syncs).toBe(2);
    expect(result).toMatchObject({ n: 1, status: "reopened", reopenedBy: "赵主任", finalisedBy: "王组长" });
    for (const { key, refs } of layoutInputs(assessment)) {
      const sheet = wb.sheet(key);
      for (const ref of refs) expect([key, ref, sheet.peek(ref)?.locked]).toEqual([key, ref, false]);
      expect(sheet.protection).toBeDefined();
    }
    // Everything else is still locked (a formula, a catalogue cell).
    expect(wb.sheet("scoring").peek("C9")?.locked).toBe(true);
    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 90);

    expect(check(wb.excel)).toMatchObject({ state: "reopened", findings: [{ code: "reopened" }] });
    const log = logRows(wb.sheet("audit")).map((r) => r.slice(1, 3));
    expect(log).toEqual([
      ["王组长", "定稿"],
      ["赵主任", "重新开放"],
    ]);

    // Finalised again: a second row; the first stays, reopened.
    recalculate(wb.excel);
    const second = await host.finalise("王组长");
    expect(second.n).toBe(2);
    expect(second.entriesHash).not.toBe(first.entriesHash);
    const { records, problems } = readSnapshot(modelGrid(wb.excel.model.sheet(SNAPSHOT_SHEET)!));
    expect(problems).toEqual([]);
    expect(records.map((r) => [r.n, r.status, r.row])).toEqual([
      [1, "reopened", 3],
      [2, "finalised", 4],
    ]);
    expect(check(wb.excel).state).toBe("finalised");
  });

  it("reopen refuses when nothing is finalised", async () => {
    await expect(host.reopen("王组长")).rejects.toMatchObject({
      localised: { en: "The assessment is not finalised: there is nothing to reopen." },
    });
  });

  it("status of a draft: the log's last rows, newest first", async () => {
    await host.validate();
    await host.compute();
    const { result, syncs } = await measured(wb.excel, () => host.finaliseStatus());
    expect(syncs).toBe(3);
    expect(result).toMatchObject({ workbook: true, state: "draft", hasLog: true, problems: [] });
    expect(result.record).toBeUndefined();
    expect(result.log.map((r) => r.action)).toEqual(["计算", "校验"]);
  });

  it("on a host that will not reach through a null worksheet: the same, a sync more", async () => {
    const other = await workbookOf(assessment, "en", { nullObjects: "refuse" });
    const lead = hostAs(other.excel, "Lead");
    const { result, syncs } = await measured(other.excel, () => lead.finalise("Lead"));
    expect(syncs).toBe(4);
    expect(result.status).toBe("finalised");
    expect(other.excel.model.sheet(SNAPSHOT_SHEET)?.visibility).toBe("VeryHidden");
    expect(logRows(other.sheet("audit")).map((r) => r.slice(1, 3))).toEqual([["Lead", "Finalised"]]);
    await lead.reopen("Lead");
    expect(check(other.excel, "en").state).toBe("reopened");
  });

  it("a sorted Scoring sheet: the inputs are locked where they now are", async () => {
    const scoring = wb.sheet("scoring");
    const [b1, b2] = [parseRef(entryRef("B1", 0, 2)).row, parseRef(entryRef("B2", 0, 2)).row];
    // Swap the two item rows (cells and formats), as a sort would.
    for (let column = 1; column <= 30; column++) {
      const a = scoring.cell(b1, column);
      const b = scoring.cell(b2, column);
      scoring.cells.set(cellRef(column, b1), b);
      scoring.cells.set(cellRef(column, b2), a);
    }
    scoring.peek(entryRef("B1", 0, 2))!.locked = false;
    await host.finalise("王组长");
    expect(scoring.peek(entryRef("B1", 0, 2))?.locked).toBe(true);
    expect(scoring.peek(entryRef("B2", 0, 2))?.locked).toBe(true);
  });
});

describe("review: the reviewing manager approves or returns the finalised workbook", () => {
  let wb: Workbook;
  const assessment = assessmentWith({ evaluators: 2, deductions: 1, bonus: [0.5] });

  beforeEach(async () => {
    wb = await workbookOf(assessment);
    await hostAs(wb.excel, "王组长").finalise("王组长");
  });

  const records = () => readSnapshot(modelGrid(wb.excel.model.sheet(SNAPSHOT_SHEET)!));

  it("approve: one run, two syncs; the row stays finalised with the review; the inputs stay locked; logged", async () => {
    const manager = hostAs(wb.excel, "赵经理");
    const { result, syncs, runs } = await measured(wb.excel, () =>
      manager.review("赵经理", "approve", "同意发证"),
    );
    expect([runs, syncs]).toEqual([1, 2]);
    expect(result).toMatchObject({ n: 1, status: "finalised", finalisedBy: "王组长" });
    const read = records();
    expect(read.problems).toEqual([]);
    expect(read.records[0]!.data.review).toEqual({
      verdict: "approved",
      at: expect.stringMatching(TIME),
      by: "赵经理",
      comment: "同意发证",
    });
    for (const { key, refs } of layoutInputs(assessment)) {
      for (const ref of refs.slice(0, 3)) expect(wb.sheet(key).peek(ref)?.locked).toBe(true);
    }
    expect(logRows(wb.sheet("audit")).map((r) => r.slice(1))).toEqual([
      ["王组长", "定稿", expect.stringContaining("第 1 次定稿")],
      ["赵经理", "审核通过", "第 1 次定稿审核通过；意见：同意发证"],
    ]);
    expect(check(wb.excel)).toMatchObject({
      review: { state: "approved", reviewedBy: "赵经理" },
      findings: [{ code: "approved" }],
    });
    expect((await manager.finaliseStatus()).review).toMatchObject({ state: "approved", comment: "同意发证" });
    // Approved already; and a change after approval is reported.
    await expect(manager.review("赵经理", "approve", "")).rejects.toMatchObject({
      localised: { en: expect.stringContaining("was approved at") },
    });
    plant(wb.sheet("scoring"), entryRef("B3", 1, 2), { number: 100 });
    expect(check(wb.excel).findings[0]).toMatchObject({ code: "changed-after-approval", severity: "error" });
  });

  it("return: the inputs unlocked again, the row reopened by the reviewer with the comment, logged", async () => {
    const manager = hostAs(wb.excel, "赵经理");
    const result = await manager.review("赵经理", "return", "B3 证据不足");
    expect(result).toMatchObject({ status: "reopened", reopenedBy: "赵经理" });
    for (const { key, refs } of layoutInputs(assessment)) {
      for (const ref of refs) expect([key, ref, wb.sheet(key).peek(ref)?.locked]).toEqual([key, ref, false]);
    }
    expect(records().records[0]!.data.review).toMatchObject({ verdict: "returned", comment: "B3 证据不足" });
    expect(logRows(wb.sheet("audit")).at(-1)!.slice(1)).toEqual([
      "赵经理",
      "退回",
      "第 1 次定稿被退回，录入内容已解锁；意见：B3 证据不足",
    ]);
    expect(check(wb.excel).review).toMatchObject({ state: "returned", comment: "B3 证据不足" });
    // The team fixes it and finalises again: a new finalisation, awaiting review.
    await typeIn(wb.excel, "评分", entryRef("B3", 1, 2), 85);
    recalculate(wb.excel);
    await hostAs(wb.excel, "王组长").finalise("王组长");
    expect(check(wb.excel).review).toMatchObject({ state: "finalised", n: 2 });
  });

  it("refuses, writing nothing: the finaliser reviewing their own work, a return without a comment, no name", async () => {
    const before = wb.excel.syncs;
    const lead = hostAs(wb.excel, "王组长");
    await expect(lead.review("王组长", "approve", "")).rejects.toMatchObject({
      localised: { en: "Finalisation 1 was made by 王组长: someone else must review it." },
    });
    await expect(lead.review("赵经理", "return", "  ")).rejects.toMatchObject({
      localised: { en: "Say why it is returned: what needs to change." },
    });
    await expect(lead.review(" ", "approve", "")).rejects.toMatchObject({ name: "ActionError" });
    expect(records().records[0]!.data.review).toBeUndefined();
    expect(logRows(wb.sheet("audit"))).toHaveLength(1);
    expect(wb.excel.syncs - before).toBeLessThanOrEqual(2);
  });

  it("reopen with a reason: kept in the row and the log; a blank reason is refused", async () => {
    const lead = hostAs(wb.excel, "王组长");
    await expect(lead.reopen("王组长", " ")).rejects.toMatchObject({
      localised: { en: "Give the reason for reopening." },
    });
    await lead.reopen("王组长", "补充第二次暗访");
    expect(records().records[0]!.data.reopenReason).toBe("补充第二次暗访");
    expect(logRows(wb.sheet("audit")).at(-1)![3]).toBe(
      "重新开放第 1 次定稿，录入内容已解锁；原因：补充第二次暗访",
    );
    expect(check(wb.excel).review).toMatchObject({ state: "draft", reason: "补充第二次暗访" });
    await expect(lead.review("赵经理", "approve", "")).rejects.toMatchObject({
      localised: { en: "The assessment is not finalised: there is nothing to approve." },
    });
  });
});
