import { phrase, show, WHAT } from "../../../src/workbook/audit/messages";
import { TEXT } from "../../../src/workbook/labels";

describe("the finalisation check's words", () => {
  it("name a field by the workbook's own label, lower-cased inside an English sentence", () => {
    expect(phrase("organisation")).toEqual({ zh: TEXT.organisation.zh, en: "organisation" });
    expect(WHAT.type).toEqual({ zh: "评价类型", en: "assessment type" });
    expect(WHAT.finalScore).toEqual({ zh: "最终得分", en: "final score" });
    expect(phrase("relatedItem")).toEqual({ zh: "关联项目", en: "related item" });
    expect(WHAT.indicatorScore("5.2.1")).toEqual({ zh: "二级指标 5.2.1 得分", en: "indicator 5.2.1 score" });
  });

  it("show values quoted, numbers as they are, nothing as blank, long text cut", () => {
    expect(show("某某")).toEqual({ zh: "“某某”", en: '"某某"' });
    expect(show(80)).toEqual({ zh: "80", en: "80" });
    for (const blank of [null, undefined, ""]) expect(show(blank)).toEqual({ zh: "空白", en: "blank" });
    expect(show("x".repeat(50)).en).toBe(`"${"x".repeat(39)}…"`);
  });
});
