import fc from "fast-check";
import { columnLetter } from "../../../src/workbook/address";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { parseRef } from "../../../src/workbook/address";
import { splitReference } from "../../../src/taskpane/excel/guards";
import { toR1C1 } from "../../../src/taskpane/excel/r1c1";
import { r1c1ToA1 } from "../../fakes/r1c1-to-a1";
import { assessmentWith } from "../../helpers/builders";

const D7 = { row: 7, column: 4 };

describe("toR1C1", () => {
  test.each([
    ["=A1", "=R[-6]C[-3]"],
    ["=D7", "=RC"],
    ["=$A$1", "=R1C1"],
    ["=$B7", "=RC2"],
    ["=B$7", "=R7C[-2]"],
    ["=E8+C6", "=R[1]C[1]+R[-1]C[-1]"],
    ["=SUM(A1:B2)", "=SUM(R[-6]C[-3]:R[-5]C[-2])"],
    ["=SUM($H$5:$H$71)", "=SUM(R5C8:R71C8)"],
    ["=COUNT(HG7:OX7)", "=COUNT(RC[211]:RC[410])"],
    ["=SUM(A:A)", "=SUM(C[-3]:C[-3])"],
    ["=SUM($A:$C)", "=SUM(C1:C3)"],
    ["=SUM(3:4)", "=SUM(R[-4]:R[-3])"],
    ["=SUM($3:$4)", "=SUM(R3:R4)"],
    ["=$xfd$1048576", "=R1048576C16384"],
    ["=xfd1048576", "=R[1048569]C[16380]"],
  ])("%s in D7 → %s", (a1, r1c1) => {
    expect(toR1C1(a1, D7)).toBe(r1c1);
  });

  test("sheet-qualified references, quoted Chinese names and doubled quotes", () => {
    expect(toR1C1(`='评分'!$H$4&""`, D7)).toBe(`='评分'!R4C8&""`);
    expect(toR1C1(`='评分'!H4&""`, { row: 14, column: 2 })).toBe(`='评分'!R[-10]C[6]&""`);
    expect(toR1C1(`=SUM('O''Brien A1'!A1:A3)`, D7)).toBe(`=SUM('O''Brien A1'!R[-6]C[-3]:R[-4]C[-3])`);
    expect(toR1C1(`=Sheet1!B2+评分!C3`, D7)).toBe(`=Sheet1!R[-5]C[-2]+评分!R[-4]C[-1]`);
  });

  test("function names and defined names are left alone", () => {
    expect(toR1C1("=LOG10(A1)", D7)).toBe("=LOG10(R[-6]C[-3])");
    expect(toR1C1("=MOD(D7,Setting_Step)=0", D7)).toBe("=MOD(RC,Setting_Step)=0");
    expect(toR1C1("=IF(C5>=Rule_FiveStar,Label_FiveStar,Label_Fail)", D7)).toBe(
      "=IF(R[-2]C[-1]>=Rule_FiveStar,Label_FiveStar,Label_Fail)",
    );
    expect(toR1C1("=STDEV.S(A1:A3)+ATAN2(1,2)", D7)).toBe("=STDEV.S(R[-6]C[-3]:R[-4]C[-3])+ATAN2(1,2)");
    expect(toR1C1("=TRUE=FALSE", D7)).toBe("=TRUE=FALSE");
  });

  test("string literals, numbers and error literals are left alone", () => {
    expect(toR1C1(`=IF(A1="A1","B$2 ""C3""",A1)`, D7)).toBe(`=IF(R[-6]C[-3]="A1","B$2 ""C3""",R[-6]C[-3])`);
    expect(toR1C1(`=1.5E+3+2.5e-2+A1*100`, D7)).toBe(`=1.5E+3+2.5e-2+R[-6]C[-3]*100`);
    expect(toR1C1(`=IFERROR(A1,#N/A)+#DIV/0!`, D7)).toBe(`=IFERROR(R[-6]C[-3],#N/A)+#DIV/0!`);
    expect(toR1C1(`=SUMIF(B29:B33,">0")`, D7)).toBe(`=SUMIF(R[22]C[-2]:R[26]C[-2],">0")`);
  });

  test("structured references and spilled ranges", () => {
    expect(toR1C1("=SUM(Table1[A1])", D7)).toBe("=SUM(Table1[A1])");
    expect(toR1C1("=SUM(A1#)", D7)).toBe("=SUM(R[-6]C[-3]#)");
  });

  test("out-of-grid words are names, not references", () => {
    expect(toR1C1("=XFE1+A1048577+ABCD1", D7)).toBe("=XFE1+A1048577+ABCD1");
  });

  test("one R1C1 text for a block: the same relative formula in every row", () => {
    const rows = [7, 8, 9].map((row) =>
      toR1C1(`=IF(HF${row}=0,"",$D${row}*SUM(HG${row}:OX${row}))`, { row, column: 208 }),
    );
    expect(new Set(rows).size).toBe(1);
  });
});

describe("round trip through the fake's independent R1C1 → A1", () => {
  test("every formula of the layout, in both languages", () => {
    for (const lang of ["zh", "en"] as const) {
      const layout = buildWorkbookLayout({ lang, assessment: assessmentWith({ evaluators: 12 }) });
      for (const sheet of layout.sheets) {
        for (const cell of sheet.cells) {
          if (cell.formula === undefined) continue;
          const { row, column } = parseRef(cell.ref);
          expect(r1c1ToA1(toR1C1(cell.formula, { row, column }), row, column)).toBe(cell.formula);
        }
      }
    }
  });

  test("any reference, anywhere (property)", () => {
    const ref = fc.record({
      column: fc.integer({ min: 1, max: 16_384 }),
      row: fc.integer({ min: 1, max: 1_048_576 }),
      absColumn: fc.boolean(),
      absRow: fc.boolean(),
    });
    const a1 = (r: { column: number; row: number; absColumn: boolean; absRow: boolean }) =>
      `${r.absColumn ? "$" : ""}${columnLetter(r.column)}${r.absRow ? "$" : ""}${r.row}`;
    fc.assert(
      fc.property(
        ref,
        ref,
        fc.integer({ min: 1, max: 1_048_576 }),
        fc.integer({ min: 1, max: 16_384 }),
        (a, b, row, column) => {
          const formula = `=SUM('表 1'!${a1(a)}:${a1(b)})+${a1(b)}*Setting_Step`;
          expect(r1c1ToA1(toR1C1(formula, { row, column }), row, column)).toBe(formula);
        },
      ),
    );
  });
});

describe("splitReference", () => {
  test.each([
    ["='规则'!$H$5:$H$6", { sheet: "规则", address: "$H$5:$H$6" }],
    ["=Rules!H5", { sheet: "Rules", address: "H5" }],
    ["'O''Brien'!A1:B2", { sheet: "O'Brien", address: "A1:B2" }],
    ["=SUM(A1)", undefined],
    ["=A1:B2", undefined],
    ["=Rules!A1,Rules!B2", undefined],
  ])("%s", (reference, parts) => {
    expect(splitReference(reference)).toEqual(parts);
  });
});
