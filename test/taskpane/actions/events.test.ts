/**
 * Which changes set off the pane's background reactions (src/taskpane/actions/events.ts), against
 * the fake's model of Excel's events: a co-author's edits arrive with source "Remote", and the
 * add-in's own writes raise changed events too, saying so (triggerSource "ThisLocalAddin") from
 * ExcelApi 1.14 (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events).
 */
import { eventsOf } from "../../fakes/fake-events";
import { coauthorTypesIn, typeIn } from "../../fakes/fake-user";
import { assessmentWith } from "../../helpers/builders";
import { entryRef, workbookOf, type Workbook } from "./fixture";

/** What ValidateView does: auto-validation after each change the host reports. */
async function autoValidating(wb: Workbook) {
  const runs: Promise<unknown>[] = [];
  const unsubscribe = await wb.host.onChanged(() => runs.push(wb.host.validate({ background: true })));
  const settle = async () => {
    await eventsOf(wb.excel).idle();
    await Promise.all(runs);
  };
  return { runs, unsubscribe, settle };
}

describe("background reactions run for this user's own edits only", () => {
  it("a co-author's edit (source Remote) sets off no background run", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { platform: "web" });
    const auto = await autoValidating(wb);
    const runs = wb.excel.runs;
    await coauthorTypesIn(wb.excel, "评分", entryRef("B1", 0, 2), 82);
    await auto.settle();
    expect(auto.runs).toHaveLength(0);
    expect(wb.excel.runs).toBe(runs);
    expect(eventsOf(wb.excel).raised.at(-1)).toMatchObject({ kind: "changed", source: "Remote" });
    // This user's own edit does.
    await typeIn(wb.excel, "评分", entryRef("B2", 0, 2), 80);
    await auto.settle();
    expect(auto.runs).toHaveLength(1);
    auto.unsubscribe();
  });

  it("on ExcelApi 1.14 the pane's own writes (triggerSource ThisLocalAddin) set off none", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "zh", { apiVersion: "1.14" });
    const auto = await autoValidating(wb);
    const raised = eventsOf(wb.excel).raised.length;
    await wb.host.setEntry(`'评分'!${entryRef("B1", 0, 2)}`, 80);
    await auto.settle();
    // Excel raised the event (the fake does, after the write), and the pane dropped it.
    expect(eventsOf(wb.excel).raised.slice(raised)).toEqual([
      { kind: "changed", sheet: "评分", address: entryRef("B1", 0, 2), source: "Local" },
    ]);
    expect(auto.runs).toHaveLength(0);
    auto.unsubscribe();
  });

  it("on older hosts the pane's own write does set one off, and that reaction only reads: no loop, no undo entry", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const auto = await autoValidating(wb);
    const entries = wb.excel.undo.entries;
    const syncs = wb.excel.syncs;
    const raised = eventsOf(wb.excel).raised.length;
    await wb.host.setEntry(`'评分'!${entryRef("B1", 0, 2)}`, 82);
    await auto.settle();
    expect(auto.runs).toHaveLength(1);
    // The write is one entry; the reaction after it added none and wrote nothing (loads only).
    expect(wb.excel.undo.entries).toBe(entries + 1);
    const after = wb.excel.requests.slice(syncs + 1);
    expect(after.length).toBeGreaterThan(0);
    expect(after.flatMap((r) => r.actions).filter((a) => a.ActionType === 3 || a.ActionType === 4)).toEqual(
      [],
    );
    // And so it sets off nothing more.
    expect(eventsOf(wb.excel).raised.slice(raised)).toHaveLength(1);
    auto.unsubscribe();
  });
});
