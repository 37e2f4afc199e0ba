import type axeCore from "axe-core";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import type { Assessment } from "../../src/assessment/schema";
import { STAGES, viewEntry, viewsOf, type ViewId } from "../../src/taskpane/components/views";
import { fmt, messages } from "../../src/taskpane/i18n";
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
/** The narrowest task pane the views are laid out for. */
export const NARROW_WIDTH = 320;

export const SCREENSHOT_DIR = path.join(ROOT, "test-results", "screenshots");
export const DOCS_SCREENSHOT_DIR = path.join(ROOT, "docs", "screenshots");

/**
 * Starts headless Chromium. Every launch gets a fresh profile: Playwright creates a new temporary
 * --user-data-dir for it and removes it on close (it refuses a --user-data-dir among the args).
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export type PaneOptions = Partial<FakeHostOptions> & {
  /** The pane's width in CSS pixels (PANE_VIEWPORT's by default). */
  width?: number;
};

export function paneUrl(baseUrl: string, options: PaneOptions = {}): string {
  const url = new URL("taskpane.html", baseUrl);
  for (const [key, value] of Object.entries(options))
    if (value !== undefined && key !== "width") url.searchParams.set(key, String(value));
  return url.toString();
}

export interface Pane {
  page: Page;
  context: BrowserContext;
  options: FakeHostOptions;
  /** The pane's width in CSS pixels. */
  width: number;
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
  const { width = PANE_VIEWPORT.width, ...host } = options;
  const full: FakeHostOptions = { lang: "zh-CN", theme: "light", api: "1.8", host: "excel", ...host };
  const context = await browser.newContext({
    viewport: { width, height: PANE_VIEWPORT.height },
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
  // In a supported Excel, the views mounted at start (their own chunks) have loaded and rendered.
  const [major = 0, minor = 0] = full.api.split(".").map(Number);
  if (full.host === "excel" && (major > 1 || minor >= 8)) {
    await page.locator("#starscore-panel-generate h2").waitFor();
    await page.locator("#starscore-panel-validate h2").waitFor({ state: "attached" });
  }
  return { page, context, options: full, width, problems, close: () => context.close() };
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

/**
 * Opens a view as a user does: its stage's tab, then, for a stage with several views, the view's
 * own tab (components/views.ts); waits until the view's panel shows its heading.
 */
export async function openView(page: Page, view: ViewId): Promise<void> {
  const t = messages[await paneLang(page)];
  const entry = viewEntry(view);
  const stages = page.getByRole("tablist", { name: t.tabListLabel });
  const stageTab = stages.getByRole("tab", {
    name: t[STAGES.find((s) => s.id === entry.stage)!.label],
    exact: true,
  });
  await stageTab.click();
  if (viewsOf(entry.stage).length > 1) {
    await page
      .locator(`#starscore-stage-panel-${entry.stage}`)
      .getByRole("tab", { name: t[entry.label], exact: true })
      .click();
  }
  await page.locator(`#starscore-panel-${view}:not([hidden]) h2`).waitFor();
}

/** Enters the name the audit log records, in the pane's person field, as on a first run. */
export async function enterPerson(page: Page, name: string): Promise<void> {
  const t = messages[await paneLang(page)];
  await page.getByRole("textbox", { name: t.personLabel }).fill(name);
  await page.getByRole("button", { name: t.personDone, exact: true }).click();
  await page.getByText(fmt(t.personActing, { name })).waitFor();
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
 * Runs axe-core on the page (or the part under `selector`) and returns every violation, of any
 * impact, in a form that reads well in a failed expectation.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE_PATH });
  const violations = await page.evaluate(async (context) => {
    const axe = (window as unknown as { axe: typeof axeCore }).axe;
    // The one exclusion: Fluent's tabster puts hidden focusable <i data-tabster-dummy> sentinels
    // around focus groups (the TabLists) to steer Tab; axe reports them as aria-hidden-focus. That
    // is Fluent's design (they hand the focus straight on to the group's content), so they are
    // left out; nothing else is.
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
  return violations;
}

/**
 * What a reader would find cut off in the pane as it is laid out now: the page scrolling sideways,
 * text outside the pane's width (a column fallen off to the right, a line that does not wrap), and
 * text clipped by a box that hides its overflow. Empty when every text is in full view.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) problems.push(`the page scrolls sideways: ${scroll} px > ${width} px`);
    // Controls have no text nodes of their own: an input, a select or a button past the edge.
    for (const control of document.querySelectorAll("input, select, textarea, button")) {
      const rect = control.getBoundingClientRect();
      if (rect.width > 0 && !control.closest("[hidden]") && (rect.right > width + 0.5 || rect.left < -0.5))
        problems.push(
          `a control outside the pane: <${control.tagName.toLowerCase()}> (${Math.round(rect.left)}–${Math.round(rect.right)} px)`,
        );
    }
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      return style.visibility !== "hidden" && el.getClientRects().length > 0;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? "";
      const parent = node.parentElement;
      if (
        !text ||
        !parent ||
        !shown(parent) ||
        parent.closest("[hidden], details:not([open]) > :not(summary)")
      )
        continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      const out = rects.find((r) => r.right > width + 0.5 || r.left < -0.5);
      if (out)
        problems.push(
          `outside the pane: “${text.slice(0, 40)}” (${Math.round(out.left)}–${Math.round(out.right)} px)`,
        );
      for (let el: HTMLElement | null = parent; el && el !== document.body; el = el.parentElement) {
        const style = getComputedStyle(el);
        const hides = (v: string) => v === "hidden" || v === "clip";
        if (
          (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1) ||
          (hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && style.textOverflow !== "clip")
        ) {
          problems.push(
            `clipped: “${text.slice(0, 40)}” in <${el.tagName.toLowerCase()} class="${el.className}">`,
          );
          break;
        }
      }
    }
    return [...new Set(problems)];
  });
}

/**
 * Saves a full-page screenshot as test-results/screenshots/<name>-<lang>-<theme>-<width>.png, the
 * language being the pane's current one. With STARSCORE_UPDATE_DOCS=1, the 320 px ones are also
 * copied to docs/screenshots: Chinese light as <name>.png, English dark as en-dark/<name>.png.
 * Returns the file written under test-results.
 */
export async function screenshot(pane: Pane, name: string): Promise<string> {
  const lang = await paneLang(pane.page);
  const { theme } = pane.options;
  const file = path.join(SCREENSHOT_DIR, `${name}-${lang}-${theme}-${pane.width}.png`);
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await pane.page.evaluate(() => document.fonts.ready.then(() => undefined));
  await pane.page.screenshot({ path: file, fullPage: true, animations: "disabled", caret: "hide" });
  if (process.env.STARSCORE_UPDATE_DOCS === "1" && pane.width === NARROW_WIDTH) {
    const docs =
      lang === "zh" && theme === "light"
        ? DOCS_SCREENSHOT_DIR
        : lang === "en" && theme === "dark"
          ? path.join(DOCS_SCREENSHOT_DIR, "en-dark")
          : undefined;
    if (docs) {
      await mkdir(docs, { recursive: true });
      await copyFile(file, path.join(docs, `${name}.png`));
    }
  }
  return file;
}
