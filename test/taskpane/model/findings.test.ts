import type { IntegrityIssue } from "../../../src/taskpane/actions/types";
import { messages } from "../../../src/taskpane/i18n";
import { findingText, whatWords } from "../../../src/taskpane/model/findings";

const zh = messages.zh;
const en = messages.en;
const FORMULA = '=IF(Q7=0,"",IF(K7=0,0,$D7*SUM(R7:S7)/K7/100))';

const verify = (sheetValue: string, engineValue = FORMULA): IntegrityIssue => ({
  cell: "'评分'!P7",
  what: "B3 得分",
  sheetValue,
  engineValue,
  code: "formula-overwritten",
  message: { zh: `评分!P7（B3 得分）：公式被替换为值“3”；应为公式 ${engineValue}。`, en: "…" },
});

/** Issue 11, point 1: the finding in words, the formula apart; point 16: no internal names. */
describe("integrity findings in words", () => {
  test("a typed-over formula: what happened, and the formulas apart", () => {
    const text = findingText(verify("3"), zh, "zh");
    expect(text.text).toBe("B3 得分：公式被替换为值“3”。");
    expect(text.text).not.toContain("=IF");
    expect(text.formula).toEqual({ expected: FORMULA, found: "3" });
    expect(findingText(verify(""), en, "en").text).toBe("B3 得分: the formula was cleared.");
    expect(findingText(verify("=1+1"), en, "en").text).toBe("B3 得分: the formula was changed.");
  });

  test("a finding about no formula keeps its own sentence", () => {
    const issue = verify("旧目录", "新目录");
    expect(findingText(issue, zh, "zh")).toEqual({ text: issue.message!.zh });
  });

  test("the result names are words, in the check's own sentences too", () => {
    const differs: IntegrityIssue = {
      cell: "'汇总'!C29",
      what: "Result_FinalScore",
      sheetValue: "85",
      engineValue: "80.1",
      code: "value-differs",
      message: {
        zh: "汇总!C29（Result_FinalScore）：表中显示 85，而引擎按工作簿中的录入计算为 80.1。",
        en: "Summary!C29 (Result_FinalScore): the sheet shows 85, but the engine computes 80.1 from the workbook's entries.",
      },
    };
    expect(findingText(differs, zh, "zh").text).toBe(
      "汇总!C29（最终得分）：表中显示 85，而引擎按工作簿中的录入计算为 80.1。",
    );
    expect(findingText(differs, en, "en").text).toMatch(/^Summary!C29 \(Final score\): /);
    expect(whatWords("Result_Grade", zh)).toBe("等级");
    expect(whatWords("Result_FinalScore", en)).toBe("Final score");
    const compute: IntegrityIssue = {
      cell: "'汇总'!C5",
      what: "Result_Grade",
      sheetValue: "五星级",
      engineValue: "三星级",
    };
    expect(findingText(compute, zh, "zh").text).toBe("等级：表中为 五星级，应为 三星级");
  });
});
