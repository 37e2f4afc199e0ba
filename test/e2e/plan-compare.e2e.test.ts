/**
 * End to end, the Results stage's Plan and Compare views (issue 14): the production build in
 * headless Chromium over the fake Office host. The workbook holds this audit (a surveillance audit
 * that followed up the previous one's deductions); the previous audit's workbook is an .xlsx that
 * `starscore generate` would write, chosen in the file input as a user chooses it, and read in the
 * page by the CLI's reader (its browser build). What the views say is held to the core's answers
 * (planFor, compareAssessments) and the CLI's words. Per language, theme and width (320, 350 px):
 * axe-core (every impact), nothing cut off, screenshots in test-results/screenshots/
 * (STARSCORE_UPDATE_DOCS=1: the 320 px Chinese light and English dark ones into docs/screenshots/).
 */
import type { FileChooser, Page } from "playwright-core";
import type { Assessment } from "../../src/assessment/schema";
import { compareAssessments } from "../../src/core/compare";
import { nextAudit } from "../../src/core/follow-up";
import { planFor } from "../../src/core/plan";
import { planParagraph } from "../../src/core/plan-words";
import { scoreAssessment } from "../../src/core/score";
import type { Lang } from "../../src/spec/types";
import { fmt, messages } from "../../src/taskpane/i18n";
import { compareParagraph } from "../../src/workbook/compare-words";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { assessmentWith, deduction } from "../helpers/builders";
import { entryRef } from "../taskpane/actions/fixture";
import {
  NARROW_WIDTH,
  PANE_VIEWPORT,
  excelSelection,
  layoutProblems,
  enterPerson,
  openView,
  readBack,
  runAxe,
  screenshot,
  tabTo,
  type Pane,
  type PaneOptions,
} from "./browser";
import { paneSession } from "./session";

jest.setTimeout(90_000);

const open: Pane[] = [];

const session = paneSession();

afterEach(async () => {
  await Promise.all(open.splice(0).map((p) => p.close()));
});

/**
 * The previous audit: every item at 90 % but B1 and B2 at 80 % and C7 at 60 %, B23 excluded, two
 * special deductions.
 */
const PREVIOUS: Assessment = {
  ...assessmentWith({
    fill: (code) => (code === "B1" || code === "B2" ? 80 : code === "C7" ? 60 : 90),
    exclusions: { B23: "不安装" },
    deductions: 2,
  }),
  deductions: [
    { ...deduction(1), deadline: "2026-06-30", status: "closed" },
    { ...deduction(2), item: "B3", status: "open" },
  ],
};
/**
 * This audit: every item at 90 % but C7 and A11 at 80 % and B2 at 70 %, B24 excluded now, B23
 * applicable again, one new deduction (87.28, three-star: three raises from four-star); the first
 * previous deduction verified, the second not.
 */
const CURRENT: Assessment = {
  ...assessmentWith({
    fill: (code) => (code === "C7" || code === "A11" ? 80 : code === "B2" ? 70 : 90),
    exclusions: { B24: "不回收废旧商品" },
    deductions: [deduction(3)],
  }),
  type: "surveillance",
  followUp: [
    { ...deduction(1), deadline: "2026-06-30", outcome: "verified" },
    { ...deduction(2), item: "B3", outcome: "not-verified" },
  ],
};
const PLAN = planFor(scoreAssessment(CURRENT));
const COMPARISON = compareAssessments(PREVIOUS, CURRENT);

let previousFile: Buffer;
beforeAll(async () => {
  const layout = buildWorkbookLayout({
    lang: "zh",
    assessment: PREVIOUS,
    scoring: scoreAssessment(PREVIOUS),
  });
  previousFile = await writeXlsx(layout);
});

async function pane(options: PaneOptions, lang: Lang): Promise<Pane> {
  const p = await session.open(options);
  open.push(p);
  await p.page.evaluate(([l, a]) => window.__starscore.generateFrom(l, a), [lang, CURRENT] as const);
  return p;
}

test("the hand-made case is what the views are about: three raises to four-star, every change class", () => {
  expect(PLAN).toMatchObject({ target: "four-star", reachable: true, steps: 3 });
  expect(PLAN.raises.map((r) => r.code)).toEqual(["C7", "A11", "C4"]);
  expect(new Set(COMPARISON.items.map((i) => i.change)).size).toBe(5);
  expect(COMPARISON.deductions.previous.map((d) => d.followUp)).toEqual(["verified", "not-verified"]);
});

describe.each([
  ["zh-CN", "zh", "light", NARROW_WIDTH],
  ["zh-CN", "zh", "light", PANE_VIEWPORT.width],
  ["zh-CN", "zh", "dark", NARROW_WIDTH],
  ["zh-CN", "zh", "dark", PANE_VIEWPORT.width],
  ["en-US", "en", "light", NARROW_WIDTH],
  ["en-US", "en", "light", PANE_VIEWPORT.width],
  ["en-US", "en", "dark", NARROW_WIDTH],
  ["en-US", "en", "dark", PANE_VIEWPORT.width],
] as const)("%s, %s, %s theme, %i px", (displayLanguage, lang, theme, width) => {
  const t = messages[lang];

  test("Plan: the plan in the CLI's words, the raises; an item goes to its row; accessible, nothing cut off", async () => {
    const p = await pane({ lang: displayLanguage, theme, width }, lang);
    const { page } = p;
    await openView(page, "plan");
    const view = page.locator("#starscore-panel-plan");
    await view.getByRole("button", { name: t.planButton }).click();
    await view.getByText(planParagraph(PLAN, lang), { exact: true }).waitFor();
    const steps = view.locator("dt", { hasText: t.planSteps }).locator("xpath=following-sibling::dd[1]");
    await expect(steps.textContent()).resolves.toBe(fmt(t.planStepsValue, { n: 3 }));
    await screenshot(p, "plan");
    expect(await layoutProblems(page)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    // C7, the first raise: its row on the Scoring sheet, the first evaluator's entry.
    await view.getByRole("button", { name: "C7", exact: true }).first().click();
    await page.waitForFunction(() => window.__starscore.selection().address !== "A1");
    expect(await excelSelection(page)).toEqual({
      sheet: SHEET_NAMES.scoring[lang],
      address: entryRef("C7", 0, 1),
    });
    expect(p.problems).toEqual([]);
  });

  test("Compare: the previous workbook chosen from disk, read in the page; scores, classes, follow-ups; accessible", async () => {
    const p = await pane({ lang: displayLanguage, theme, width }, lang);
    const { page } = p;
    await openView(page, "compare");
    const view = page.locator("#starscore-panel-compare");
    await view.locator('input[type="file"]').setInputFiles({
      name: "上次审核.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer: previousFile,
    });
    await view.getByText(compareParagraph(COMPARISON, lang), { exact: true }).waitFor({ timeout: 30_000 });
    const deductions = view.getByRole("region", { name: t.compareDeductionsHeading });
    await expect(
      deductions.getByText(lang === "zh" ? "已验证" : "Verified", { exact: true }).count(),
    ).resolves.toBe(1);
    await expect(
      deductions.getByText(lang === "zh" ? "未落实" : "Not verified", { exact: true }).count(),
    ).resolves.toBe(1);
    await screenshot(p, "compare");
    expect(await layoutProblems(page)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    expect(p.problems).toEqual([]);
  });
});

test("Compare refuses a file that is not a workbook, saying why; the file is chosen by keyboard", async () => {
  const p = await pane({ lang: "en-US" }, "en");
  const { page } = p;
  const t = messages.en;
  await openView(page, "compare");
  const view = page.locator("#starscore-panel-compare");
  const button = view.getByRole("button", { name: `${t.compareFileLabel} ${t.chooseFile}` });
  await tabTo(page, button);
  const chooser = await chooserByEnter(page);
  expect(chooser.isMultiple()).toBe(false);
  await chooser.setFiles({
    name: "notes.xlsx",
    mimeType: "text/plain",
    buffer: Buffer.from("not a workbook"),
  });
  await view.getByText("Not an .xlsx workbook: the file is not a zip package.").waitFor();
  await view.getByText(t.notCompared).waitFor();
  await view.getByText("notes.xlsx", { exact: true }).waitFor();
  expect(await runAxe(page)).toEqual([]);
});

test("Generate starts from the previous audit: organisation and team filled in, its deductions to verify", async () => {
  const p = await session.open({ lang: "zh-CN", width: NARROW_WIDTH });
  open.push(p);
  const { page } = p;
  const t = messages.zh;
  await enterPerson(page, "王组长");
  const view = page.locator("#starscore-panel-generate");
  await view.locator('input[type="file"]').setInputFiles({
    name: "上次审核.xlsx",
    mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    buffer: previousFile,
  });
  await view.getByText(fmt(t.startFromCarried, { name: "上次审核.xlsx", n: 2 })).waitFor({ timeout: 30_000 });
  await expect(view.getByRole("textbox", { name: t.organisationLabel }).inputValue()).resolves.toBe(
    PREVIOUS.organization,
  );
  await expect(view.getByRole("combobox", { name: t.typeLabel }).inputValue()).resolves.toBe("surveillance");
  expect(await runAxe(page)).toEqual([]);
  await screenshot(p, "generate-previous");
  await view.getByRole("button", { name: t.generateButton }).click();
  await page
    .locator("#starscore-panel-generate")
    .getByText(fmt(t.generated, { n: 1 }))
    .first()
    .waitFor();
  const { assessment } = await readBack(page);
  expect(assessment).toMatchObject({ organization: PREVIOUS.organization, type: "surveillance" });
  expect(assessment.followUp).toEqual(nextAudit(PREVIOUS).followUp);
  expect(p.problems).toEqual([]);
});

/**
 * Enter on the focused button opens the browser's file dialog. Under a heavily loaded machine the
 * first press has once been lost (no "filechooser" in 30 s, while the same test passes alone): it
 * is pressed again, up to three times.
 */
async function chooserByEnter(page: Page): Promise<FileChooser> {
  for (let attempt = 1; ; attempt++) {
    try {
      const [chooser] = await Promise.all([
        page.waitForEvent("filechooser", { timeout: 10_000 }),
        page.keyboard.press("Enter"),
      ]);
      return chooser;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}
