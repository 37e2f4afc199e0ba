import { cellContent, officeGrid, rangeOrigin } from "../../../src/taskpane/excel/office-grid";
import { dateFromSerial, isDateFormat } from "../../../src/taskpane/excel/number-format";
import { FakeExcel } from "../../fakes/fake-excel";

describe("officeGrid: a used range loaded through Office.js as the readers' Grid", () => {
  const range = {
    address: "'评分'!C3:E5",
    values: [
      [80, "八十", true],
      ["#REF!", 46027, ""],
      ["", "#N/A", 0.8],
    ],
    valueTypes: [
      ["Double", "String", "Boolean"],
      ["Error", "Double", "String"],
      ["Empty", "Error", "Double"],
    ],
    numberFormat: [
      ["0", "@", "General"],
      ["General", "yyyy-mm-dd", "General"],
      ["General", "General", "0%"],
    ],
  };
  const grid = officeGrid("评分", range);

  it("starts at the range's own top-left cell, not A1", () => {
    expect([grid.lastRow, grid.lastColumn]).toEqual([5, 5]);
    expect(grid.at(1, 1)).toEqual({ kind: "blank" });
    expect(grid.at(2, 3)).toEqual({ kind: "blank" });
    expect(grid.at(6, 3)).toEqual({ kind: "blank" });
    expect(grid.at(3, 6)).toEqual({ kind: "blank" });
  });

  it("numbers, text, logical values, errors, dates and blanks", () => {
    expect(grid.at(3, 3)).toEqual({ kind: "number", value: 80 });
    expect(grid.at(3, 4)).toEqual({ kind: "text", value: "八十" });
    expect(grid.at(3, 5)).toEqual({ kind: "boolean", value: true });
    expect(grid.at(4, 3)).toEqual({ kind: "error", value: "#REF!" });
    expect(grid.at(4, 4)).toEqual({ kind: "date", value: new Date(Date.UTC(2026, 0, 5)) });
    // A formula's "" is blank, as to Excel's COUNT.
    expect(grid.at(4, 5)).toEqual({ kind: "blank" });
    expect(grid.at(5, 3)).toEqual({ kind: "blank" });
    expect(grid.at(5, 4)).toEqual({ kind: "error", value: "#N/A" });
    expect(grid.at(5, 5)).toEqual({ kind: "number", value: 0.8 });
  });

  it("an empty sheet (a null used range) is an empty grid", () => {
    const empty = officeGrid("Scoring", undefined);
    expect([empty.name, empty.lastRow, empty.lastColumn, empty.at(1, 1)]).toEqual([
      "Scoring",
      0,
      0,
      { kind: "blank" },
    ]);
  });

  it("reads what the fake's load gives, through a real request", async () => {
    const excel = new FakeExcel({ sheets: ["My Sheet"] });
    const sheet = excel.model.sheet("My Sheet")!;
    Object.assign(sheet.cell(2, 2), { value: 5 });
    Object.assign(sheet.cell(3, 4), { error: "#DIV/0!" });
    Object.assign(sheet.cell(4, 3), { value: 45000, numberFormat: 'yyyy"年"m"月"d"日"' });
    const loaded = await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem("My Sheet").getUsedRangeOrNullObject(true);
      used.load("address,values,valueTypes,numberFormat");
      await context.sync();
      return used;
    });
    expect(loaded.address).toBe("'My Sheet'!B2:D4");
    const g = officeGrid("My Sheet", loaded);
    expect([g.at(2, 2), g.at(3, 4), g.at(4, 3), g.at(4, 4)]).toEqual([
      { kind: "number", value: 5 },
      { kind: "error", value: "#DIV/0!" },
      { kind: "date", value: new Date(Date.UTC(2023, 2, 15)) },
      { kind: "blank" },
    ]);
  });

  it("cellContent takes unknown value types at their value", () => {
    expect(cellContent("x", "RichValue", "General")).toEqual({ kind: "text", value: "x" });
    expect(cellContent(3, "Unknown", "General")).toEqual({ kind: "number", value: 3 });
    expect(cellContent(7, "Integer", "0")).toEqual({ kind: "number", value: 7 });
  });

  it("rangeOrigin", () => {
    expect(rangeOrigin("Sheet1!$B$7:$C$9")).toEqual({ row: 7, column: 2 });
    expect(rangeOrigin("'It''s'!AA10")).toEqual({ row: 10, column: 27 });
    expect(rangeOrigin("H4")).toEqual({ row: 4, column: 8 });
  });
});

describe("number formats: which show dates", () => {
  it.each([
    ["yyyy-mm-dd", true],
    ["m/d/yyyy", true],
    ['yyyy"年"m"月"d"日"', true],
    ["[$-804]yyyy年m月d日", true],
    ["d-mmm-yy", true],
    ["h:mm:ss", true],
    ["[h]:mm", true],
    ["yyyy/m/d h:mm", true],
    ["General", false],
    ["0", false],
    ["0.0", false],
    ["0.00", false],
    ["0%", false],
    ["0.0%", false],
    ["#,##0.00_);[Red](#,##0.00)", false],
    ["0.00E+00", false],
    ['0.0 "分"', false],
    ["@", false],
    ['"date" 0', false],
    ["", false],
  ])("%s → %s", (format, date) => {
    expect(isDateFormat(format)).toBe(date);
  });

  it("serials of the 1900 date system, with its leap day that never was", () => {
    expect(dateFromSerial(1).toISOString().slice(0, 10)).toBe("1900-01-01");
    expect(dateFromSerial(59).toISOString().slice(0, 10)).toBe("1900-02-28");
    expect(dateFromSerial(61).toISOString().slice(0, 10)).toBe("1900-03-01");
    expect(dateFromSerial(46027).toISOString().slice(0, 10)).toBe("2026-01-05");
    expect(dateFromSerial(46027.5).toISOString()).toBe("2026-01-05T12:00:00.000Z");
  });
});
