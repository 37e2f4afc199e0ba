/**
 * Merging evaluators' workbooks into the open one (the pane's merge) over the recording fake Excel:
 * the files written by the CLI's writer and read by its reader, the rules src/workbook/merge.ts's.
 */
import type { Assessment } from "../../../src/assessment/schema";
import { scoreAssessment } from "../../../src/core/score";
import { ActionError } from "../../../src/taskpane/errors";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith } from "../../helpers/builders";
import { logRows, measured, readBack, workbookOf } from "./fixture";

jest.setTimeout(60_000);

/** The whole team's workbook: 评价人1 80 everywhere, 评价人2 70 everywhere, a note on B1. */
const full = (() => {
  const a = assessmentWith({ evaluators: 2, fill: (_, e) => (e === 0 ? 80 : 70) });
  return { ...a, notes: { B1: "现场查看" } };
})();

/** The assessment with only evaluator `k`'s column filled (the other blank), without notes. */
function only(a: Assessment, k: number): Assessment {
  const rest = { ...a };
  delete rest.notes;
  return {
    ...rest,
    scores: Object.fromEntries(
      Object.entries(a.scores).map(([code, row]) => [code, row.map((v, j) => (j === k ? v : null))]),
    ),
  };
}

async function file(name: string, assessment: Assessment) {
  const data = await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment }));
  return { name, data: new Uint8Array(data) };
}

describe("merge evaluators' workbooks into the open one", () => {
  test("the other evaluator's column merged, the lead's note kept: it scores as the whole team's workbook; one row logged", async () => {
    const lead = { ...only(full, 0), notes: full.notes };
    const wb = await workbookOf(lead);
    const other = await file("评价人2.xlsx", only(full, 1));
    const { result, runs } = await measured(wb.excel, () => wb.host.merge([other], { person: "王组长" }));
    expect(runs).toBe(1);
    expect(result).toEqual({
      merged: true,
      conflicts: [],
      warnings: [],
      taken: { entries: Object.keys(full.scores).length, notes: 0 },
      added: [],
    });
    const merged = readBack(wb.excel).assessment;
    expect(merged.scores).toEqual(full.scores);
    expect(merged.notes).toEqual(full.notes);
    expect(scoreAssessment(merged).result.finalScore.equals(scoreAssessment(full).result.finalScore)).toBe(
      true,
    );
    const log = logRows(wb.sheet("audit"));
    expect(log).toHaveLength(1);
    expect(log[0]!.slice(1)).toEqual([
      "王组长",
      "合并",
      `合并 1 个工作簿（评价人2.xlsx）：${Object.keys(full.scores).length} 个评分，0 条备注`,
    ]);
  });

  test("an evaluator the lead's workbook does not have becomes a new column at the end", async () => {
    const wb = await workbookOf(only(assessmentWith({ evaluators: 1 }), 0));
    const visit = assessmentWith({ evaluators: [{ name: "暗访 1", kind: "visit" }], fill: () => 60 });
    const result = await wb.host.merge([await file("暗访.xlsx", visit)], { person: "王组长" });
    expect(result.added).toEqual(["暗访 1"]);
    const merged = readBack(wb.excel).assessment;
    expect(merged.evaluators.map((e) => e.name)).toEqual(["评价人1", "暗访 1"]);
    expect(merged.scores.B1).toEqual([80, 60]);
  });

  test("a conflict: nothing written, every conflict listed with the evaluator, the item and both cells", async () => {
    const wb = await workbookOf(full);
    const changed = { ...full, scores: { ...full.scores, B1: [60, 70], B2: [80, 75] } };
    const before = JSON.stringify(readBack(wb.excel).assessment);
    const undo = { ...wb.excel.undo };
    const result = await wb.host.merge([await file("张.xlsx", changed)], { person: "王组长" });
    expect(result.merged).toBe(false);
    expect(result.conflicts.map((c) => [c.item, c.evaluator?.name, c.a.value, c.b.value, c.b.file])).toEqual([
      ["B1", "评价人1", 80, 60, "张.xlsx"],
      ["B2", "评价人2", 70, 75, "张.xlsx"],
    ]);
    expect(result.conflicts[0]!.a.cell).toMatch(/^'?评分'?!/);
    expect(result.conflicts[0]!.b.cell).toMatch(/^'?评分'?!/);
    expect(result.conflicts[0]!.message.zh).toContain("B1");
    expect(JSON.stringify(readBack(wb.excel).assessment)).toBe(before);
    expect(wb.excel.undo).toEqual(undo);
    expect(logRows(wb.sheet("audit"))).toHaveLength(0);
  });

  test("a file that is not a StarScore workbook is refused in both languages, before Excel is asked", async () => {
    const wb = await workbookOf(full);
    const syncs = wb.excel.syncs;
    const error = await wb.host
      .merge([{ name: "notes.xlsx", data: new TextEncoder().encode("not a workbook") }])
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    const refused = error as ActionError;
    expect(refused.localised.zh).toBe("无法合并：");
    expect(refused.issues[0]!.message.zh).toMatch(/^notes\.xlsx 不是可读取的 StarScore 工作簿：/);
    expect(refused.issues[0]!.message.en).toMatch(
      /^notes\.xlsx is not a StarScore workbook that can be read: /,
    );
    expect(wb.excel.syncs).toBe(syncs);
  });

  test("a finalised workbook is refused: reopen it first", async () => {
    const wb = await workbookOf(full);
    await wb.host.finalise("王组长");
    await expect(wb.host.merge([await file("b.xlsx", full)], { person: "王组长" })).rejects.toMatchObject({
      localised: { en: expect.stringContaining("Reopen it on the Finalise tab first.") },
    });
  });
});
