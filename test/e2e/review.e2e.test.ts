/**
 * End to end, the review step (issue 12): the production build of the task pane in headless
 * Chromium over the fake Office host. Per pane language and theme, at 320 and 350 px: a workbook
 * (every entry 80, B1 40 by the first auditor: two Appendix C bands apart) finalised by the lead;
 * the reviewer's Review view shows the state, the item in disagreement with both entries and the
 * integrity check; returning without a comment is refused in the view, with one it reopens the
 * workbook; the lead finalises again and the reviewer approves; both decisions are in the audit
 * log with the reviewer's name; the lead cannot review their own finalisation, and the view says
 * why. The Review view is checked with axe-core (any impact), for text cut off or outside the
 * pane, and photographed (STARSCORE_UPDATE_DOCS=1: also into docs/screenshots/).
 */
import type { Page } from "playwright-core";
import { messages } from "../../src/taskpane/i18n";
import { cellRef } from "../../src/workbook/address";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { scoringColumns, scoringRows } from "../../src/workbook/scoring-grid";
import { NARROW_WIDTH, PANE_VIEWPORT, clickButton, enterPerson, openView, typeInCell } from "./browser";
import { checkView, paneSession } from "./session";

jest.setTimeout(90_000);

const session = paneSession();

const rowOf = (code: string) => scoringRows().find((r) => r.id === code)!.row;

/** The Review view's audit log rows, as [time, person, action, summary], table or list alike. */
function logRows(page: Page): Promise<string[][]> {
  return page.locator("#starscore-panel-review").evaluate((root) => {
    const table = root.querySelector('table[aria-labelledby="starscore-review-log"]');
    if (table)
      return [...table.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
      );
    const list = root.querySelector('ul[aria-labelledby="starscore-review-log"]');
    return [...(list?.children ?? [])].map((li) => [
      li.querySelector("span")?.textContent ?? "",
      ...[...li.querySelectorAll("dd")].map((dd) => dd.textContent ?? ""),
    ]);
  });
}

describe.each([
  { display: "zh-CN", lang: "zh", theme: "light", width: NARROW_WIDTH },
  { display: "zh-CN", lang: "zh", theme: "light", width: PANE_VIEWPORT.width },
  { display: "zh-CN", lang: "zh", theme: "dark", width: NARROW_WIDTH },
  { display: "zh-CN", lang: "zh", theme: "dark", width: PANE_VIEWPORT.width },
  { display: "en-US", lang: "en", theme: "light", width: NARROW_WIDTH },
  { display: "en-US", lang: "en", theme: "light", width: PANE_VIEWPORT.width },
  { display: "en-US", lang: "en", theme: "dark", width: NARROW_WIDTH },
  { display: "en-US", lang: "en", theme: "dark", width: PANE_VIEWPORT.width },
] as const)("review: $display pane, $theme theme, $width px", ({ display, lang, theme, width }) => {
  const t = messages[lang];
  const lead = lang === "zh" ? "王组长" : "Wang (lead)";
  const reviewer = lang === "zh" ? "李经理" : "Li (manager)";
  const review = (page: Page) => page.locator("#starscore-panel-review");
  const finalise = (page: Page) => page.locator("#starscore-panel-finalise");
  const statusSays = (page: Page, view: string, text: string) =>
    page.locator(`#starscore-panel-${view}`).getByRole("status").getByText(text, { exact: true }).waitFor();

  async function actAs(page: Page, name: string): Promise<void> {
    await page.getByRole("button", { name: t.personChange, exact: true }).click();
    await enterPerson(page, name);
  }

  async function finaliseAsLead(page: Page): Promise<void> {
    await actAs(page, lead);
    await openView(page, "finalise");
    // Enabled once the state is read and validation finds no errors.
    await finalise(page)
      .getByRole("button", { name: t.finaliseButton, exact: true, disabled: false })
      .click();
    await clickButton(page, t.confirmButton);
    await finalise(page).locator('[data-state="finalised"]').waitFor();
  }

  test("finalised by the lead, returned with a comment, finalised again, approved; both in the audit log", async () => {
    const pane = await session.open({ lang: display, theme, width });
    const { page } = pane;
    page.setDefaultTimeout(15_000);
    try {
      await enterPerson(page, lead);
      await page.evaluate((l) => window.__starscore.generate(l, 2).then(() => undefined), lang);
      // B1: 40 by the first auditor (band 3), 80 by the second (band 5).
      const b1 = cellRef(scoringColumns(2).evaluator(0), rowOf("B1"));
      await typeInCell(page, SHEET_NAMES.scoring[lang], b1, 40);
      await finaliseAsLead(page);

      // The lead cannot review their own finalisation: the host's refusal is shown.
      await openView(page, "review");
      const view = review(page);
      await view.locator('[data-review-state="finalised"]').waitFor();
      await view.getByRole("button", { name: t.approveButton, exact: true }).click();
      await view
        .getByText(lang === "zh" ? /审核须由另一人进行/ : /someone else must review it/)
        .first()
        .waitFor();

      // The reviewer: B1 in disagreement with both entries; the integrity check.
      await actAs(page, reviewer);
      await clickButton(page, t.reviewRefresh);
      const list = view.getByTestId("starscore-review-disagreements-list");
      await list.waitFor();
      await expect(list.locator(":scope > li").count()).resolves.toBe(1);
      const entries = await list.locator(":scope > li > ul > li").allTextContents();
      expect(entries).toHaveLength(2);
      expect(entries[0]).toMatch(/40$/);
      expect(entries[1]).toMatch(/80$/);
      await view.getByRole("heading", { name: t.verifyHeading }).waitFor();
      await checkView(pane, "review");

      // Return: a comment is required.
      await view.getByRole("button", { name: t.returnButton, exact: true }).click();
      await view.getByText(t.reviewCommentRequired).waitFor();
      const comment =
        lang === "zh" ? "B1 的评分相差两档，请复核" : "B1's entries are two bands apart: check them";
      await view.getByRole("textbox", { name: t.reviewCommentLabel }).fill(comment);
      await view.getByRole("button", { name: t.returnButton, exact: true }).click();
      await statusSays(page, "review", t.returnedDone);
      await view.locator('[data-review-state="returned"]').waitFor();
      await checkView(pane, "review-returned");

      // The lead fixes and finalises again; the reviewer approves.
      await typeInCell(page, SHEET_NAMES.scoring[lang], b1, 80);
      await finaliseAsLead(page);
      await actAs(page, reviewer);
      await openView(page, "review");
      await view.locator('[data-review-state="finalised"]').waitFor();
      await view.getByText(t.disagreementsNone).waitFor();
      await view.getByRole("button", { name: t.approveButton, exact: true }).click();
      await statusSays(page, "review", t.approvedDone);
      await view.locator('[data-review-state="approved"]').waitFor();

      // Newest first: the refused approval wrote nothing.
      const log = await logRows(page);
      const words = (zh: string, en: string) => (lang === "zh" ? zh : en);
      expect(log.slice(0, 4).map((row) => [row[1], row[2]])).toEqual([
        [reviewer, words("审核通过", "Approved")],
        [lead, words("定稿", "Finalised")],
        [reviewer, words("退回", "Returned")],
        [lead, words("定稿", "Finalised")],
      ]);
      expect(log[2]![3]).toContain(comment);
      await checkView(pane, "review-approved");

      // The Finalise view says it too.
      await openView(page, "finalise");
      await finalise(page).locator('[data-review-state="approved"]').waitFor();
      expect(pane.problems).toEqual([]);
    } finally {
      await pane.close();
    }
  });
});
