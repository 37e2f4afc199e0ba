/**
 * How the pane's actions call Excel.run (src/taskpane/actions/run.ts), against the fake's model of
 * what Microsoft documents: cell edit mode and delayForCellEdit, the undo stack and
 * mergeUndoGroup, the active workbook switching.
 */
import { createOfficeHost } from "../../../src/taskpane/actions/office-host";
import { ActionError } from "../../../src/taskpane/errors";
import { KEEP_IN_FRONT } from "../../../src/taskpane/actions/run";
import { assessmentWith } from "../../helpers/builders";
import { FakeOfficeError } from "../../fakes/fake-excel";
import { entryRef, markOf, measured, plant, workbookOf } from "./fixture";

describe("cell edit mode (excel-add-ins-delay-in-cell-edit)", () => {
  it("the fake fails a run while the user is editing a cell unless the run asks to delay", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.editingCell = true;
    const plain = wb.excel.run(async (context) => {
      context.workbook.worksheets.load("items/name");
      await context.sync();
    });
    await expect(plain).rejects.toMatchObject({ code: "InvalidOperation" });
    wb.excel.endCellEdit();
  });

  it("every action's run passes delayForCellEdit: a background validation waits for the edit, then runs", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const first = wb.excel.runOptions.length;
    wb.excel.editingCell = true;
    let done = false;
    const background = wb.host.validate({ background: true }).then((report) => {
      done = true;
      return report;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Waiting, not failed: nothing was asked of Excel yet.
    expect(done).toBe(false);
    expect(wb.excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
    wb.excel.endCellEdit();
    expect((await background).issues.map((i) => i.code)).toEqual(["entry-off-step"]);
    // The buttons' runs delay too.
    await wb.host.compute();
    await wb.host.inspectSelection();
    expect(wb.excel.runOptions.slice(first)).toHaveLength(3);
    expect(wb.excel.runOptions.slice(first).every((o) => o.delayForCellEdit === true)).toBe(true);
  });
});

describe("the undo stack (excel-add-ins-undo-capabilities)", () => {
  it("auto-validation pushes no entry on the user's undo stack and never clears it; the Validate button pushes one", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const before = { ...wb.excel.undo };
    const quiet = await measured(wb.excel, () => wb.host.validate({ background: true }));
    expect(quiet.result.issues.map((i) => i.code)).toEqual(["entry-off-step"]);
    // Read only: the user's next Ctrl+Z still undoes their own last edit.
    expect(wb.excel.undo).toEqual(before);
    expect(markOf(wb.excel, wb.sheet("scoring"), entryRef("B1", 0, 2))).toBeUndefined();

    // Validate (explicit): one entry, values into unlocked cells, nothing cleared.
    await wb.host.validate();
    expect(wb.excel.undo).toEqual({ ...before, entries: before.entries + 1 });
    expect(markOf(wb.excel, wb.sheet("scoring"), entryRef("B1", 0, 2))).toBe("error");
  });

  it("on ExcelApi 1.20 an edit action's syncs are one undo step (mergeUndoGroup); structural ones are not grouped", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { apiVersion: "1.20" });
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const before = wb.excel.undo.entries;
    const m = await measured(wb.excel, () => wb.host.compute());
    expect(m.syncs).toBe(2);
    expect(wb.excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
    expect(wb.excel.undo.entries).toBe(before + 1);
    // Finalise protects and unprotects (no undo support): never grouped, it clears the stack, as the pane said.
    const cleared = wb.excel.undo.cleared;
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 80 });
    await wb.host.finalise("王组长");
    expect(wb.excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
    expect(wb.excel.undo.cleared).toBe(cleared + 1);
    expect(wb.excel.undo.clearedBy.at(-1)).toMatch(/^WorksheetProtection\./);
  });

  it("below ExcelApi 1.20 no undo group is asked for; each sync that edits is an entry", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const before = wb.excel.undo.entries;
    await wb.host.compute();
    expect(wb.excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
    expect(wb.excel.undo.entries).toBe(before + 1);
  });

  it("UndoNotSupported in a group (a workbook whose sheets must be lifted): the run is made again without it", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { apiVersion: "1.20" });
    // A workbook made before the highlight store: its log's rows are locked, the sheet is lifted.
    plant(wb.sheet("rules"), "Z1", { text: "StarScore: highlighted cells" });
    wb.sheet("audit").columns.clear();
    const runs = wb.excel.runs;
    await wb.host.validate();
    expect(wb.excel.runs - runs).toBe(2);
    expect(wb.excel.runOptions.slice(-2)).toEqual([
      { delayForCellEdit: true, mergeUndoGroup: true },
      { delayForCellEdit: true },
    ]);
    expect(wb.excel.undo.clearedBy.at(-1)).toMatch(/^WorksheetProtection\./);
  });

  it("the fake's table: on the web, renaming a sheet keeps the undo stack; on Windows and Mac it clears it", async () => {
    for (const [platform, clears] of [
      ["web", 0],
      ["desktop", 1],
    ] as const) {
      const wb = await workbookOf(assessmentWith({ evaluators: 1 }), "zh", { platform });
      const before = wb.excel.undo.cleared;
      await wb.excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").name = "Notes";
        await context.sync();
      });
      expect([platform, wb.excel.undo.cleared - before]).toEqual([platform, clears]);
    }
  });
});

describe("the active workbook switching (excel-add-ins-troubleshooting)", () => {
  it("GeneralException once: the action is made again and succeeds", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    const runs = wb.excel.runs;
    wb.excel.switchWorkbook(1);
    await wb.host.selectCell(`'评分'!${entryRef("B1", 0, 1)}`);
    expect(wb.excel.runs - runs).toBe(2);
    expect(wb.excel.model.activeSheet).toBe("评分");
  });

  it("InvalidSelection once (getActiveCell): made again", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.switchWorkbook(1);
    await expect(wb.host.inspectSelection()).resolves.toBeDefined();
  });

  it("twice: the user is told to keep this workbook in front, in both languages", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    wb.excel.switchWorkbook(2);
    const attempt = wb.host.selectCell(`'评分'!${entryRef("B1", 0, 1)}`);
    await expect(attempt).rejects.toBeInstanceOf(ActionError);
    await expect(attempt).rejects.toMatchObject({ localised: KEEP_IN_FRONT });
  });

  it("other errors are not retried", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    const runs = wb.excel.runs;
    const failing = wb.excel.run;
    let calls = 0;
    const host = createOfficeHost({
      run: (batch, options) => {
        calls++;
        return calls === 1
          ? Promise.reject(new FakeOfficeError("ItemNotFound", "gone"))
          : failing(batch, options);
      },
      runIn: wb.excel.runIn,
      supports: wb.excel.supports,
    });
    await expect(host.compute()).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(calls).toBe(1);
    expect(wb.excel.runs).toBe(runs);
  });
});
