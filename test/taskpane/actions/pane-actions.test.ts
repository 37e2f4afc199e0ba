import { WorkbookExistsError } from "../../../src/taskpane/excel/write-workbook";
import { columnLetter } from "../../../src/workbook/address";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { HEADER_ROW, scoringColumns } from "../../../src/workbook/scoring-grid";
import { FakeExcel } from "../../fakes/fake-excel";
import { eventsOf } from "../../fakes/fake-events";
import { select, typeIn } from "../../fakes/fake-user";
import { assessmentWith } from "../../helpers/builders";
import { entryRef, hostOn, measured, plant, readBack, rowOf, workbookOf } from "./fixture";

const team = [
  { name: "张三", kind: "auditor" as const },
  { name: "暗访 1", kind: "visit" as const },
  { name: "李四", kind: "auditor" as const },
];

describe("inspectSelection: one sync", () => {
  it("on an item row: the item, every evaluator's entry and cell, and the evaluator column selected", async () => {
    const wb = await workbookOf(
      assessmentWith({ evaluators: team, fill: (code, k) => (code === "B6" ? [75, null, 90][k]! : 80) }),
    );
    plant(wb.sheet("scoring"), entryRef("B6", 2, 3), { text: "九十" });
    await select(wb.excel, "评分", entryRef("B6", 1, 3));
    const { result, syncs, runs } = await measured(wb.excel, () => wb.host.inspectSelection());
    expect([syncs, runs]).toEqual([1, 1]);
    expect(result).toEqual({
      code: "B6",
      entries: [
        { name: "张三", kind: "auditor", value: 75, cell: `'评分'!${entryRef("B6", 0, 3)}` },
        { name: "暗访 1", kind: "visit", value: null, cell: `'评分'!${entryRef("B6", 1, 3)}` },
        { name: "李四", kind: "auditor", value: "九十", cell: `'评分'!${entryRef("B6", 2, 3)}` },
      ],
      selectedEvaluator: 1,
      // Not finalised; the item's note (备注 / 证据) and its cell, for the inspector's evidence field.
      finalised: false,
      note: { cell: `'评分'!${columnLetter(scoringColumns(3).notes)}${rowOf("B6")}`, value: "" },
    });
  });

  it("on an item row outside the entry columns: no evaluator selected", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: team }));
    await select(wb.excel, "评分", `C${rowOf("A3")}`);
    const selection = await wb.host.inspectSelection();
    expect(selection?.code).toBe("A3");
    expect(selection).not.toHaveProperty("selectedEvaluator");
  });

  it("null on a heading row, the header, below the table, and on another sheet", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: team }), "en");
    for (const [sheet, ref] of [
      [SHEET_NAMES.scoring.en, `H${rowOf("5.2.1")}`],
      [SHEET_NAMES.scoring.en, `H${HEADER_ROW}`],
      [SHEET_NAMES.scoring.en, "H1"],
      [SHEET_NAMES.scoring.en, "H200"],
      [SHEET_NAMES.summary.en, "C30"],
      ["Sheet1", "A1"],
    ] as const) {
      await select(wb.excel, sheet, ref);
      const { result, syncs } = await measured(wb.excel, () => wb.host.inspectSelection());
      expect([sheet, ref, result, syncs]).toEqual([sheet, ref, null, 1]);
    }
  });
});

describe("setEntry and selectCell: one sync each", () => {
  it("setEntry writes the number into the (unlocked) entry cell of the protected sheet", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const cell = `'评分'!${entryRef("C3", 1, 2)}`;
    const { syncs, runs } = await measured(wb.excel, () => wb.host.setEntry(cell, 65));
    expect([syncs, runs]).toEqual([1, 1]);
    expect(wb.sheet("scoring").peek(entryRef("C3", 1, 2))?.value).toBe(65);
    expect(readBack(wb.excel).assessment.scores.C3).toEqual([80, 65]);
    // A locked cell is Excel's to refuse.
    await expect(wb.host.setEntry("'评分'!A1", 5)).rejects.toThrow(/locked/);
    await expect(wb.host.setEntry(cell, Number.NaN)).rejects.toThrow(RangeError);
  });

  it("selectCell activates the sheet and selects the cell", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    await select(wb.excel, "汇总", "A1");
    const { syncs } = await measured(wb.excel, () => wb.host.selectCell("'特别项'!C7"));
    expect(syncs).toBe(1);
    expect(wb.excel.model.activeSheet).toBe("特别项");
    expect(eventsOf(wb.excel).selection).toEqual({ sheet: "特别项", address: "C7" });
  });
});

describe("events", () => {
  it("onChanged: edits of the input sheets call the listener until unsubscribed; the pane's own writes do not", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    const listener = jest.fn();
    const unsubscribe = await wb.host.onChanged(listener);
    expect(eventsOf(wb.excel).count("changed")).toBe(3);
    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 70);
    await typeIn(wb.excel, "特别项", "C5", "问题");
    await typeIn(wb.excel, "封面", "B4", "另一家公司");
    expect(listener).toHaveBeenCalledTimes(3);
    // compute writes the Summary's engine check and validate the Rules sheet's store: not subscribed.
    await eventsOf(wb.excel).emit("changed", "汇总", "G5");
    await eventsOf(wb.excel).emit("changed", "规则", "Z2");
    expect(listener).toHaveBeenCalledTimes(3);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(eventsOf(wb.excel).count("changed")).toBe(0);
    await typeIn(wb.excel, "评分", entryRef("B1", 0, 2), 75);
    expect(listener).toHaveBeenCalledTimes(3);
    expect(eventsOf(wb.excel).handlerErrors).toEqual([]);
  });

  it("onSelectionChanged: on the Scoring sheet only", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "en");
    const listener = jest.fn();
    const unsubscribe = await wb.host.onSelectionChanged(listener);
    await select(wb.excel, "Scoring", "H7");
    await select(wb.excel, "Summary", "C30");
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await select(wb.excel, "Scoring", "H8");
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe("hasWorkbook and generate", () => {
  it("a new workbook has none; generate writes a blank one with the team; a second generate refuses", async () => {
    const excel = new FakeExcel();
    const host = hostOn(excel);
    expect(await host.hasWorkbook()).toBe(false);
    const result = await host.generate({
      lang: "en",
      organization: "Acme Appliances",
      type: "recertification",
      dates: { start: "2026-11-02" },
      step: 10,
      evaluators: team,
    });
    expect(result).toEqual({ skipped: ["autoFilter", "pageLayout"] });
    expect(await host.hasWorkbook()).toBe(true);
    const read = readBack(excel);
    expect(read.lang).toBe("en");
    expect(read.assessment).toMatchObject({
      organization: "Acme Appliances",
      type: "recertification",
      dates: { start: "2026-11-02" },
      step: 10,
      evaluators: team,
    });
    expect(
      Object.values(read.assessment.scores)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    expect(
      excel.model.sheet("Scoring")!.peek(`${columnLetter(scoringColumns(3).evaluator(1))}${HEADER_ROW}`)
        ?.value,
    ).toBe("暗访 1");
    await expect(
      host.generate({ lang: "zh", organization: "x", type: "initial", step: 5, evaluators: team }),
    ).rejects.toBeInstanceOf(WorkbookExistsError);
  });
});
