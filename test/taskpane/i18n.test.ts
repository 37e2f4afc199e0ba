import { htmlLang, LANGS, messages, pickLanguage } from "../../src/taskpane/i18n";

describe("task pane strings", () => {
  test("zh and en define the same keys, none empty", () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.zh).sort());
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(messages[lang]))
        expect([key, text.trim()]).not.toEqual([key, ""]);
    }
  });

  test("the zh strings are Chinese and the en strings are not", () => {
    const han = /\p{Script=Han}/u;
    expect(messages.zh.description).toMatch(han);
    expect(messages.zh.notInExcelTitle).toMatch(han);
    for (const [key, text] of Object.entries(messages.en)) {
      if (key !== "languageZh") expect([key, han.test(text)]).toEqual([key, false]);
    }
  });

  test("the notices name the Excel versions to use", () => {
    for (const lang of LANGS) {
      for (const text of [messages[lang].notInExcelBody, messages[lang].unsupportedBody]) {
        expect(text).toMatch(/Excel 2019/);
        expect(text).toMatch(/Microsoft 365/);
        expect(text).toMatch(/Excel for Mac/);
      }
    }
    expect(messages.en.notInExcelBody).toMatch(/Excel on the web/);
    expect(messages.zh.notInExcelBody).toMatch(/Excel 网页版/);
    expect(messages.en.unsupportedBody).toMatch(/1\.8/);
  });

  test.each([
    ["zh-CN", "zh"],
    ["zh-TW", "zh"],
    ["ZH-cn", "zh"],
    ["zh", "zh"],
    ["en-US", "en"],
    ["ja-JP", "en"],
    ["", "en"],
    [undefined, "en"],
    [null, "en"],
  ])("display language %p → %s", (displayLanguage, lang) => {
    expect(pickLanguage(displayLanguage)).toBe(lang);
  });

  test("html lang tags", () => {
    expect(htmlLang("zh")).toBe("zh-CN");
    expect(htmlLang("en")).toBe("en");
  });
});
