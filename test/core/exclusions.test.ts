import { isExcludable, recordedExclusions, resolveExclusions } from "../../src/core/exclusions";

describe("isExcludable", () => {
  it("items and indicators under 5.2.1–5.2.6 only", () => {
    expect(["B1", "B24", "5.2.1", "5.2.6"].map(isExcludable)).toEqual([true, true, true, true]);
    expect(["C7", "A1", "5.3.1", "5.1.1", "5.2", "Z9", ""].map(isExcludable)).toEqual(Array(7).fill(false));
  });
});

describe("recordedExclusions: what the report lists", () => {
  it("every allowed key the assessment excludes, in the catalogue's order, with or without a reason", () => {
    const exclusions = {
      C7: "不设热线",
      B6: "",
      "5.2.6": "不回收",
      Z9: "?",
      "5.2.2": "不安装",
      B1: "无包装",
    };
    expect(recordedExclusions(exclusions)).toEqual(["B1", "5.2.2", "B6", "5.2.6"]);
  });

  it("an item excluded by itself and by its indicator is listed under both, whichever came first", () => {
    for (const exclusions of [
      { "5.2.2": "不安装", B6: "不需安装" },
      { B6: "不需安装", "5.2.2": "不安装" },
    ]) {
      expect(recordedExclusions(exclusions)).toEqual(["5.2.2", "B6"]);
      // The engine excludes B6 once, by whichever key came first.
      expect(resolveExclusions(exclusions).byItem.get("B6")).toBe(Object.keys(exclusions)[0]);
    }
  });

  it("nothing for no exclusions, and no key from the object's prototype", () => {
    expect(recordedExclusions()).toEqual([]);
    expect(recordedExclusions(JSON.parse('{"__proto__": "x", "constructor": "y"}'))).toEqual([]);
  });
});
