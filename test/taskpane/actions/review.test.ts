/**
 * What the reviewing manager checks (reviewReport) and the items in disagreement that compute
 * sends the Results view, over the recording fake Excel: one run, one read sync, nothing written.
 */
import { assessmentWith } from "../../helpers/builders";
import { measured, workbookOf } from "./fixture";

/** B1 two bands apart (40 and 100), B2 one band apart, everything else agreed; evaluator 2 blank on B1. */
const assessment = (() => {
  const a = assessmentWith({
    evaluators: 3,
    deductions: [
      { category: "policy", description: "未按制度回访", rectification: "补做回访", deadline: "2025-04-30" },
    ],
    bonus: [{ points: 0.5, reason: "获得省级服务标杆称号" }],
    exclusions: { B24: "不回收废旧商品" },
  });
  return {
    ...a,
    scores: { ...a.scores, B1: [40, 100, null], B2: [70, 80, 80], B24: [null, null, null] },
  };
})();

describe("reviewReport: what a reviewer checks, read only", () => {
  test("one run, one sync, no action that writes; the result, exclusions, deductions, bonus and disagreements", async () => {
    const wb = await workbookOf(assessment);
    const undo = { ...wb.excel.undo };
    const { result, runs, syncs } = await measured(wb.excel, () => wb.host.reviewReport());
    expect([runs, syncs]).toEqual([1, 1]);
    const actions = wb.excel.requests.at(-1)!.actions;
    // 3 method calls (getRange…) and 4 property sets are what writes look like; a read only loads.
    expect(actions.filter((a) => a.ActionType === 4)).toEqual([]);
    expect(wb.excel.undo).toEqual(undo);
    expect(result.exclusions).toEqual([{ key: "B24", reason: "不回收废旧商品" }]);
    expect(result.deductions).toEqual([
      { category: "policy", description: "未按制度回访", rectification: "补做回访", deadline: "2025-04-30" },
    ]);
    expect(result.bonus).toEqual([{ points: 0.5, reason: "获得省级服务标杆称号" }]);
    expect(result.disagreements).toEqual([{ code: "B1", entries: [40, 100, null] }]);
    const b1 = result.result.zh.agreement.items.find((i) => i.code === "B1")!;
    expect(b1).toMatchObject({ entries: 2, minPercent: 40, maxPercent: 100, disagreement: true });
    expect(result.result.en.agreement).toEqual(result.result.zh.agreement);
  });

  test("compute sends the same items in disagreement, with every column's entry", async () => {
    const wb = await workbookOf(assessment, "en");
    const report = await wb.host.compute("王组长");
    expect(report.disagreements).toEqual([{ code: "B1", entries: [40, 100, null] }]);
  });

  test("a workbook that cannot be read is refused with an error in both languages", async () => {
    const wb = await workbookOf(assessment);
    wb.excel.model.sheet("评分")!.name = "Renamed";
    await expect(wb.host.reviewReport()).rejects.toMatchObject({ name: "ActionError" });
  });
});
