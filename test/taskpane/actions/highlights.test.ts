import {
  planHighlights,
  readStore,
  storeValues,
  type CellPlaces,
  type Mark,
  type Place,
} from "../../../src/taskpane/actions/highlights";
import type { HostDataRange } from "../../../src/taskpane/excel/host";
import { MARKS, MARKS_CAPACITY } from "../../../src/workbook/highlight-marks";

/** The store as the Rules sheet gives it back: a used range from Z1, the label first. */
function stored(values: string[][]): HostDataRange {
  return {
    isNullObject: false,
    address: `规则!Z1:AC${values.length + 1}`,
    values: [[MARKS.label, "", "", ""], ...values.map((row) => row.map((v) => v.replace(/^'/, "")))],
  } as unknown as HostDataRange;
}

describe("the store of highlighted cells", () => {
  it("round-trips up to its capacity, one key a cell, every write exactly the store's shape", () => {
    const marks = new Map<string, Mark>(
      Array.from({ length: 1500 }, (_, i) => [`scoring!B${i}!8`, i % 3 ? "error" : "warning"] as const),
    );
    const values = storeValues(marks);
    expect(values).toHaveLength(MARKS.rows);
    expect(values.every((row) => row.length === MARKS.columns)).toBe(true);
    expect(values.flat().every((v) => v.length < 255)).toBe(true);
    expect(readStore([stored(values)])).toEqual({ present: true, marks });
    expect(readStore([{ isNullObject: true } as HostDataRange])).toEqual({
      present: false,
      marks: new Map(),
    });
  });

  it("a workbook made before (another label in Z1) has no store: nothing is planned", () => {
    const old = {
      isNullObject: false,
      address: "规则!Z1:Z2",
      values: [["StarScore: highlighted cells, kept by the task pane (do not edit)"], ["E scoring@B1!H"]],
    } as unknown as HostDataRange;
    const store = readStore([old]);
    expect(store.present).toBe(false);
    const plan = planHighlights({
      marks: [{ place: { sheet: "scoring", row: 5, column: 8 }, mark: "error" }],
      previous: store,
      places: { keyOf: () => "k" } as unknown as CellPlaces,
    });
    expect(plan.store).toBeUndefined();
  });

  it("marks at most MARKS_CAPACITY cells, and writes nothing when the marks are unchanged", () => {
    const places = { keyOf: (p: Place) => `${p.sheet}!${p.row}!${p.column}` } as unknown as CellPlaces;
    const marks = Array.from({ length: MARKS_CAPACITY + 10 }, (_, i) => ({
      place: { sheet: "scoring" as const, row: 5 + i, column: 8 },
      mark: "error" as const,
    }));
    const plan = planHighlights({ marks, previous: { present: true, marks: new Map() }, places });
    expect(plan.truncated).toBe(true);
    expect(plan.store!.flat().filter((v) => v !== "")).toHaveLength(MARKS_CAPACITY);
    const again = planHighlights({
      marks: marks.slice(0, 3),
      previous: readStore([
        stored(storeValues(new Map(marks.slice(0, 3).map((m) => [places.keyOf(m.place), m.mark])))),
      ]),
      places,
    });
    expect(again.store).toBeUndefined();
  });
});
