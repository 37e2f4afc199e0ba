/**
 * End to end, merging evaluators' workbooks in the pane (issue 12): the production build in
 * headless Chromium over the fake Office host, the files written by the CLI's writer in Node and
 * chosen in the pane's file input, read in the page by the browser build of the .xlsx reader. A
 * file that disagrees with the lead's workbook on an entry is refused with the conflict listed and
 * nothing written; once fixed, the merge adds its evaluator's column and the audit log has one
 * row. Checked with axe-core and photographed (zh light 320 px, en dark 350 px).
 */
import { messages } from "../../src/taskpane/i18n";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { assessmentWith } from "../helpers/builders";
import { NARROW_WIDTH, PANE_VIEWPORT, enterPerson, openView, readBack } from "./browser";
import { checkView, paneSession } from "./session";

jest.setTimeout(90_000);

const session = paneSession();

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** An evaluator's copy: the lead's two columns (80 everywhere, B1 `b1` for the first) and a third, 70. */
async function evaluatorFile(lang: "zh" | "en", b1: number) {
  const a = assessmentWith({
    evaluators: 3,
    fill: (code, e) => (e === 2 ? 70 : code === "B1" && e === 0 ? b1 : 80),
  });
  const buffer = await writeXlsx(buildWorkbookLayout({ lang, assessment: a }));
  return { name: "评价人3.xlsx", mimeType: XLSX, buffer };
}

describe.each([
  { display: "zh-CN", lang: "zh", theme: "light", width: NARROW_WIDTH },
  { display: "en-US", lang: "en", theme: "dark", width: PANE_VIEWPORT.width },
] as const)("merge: $display pane, $theme theme, $width px", ({ display, lang, theme, width }) => {
  const t = messages[lang];

  test("a conflict is refused and listed, nothing written; fixed, the merge adds the column and logs one row", async () => {
    const pane = await session.open({ lang: display, theme, width });
    const { page } = pane;
    page.setDefaultTimeout(20_000);
    try {
      await enterPerson(page, lang === "zh" ? "王组长" : "Wang (lead)");
      await page.evaluate((l) => window.__starscore.generate(l, 2).then(() => undefined), lang);
      // Shown again: the view sees the workbook now has StarScore's sheets.
      await openView(page, "finalise");
      await openView(page, "generate");
      const view = page.locator("#starscore-panel-generate");
      // The pane's own button (its words, not the browser's) opens the browser's file dialog.
      const chooser = view.getByRole("button", { name: `${t.mergeFilesLabel} ${t.chooseFile}` });
      const choose = async (file: Awaited<ReturnType<typeof evaluatorFile>>) => {
        const [dialog] = await Promise.all([page.waitForEvent("filechooser"), chooser.click()]);
        expect(dialog.isMultiple()).toBe(true);
        await dialog.setFiles([file]);
        await view.getByText("评价人3.xlsx", { exact: true }).waitFor();
      };
      await choose(await evaluatorFile(lang, 60));
      await view.getByRole("button", { name: t.mergeButton, exact: true }).click();
      const conflicts = view.getByTestId("merge-conflicts");
      await conflicts.waitFor();
      const listed = await conflicts.locator("li").allTextContents();
      expect(listed).toHaveLength(1);
      expect(listed[0]).toMatch(/^B1/);
      expect(listed[0]).toContain("60");
      expect(listed[0]).toContain("80");
      expect((await readBack(page)).assessment.evaluators).toHaveLength(2);
      await checkView(pane, "merge-conflicts");

      await choose(await evaluatorFile(lang, 80));
      await view.getByRole("button", { name: t.mergeButton, exact: true }).click();
      await view
        .locator(".fui-MessageBar", { hasText: t.mergedDone.split("{")[0]! })
        .first()
        .waitFor();
      const merged = (await readBack(page)).assessment;
      expect(merged.evaluators.map((e) => e.name)).toEqual(["评价人1", "评价人2", "评价人3"]);
      expect(merged.scores.B1).toEqual([80, 80, 70]);

      await openView(page, "finalise");
      const log = page.locator("#starscore-panel-finalise");
      await log
        .getByText(lang === "zh" ? "合并" : "Merged", { exact: true })
        .first()
        .waitFor();
      await expect(log.getByText(lang === "zh" ? "合并" : "Merged", { exact: true }).count()).resolves.toBe(
        1,
      );
      expect(pane.problems).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
