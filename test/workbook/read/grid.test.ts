import { contentText, isoDate, textAt, type CellContent, type Grid } from "../../../src/workbook/read/grid";

describe("contentText: a cell's content as text, one way everywhere", () => {
  it.each<[CellContent, string]>([
    [{ kind: "blank" }, ""],
    [{ kind: "uncomputed" }, ""],
    [{ kind: "text", value: " 张三 " }, " 张三 "],
    [{ kind: "number", value: 87.46 }, "87.46"],
    [{ kind: "number", value: 0.1 + 0.2 }, "0.30000000000000004"],
    [{ kind: "boolean", value: true }, "TRUE"],
    [{ kind: "boolean", value: false }, "FALSE"],
    [{ kind: "date", value: new Date(Date.UTC(2026, 10, 2)) }, "2026-11-02"],
    [{ kind: "error", value: "#N/A" }, "#N/A"],
  ])("%j → %p", (content, text) => {
    expect(contentText(content)).toBe(text);
  });

  it("writes dates as ISO dates, whatever their time of day (the readers build them at UTC midnight)", () => {
    expect(isoDate(new Date(Date.UTC(2025, 2, 14, 9, 26, 53)))).toBe("2025-03-14");
    expect(contentText({ kind: "date", value: new Date(Date.UTC(2025, 2, 14, 9, 26, 53)) })).toBe(
      "2025-03-14",
    );
  });

  it("textAt reads a grid's cell", () => {
    const grid: Grid = {
      name: "审计日志",
      lastRow: 2,
      lastColumn: 1,
      at: (row) => (row === 1 ? { kind: "number", value: 3 } : { kind: "blank" }),
    };
    expect([textAt(grid, 1, 1), textAt(grid, 2, 1)]).toEqual(["3", ""]);
  });
});
