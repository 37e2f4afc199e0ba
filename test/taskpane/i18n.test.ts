import { fmt, htmlLang, LANGS, messages, pickLanguage } from "../../src/taskpane/i18n";

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

  test("Chinese punctuation is full-width, with one quote style (issue 11, point 16)", () => {
    for (const [key, text] of Object.entries(messages.zh)) {
      // ASCII colons, semicolons, commas and parentheses belong to English text.
      expect([key, /[:;,()]/.test(text)]).toEqual([key, false]);
    }
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(messages[lang])) {
        // “” only: no straight double quotes, no corner brackets (apostrophes are English's own).
        expect([key, /["「」]/.test(text)]).toEqual([key, false]);
      }
    }
  });

  test("no message names an internal identifier (a defined name, an action's or a part's code)", () => {
    for (const lang of LANGS) {
      for (const [key, text] of Object.entries(messages[lang])) {
        expect([key, /Result_|Setting_|add-evaluator|set-entry|autoFilter|pageLayout/.test(text)]).toEqual([
          key,
          false,
        ]);
      }
    }
  });

  test("English counts are sentences with their plurals", () => {
    const en = messages.en;
    expect(fmt(en.evaluatorCount, { n: 1, auditors: 1, visits: 0 })).toBe(
      "1 column: 1 auditor and 0 visits.",
    );
    expect(fmt(en.evaluatorCount, { n: 3, auditors: 2, visits: 1 })).toBe(
      "3 columns: 2 auditors and 1 visit.",
    );
    expect(fmt(en.formHasErrors, { n: 1 })).toBe("Correct the marked problem.");
    expect(fmt(en.formHasErrors, { n: 2 })).toBe("Correct the 2 marked problems.");
    expect(fmt(en.validated, { errors: 6, warnings: 0 })).toBe("Validation found 6 errors and 0 warnings.");
    expect(fmt(en.validated, { errors: 1, warnings: 1 })).toBe("Validation found 1 error and 1 warning.");
    expect(fmt(en.generated, { n: 1 })).toBe("Workbook generated with 1 evaluator column.");
    expect(fmt(en.auditLogHeading, { n: 1 })).toBe("Audit log (the last entry)");
    // Chinese has no plural: the count is said once.
    expect(fmt(messages.zh.validated, { errors: 1, warnings: 0 })).toBe("校验完成：1 个错误，0 个警告。");
  });

  test("fmt leaves unknown placeholders as they are", () => {
    expect(fmt("{a} {b} {c|x|y}", { a: 1 })).toBe("1 {b} {c|x|y}");
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
