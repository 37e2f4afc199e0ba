import type axeCore from "axe-core";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { Assessment } from "../../src/assessment/schema";
import type { CellSnapshot, FakeHostOptions } from "./host/test-api";
import { ROOT } from "./build";

/**
 * Chromium and page helpers for the end-to-end suite: the task pane (dist-e2e/) in the fake Office
 * host, driven the way a user drives it, with the fake workbook behind it in reach.
 */

/** Debian's Chromium: Playwright's own browser download is not used. */
export const CHROMIUM_PATH = process.env.STARSCORE_CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** About the size of Excel's task pane. */
export const PANE_VIEWPORT = { width: 350, height: 720 };

export const SCREENSHOT_DIR = path.join(ROOT, "test-results", "screenshots");
export const DOCS_SCREENSHOT_DIR = path.join(ROOT, "docs", "screenshots");

/**
 * Starts headless Chromium. Every launch gets a fresh profile: Playwright creates a new temporary
 * --user-data-dir for it and removes it on close (it refuses a --user-data-dir among the args).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export type PaneOptions = Partial<FakeHostOptions>;

export function paneUrl(baseUrl: string, options: PaneOptions = {}): string {
  const url = new URL("taskpane.html", baseUrl);
  for (const [key, value] of Object.entries(options))
    if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  options: FakeHostOptions;
  /**
   * What went wrong in the page: uncaught errors, console errors, failed or refused requests (the
   * page may load nothing but the local server's files). A passing scenario leaves it empty.
   */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Opens the task pane in a new browser context (its own storage) and waits until it has rendered.
 * The browser's locale follows `lang`, as a browser's would outside Office (host=none).
 */
export async function openPane(browser: Browser, baseUrl: string, options: PaneOptions = {}): Promise<Pane> {
  const full: FakeHostOptions = { lang: "zh-CN", theme: "light", api: "1.8", host: "excel", ...options };
  const context = await browser.newContext({
    viewport: PANE_VIEWPORT,
    deviceScaleFactor: 2,
    locale: full.lang,
    reducedMotion: "reduce",
  });
  const problems: string[] = [];
  const origin = new URL(baseUrl).origin;
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(origin + "/")) return route.continue();
    problems.push(`request to ${url} refused`);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console.error: ${message.text()}`);
  });
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()} for ${response.url()}`);
  });
  await page.goto(paneUrl(baseUrl, full));
  await waitForPane(page);
  return { page, context, options: full, problems, close: () => context.close() };
}

/** Waits until React has replaced the loading text with the pane (its header's heading). */
export async function waitForPane(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).waitFor({ state: "visible" });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/** The pane's current language, from <html lang>: "zh" or "en". */
export async function paneLang(page: Page): Promise<"zh" | "en"> {
  const lang = await page.evaluate(() => document.documentElement.lang);
  return /^zh\b/i.test(lang) ? "zh" : "en";
}

// ---- user actions in the pane -------------------------------------------------------------------

/** Clicks a tab of the pane (a role="tab" element) and waits until it is selected. */
export async function clickTab(page: Page, name: string | RegExp): Promise<void> {
  const tab = page.getByRole("tab", { name, exact: typeof name === "string" });
  await tab.click();
  await page.waitForFunction((el) => el?.getAttribute("aria-selected") === "true", await tab.elementHandle());
}

/** Clicks a button of the pane by its accessible name. */
export async function clickButton(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole("button", { name, exact: typeof name === "string" }).click();
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a keyboard user would; returns how
 * many presses it took, and fails after `max`.
 */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 40 }: { backwards?: boolean; max?: number } = {},
): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return presses;
  }
  throw new Error(`tabTo: ${target} not reached in ${max} presses`);
}

// ---- the fake workbook behind the pane ----------------------------------------------------------

/**
 * Types into a cell of the fake workbook as the user would in Excel, raising onChanged. With
 * liftProtection, the user lifts the sheet's protection first (to type into a locked cell) and
 * protects it again afterwards.
 */
export async function typeInCell(
  page: Page,
  sheet: string,
  address: string,
  input: string | number | boolean,
  { liftProtection = false }: { liftProtection?: boolean } = {},
): Promise<void> {
  await page.evaluate(([s, a, i, l]) => window.__starscore.typeIn(s, a, i, { liftProtection: l }), [
    sheet,
    address,
    input,
    liftProtection,
  ] as const);
}

/** Moves Excel's selection, raising onSelectionChanged. */
export async function selectCell(page: Page, sheet: string, address: string): Promise<void> {
  await page.evaluate(([s, a]) => window.__starscore.select(s, a), [sheet, address] as const);
}

export function readCell(page: Page, sheet: string, address: string): Promise<CellSnapshot | null> {
  return page.evaluate(([s, a]) => window.__starscore.cell(s, a), [sheet, address] as const);
}

/** The highlight a cell shows (the pane's marks, shown by conditional formats), or null. */
export function readMark(page: Page, sheet: string, address: string): Promise<"error" | "warning" | null> {
  return page.evaluate(([s, a]) => window.__starscore.mark(s, a), [sheet, address] as const);
}

export function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__starscore.sheetNames());
}

export function excelSelection(page: Page): Promise<{ sheet: string; address: string }> {
  return page.evaluate(() => window.__starscore.selection());
}

/** Waits until the pane listens to an event of the workbook (so that typing reaches it). */
export async function waitForHandler(
  page: Page,
  kind: "changed" | "selectionChanged",
  sheet?: string,
): Promise<void> {
  await page.waitForFunction(([k, s]) => window.__starscore.handlerCount(k, s ?? undefined) > 0, [
    kind,
    sheet ?? null,
  ] as const);
}

/**
 * Waits until the pane has left Excel alone for `quietMs` (no Excel.run under way or begun since),
 * e.g. before counting requests, or after an action whose follow-ups (resubscribing) run unseen.
 */
export async function waitForIdle(page: Page, quietMs = 200): Promise<void> {
  await page.waitForFunction((quiet) => window.__starscore.idleFor() >= quiet, quietMs, { polling: 50 });
}

/** The assessment the fake workbook holds, read back as the add-in's readers read it. */
export async function readBack(page: Page): Promise<{ lang: "zh" | "en"; assessment: Assessment }> {
  const read = await page.evaluate(() => window.__starscore.readBack());
  if ("errors" in read) throw new Error(`the workbook cannot be read back:\n${read.errors.join("\n")}`);
  return read;
}

/** Errors thrown by the pane's event handlers (Excel would swallow them). */
export function handlerErrors(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__starscore.handlerErrors());
}

// ---- accessibility and screenshots --------------------------------------------------------------

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the offending elements, with axe's summary for each. */
  nodes: { target: string; summary: string }[];
}

const AXE_PATH = require.resolve("axe-core/axe.min.js", { paths: [ROOT] });

/**
 * Runs axe-core on the page (or the part under `selector`) and returns its serious and critical
 * violations, in a form that reads well in a failed expectation.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: typeof axeCore }).axe;
    // Fluent's tabster puts hidden focusable <i data-tabster-dummy> sentinels around focus groups
    // (the TabList) to steer Tab; axe reports them as aria-hidden-focus. That is Fluent's design
    // (they hand the focus straight on), so they are left out; nothing else is.
    const exclude = [["[data-tabster-dummy]"]];
    const results = await axe.run(context ? { include: [[context]], exclude } : { exclude }, {
      resultTypes: ["violations"],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(" "), summary: n.failureSummary ?? "" })),
    }));
  }, selector ?? null);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>-<lang>-<theme>.png, the language
 * being the pane's current one. With STARSCORE_UPDATE_DOCS=1, the Chinese light-theme ones are also
 * copied to docs/screenshots/<name>.png. Returns the file written under test-results.
 */
export async function screenshot(pane: Pane, name: string): Promise<string> {
  const lang = await paneLang(pane.page);
  const file = path.join(SCREENSHOT_DIR, `${name}-${lang}-${pane.options.theme}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await pane.page.evaluate(() => document.fonts.ready.then(() => undefined));
  await pane.page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  if (process.env.STARSCORE_UPDATE_DOCS === "1" && lang === "zh" && pane.options.theme === "light") {
    await mkdir(DOCS_SCREENSHOT_DIR, { recursive: true });
    await copyFile(file, path.join(DOCS_SCREENSHOT_DIR, `${name}.png`));
  }
  return file;
}
