import fc from "fast-check";
import { cellRef, columnIndex, parseRef, tryParseRef } from "../../src/workbook/address";

describe("cell addresses", () => {
  it("parseRef reads what cellRef writes, with or without $", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16_384 }),
        fc.integer({ min: 1, max: 1_048_576 }),
        (column, row) => {
          const ref = cellRef(column, row);
          expect(parseRef(ref)).toEqual({ column, row });
          expect(parseRef(`$${ref.replace(/(\d)/, "$$$1")}`)).toEqual({ column, row });
          expect(parseRef(ref.toLowerCase())).toEqual({ column, row });
        },
      ),
    );
  });

  it("tryParseRef accepts exactly the A1 pattern, as the pattern it replaced did", () => {
    const pattern = /^\$?([A-Z]+)\$?(\d+)$/i;
    fc.assert(
      fc.property(fc.stringMatching(/^[$A-Za-z0-9:!@[ ]{0,8}$/), (text) => {
        const match = pattern.exec(text);
        expect(tryParseRef(text)).toEqual(
          match ? { column: columnIndex(match[1]!), row: Number(match[2]) } : undefined,
        );
      }),
      { numRuns: 5_000 },
    );
    expect(tryParseRef("A1:B2")).toBeUndefined();
    expect(() => parseRef("1A")).toThrow(RangeError);
  });
});
