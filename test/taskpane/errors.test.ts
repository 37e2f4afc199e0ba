import { ReferencesAtRiskError } from "../../src/taskpane/errors";

describe("ReferencesAtRiskError", () => {
  it("lists the references with 、 in Chinese and , in English, ten at most", () => {
    const refs = Array.from({ length: 12 }, (_, i) => `'Sheet1'!B${i + 1}`);
    const error = new ReferencesAtRiskError(refs, ["大表", "Big"]);
    expect(error.localised.zh).toContain("（'Sheet1'!B1、'Sheet1'!B2、");
    expect(error.localised.zh).toContain("'Sheet1'!B10、…）");
    expect(error.localised.zh).toContain("工作表 大表、Big 太大");
    expect(error.localised.zh).not.toContain(", ");
    expect(error.localised.en).toContain("('Sheet1'!B1, 'Sheet1'!B2, ");
    expect(error.localised.en).toContain("'Sheet1'!B10, …)");
    expect(error.localised.en).toContain("The sheets 大表, Big are too large");
  });
});
