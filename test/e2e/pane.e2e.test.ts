/**
 * End to end: the production build of the task pane in headless Chromium, inside the fake Office
 * host (test/e2e/host/fake-office.ts) with the recording fake Excel behind Excel.run. Builds
 * dist-e2e/ once (webpack.e2e.config.js), serves it on 127.0.0.1 and drives the pane as a user
 * would: languages, themes, keyboard, the host notices, accessibility (axe-core), screenshots in
 * test-results/screenshots/ (STARSCORE_UPDATE_DOCS=1 also refreshes docs/screenshots/).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fmt, messages, type Lang } from "../../src/taskpane/i18n";
import { SHEET_NAMES } from "../../src/workbook/labels";
import {
  NARROW_WIDTH,
  PANE_VIEWPORT,
  enterPerson,
  excelSelection,
  handlerErrors,
  layoutProblems,
  readCell,
  runAxe,
  screenshot,
  selectCell,
  sheetNames,
  tabTo,
  typeInCell,
  waitForIdle,
  type Pane,
  type PaneOptions,
} from "./browser";
import { paneSession } from "./session";
import { DIST_E2E } from "./build";

jest.setTimeout(60_000);

const open: Pane[] = [];

const session = paneSession();

afterEach(async () => {
  await Promise.all(open.splice(0).map((pane) => pane.close()));
});

async function pane(options: PaneOptions = {}): Promise<Pane> {
  const opened = await session.open(options);
  open.push(opened);
  return opened;
}

const LANG_OF = { "zh-CN": "zh", "en-US": "en" } as const satisfies Record<string, Lang>;

test("the page is the production build, without office.js from the CDN", () => {
  const html = readFileSync(path.join(DIST_E2E, "taskpane.html"), "utf8");
  expect(html).not.toMatch(/appsforoffice|office\.js/i);
  expect(html).toMatch(/<script defer src="?taskpane\.[0-9a-f]{8}\.js/);
  expect(html).toContain("StarScore");
});

const WIDTHS = [NARROW_WIDTH, PANE_VIEWPORT.width] as const;

describe.each([
  ["zh-CN", "light", NARROW_WIDTH],
  ["zh-CN", "light", PANE_VIEWPORT.width],
  ["zh-CN", "dark", NARROW_WIDTH],
  ["zh-CN", "dark", PANE_VIEWPORT.width],
  ["en-US", "light", NARROW_WIDTH],
  ["en-US", "light", PANE_VIEWPORT.width],
  ["en-US", "dark", NARROW_WIDTH],
  ["en-US", "dark", PANE_VIEWPORT.width],
] as const)("in Excel, %s, %s theme, %i px", (displayLanguage, theme, width) => {
  const lang = LANG_OF[displayLanguage];
  const t = messages[lang];

  test("renders the pane in the display language and theme, accessible, with no errors", async () => {
    const p = await pane({ lang: displayLanguage, theme, width });
    const { page } = p;
    await expect(page.getByRole("heading", { level: 1, name: "StarScore" }).isVisible()).resolves.toBe(true);
    await expect(page.getByText(t.productSubtitle).isVisible()).resolves.toBe(true);
    // The description is "About StarScore", at the foot, not above every view (issue 11, point 15).
    await expect(page.getByText(t.description).isVisible()).resolves.toBe(false);
    await page.getByText(t.aboutHeading).click();
    await expect(page.getByText(t.description).isVisible()).resolves.toBe(true);
    await page.getByText(t.aboutHeading).click();
    await expect(page.getByText(t.notInExcelTitle).count()).resolves.toBe(0);
    await expect(page.getByText(t.unsupportedTitle).count()).resolves.toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang === "zh" ? "zh-CN" : "en");
    expect(await page.title()).toBe(`${t.productName} ${t.productSubtitle}`);

    // Fluent's neutral background: white in the light theme, dark grey in the dark one.
    const background = await page
      .locator(".fui-FluentProvider")
      .first()
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r = 0, g = 0, b = 0] = (background.match(/\d+/g) ?? []).map(Number);
    const luminance = (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    if (theme === "dark") expect(luminance).toBeLessThan(0.3);
    else expect(luminance).toBeGreaterThan(0.9);

    await screenshot(p, "pane");
    expect(await layoutProblems(page)).toEqual([]);
    expect(await runAxe(page)).toEqual([]);
    expect(p.problems).toEqual([]);
  });
});

test.each(WIDTHS)(
  "the navigation works by keyboard: arrow keys between tabs, Enter selects (%i px)",
  async (width) => {
    const p = await pane({ lang: "en-US", width });
    const { page } = p;
    const t = messages.en;
    await enterPerson(page, "Lead");
    const stages = page.getByRole("tablist", { name: t.tabListLabel });
    const stage = (name: string) => stages.getByRole("tab", { name, exact: true });
    const focused = (tab: ReturnType<typeof stage>) => tab.evaluate((el) => el === document.activeElement);
    await tabTo(page, stage(t.stagePrepare));
    await page.keyboard.press("ArrowRight");
    await expect(focused(stage(t.stageScore))).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await expect(stage(t.stageScore).getAttribute("aria-selected")).resolves.toBe("true");
    await page.locator("#starscore-panel-validate:not([hidden]) h2").waitFor();
    // The stage's own views: the next tab stop, with its arrow keys.
    const views = page.getByRole("tablist", { name: fmt(t.stageViewsLabel, { stage: t.stageScore }) });
    await page.keyboard.press("Tab");
    await expect(
      views.getByRole("tab", { name: t.tabValidate }).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Space");
    await page.locator("#starscore-panel-inspector:not([hidden]) h2").waitFor();
    // Arrow keys wrap around the stages.
    await stage(t.stageScore).focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await expect(focused(stage(t.stageSignoff))).resolves.toBe(true);
    await page.keyboard.press("Enter");
    await page.locator("#starscore-panel-finalise:not([hidden]) h2").waitFor();
    expect(await runAxe(page)).toEqual([]);
    expect(p.problems).toEqual([]);
  },
);

test("the language switch works by keyboard and keeps the focus", async () => {
  const p = await pane({ lang: "zh-CN" });
  const { page } = p;
  const group = () => page.getByRole("group", { name: /界面语言|Display language/ });
  const english = () => group().getByRole("button", { name: "English" });
  const chinese = () => group().getByRole("button", { name: "中文" });
  expect(await chinese().getAttribute("aria-pressed")).toBe("true");

  await tabTo(page, english());
  await page.keyboard.press("Enter");
  await page.getByText(messages.en.productSubtitle).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
  expect(await english().getAttribute("aria-pressed")).toBe("true");
  expect(await chinese().getAttribute("aria-pressed")).toBe("false");
  expect(await english().evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await page.getByRole("group", { name: messages.en.languageGroupLabel }).count()).toBe(1);

  await tabTo(page, chinese(), { backwards: true });
  await page.keyboard.press("Space");
  await page.getByText(messages.zh.productSubtitle).waitFor();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe("zh-CN");
  expect(await chinese().getAttribute("aria-pressed")).toBe("true");
  expect(p.problems).toEqual([]);
});

describe.each([
  ["zh-CN", "light", NARROW_WIDTH],
  ["zh-CN", "light", PANE_VIEWPORT.width],
  ["en-US", "dark", NARROW_WIDTH],
  ["en-US", "dark", PANE_VIEWPORT.width],
] as const)("host notices, %s, %s theme, %i px", (displayLanguage, theme, width) => {
  const t = messages[LANG_OF[displayLanguage]];

  test("outside Excel (host=none): the open-this-inside-Excel notice", async () => {
    const p = await pane({ lang: displayLanguage, theme, host: "none", width });
    await expect(p.page.getByText(t.notInExcelTitle).isVisible()).resolves.toBe(true);
    await expect(p.page.getByText(t.notInExcelBody).isVisible()).resolves.toBe(true);
    await expect(p.page.evaluate(() => typeof Excel)).resolves.toBe("undefined");
    await screenshot(p, "not-in-excel");
    expect(await layoutProblems(p.page)).toEqual([]);
    expect(await runAxe(p.page)).toEqual([]);
    expect(p.problems).toEqual([]);
  });

  test("ExcelApi 1.7 (below 1.8): the unsupported-version notice", async () => {
    const p = await pane({ lang: displayLanguage, theme, api: "1.7", width });
    await expect(p.page.getByText(t.unsupportedTitle).isVisible()).resolves.toBe(true);
    await expect(p.page.getByText(t.unsupportedBody).isVisible()).resolves.toBe(true);
    await expect(p.page.getByText(t.notInExcelTitle).count()).resolves.toBe(0);
    await screenshot(p, "unsupported");
    expect(await layoutProblems(p.page)).toEqual([]);
    expect(await runAxe(p.page)).toEqual([]);
    expect(p.problems).toEqual([]);
  });
});

test("ExcelApi 1.9: no notice", async () => {
  const p = await pane({ api: "1.9" });
  await expect(p.page.getByText(messages.zh.unsupportedTitle).count()).resolves.toBe(0);
  await expect(p.page.getByText(messages.zh.notInExcelTitle).count()).resolves.toBe(0);
});

describe("the fake host", () => {
  test("Excel.run from the page reaches the fake workbook", async () => {
    const { page, problems } = await pane();
    expect(await sheetNames(page)).toEqual(["Sheet1"]);
    // The pane asks Excel things as it starts (is there a workbook? subscribe to edits): once it
    // is done, every request is the test's.
    await waitForIdle(page);
    const before = await page.evaluate(() => window.__starscore.syncs());
    await page.evaluate(() =>
      Excel.run(async (context) => {
        context.workbook.worksheets.add("X");
        await context.sync();
      }),
    );
    expect(await sheetNames(page)).toEqual(["Sheet1", "X"]);
    expect(await page.evaluate(() => window.__starscore.syncs())).toBe(before + 1);
    // Excel.run(context, batch): a later batch on an earlier run's context.
    await page.evaluate(async () => {
      const context = await Excel.run(async (c) => c);
      await Excel.run(context, async (c) => {
        c.workbook.worksheets.add("Y");
        await c.sync();
      });
    });
    expect(await sheetNames(page)).toEqual(["Sheet1", "X", "Y"]);
    expect(
      await page.evaluate(() => [
        Office.context.requirements.isSetSupported("ExcelApi", "1.8"),
        Office.context.requirements.isSetSupported("ExcelApi", "1.9"),
      ]),
    ).toEqual([true, false]);
    expect(problems).toEqual([]);
  });

  test("the production bundle's workbook writer runs over the global Excel.run", async () => {
    const { page, problems } = await pane({ api: "1.9" });
    await waitForIdle(page);
    const before = await page.evaluate(() => window.__starscore.syncs());
    const result = await page.evaluate(() => window.__starscore.generate("zh", 3));
    expect(result).toEqual({ skipped: [] });
    const names = await sheetNames(page);
    for (const key of ["info", "scoring", "special", "summary", "rules"] as const) {
      expect(names).toContain(SHEET_NAMES[key].zh);
    }
    expect((await page.evaluate(() => window.__starscore.syncs())) - before).toBeLessThanOrEqual(3);
    expect(problems).toEqual([]);
  });

  test("typing and moving the selection change the workbook and raise Excel's events", async () => {
    const { page, problems } = await pane();
    await page.evaluate(() => {
      const log: unknown[] = [];
      (window as unknown as { log: unknown[] }).log = log;
      window.__starscore.events.on("changed", "Sheet1", (args) => void log.push(args));
      window.__starscore.events.on("selectionChanged", undefined, (args) => void log.push(args));
    });
    await typeInCell(page, "Sheet1", "b2", "80");
    await typeInCell(page, "Sheet1", "B3", "=B2*2");
    await typeInCell(page, "Sheet1", "B4", "'007");
    await selectCell(page, "Sheet1", "C5");
    expect(await readCell(page, "Sheet1", "B2")).toMatchObject({ value: 80 });
    expect(await readCell(page, "Sheet1", "B3")).toMatchObject({ formula: "=B2*2" });
    expect(await readCell(page, "Sheet1", "B4")).toMatchObject({ value: "007" });
    expect(await readCell(page, "Sheet1", "Z99")).toBeNull();
    expect(await excelSelection(page)).toEqual({ sheet: "Sheet1", address: "C5" });
    const log = await page.evaluate(() => (window as unknown as { log: unknown[] }).log);
    expect(log).toEqual([
      { type: "WorksheetSelectionChanged", address: "B2", worksheetId: "Sheet1" },
      expect.objectContaining({ type: "WorksheetChanged", changeType: "RangeEdited", address: "B2" }),
      { type: "WorksheetSelectionChanged", address: "B3", worksheetId: "Sheet1" },
      expect.objectContaining({ type: "WorksheetChanged", address: "B3" }),
      { type: "WorksheetSelectionChanged", address: "B4", worksheetId: "Sheet1" },
      expect.objectContaining({ type: "WorksheetChanged", address: "B4" }),
      { type: "WorksheetSelectionChanged", address: "C5", worksheetId: "Sheet1" },
    ]);
    expect(await handlerErrors(page)).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("a locked cell of a protected sheet refuses typing, as in Excel", async () => {
    const { page } = await pane({ api: "1.9" });
    await page.evaluate(() => window.__starscore.generate("en", 1));
    const protectedSheet = await page.evaluate(
      () => window.__starscore.model.sheets.find((s) => s.protection)?.name,
    );
    expect(protectedSheet).toBeDefined();
    await expect(typeInCell(page, protectedSheet!, "A1", "x")).rejects.toThrow(/locked on a protected sheet/);
  });
});
