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

  // Microsoft's "Excel JavaScript API requirement sets" table: ExcelApi 1.8 is in Microsoft 365 and
  // retail Excel on Windows from version 1808, in volume-licensed Office from Office 2021 (Office
  // 2019's stops at 1.7), on the web, and in Excel for Mac from 16.17 (docs/deploy.md).
  test("the notices name the Excel versions that have ExcelApi 1.8", () => {
    for (const lang of LANGS) {
      for (const text of [messages[lang].notInExcelBody, messages[lang].unsupportedBody]) {
        expect(text).toMatch(/Microsoft 365/);
        expect(text).toMatch(/Office 2021/);
        expect(text).toMatch(/Excel for Mac 16\.17/);
        expect(text).not.toMatch(/Excel 2019 (or later|或更高)/);
      }
      expect(messages[lang].unsupportedBody).toMatch(/1\.8/);
      expect(messages[lang].unsupportedBody).toMatch(/1808/);
      expect(messages[lang].unsupportedBody).toMatch(/Office 2016.*Office 2019/);
    }
    expect(messages.en.notInExcelBody).toMatch(/Excel on the web/);
    expect(messages.zh.notInExcelBody).toMatch(/Excel 网页版/);
    expect(messages.en.unsupportedBody).toMatch(/volume-licensed/);
    expect(messages.zh.unsupportedBody).toMatch(/批量许可/);
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
