/**
 * End to end, the Results view's report (issue 13): the production build of the task pane in
 * headless Chromium over the fake Office host (Excel on the web: Office.context.platform
 * "OfficeOnline", where a task pane may download). Per language at 320 px (Chinese light, English
 * dark): Report adds the Report sheet to the fake workbook, every formula as the layout (the ExcelJS
 * writer's twin) has it, and logs; Download .docx gives a Word document whose word/document.xml has
 * the organisation and the final score. axe-core (every impact), nothing cut off, a screenshot.
 */
import { readFile } from "node:fs/promises";
import PizZip from "pizzip";
import type { Assessment } from "../../src/assessment/schema";
import { scoreAssessment } from "../../src/core/score";
import { toFixed } from "../../src/core/exact";
import { fmt, messages } from "../../src/taskpane/i18n";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { assessmentWith } from "../helpers/builders";
import {
  NARROW_WIDTH,
  enterPerson,
  layoutProblems,
  openView,
  runAxe,
  screenshot,
  sheetNames,
} from "./browser";
import { paneSession } from "./session";

jest.setTimeout(90_000);

const session = paneSession();

const ASSESSMENT: Assessment = { ...assessmentWith({ fill: () => 85 }), organization: "某某电器有限公司" };

describe.each([
  { display: "zh-CN", lang: "zh", theme: "light" },
  { display: "en-US", lang: "en", theme: "dark" },
] as const)("report: $display pane, $theme theme, 320 px", ({ display, lang, theme }) => {
  const t = messages[lang];

  test("Report adds the sheet with its formulas; Download .docx gives the report", async () => {
    const pane = await session.open({ lang: display, theme, width: NARROW_WIDTH });
    const { page } = pane;
    page.setDefaultTimeout(20_000);
    try {
      await page.evaluate(([l, a]) => window.__starscore.generateFrom(l, a).then(() => undefined), [
        lang,
        ASSESSMENT,
      ] as const);
      await enterPerson(page, lang === "zh" ? "王组长" : "Wang");
      await openView(page, "results");
      const results = page.locator("#starscore-panel-results");
      await results.getByRole("button", { name: t.reportButton, exact: true }).click();

      const finalScore = toFixed(scoreAssessment(ASSESSMENT).result.finalScore, 2);
      expect(finalScore).toBe("85.00");
      const sheet = SHEET_NAMES.report[lang];
      await results
        .getByRole("status")
        .getByText(fmt(t.reportAdded, { sheet, score: finalScore }), { exact: true })
        .waitFor();
      expect(await sheetNames(page)).toContain(sheet);

      // Every cell's formula as the layout has it (the ExcelJS writer writes the same spec).
      const spec = buildWorkbookLayout({ lang, assessment: ASSESSMENT, report: true }).sheets.find(
        (s) => s.key === "report",
      )!;
      const expected = Object.fromEntries(
        spec.cells.filter((c) => c.formula !== undefined).map((c) => [c.ref, c.formula!]),
      );
      expect(Object.keys(expected).length).toBeGreaterThan(50);
      const actual = await page.evaluate(
        ([name, refs]) =>
          Object.fromEntries(refs.map((ref) => [ref, window.__starscore.cell(name, ref)?.formula])),
        [sheet, Object.keys(expected)] as const,
      );
      expect(actual).toEqual(expected);

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        results.getByRole("button", { name: t.reportDownload, exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(
        lang === "zh" ? "某某电器有限公司 审查报告.docx" : "某某电器有限公司 assessment report.docx",
      );
      const xml = new PizZip(await readFile((await download.path())!)).file("word/document.xml")!.asText();
      expect(xml).toContain("某某电器有限公司");
      expect(xml).toContain(finalScore);

      await page.mouse.move(0, 0);
      await results.getByRole("button", { name: t.reportButton, exact: true }).scrollIntoViewIfNeeded();
      expect(await layoutProblems(page)).toEqual([]);
      expect(await runAxe(page)).toEqual([]);
      await screenshot(pane, "results-report");
      expect(pane.problems).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
