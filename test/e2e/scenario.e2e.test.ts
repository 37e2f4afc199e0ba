/**
 * End to end, the user's whole scenario (issue "task pane", point 8): the production build of the
 * task pane in headless Chromium over the fake Office host, driven as a user drives it, with the
 * fake workbook checked behind it. Per pane language and theme (the dark runs write a workbook in
 * the other language, as a Chinese-speaking user may for an English-speaking client):
 *
 *  1. Generate: the form filled in (organisation, type, dates, 2 auditors + 1 visit, step, workbook
 *     language) makes the sheets; generating where they already are is refused and the view offers
 *     to add a column instead; adding an unnamed visit gives 4 columns and keeps every entry.
 *  2. Entries typed into the Scoring sheet, every applicable item 80 % by everyone, with exactly six
 *     planted errors; auto-validation (debounced) and the button list exactly those, grouped and
 *     counted; an issue selects its cell; the cells are highlighted.
 *  3. The errors fixed: no issues, the highlights gone.
 *  4. Compute: the score worked out by hand below, the grade, the bars, the evaluators' totals, no
 *     integrity error; then a grade typed over in the Summary is named as an integrity error.
 *  5. The inspector follows the selection; a band button enters the band's value.
 * Each view is checked with axe-core once it has content, measured against the 350 px pane (nothing
 * wider), and photographed into test-results/screenshots/ (STARSCORE_UPDATE_DOCS=1: the Chinese
 * light ones also into docs/screenshots/).
 */
import type { Browser, Page } from "playwright-core";
import { BANDS, ITEMS, SECONDARY_INDICATORS } from "../../src/spec";
import type { Lang } from "../../src/spec/types";
import { MARK_FILLS as HIGHLIGHT_FILLS } from "../../src/taskpane/actions/highlights";
import { fmt, messages } from "../../src/taskpane/i18n";
import { cellRef, columnLetter } from "../../src/workbook/address";
import { SHEET_NAMES, TEXT } from "../../src/workbook/labels";
import { scoringColumns, scoringRows } from "../../src/workbook/scoring-grid";
import {
  clickButton,
  clickTab,
  excelSelection,
  handlerErrors,
  launchBrowser,
  openPane,
  readBack,
  readCell,
  readMark,
  runAxe,
  screenshot,
  selectCell,
  sheetNames,
  typeInCell,
  waitForHandler,
  waitForIdle,
  type Pane,
} from "./browser";
import { buildE2e, DIST_E2E } from "./build";
import { serveStatic, type StaticServer } from "./server";

jest.setTimeout(60_000);

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await buildE2e();
  [server, browser] = await Promise.all([serveStatic(DIST_E2E), launchBrowser()]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// ---- the Scoring sheet ---------------------------------------------------------------------------

const rowOf = (id: string) => scoringRows().find((r) => r.id === id)!.row;
/** Evaluator k's entry cell for an item, with `n` evaluator columns. */
const entry = (code: string, k: number, n = 4) => cellRef(scoringColumns(n).evaluator(k), rowOf(code));
const flag = (code: string, n = 4) => `${columnLetter(scoringColumns(n).applicable)}${rowOf(code)}`;
const itemTitle = (code: string, lang: Lang) => ITEMS.find((i) => i.code === code)!.title[lang];

/**
 * The planted errors, one per kind, each in its own column:
 *   B2  auditor 1   "abc"           text, not a number       (the reader's entry-text)
 *   B10 auditor 2   "８０"          full-width digits: text   (entry-number-as-text)
 *   C3  visit 1     0.8             a fraction, not a percent (entry-looks-like-fraction)
 *   A5  visit 2     82              off the 5 % step          (entry-off-step)
 *   C7  applicable  不适用 / No     C items cannot be excluded (exclusion-not-allowed)
 *   A18 nobody      —               applicable, unscored      (item-unscored, at the first column)
 * Every other entry is 80. The messages are told apart by what they say (SAYS).
 */
const UNSCORED = "A18";
/** What tells each issue's kind (its code) from the others in the message the pane shows. */
const SAYS = {
  text: { zh: "单元格中是文本", en: "the cell holds the text" },
  numberAsText: { zh: "不是数字", en: "not a number" },
  fraction: { zh: "像是小数形式的比例", en: "looks like a fraction" },
  offStep: { zh: "不是步长 5 的倍数", en: "not a multiple of the step 5" },
  notExcludable: { zh: "不可删减", en: "cannot be excluded" },
  unscored: { zh: "没有评价人评分", en: "nobody has scored this item" },
} as const;
const PLANTED: readonly { code: string; k: number; input: string | number; says: keyof typeof SAYS }[] = [
  { code: "B2", k: 0, input: "abc", says: "text" },
  { code: "B10", k: 1, input: "８０", says: "numberAsText" },
  { code: "C3", k: 2, input: 0.8, says: "fraction" },
  { code: "A5", k: 3, input: 82, says: "offStep" },
];
/** The fixes: B2 becomes 100, the others 80, A18 gets 80 from everyone, C7's flag is cleared. */
const FIXED: Record<string, number> = { B2: 100, B10: 80, C3: 80, A5: 80 };

/**
 * The result by hand, once fixed. Every applicable item is 80 % from all four columns except B2
 * (2 points), whose entries are 100, 80, 80, 80: mean 85 %.
 *   raw    = 0.80 × 100 points + 2 × (0.85 − 0.80) = 80 + 0.1 = 80.1
 *   scaled = 80.1 / 100 × 100 = 80.1 (nothing excluded); no deductions, no bonus
 *   final  = 80.10 → 三星级 / Three-star (80 ≤ final < 90), passed (≥ 70, 0 deductions), complete
 * Indicators: 5.2.1 (B1–B5, 6 points) 0.8 × 6 + 0.1 = 4.90 of 6 (81.7 %); every other one 80.0 %.
 * Evaluators' own totals: auditor 1 80 + 2 × 0.20 = 80.40, everyone else 80.00; 50 / 50 items.
 */
const FINAL = "80.10";
const GRADE = { zh: "三星级", en: "Three-star" } as const;
function indicatorText(lang: Lang, id: string): string {
  const max = ITEMS.filter((i) => i.indicator === id).reduce((sum, i) => sum + i.points, 0);
  const score = 0.8 * max + (id === "5.2.1" ? 0.1 : 0);
  return fmt(messages[lang].indicatorScore, {
    score: score.toFixed(2),
    max: max.toFixed(2).replace(/\.00$/, ""),
    percent: `${((score / max) * 100).toFixed(1)} %`,
  });
}

// ---- the pane ----------------------------------------------------------------------------------

const panel = (page: Page, id: "generate" | "validate" | "results" | "inspector") =>
  page.locator(`#starscore-panel-${id}`);

/** The status area's text once it says `text` (it changes as actions run). */
async function statusSays(page: Page, text: string): Promise<void> {
  await page.getByRole("status").getByText(text, { exact: true }).waitFor();
}

/** No serious or critical axe violation, and nothing wider than the pane (no sideways scrolling). */
async function checkView(pane: Pane, name: string): Promise<void> {
  const { page } = pane;
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    page.viewportSize()!.width,
  );
  expect(await runAxe(page)).toEqual([]);
  await page.mouse.move(0, 0); // no hover look left on the last button clicked
  await screenshot(pane, name);
}

/** The issue list as the Validate view shows it: each group's heading and its issues' texts. */
function issueList(page: Page): Promise<{ heading: string; issues: string[] }[]> {
  return panel(page, "validate").evaluate((root) =>
    [...root.querySelectorAll("h5")].map((h) => ({
      heading: h.textContent ?? "",
      issues: [...(h.nextElementSibling?.querySelectorAll("li") ?? [])].map((li) => li.textContent ?? ""),
    })),
  );
}

async function typeAll(page: Page, sheet: string, cells: readonly [string, string | number][]) {
  for (const [address, input] of cells) await typeInCell(page, sheet, address, input);
}

async function fills(page: Page, sheet: string, cells: readonly string[]) {
  return Promise.all(cells.map(async (c) => (await readCell(page, sheet, c))?.fill));
}

async function marks(page: Page, sheet: string, cells: readonly string[]) {
  return Promise.all(cells.map((c) => readMark(page, sheet, c)));
}

// ---- the scenario ------------------------------------------------------------------------------

describe.each([
  { display: "zh-CN", lang: "zh", theme: "light", wb: "zh" },
  { display: "zh-CN", lang: "zh", theme: "dark", wb: "en" },
  { display: "en-US", lang: "en", theme: "light", wb: "en" },
  { display: "en-US", lang: "en", theme: "dark", wb: "zh" },
] as const)("scenario: $display pane, $theme theme, $wb workbook", ({ display, lang, theme, wb }) => {
  const t = messages[lang];
  const sheet = { scoring: SHEET_NAMES.scoring[wb], summary: SHEET_NAMES.summary[wb] };
  const quoted = (s: string, ref: string) => `'${s}'!${ref}`;
  const organization = wb === "zh" ? "华东家电售后服务有限公司" : "East China Appliance Service Ltd.";
  const auditors = wb === "zh" ? ["张三", "李四"] : ["Zhang San", "Li Si"];
  const visit = (n: number) => `${TEXT.visit[wb]} ${n}`;
  const names = [...auditors, visit(1), visit(2)];
  let pane: Pane;
  let page: Page;

  beforeAll(async () => {
    pane = await openPane(browser, server.url, { lang: display, theme });
    page = pane.page;
    page.setDefaultTimeout(10_000);
  });

  afterAll(async () => {
    await pane?.close();
  });

  test("1. generate from the form; generating again is refused; an unnamed visit is added", async () => {
    const view = panel(page, "generate");
    await view.getByLabel(t.organisationLabel).fill(organization);
    await view.getByLabel(t.typeLabel).selectOption("recertification");
    await view.getByLabel(t.startDateLabel).fill("2026-03-02");
    await view.getByLabel(t.endDateLabel).fill("2026-03-04");
    await view.getByLabel(fmt(t.evaluatorNameLabel, { n: 1 })).fill(auditors[0]!);
    await clickButton(page, t.addAuditor);
    await view.getByLabel(fmt(t.evaluatorNameLabel, { n: 2 })).fill(auditors[1]!);
    const visits = view.getByRole("spinbutton", { name: t.quickVisitsLabel });
    await visits.fill("1");
    await visits.press("Tab"); // the spin button takes a typed value on blur (Enter would submit the form)
    await clickButton(page, t.quickVisitsButton);
    // The visit stays unnamed: the form names it in the workbook's language once that is chosen.
    await view.getByRole("radio", { name: wb === "zh" ? t.languageZh : t.languageEn, exact: true }).check();
    await view.getByRole("radio", { name: fmt(t.stepOption, { n: 5 }), exact: true }).check();
    await expect(
      view.getByLabel(fmt(t.evaluatorNameLabel, { n: 3 })).getAttribute("placeholder"),
    ).resolves.toBe(visit(1));
    await expect(
      view.getByText(fmt(t.evaluatorCount, { n: 3, auditors: 2, visits: 1 })).count(),
    ).resolves.toBe(1);
    await checkView(pane, "generate");

    await clickButton(page, t.generateButton);
    await view.getByText(fmt(t.generated, { n: 3 })).waitFor();
    await view.getByRole("heading", { level: 2, name: t.existsHeading }).waitFor();
    const all = await sheetNames(page);
    for (const key of ["info", "scoring", "special", "summary", "rules"] as const)
      expect(all).toContain(SHEET_NAMES[key][wb]);
    const generated = await readBack(page);
    expect(generated.lang).toBe(wb);
    expect(generated.assessment).toMatchObject({
      organization,
      type: "recertification",
      dates: { start: "2026-03-02", end: "2026-03-04" },
      step: 5,
      evaluators: [
        { name: auditors[0], kind: "auditor" },
        { name: auditors[1], kind: "auditor" },
        { name: visit(1), kind: "visit" },
      ],
    });

    // Generating again, in a second pane on a workbook that already has StarScore's sheets.
    const again = await openPane(browser, server.url, { lang: display, theme });
    try {
      const other = panel(again.page, "generate");
      await other.getByLabel(t.organisationLabel).waitFor();
      await again.page.evaluate((l) => window.__starscore.generate(l, 1), wb);
      await other.getByLabel(t.organisationLabel).fill(organization);
      await other.getByLabel(fmt(t.evaluatorNameLabel, { n: 1 })).fill(auditors[0]!);
      await clickButton(again.page, t.generateButton);
      await other.getByText(t.workbookExistsTitle, { exact: true }).waitFor();
      // The error names the sheets in the way.
      await expect(
        other.getByRole("listitem").filter({ hasText: sheet.scoring }).textContent(),
      ).resolves.toMatch(new RegExp(`^${fmt(t.workbookExistsSheets, { list: ".*" })}$`));
      await other.getByRole("heading", { level: 2, name: t.existsHeading }).waitFor();
      await expect(other.getByText(t.existsInfo).isVisible()).resolves.toBe(true);
      expect(again.problems).toEqual([]);
    } finally {
      await again.close();
    }

    // Entries first, to see them kept; then a visit with no name.
    await typeAll(
      page,
      sheet.scoring,
      [0, 1, 2].map((k) => [entry("B1", k, 3), 80] as [string, number]),
    );
    await view.getByLabel(t.addKindLabel).selectOption("visit");
    await clickButton(page, t.addButton);
    await statusSays(page, t.addedVisit);
    const added = await readBack(page);
    expect(added.assessment.evaluators).toEqual([
      { name: auditors[0], kind: "auditor" },
      { name: auditors[1], kind: "auditor" },
      { name: visit(1), kind: "visit" },
      { name: visit(2), kind: "visit" },
    ]);
    expect(added.assessment.scores.B1).toEqual([80, 80, 80, null]);
    expect(added.assessment.organization).toBe(organization);
    await checkView(pane, "add-column");
  });

  const issueCells = [flag("C7"), ...PLANTED.map((p) => entry(p.code, p.k)), entry(UNSCORED, 0)];
  let originalFills: (string | undefined)[];

  test("2. planted errors: auto-validation and the button list exactly them; one selects its cell", async () => {
    await clickTab(page, t.tabValidate);
    await waitForIdle(page); // the pane resubscribed to the rebuilt sheets
    await waitForHandler(page, "changed", sheet.scoring);
    originalFills = await fills(page, sheet.scoring, issueCells);
    expect(await marks(page, sheet.scoring, issueCells)).toEqual(issueCells.map(() => null));

    const cells: [string, string | number][] = [];
    for (const item of ITEMS) {
      if (item.code === UNSCORED) continue;
      for (let k = 0; k < 4; k++) {
        if (item.code === "B1" && k < 3) continue; // typed before the visit was added
        const planted = PLANTED.find((p) => p.code === item.code && p.k === k);
        cells.push([entry(item.code, k), planted ? planted.input : 80]);
      }
    }
    await typeAll(page, sheet.scoring, cells);
    // C7's flag is locked (only B items may be excluded): the user lifted the protection to type it.
    await typeInCell(page, sheet.scoring, flag("C7"), TEXT.notApplicable[wb], { liftProtection: true });

    // Nobody pressed Validate: the debounced auto-validation reports them.
    const view = panel(page, "validate");
    await view.getByText(`${t.errorsLabel}: 6`).waitFor();
    await statusSays(page, fmt(t.validated, { errors: 6, warnings: 0 }));
    // And the button says the same.
    await clickButton(page, t.validateButton);
    await statusSays(page, fmt(t.validated, { errors: 6, warnings: 0 }));
    await expect(view.getByText(`${t.warningsLabel}: 0`).count()).resolves.toBe(1);
    await expect(
      view.getByRole("heading", { level: 4, name: fmt(t.severityErrors, { n: 6 }) }).count(),
    ).resolves.toBe(1);
    await expect(
      view.getByRole("heading", { name: fmt(t.severityWarnings, { n: 0 }) }).count(),
    ).resolves.toBe(0);

    // Grouped by item in catalogue order, the issues about no item first; each names its cell.
    const cellOf = (address: string) => `(${fmt(t.issueCell, { cell: quoted(sheet.scoring, address) })})`;
    const list = await issueList(page);
    expect(list.map((g) => g.heading)).toEqual([
      t.generalIssues,
      ...["B2", "B10", "C3", "A5", UNSCORED].map((c) => `${c} ${itemTitle(c, lang)}`),
    ]);
    expect(list.map((g) => g.issues.length)).toEqual([1, 1, 1, 1, 1, 1]);
    const expected = [
      { says: SAYS.notExcludable[lang], value: "C7", cell: flag("C7") },
      ...PLANTED.map((p) => ({ says: SAYS[p.says][lang], value: String(p.input), cell: entry(p.code, p.k) })),
      { says: SAYS.unscored[lang], value: UNSCORED, cell: entry(UNSCORED, 0) },
    ];
    list.forEach((group, i) => {
      const [text] = group.issues;
      expect(text).toContain(expected[i]!.says);
      expect(text).toContain(expected[i]!.value);
      expect(text!.endsWith(cellOf(expected[i]!.cell))).toBe(true);
    });

    // The cells are highlighted in the workbook (conditional formats over the pane's store: the
    // cells' own fills are left as they were).
    expect(await marks(page, sheet.scoring, issueCells)).toEqual(issueCells.map(() => "error"));
    expect(await fills(page, sheet.scoring, issueCells)).toEqual(originalFills);

    // An issue goes to its cell.
    await view.getByRole("button", { name: new RegExp(SAYS.numberAsText[lang]) }).click();
    await page.waitForFunction(
      ([s, a]) => {
        const at = window.__starscore.selection();
        return at.sheet === s && at.address === a;
      },
      [sheet.scoring, entry("B10", 1)] as const,
    );
    expect(await excelSelection(page)).toEqual({ sheet: sheet.scoring, address: entry("B10", 1) });
    await checkView(pane, "validate");
  });

  test("3. fixed: no issues, the highlights gone", async () => {
    await typeAll(page, sheet.scoring, [
      ...PLANTED.map((p): [string, number] => [entry(p.code, p.k), FIXED[p.code]!]),
      ...[0, 1, 2, 3].map((k): [string, number] => [entry(UNSCORED, k), 80]),
    ]);
    await typeInCell(page, sheet.scoring, flag("C7"), "", { liftProtection: true });
    const view = panel(page, "validate");
    await view.getByText(t.noIssues).waitFor(); // auto-validation
    await clickButton(page, t.validateButton);
    await statusSays(page, fmt(t.validated, { errors: 0, warnings: 0 }));
    await expect(view.getByText(`${t.errorsLabel}: 0`).count()).resolves.toBe(1);
    expect(await issueList(page)).toEqual([]);
    expect(await marks(page, sheet.scoring, issueCells)).toEqual(issueCells.map(() => null));
    expect(await fills(page, sheet.scoring, issueCells)).toEqual(originalFills);
    expect(originalFills).not.toContain(HIGHLIGHT_FILLS.error);
  });

  test("4. compute: the result worked out by hand; a grade typed over is an integrity error", async () => {
    await clickTab(page, t.tabResults);
    const view = panel(page, "results");
    await clickButton(page, t.computeButton);
    await statusSays(page, fmt(t.computed, { score: FINAL, grade: GRADE[lang] }));
    const result = view.getByRole("region", { name: t.finalScore });
    await expect(result.getByRole("paragraph").first().textContent()).resolves.toBe(FINAL);
    await expect(
      result.locator("dl").evaluate((dl) => [...dl.children].map((el) => el.textContent)),
    ).resolves.toEqual([t.scaledScore, FINAL, t.deductionsLabel, "0", t.bonusLabel, "0.00"]);
    await expect(view.getByText(`${t.gradeLabel}: ${GRADE[lang]}`).isVisible()).resolves.toBe(true);
    await expect(view.getByText(t.passed, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(view.getByText(t.complete, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(view.getByText(t.integrityHeading).count()).resolves.toBe(0);
    await expect(view.getByText(t.incomplete).count()).resolves.toBe(0);

    // One bar per indicator, with its score.
    const bars = view.getByRole("progressbar");
    await expect(bars.count()).resolves.toBe(SECONDARY_INDICATORS.length);
    for (const indicator of SECONDARY_INDICATORS) {
      await expect(
        view.getByText(indicatorText(lang, indicator.id), { exact: true }).count(),
        // Several indicators share a text (80.0 % of the same maximum): at least this one.
      ).resolves.toBeGreaterThan(0);
      await expect(
        view.getByText(`${indicator.id} ${indicator.name[lang]}`, { exact: true }).count(),
      ).resolves.toBe(1);
    }
    const attainments = await bars.evaluateAll((els) => els.map((el) => el.getAttribute("aria-valuenow")));
    const expectedAttainments = SECONDARY_INDICATORS.map((i) => (i.id === "5.2.1" ? 4.9 / 6 : 0.8));
    attainments.forEach((a, i) => expect(Number(a)).toBeCloseTo(expectedAttainments[i]!, 6));

    // The evaluators' own totals.
    const rows = await view
      .getByRole("table")
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent)));
    const kinds = [t.kindAuditor, t.kindAuditor, t.kindVisit, t.kindVisit];
    expect(rows).toEqual(
      names.map((name, k) => [name, kinds[k], k === 0 ? "80.40" : "80.00", "50 / 50", "100.0 %"]),
    );
    await checkView(pane, "results");

    // Someone typed a five-star grade over the Summary's grade formula.
    const gradeCell = await page.evaluate(() => window.__starscore.model.name("Result_Grade"));
    const ref = /!\$?([A-Z]+)\$?(\d+)$/.exec(gradeCell ?? "")!;
    const address = `${ref[1]}${ref[2]}`;
    await page.evaluate(([s, a, v]) => window.__starscore.overwrite(s, a, v), [
      sheet.summary,
      address,
      wb === "zh" ? "五星级" : "Five-star",
    ] as const);
    await clickButton(page, t.computeButton);
    const bar = view.getByText(t.integrityHeading);
    await bar.waitFor();
    const links = view.getByRole("listitem").filter({ hasText: "Result_Grade" });
    await expect(links.count()).resolves.toBe(1);
    await expect(links.textContent()).resolves.toContain(
      `(${fmt(t.issueCell, { cell: quoted(sheet.summary, address) })})`,
    );
    await expect(links.textContent()).resolves.toContain(wb === "zh" ? "五星级" : "Five-star");
    // Nothing else disagrees.
    await expect(
      view
        .locator("ul")
        .filter({ has: page.getByText("Result_Grade") })
        .getByRole("listitem")
        .count(),
    ).resolves.toBe(1);
    // The integrity link goes to the cell, and the cell is highlighted.
    await links.getByRole("button").click();
    await page.waitForFunction((s) => window.__starscore.selection().sheet === s, sheet.summary);
    expect(await excelSelection(page)).toEqual({ sheet: sheet.summary, address });
    expect(await readMark(page, sheet.summary, address)).toBe("error");
    expect(await runAxe(page)).toEqual([]);
  });

  test("5. the inspector follows the selection; a band button enters the band's value", async () => {
    await clickTab(page, t.tabInspector);
    const view = panel(page, "inspector");
    await waitForHandler(page, "selectionChanged", sheet.scoring);

    const b4 = ITEMS.find((i) => i.code === "B4")!;
    await selectCell(page, sheet.scoring, entry("B4", 1));
    const heading = view.getByRole("heading", { level: 3 });
    await view.getByRole("heading", { level: 3, name: `B4 ${b4.title[lang]}` }).waitFor();
    const facts = await view
      .locator("dl")
      .first()
      .evaluate((dl) => [...dl.querySelectorAll("dd")].map((dd) => dd.textContent));
    expect(facts.slice(0, 2)).toEqual(["B4", b4.clause]);
    await expect(view.getByRole("region", { name: t.criterion }).textContent()).resolves.toContain(
      b4.criterion.split("\n")[0],
    );
    for (const band of BANDS)
      await expect(
        view
          .getByRole("heading", {
            level: 5,
            name: fmt(t.bandLabel, {
              level: band.level,
              range: fmt(t.bandRange, { from: band.from, to: band.to }),
            }),
          })
          .count(),
      ).resolves.toBe(1);
    const entries = () =>
      view
        .getByRole("table")
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [
            tr.getAttribute("aria-current"),
            ...[...tr.querySelectorAll("td")].map((td) => td.textContent),
          ]),
        );
    const band80 = `80 (${fmt(t.bandRange, { from: 80, to: 100 })})`;
    expect(await entries()).toEqual(
      names.map((name, k) => [
        k === 1 ? "true" : null,
        k === 1 ? `${name} (${t.selectedMark})` : name,
        k < 2 ? t.kindAuditor : t.kindVisit,
        band80,
      ]),
    );

    // The band 40–60 % button enters its middle, 50, into the selected cell.
    const range = fmt(t.bandRange, { from: 40, to: 60 });
    await clickButton(page, fmt(t.setBand, { range, value: 50 }));
    await statusSays(page, fmt(t.setDone, { cell: quoted(sheet.scoring, entry("B4", 1)), value: 50 }));
    expect((await readCell(page, sheet.scoring, entry("B4", 1)))?.value).toBe(50);
    await view.getByText(fmt(t.currentValue, { value: 50, band: range })).waitFor();
    expect((await entries())[1]![3]).toBe(`50 (${range})`);

    // A heading row: the hint.
    await selectCell(page, sheet.scoring, `A${rowOf("5.2.2")}`);
    await view.getByText(t.inspectorNoItem).waitFor();
    await expect(heading.count()).resolves.toBe(0);

    // Another item, in the last column: the inspector follows.
    const a3 = ITEMS.find((i) => i.code === "A3")!;
    await selectCell(page, sheet.scoring, entry("A3", 3));
    await view.getByRole("heading", { level: 3, name: `A3 ${a3.title[lang]}` }).waitFor();
    expect((await entries()).map((row) => row[0])).toEqual([null, null, null, "true"]);
    await expect(
      view
        .getByText(fmt(t.setEntryFor, { name: visit(2), cell: quoted(sheet.scoring, entry("A3", 3)) }))
        .count(),
    ).resolves.toBe(1);
    await checkView(pane, "inspector");

    expect(await handlerErrors(page)).toEqual([]);
    expect(pane.problems).toEqual([]);
  });
});
