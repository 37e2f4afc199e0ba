import { SHEET_NAMES } from "../../src/workbook/labels";
import {
  foldName,
  isSheetOf,
  isStarScoreSheet,
  sheetNameLang,
  sheetNamesOf,
} from "../../src/workbook/sheet-names";

describe("sheet names", () => {
  test("every StarScore sheet is recognised in either language and any case", () => {
    for (const { zh, en } of Object.values(SHEET_NAMES)) {
      expect([zh, en, en.toUpperCase(), en.toLowerCase()].every(isStarScoreSheet)).toBe(true);
    }
    expect(isStarScoreSheet("Sheet1")).toBe(false);
    expect(isStarScoreSheet("评分 (2)")).toBe(false);
  });

  test("a key's names, Chinese first; a name's key and language", () => {
    expect(sheetNamesOf("scoring")).toEqual(["评分", "Scoring"]);
    expect(sheetNamesOf(["info", "audit"])).toEqual(["封面", "Info", "审计日志", "Audit log"]);
    expect(isSheetOf("scoring", "SCORING")).toBe(true);
    expect(isSheetOf("scoring", "汇总")).toBe(false);
    expect(sheetNameLang("audit LOG")).toBe("en");
    expect(sheetNameLang("规则")).toBe("zh");
    expect(sheetNameLang("Sheet1")).toBeUndefined();
  });

  test("folding ignores case the way Excel does for Latin letters", () => {
    expect(foldName("Scoring")).toBe(foldName("sCORING"));
    expect(foldName("评分")).toBe("评分");
  });
});
