import {
  normaliseFormula,
  parseNameRef,
  sameFormula,
  shiftRows,
} from "../../../src/workbook/integrity/formula";

describe("formulas compared as Excel reads them", () => {
  it("whitespace, case, _xlfn./_xlws., needless sheet quotes, @ and the leading = do not matter", () => {
    const layout = `=SUMIFS('评分'!$P$5:$P$71,'评分'!$N$5:$N$71,$A5,'评分'!$Q$5:$Q$71,1)`;
    expect(sameFormula(layout, `sumifs( 评分!$p$5:$P$71 , 评分!$N$5:$N$71, @$a5,'评分'!$Q$5:$Q$71,1 )`)).toBe(
      true,
    );
    expect(
      sameFormula(layout, `_xlfn.SUMIFS('评分'!$P$5:$P$71,'评分'!$N$5:$N$71,$A5,'评分'!$Q$5:$Q$71,1)`),
    ).toBe(true);
    expect(sameFormula('=IF(A1=0,"",B1)', 'IF(A1=0,"",B1)')).toBe(true);
    expect(sameFormula("=STDEV.S(A1:A3)", "=_xlfn.STDEV.S(A1:A3)")).toBe(true);
  });

  it("text inside quotes, references, names, constants and operators do", () => {
    const formula = `=IF(C30<Rule_PassMark,"不合格原因：得分 < "&Rule_PassMark,"")`;
    expect(sameFormula(formula, `=IF(C30<Rule_PassMark,"不合格原因：得分  < "&Rule_PassMark,"")`)).toBe(
      false,
    );
    expect(sameFormula(formula, `=IF(C30<Rule_PassMark,"不合格原因：得分 < "&Rule_passmark,"")`)).toBe(true);
    expect(sameFormula(formula, `=IF(C31<Rule_PassMark,"不合格原因：得分 < "&Rule_PassMark,"")`)).toBe(false);
    expect(sameFormula(formula, `=IF(C30<=Rule_PassMark,"不合格原因：得分 < "&Rule_PassMark,"")`)).toBe(
      false,
    );
    expect(sameFormula("=A1*100", "=A1*10")).toBe(false);
    expect(sameFormula("=$A$1", "=A1")).toBe(false);
    expect(sameFormula("='My Sheet'!A1", "='my sheet'!A1")).toBe(true);
    expect(normaliseFormula("='My Sheet'!A1")).toBe("='MY SHEET'!A1");
    expect(normaliseFormula('="a ""b"" c"  &  x')).toBe('="a ""b"" c"&X');
    // A column's name in a structured reference keeps its spaces; case and error literals fold.
    expect(sameFormula("=SUM(T[Col A])", "=sum(t[col a])")).toBe(true);
    expect(sameFormula("=SUM(T[Col A])", "=SUM(T[ColA])")).toBe(false);
    expect(sameFormula("=IFERROR(A1,#n/a)", "=IFERROR(A1, #N/A)")).toBe(true);
  });

  it("shiftRows moves relative rows only, as sorting or copying down does", () => {
    const formula = `=IF(OR(F9=Label_NotApplicable,INDEX($F$5:$F$71,MATCH(N9,$A$5:$A$71,0))=Label_NotApplicable),0,1)`;
    expect(shiftRows(formula, 3)).toBe(
      `=IF(OR(F12=Label_NotApplicable,INDEX($F$5:$F$71,MATCH(N12,$A$5:$A$71,0))=Label_NotApplicable),0,1)`,
    );
    expect(shiftRows(`=IF(P9=0,"",IF(K9=0,0,$D9*SUM(Q9:R9)/K9/100))`, -2)).toBe(
      `=IF(P7=0,"",IF(K7=0,0,$D7*SUM(Q7:R7)/K7/100))`,
    );
    // Not references: function names with digits, sheet names, names, numbers, text.
    expect(shiftRows(`=LOG10(A1)+'B2'!C3+Sheet1!D4+"E5"+1.5E5+Rule_Total`, 1)).toBe(
      `=LOG10(A2)+'B2'!C4+Sheet1!D5+"E5"+1.5E5+Rule_Total`,
    );
    expect(shiftRows(`=A1`, 0)).toBe(`=A1`);
  });

  it("parseNameRef: one cell on one sheet, quoted or not, with or without = and $", () => {
    expect(parseNameRef("'汇总'!$C$30")).toEqual({ sheet: "汇总", ref: "C30" });
    expect(parseNameRef("=汇总!C30")).toEqual({ sheet: "汇总", ref: "C30" });
    expect(parseNameRef("='It''s'!$b$2")).toEqual({ sheet: "It's", ref: "B2" });
    expect(parseNameRef("=#REF!")).toBeUndefined();
    expect(parseNameRef("'汇总'!$C$30:$C$31")).toBeUndefined();
  });
});
