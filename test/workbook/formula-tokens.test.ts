import fc from "fast-check";
import { formulaTokens } from "../../src/workbook/formula-tokens";

const kinds = (formula: string) => formulaTokens(formula).map((t) => [t.kind, t.text]);

describe("formulaTokens: the one lexer for formula text", () => {
  it("splits strings, quoted sheets, words, spaces and the rest", () => {
    expect(kinds(`=IF('评分'!$A5 = "a ""b""", Rule_Total, 1.5E5)`)).toEqual([
      ["other", "="],
      ["word", "IF"],
      ["other", "("],
      ["sheet", "'评分'"],
      ["other", "!"],
      ["word", "$A5"],
      ["space", " "],
      ["other", "="],
      ["space", " "],
      ["string", '"a ""b"""'],
      ["other", ","],
      ["space", " "],
      ["word", "Rule_Total"],
      ["other", ","],
      ["space", " "],
      ["word", "1.5E5"],
      ["other", ")"],
    ]);
  });

  it("keeps error literals and bracketed parts (structured references, nested) whole", () => {
    expect(kinds(`#REF!+#N/A+#x`)).toEqual([
      ["error", "#REF!"],
      ["other", "+"],
      ["error", "#N/A"],
      ["other", "+"],
      ["other", "#"],
      ["word", "x"],
    ]);
    expect(kinds(`Table1[[#This Row],[Col A]]`)).toEqual([
      ["word", "Table1"],
      ["bracket", "[[#This Row],[Col A]]"],
    ]);
  });

  it("an unterminated string or bracket runs to the end", () => {
    expect(kinds(`="abc`)).toEqual([
      ["other", "="],
      ["string", '"abc'],
    ]);
    expect(kinds(`T[a`)).toEqual([
      ["word", "T"],
      ["bracket", "[a"],
    ]);
  });

  it("the tokens' text joined is the formula, whatever it is (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."=A1:$B$2 '\"[]#!()REF/,评分_.\\?") }), (formula) => {
        expect(
          formulaTokens(formula)
            .map((t) => t.text)
            .join(""),
        ).toBe(formula);
      }),
      { numRuns: 500 },
    );
  });
});
