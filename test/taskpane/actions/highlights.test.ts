import {
  MAX_HIGHLIGHTS,
  planHighlights,
  readStore,
  STORE,
  storeValues,
  type CellPlaces,
  type Mark,
  type Place,
} from "../../../src/taskpane/actions/highlights";
import type { HostDataRange } from "../../../src/taskpane/excel/host";

/** The store as the Rules sheet gives it back: a used range of column Z from row 1. */
function stored(values: string[][]): HostDataRange {
  return {
    isNullObject: false,
    address: `规则!Z1:Z${values.length}`,
    values: values.map(([v]) => [v!.replace(/^'/, "")]),
  } as unknown as HostDataRange;
}

describe("the store of highlighted cells", () => {
  it("round-trips any number of keys through cells of at most 30,000 characters", () => {
    const marks = new Map<string, Mark>(
      Array.from({ length: 5000 }, (_, i) => [`scoring@B${i}!H`, i % 3 ? "error" : "warning"] as const),
    );
    const values = storeValues(marks)!;
    expect(values).toHaveLength(1 + STORE.rows);
    expect(values[0]![0]).toBe(`'${STORE.label}`);
    expect(values.every(([v]) => v!.length <= STORE.chunk + 1)).toBe(true);
    expect(values.filter(([v]) => v !== "").length).toBeGreaterThan(2);
    expect(readStore([stored(values)])).toEqual(marks);
    expect(readStore([{ isNullObject: true } as HostDataRange])).toEqual(new Map());
  });

  it("paints at most MAX_HIGHLIGHTS cells", () => {
    const places = {
      keyOf: (p: Place) => `${p.sheet}!R${p.row}C${p.column}`,
      placeOf: () => undefined,
    } as unknown as CellPlaces;
    const marks = Array.from({ length: MAX_HIGHLIGHTS + 10 }, (_, i) => ({
      place: { sheet: "scoring" as const, row: 5 + i, column: 8 },
      mark: "error" as const,
    }));
    const plan = planHighlights({
      marks,
      previous: new Map(),
      places,
      restoreFill: () => () => null,
      hasStore: true,
    });
    expect(plan.paint.get("scoring")!.get("#FF8080")).toHaveLength(MAX_HIGHLIGHTS);
    expect(plan.sheets).toEqual(new Set(["scoring", "rules"]));
  });
});
