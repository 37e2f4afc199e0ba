import type { Assessment } from "../../../src/assessment/schema";
import { compareAssessments } from "../../../src/core/compare";
import { nextAudit } from "../../../src/core/follow-up";
import { planFor } from "../../../src/core/plan";
import { scoreAssessment } from "../../../src/core/score";
import { ActionError } from "../../../src/taskpane/actions/errors";
import type { ChosenFile } from "../../../src/taskpane/actions/types";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith, deduction } from "../../helpers/builders";
import { FakeExcel } from "../../fakes/fake-excel";
import { entryRef, hostOn, measured, plant, readBack, workbookOf } from "./fixture";

/** A workbook file as the pane's file input gives it: the .xlsx `starscore generate` writes. */
async function chosen(assessment: Assessment, name = "上次审核.xlsx"): Promise<ChosenFile> {
  const layout = buildWorkbookLayout({ lang: "zh", assessment, scoring: scoreAssessment(assessment) });
  return { name, data: new Uint8Array(await writeXlsx(layout)) };
}

// Every item at 90 but C7 at 80: 89.30, one raise (C7 to 100, +1.40) from four-star.
const THREE_STAR = assessmentWith({ fill: (code) => (code === "C7" ? 80 : 90) });

describe("plan: one Excel.run, one read sync, nothing written", () => {
  it("is the core's plan for the workbook's assessment, with each item's row to go to", async () => {
    const wb = await workbookOf(THREE_STAR);
    const m = await measured(wb.excel, () => wb.host.plan());
    expect([m.runs, m.syncs]).toEqual([1, 1]);
    expect(m.result.plan).toEqual(planFor(scoreAssessment(THREE_STAR)));
    expect(m.result.plan).toMatchObject({ target: "four-star", steps: 1, raises: [{ code: "C7" }] });
    // C7's row, first evaluator's entry cell, sheet-qualified as selectCell takes it.
    expect(m.result.cells.C7).toBe(`'${SHEET_NAMES.scoring.zh}'!${entryRef("C7", 0, 1)}`);
    expect(Object.keys(m.result.cells)).toHaveLength(50);
    // Nothing set: no property written (4), no method that changes the workbook called.
    const actions = wb.excel.requests.slice(-1)[0]!.actions;
    expect(actions.filter((a) => a.ActionType === 4)).toEqual([]);
  });

  it("plans to the target asked for", async () => {
    const wb = await workbookOf(THREE_STAR, "en");
    const report = await wb.host.plan("five-star");
    expect(report.plan).toEqual(planFor(scoreAssessment(THREE_STAR), "five-star"));
    expect(report.plan.target).toBe("five-star");
    expect(report.cells.C7).toBe(`'${SHEET_NAMES.scoring.en}'!${entryRef("C7", 0, 1)}`);
  });

  it("refuses, with the cell, when an entry cell is not a number (a plan from a misread entry would mislead)", async () => {
    const wb = await workbookOf(THREE_STAR);
    plant(wb.sheet("scoring"), entryRef("B2", 0, 1), { text: "abc" });
    const refused = await wb.host.plan().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ActionError);
    const error = refused as ActionError;
    expect(error.localised.zh).toMatch(/不是数字.*无法计算达到目标等级的计划/);
    expect(error.issues.map((i) => [i.code, i.cell])).toEqual([
      ["entry-text", `'${SHEET_NAMES.scoring.zh}'!${entryRef("B2", 0, 1)}`],
    ]);
  });
});

describe("compare: the chosen previous workbook against the open one", () => {
  const previous = assessmentWith({ exclusions: { B23: "不安装" }, deductions: 2 });
  const current: Assessment = {
    ...assessmentWith({
      fill: (code) => (code === "B1" ? 90 : code === "B2" ? 70 : 80),
      exclusions: { B24: "不回收废旧商品" },
    }),
    type: "surveillance",
    followUp: [{ ...deduction(1), outcome: "verified" }],
  };

  it("is the core's comparison, read in one sync; the file read by the CLI's reader", async () => {
    const wb = await workbookOf(current);
    const file = await chosen(previous);
    const m = await measured(wb.excel, () => wb.host.compare(file));
    expect([m.runs, m.syncs]).toEqual([1, 1]);
    expect(m.result.comparison).toEqual(compareAssessments(previous, current));
    expect(m.result.previous).toBe("上次审核.xlsx");
    const classes = Object.fromEntries(
      m.result.comparison.items.filter((i) => i.change !== "unchanged").map((i) => [i.code, i.change]),
    );
    expect(classes).toEqual({
      B1: "improved",
      B2: "regressed",
      B23: "no-longer-excluded",
      B24: "newly-excluded",
    });
    expect(m.result.comparison.deductions.previous.map((d) => d.followUp)).toEqual(["verified", null]);
    expect(m.result.cells.B1).toBe(`'${SHEET_NAMES.scoring.zh}'!${entryRef("B1", 0, 1)}`);
  });

  it("refuses a file that is not a StarScore workbook, in both languages, before Excel is asked", async () => {
    const wb = await workbookOf(current);
    const runs = wb.excel.runs;
    const notXlsx = { name: "notes.txt", data: new TextEncoder().encode("hello") };
    const refused = (await wb.host.compare(notXlsx).catch((e: unknown) => e)) as ActionError;
    expect(refused).toBeInstanceOf(ActionError);
    expect(refused.localised).toEqual({
      zh: "无法从 notes.txt 读取评估：",
      en: "Cannot read an assessment from notes.txt:",
    });
    expect(refused.issues.map((i) => i.message.en)).toEqual([
      "Not an .xlsx workbook: the file is not a zip package.",
    ]);
    expect(refused.issues[0]!.cell).toBeUndefined();
    const empty = (await wb.host
      .compare({ name: "a.xlsx", data: new Uint8Array() })
      .catch((e: unknown) => e)) as ActionError;
    expect(empty.issues.map((i) => i.message.zh)).toEqual(["文件是空的。"]);
    expect(wb.excel.runs).toBe(runs);
  });
});

describe("startFrom: the next audit after a chosen workbook", () => {
  it("is nextAudit of the file's assessment: organisation, team, step, findings to verify; no Excel", async () => {
    const last: Assessment = {
      ...assessmentWith({ evaluators: 2, deductions: 2 }),
      purpose: "self-assessment",
      deductions: [
        { ...deduction(1), deadline: "2026-06-30", status: "open" },
        { ...deduction(2), item: "B3" },
      ],
    };
    const wb = await workbookOf(assessmentWith());
    const runs = wb.excel.runs;
    const next = await wb.host.startFrom(await chosen(last));
    expect(next).toEqual(nextAudit(last));
    expect(next).toMatchObject({
      organization: "某某电器有限公司",
      type: "surveillance",
      purpose: "self-assessment",
      evaluators: [
        { name: "评价人1", kind: "auditor" },
        { name: "评价人2", kind: "auditor" },
      ],
      scores: {},
    });
    expect(next.followUp).toEqual([
      { category: "law", description: "问题 1", rectification: "限期整改", deadline: "2026-06-30" },
      { category: "law", description: "问题 2", item: "B3", rectification: "限期整改" },
    ]);
    expect(wb.excel.runs).toBe(runs);
  });
});

describe("generate from the previous audit: the request's findings to verify", () => {
  it("are listed on the new Special sheet (read back as the assessment's followUp), with its purpose", async () => {
    const last: Assessment = {
      ...assessmentWith({ deductions: [{ ...deduction(1), deadline: "2026-06-30" }, deduction(2)] }),
      purpose: "self-assessment",
    };
    const next = nextAudit(last);
    const excel = new FakeExcel();
    await hostOn(excel).generate({
      lang: "zh",
      organization: next.organization,
      type: "surveillance",
      step: next.step,
      evaluators: next.evaluators,
      purpose: next.purpose!,
      followUp: next.followUp!,
    });
    const read = readBack(excel).assessment;
    expect(read.type).toBe("surveillance");
    expect(read.purpose).toBe("self-assessment");
    expect(read.followUp).toEqual(next.followUp);
    expect(read.followUp).toHaveLength(2);
    expect(read.deductions ?? []).toEqual([]);
  });
});

describe("generate: the Plan sheet as the form chose", () => {
  const request = {
    lang: "zh" as const,
    organization: "某电器公司",
    type: "initial" as const,
    step: 5 as const,
    evaluators: [{ name: "张三", kind: "auditor" as const }],
  };
  const hasPlan = (excel: FakeExcel) => excel.model.sheet(SHEET_NAMES.plan.zh) !== undefined;

  it("a self-assessment has it by default; ticked off, none; ticked on for a certification audit, it has it", async () => {
    const self = new FakeExcel();
    await hostOn(self).generate({ ...request, purpose: "self-assessment" });
    expect(hasPlan(self)).toBe(true);
    const off = new FakeExcel();
    await hostOn(off).generate({ ...request, purpose: "self-assessment", plan: false });
    expect(hasPlan(off)).toBe(false);
    expect(readBack(off).assessment.purpose).toBe("self-assessment");
    const on = new FakeExcel();
    await hostOn(on).generate({ ...request, purpose: "certification", plan: true });
    expect(hasPlan(on)).toBe(true);
    const plain = new FakeExcel();
    await hostOn(plain).generate({ ...request, purpose: "certification", plan: false });
    expect(hasPlan(plain)).toBe(false);
  });
});
