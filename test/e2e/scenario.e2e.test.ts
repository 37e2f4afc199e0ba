/**
 * End to end, the user's whole scenario (issue "task pane", point 8): the production build of the
 * task pane in headless Chromium over the fake Office host, driven as a user drives it, with the
 * fake workbook checked behind it. Per pane language and theme (the dark runs write a workbook in
 * the other language, as a Chinese-speaking user may for an English-speaking client):
 *
 *  1. Generate: the form filled in (organisation, type, dates, 2 auditors + 1 visit, step, workbook
 *     language) makes the sheets; generating where they already are is refused and the view offers
 *     to add a column instead; adding an unnamed visit gives 4 columns and keeps every entry.
 *  2. Entries typed into the Scoring sheet, every applicable item 80 % by everyone, with exactly five
 *     planted errors and one item unscored; auto-validation (debounced) and the button list exactly
 *     those, grouped and counted, the unscored item as progress; an issue selects its cell; the cells
 *     are highlighted.
 *  3. The errors fixed: no issues, the highlights gone.
 *  4. Compute: the score worked out by hand below, the grade, both levels of bars, the evaluators'
 *     totals, no integrity error; then a grade typed over in the Summary is named as an integrity
 *     error, and the integrity check says it in words with the formula apart.
 *  5. The inspector follows the selection; a band button enters the band's value; the current
 *     band's does not; the note is saved.
 *  6. Finalise: the score it freezes shown before; confirmed; the inspector then enters nothing;
 *     reopened with a reason; the audit log names the person for every action, in words.
 * At 320 and 350 px. Each view is checked with axe-core (every impact) once it has content, for
 * text cut off or outside the pane, and photographed into test-results/screenshots/
 * (STARSCORE_UPDATE_DOCS=1: the 320 px Chinese light and English dark ones also into docs/screenshots/).
 */
import type { Page } from "playwright-core";
import { BANDS, ITEMS, SECONDARY_INDICATORS } from "../../src/spec";
import type { Lang } from "../../src/spec/types";
import { fmt, messages } from "../../src/taskpane/i18n";
import { cellRef, columnLetter } from "../../src/workbook/address";
import { SHEET_NAMES, TEXT } from "../../src/workbook/labels";
import { STYLES } from "../../src/workbook/styles";
import { scoringColumns, scoringRows } from "../../src/workbook/scoring-grid";
import { displayCell } from "../../src/taskpane/model/format";
import {
  NARROW_WIDTH,
  PANE_VIEWPORT,
  clickButton,
  enterPerson,
  excelSelection,
  handlerErrors,
  layoutProblems,
  openView,
  readBack,
  readCell,
  readMark,
  selectCell,
  sheetNames,
  typeInCell,
  waitForHandler,
  waitForIdle,
  type Pane,
} from "./browser";
import { checkView, paneSession } from "./session";

jest.setTimeout(90_000);

const session = paneSession();

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
  unscored: { zh: "没有有效评分", en: "no valid entry" },
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

/** 服务要求 0.8 × 60 + 0.1 = 48.10 of 60 (80.2 %); 管理要求 0.8 × 40 = 32.00 of 40 (80.0 %). */
const PRIMARY_TEXT = (lang: Lang) => [
  fmt(messages[lang].indicatorScore, { score: "48.10", max: "60", percent: "80.2 %" }),
  fmt(messages[lang].indicatorScore, { score: "32.00", max: "40", percent: "80.0 %" }),
];

// ---- the pane ----------------------------------------------------------------------------------

type View = "generate" | "validate" | "results" | "inspector" | "finalise";
const panel = (page: Page, id: View) => page.locator(`#starscore-panel-${id}`);

/** A view's status line once it says `text` (it changes as actions run). */
async function statusSays(page: Page, view: View, text: string): Promise<void> {
  await panel(page, view).getByRole("status").getByText(text, { exact: true }).waitFor();
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

/**
 * How the pane has highlighted cells: for each, the mark the highlight store lists ("error",
 * "warning") or "none". In Excel the sheet's conditional formats colour the listed cells from the
 * store; the fake keeps the formats but does not evaluate them (test/fakes/highlight-marks.ts).
 */
async function highlightsOf(page: Page, sheetName: string, cells: readonly string[]): Promise<string[]> {
  return Promise.all(cells.map(async (c) => (await readMark(page, sheetName, c)) ?? "none"));
}

/** The rows of a DataTable as its cells' texts, whether it shows as a table or as a list (narrow). */
function tableRows(view: ReturnType<Page["locator"]>, name: string): Promise<string[][]> {
  return view.evaluate((root, label) => {
    const heading = [...root.querySelectorAll("h3, h4")].find((h) => h.textContent === label);
    const id = heading?.id;
    const table = root.querySelector(`table[aria-labelledby="${id}"]`);
    if (table)
      return [...table.querySelectorAll("tbody tr")].map((tr) =>
        [...tr.querySelectorAll("td")].map((td) => td.textContent ?? ""),
      );
    const list = root.querySelector(`ul[aria-labelledby="${id}"]`);
    return [...(list?.children ?? [])].map((li) => [
      li.querySelector("span")?.textContent ?? "",
      ...[...li.querySelectorAll("dd")].map((dd) => dd.textContent ?? ""),
    ]);
  }, name);
}

// ---- the scenario ------------------------------------------------------------------------------

describe.each([
  { display: "zh-CN", lang: "zh", theme: "light", wb: "zh", width: NARROW_WIDTH },
  { display: "zh-CN", lang: "zh", theme: "light", wb: "zh", width: PANE_VIEWPORT.width },
  { display: "zh-CN", lang: "zh", theme: "dark", wb: "en", width: NARROW_WIDTH },
  { display: "zh-CN", lang: "zh", theme: "dark", wb: "en", width: PANE_VIEWPORT.width },
  { display: "en-US", lang: "en", theme: "light", wb: "en", width: NARROW_WIDTH },
  { display: "en-US", lang: "en", theme: "light", wb: "en", width: PANE_VIEWPORT.width },
  { display: "en-US", lang: "en", theme: "dark", wb: "zh", width: NARROW_WIDTH },
  { display: "en-US", lang: "en", theme: "dark", wb: "zh", width: PANE_VIEWPORT.width },
] as const)(
  "scenario: $display pane, $theme theme, $wb workbook, $width px",
  ({ display, lang, theme, wb, width }) => {
    const t = messages[lang];
    const sheet = {
      scoring: SHEET_NAMES.scoring[wb],
      summary: SHEET_NAMES.summary[wb],
      rules: SHEET_NAMES.rules[wb],
    };
    const quoted = (s: string, ref: string) => `'${s}'!${ref}`;
    const organization = wb === "zh" ? "华东家电售后服务有限公司" : "East China Appliance Service Ltd.";
    const auditors = wb === "zh" ? ["张三", "李四"] : ["Zhang San", "Li Si"];
    const lead = lang === "zh" ? "王组长" : "Wang (lead)";
    const visit = (n: number) => `${TEXT.visit[wb]} ${n}`;
    const names = [...auditors, visit(1), visit(2)];
    let pane: Pane;
    let page: Page;

    beforeAll(async () => {
      pane = await session.open({ lang: display, theme, width });
      page = pane.page;
      page.setDefaultTimeout(10_000);
    });

    afterAll(async () => {
      await pane?.close();
    });

    test("0. first run: a compact header, the navigation on one row, the name asked once", async () => {
      // The header: the name beside the language buttons, not under them (point 15).
      const [title, languages] = await Promise.all([
        page.getByRole("heading", { level: 1 }).boundingBox(),
        page.getByRole("group", { name: t.languageGroupLabel }).boundingBox(),
      ]);
      expect(title!.x + title!.width).toBeLessThanOrEqual(languages!.x);
      // The stages' tabs on one row, close under the header (no description above every view).
      const tabs = await page
        .getByRole("tablist", { name: t.tabListLabel })
        .getByRole("tab")
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(tabs).toHaveLength(4);
      expect(new Set(tabs).size).toBe(1);
      expect(tabs[0]!).toBeLessThan(220);
      await expect(page.getByText(t.description).isVisible()).resolves.toBe(false);
      await checkView(pane, "first-run");
      await enterPerson(page, lead);
      const after = await page.getByRole("tablist", { name: t.tabListLabel }).boundingBox();
      expect(after!.y).toBeLessThan(140);
    });

    test("1. generate from the form; generating again is refused; an unnamed visit is added", async () => {
      const view = panel(page, "generate");
      await view.getByLabel(t.organisationLabel).fill(organization);
      await view.getByLabel(t.typeLabel).selectOption("recertification");
      // Dates as the pane's format says (year-month-day), whatever the browser's locale.
      await view.getByLabel(t.startDateLabel).fill("2026/3/2");
      await view.getByLabel(t.endDateLabel).fill("2026-03-04");
      await view.getByLabel(t.startDateLabel).press("Tab");
      await expect(view.getByLabel(t.startDateLabel).inputValue()).resolves.toBe("2026-03-02");
      await view.getByLabel(fmt(t.evaluatorNameLabel, { n: 1 })).fill(auditors[0]!);
      await clickButton(page, t.addAuditor);
      await view.getByLabel(fmt(t.evaluatorNameLabel, { n: 2 })).fill(auditors[1]!);
      // One visit by default (point 14).
      await expect(view.getByRole("spinbutton", { name: t.quickVisitsLabel }).inputValue()).resolves.toBe(
        "1",
      );
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
      // Each Remove button on its row, beside the row's kind (point 18).
      const rows = await view.locator("li:has(button)").evaluateAll((lis) =>
        lis.map((li) => {
          const button = li.querySelector("button")!.getBoundingClientRect();
          const select = li.querySelector("select")!.getBoundingClientRect();
          return Math.abs(button.bottom - select.bottom) < 8;
        }),
      );
      expect(rows).toEqual([true, true, true]);
      await checkView(pane, "generate");

      await clickButton(page, t.generateButton);
      await view
        .getByText(fmt(t.generated, { n: 3 }))
        .first()
        .waitFor();
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
      const again = await session.open({ lang: display, theme, width });
      try {
        const other = panel(again.page, "generate");
        await other.getByLabel(t.organisationLabel).waitFor();
        await enterPerson(again.page, lead);
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
      await statusSays(page, "generate", t.addedVisit);
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
    /** The cells' own look, as the layout gives it: C7's flag (locked) none, the entry cells the input fill. */
    const originalFills = issueCells.map((_, i) => (i === 0 ? undefined : `#${STYLES.input.fill}`));

    test("2. planted errors: auto-validation and the button list exactly them; one selects its cell", async () => {
      await openView(page, "validate");
      await waitForIdle(page); // the pane resubscribed to the rebuilt sheets
      await waitForHandler(page, "changed", sheet.scoring);

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

      // Nobody pressed Validate: the debounced auto-validation reports them. The unscored item is
      // progress, not an error (point 7).
      const view = panel(page, "validate");
      await view.getByText(fmt(t.errorsCount, { n: 5 })).waitFor();
      await statusSays(page, "validate", fmt(t.validated, { errors: 5, warnings: 0 }));
      // And the button says the same.
      await clickButton(page, t.validateButton);
      await statusSays(page, "validate", fmt(t.validated, { errors: 5, warnings: 0 }));
      await expect(view.getByText(fmt(t.warningsCount, { n: 0 })).count()).resolves.toBe(1);
      await expect(view.getByText(fmt(t.progressText, { scored: 49, applicable: 50 })).count()).resolves.toBe(
        1,
      );
      await expect(
        view.getByRole("heading", { level: 4, name: fmt(t.severityErrors, { n: 5 }) }).count(),
      ).resolves.toBe(1);
      await expect(
        view.getByRole("heading", { name: fmt(t.severityWarnings, { n: 0 }) }).count(),
      ).resolves.toBe(0);
      const unscored = view.getByRole("button", {
        name: new RegExp(`^${fmt(t.unscoredLine, { n: 1, list: UNSCORED })}`),
      });
      await expect(unscored.count()).resolves.toBe(1);

      // Grouped by item in catalogue order (C7's exclusion under C7, point 8); each names its cell.
      const cellOf = (address: string) =>
        fmt(t.issueCellParen, { cell: displayCell(quoted(sheet.scoring, address)) });
      const list = await issueList(page);
      expect(list.map((g) => g.heading)).toEqual(
        ["B2", "B10", "C3", "C7", "A5"].map((c) => `${c} ${itemTitle(c, lang)}`),
      );
      expect(list.map((g) => g.issues.length)).toEqual([1, 1, 1, 1, 1]);
      const byCode = new Map(PLANTED.map((p) => [p.code, p]));
      const expected = ["B2", "B10", "C3", "C7", "A5"].map((code) => {
        const p = byCode.get(code);
        return p
          ? { says: SAYS[p.says][lang], value: String(p.input), cell: entry(p.code, p.k) }
          : { says: SAYS.notExcludable[lang], value: "C7", cell: flag("C7") };
      });
      list.forEach((group, i) => {
        const [text] = group.issues;
        expect(text).toContain(expected[i]!.says);
        expect(text).toContain(expected[i]!.value);
        // The cell named once: the message's own mention (the reader's start with it), or after it.
        const cell = displayCell(quoted(sheet.scoring, expected[i]!.cell));
        expect(text!.split(cell).length - 1).toBe(1);
        expect(text!.startsWith(cell) || text!.endsWith(cellOf(expected[i]!.cell))).toBe(true);
      });

      // The cells are highlighted in the workbook.
      expect(await highlightsOf(page, sheet.scoring, issueCells)).toEqual(issueCells.map(() => "error"));

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
      await statusSays(page, "validate", fmt(t.validated, { errors: 0, warnings: 0 }));
      await expect(view.getByText(fmt(t.errorsCount, { n: 0 })).count()).resolves.toBe(1);
      await expect(view.getByText(fmt(t.progressText, { scored: 50, applicable: 50 })).count()).resolves.toBe(
        1,
      );
      expect(await issueList(page)).toEqual([]);
      // The store no longer lists them, and the cells' own fills were never touched.
      expect(await highlightsOf(page, sheet.scoring, issueCells)).toEqual(issueCells.map(() => "none"));
      expect(await fills(page, sheet.scoring, issueCells)).toEqual(originalFills);
    });

    test("4. compute: the result worked out by hand; a grade typed over is an integrity error, said in words", async () => {
      await openView(page, "results");
      const view = panel(page, "results");
      // Status belongs to its view: nothing here from Validate's run (point 12).
      await expect(view.getByRole("status").textContent()).resolves.toBe("");
      await clickButton(page, t.computeButton);
      await statusSays(page, "results", fmt(t.computed, { score: FINAL, grade: GRADE[lang] }));
      const result = view.getByRole("region", { name: t.finalScore });
      await expect(result.getByRole("paragraph").first().textContent()).resolves.toBe(FINAL);
      await expect(
        result.locator("dl").evaluate((dl) => [...dl.children].map((el) => el.textContent)),
      ).resolves.toEqual([
        t.scaledScore,
        fmt(t.pointsValue, { value: FINAL }),
        t.deductionsLabel,
        t.none,
        t.bonusLabel,
        t.none,
      ]);
      await expect(view.getByText(fmt(t.gradeBadge, { grade: GRADE[lang] })).isVisible()).resolves.toBe(true);
      await expect(view.getByText(t.passed, { exact: true }).isVisible()).resolves.toBe(true);
      await expect(view.getByText(t.complete, { exact: true }).isVisible()).resolves.toBe(true);
      await expect(view.getByText(t.integrityHeading).count()).resolves.toBe(0);
      await expect(view.getByText(t.incomplete).count()).resolves.toBe(0);

      // Both levels, in Appendix A's order: each primary indicator, then its secondary ones.
      const bars = view.getByRole("progressbar");
      const order = [
        ...["service", "management"].flatMap((primary) => [
          primary,
          ...SECONDARY_INDICATORS.filter((i) => i.primary === primary).map((i) => i.id),
        ]),
      ];
      await expect(bars.count()).resolves.toBe(order.length);
      const labels = await view
        .getByRole("region", { name: t.indicatorsHeading })
        .locator("label")
        .allTextContents();
      expect(labels).toEqual(
        order.map((id) => {
          const secondary = SECONDARY_INDICATORS.find((i) => i.id === id);
          return secondary
            ? `${secondary.id} ${secondary.name[lang]}`
            : id === "service"
              ? lang === "zh"
                ? "服务要求"
                : "Service requirements"
              : lang === "zh"
                ? "管理要求"
                : "Management requirements";
        }),
      );
      for (const text of PRIMARY_TEXT(lang))
        await expect(view.getByText(text, { exact: true }).count()).resolves.toBe(1);
      for (const indicator of SECONDARY_INDICATORS) {
        await expect(
          view.getByText(indicatorText(lang, indicator.id), { exact: true }).count(),
          // Several indicators share a text (80.0 % of the same maximum): at least this one.
        ).resolves.toBeGreaterThan(0);
      }
      const attainments = await bars.evaluateAll((els) => els.map((el) => el.getAttribute("aria-valuenow")));
      const expectedAttainments = order.map((id) =>
        id === "service" ? 48.1 / 60 : id === "5.2.1" ? 4.9 / 6 : 0.8,
      );
      attainments.forEach((a, i) => expect(Number(a)).toBeCloseTo(expectedAttainments[i]!, 6));

      // The evaluators' own totals: a table, or at 350 px and below a list of labelled rows. The bias
      // (issue 12), by hand: the team's mean over the 50 items is (49 × 80 + 85) / 50 = 80.10 (B2's
      // mean is 85); auditor 1's own mean (49 × 80 + 100) / 50 = 80.40, so +0.30; everyone else's
      // 80.00, so −0.10. No item is two bands apart (80 and 100 are both band 5): none in disagreement.
      const kinds = [t.kindAuditor, t.kindAuditor, t.kindVisit, t.kindVisit];
      expect(await tableRows(view, t.evaluatorsTableHeading)).toEqual(
        names.map((name, k) => [
          name,
          kinds[k],
          k === 0 ? "80.40" : "80.00",
          "50 / 50",
          "100.0 %",
          k === 0 ? "+0.30" : "−0.10",
        ]),
      );
      await view.getByText(t.disagreementsNone).waitFor();
      await expect(view.getByRole("table").count()).resolves.toBe(0);
      await checkView(pane, "results");

      // Someone typed a five-star grade over the Summary's grade formula.
      const gradeCell = await page.evaluate(() => window.__starscore.model.name("Result_Grade"));
      const ref = /!\$?([A-Z]+)\$?(\d+)$/.exec(gradeCell ?? "")!;
      const address = `${ref[1]}${ref[2]}`;
      const fiveStars = wb === "zh" ? "五星级" : "Five-star";
      await page.evaluate(([s, a, v]) => window.__starscore.overwrite(s, a, v), [
        sheet.summary,
        address,
        fiveStars,
      ] as const);
      await clickButton(page, t.computeButton);
      const bar = view.getByText(t.integrityHeading);
      await bar.waitFor();
      const integrity = view.locator(".fui-MessageBar").filter({ hasText: t.integrityHeading });
      const links = integrity.getByRole("listitem");
      // Nothing else disagrees; said in words, not with the defined name (point 16).
      await expect(links.count()).resolves.toBe(1);
      await expect(links.textContent()).resolves.toContain(
        fmt(t.integrityRow, { what: t.resultGrade, sheet: fiveStars, engine: GRADE[wb] }),
      );
      await expect(links.textContent()).resolves.toContain(
        fmt(t.issueCellParen, { cell: displayCell(quoted(sheet.summary, address)) }),
      );
      await expect(view.textContent()).resolves.not.toContain("Result_Grade");
      // The integrity link goes to the cell, and the cell is highlighted.
      await links.getByRole("button").click();
      await page.waitForFunction((s) => window.__starscore.selection().sheet === s, sheet.summary);
      expect(await excelSelection(page)).toEqual({ sheet: sheet.summary, address });
      expect(await highlightsOf(page, sheet.summary, [address])).toEqual(["error"]);

      // The integrity check: the typed-over formula in words, its text in a disclosure (point 1).
      await clickButton(page, t.verifyButton);
      const checked = view.getByRole("region", { name: t.verifyHeading });
      await checked.getByText(t.verifyFoundBody).waitFor();
      const finding = checked.getByRole("listitem").filter({ hasText: fiveStars }).first();
      await expect(finding.getByRole("button").textContent()).resolves.not.toContain("=");
      await finding.locator("summary").click();
      await expect(finding.locator("code").first().textContent()).resolves.toMatch(/^=/);
      expect(await layoutProblems(page)).toEqual([]);
      await checkView(pane, "integrity");
    });

    test("5. the inspector follows the selection; a band button enters the band's value, the current one does not", async () => {
      await openView(page, "inspector");
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
      const band80 = fmt(t.entryInBand, { value: 80, band: fmt(t.bandRange, { from: 80, to: 100 }) });
      expect(await entries()).toEqual(
        names.map((name, k) => [
          k === 1 ? "true" : null,
          k === 1 ? fmt(t.entrySelected, { name }) : name,
          k < 2 ? t.kindAuditor : t.kindVisit,
          band80,
        ]),
      );
      // The entry's own band does not replace 80 with the band's middle (point 17).
      const top = fmt(t.bandRange, { from: 80, to: 100 });
      await expect(
        view
          .getByRole("button", { name: fmt(t.setBandCurrent, { range: top, value: 80 }) })
          .getAttribute("aria-disabled"),
      ).resolves.toBe("true");

      // The band 40–60 % button enters its middle, 50, into the selected cell.
      const range = fmt(t.bandRange, { from: 40, to: 60 });
      const target = quoted(sheet.scoring, entry("B4", 1));
      await clickButton(page, fmt(t.setBand, { range, value: 50 }));
      await statusSays(page, "inspector", fmt(t.setDone, { cell: displayCell(target), value: 50 }));
      expect((await readCell(page, sheet.scoring, entry("B4", 1)))?.value).toBe(50);
      await view.getByText(fmt(t.currentValue, { value: 50, band: range })).waitFor();
      expect((await entries())[1]![3]).toBe(fmt(t.entryInBand, { value: 50, band: range }));

      // The item's note / evidence, saved to the notes column (point 17).
      const notes = `${columnLetter(scoringColumns(4).notes)}${rowOf("B4")}`;
      const evidence = lang === "zh" ? "查看了产品安全标识。" : "Saw the safety labels.";
      await view.getByRole("textbox", { name: t.noteLabel }).fill(evidence);
      await clickButton(page, t.noteSave);
      await statusSays(page, "inspector", fmt(t.noteSaved, { item: "B4" }));
      expect((await readCell(page, sheet.scoring, notes))?.value).toBe(evidence);

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
          .getByText(
            fmt(t.setEntryFor, { name: visit(2), cell: displayCell(quoted(sheet.scoring, entry("A3", 3))) }),
          )
          .count(),
      ).resolves.toBe(1);
      await checkView(pane, "inspector");
      expect(await handlerErrors(page)).toEqual([]);
    });

    test("6. finalise: the score it freezes, Escape, the locked inspector, reopening with a reason, the audit log", async () => {
      await openView(page, "finalise");
      const view = panel(page, "finalise");
      // B4 is now 50 for one evaluator: 80.10 − 1 × (0.80 − 0.725) = 80.025 → 80.03.
      const frozen = "80.03";
      await view.getByText(fmt(t.readinessReady, { score: frozen, grade: GRADE[lang] })).waitFor();
      const finalise = view.getByRole("button", { name: t.finaliseButton, exact: true });
      await finalise.click();
      const dialog = view.getByRole("alertdialog");
      await expect(dialog.textContent()).resolves.toContain(
        fmt(t.finaliseConfirm, { score: frozen, grade: GRADE[lang], name: lead }),
      );
      await checkView(pane, "finalise-confirm");
      // Escape cancels, and the focus is back on the button (point 13).
      await page.keyboard.press("Escape");
      await expect(dialog.count()).resolves.toBe(0);
      await expect(finalise.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
      await finalise.click();
      await clickButton(page, t.confirmButton);
      await statusSays(page, "finalise", fmt(t.finalisedDone, { score: frozen, grade: GRADE[lang] }));

      // The inspector on a finalised workbook: nothing to press, and why (point 4).
      await openView(page, "inspector");
      const inspector = panel(page, "inspector");
      await inspector.getByText(t.finalisedTitle).waitFor();
      const bands = inspector.getByRole("group", { name: t.setEntryHeading }).getByRole("button");
      await expect(
        bands.evaluateAll((els) => els.map((el) => el.getAttribute("aria-disabled"))),
      ).resolves.toEqual(BANDS.map(() => "true"));

      // Reopening asks why.
      await openView(page, "finalise");
      await clickButton(page, t.reopenButton);
      const why = lang === "zh" ? "受评组织补交了 B4 的证据" : "The organisation sent B4's evidence";
      await view.getByRole("textbox", { name: t.reopenReasonLabel }).fill(why);
      await clickButton(page, t.confirmButton);
      await statusSays(page, "finalise", t.reopenedDone);

      // The audit log: who, when (local, short), what in words, for every logged action (point 9, 16).
      await clickButton(page, t.finaliseRefresh);
      await view.getByText(fmt(t.auditLogHeading, { n: 10 })).waitFor();
      const log = await tableRows(view, fmt(t.auditLogHeading, { n: 10 }));
      expect(log.every((row) => row[1] === lead)).toBe(true);
      expect(log.every((row) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(row[0]!))).toBe(true);
      const words = (zhWord: string, enWord: string) => (wb === "zh" ? zhWord : enWord);
      expect(log.map((row) => row[2])).toEqual([
        words("重新开放", "Reopened"),
        words("定稿", "Finalised"),
        words("编辑备注", "Note edited"),
        words("录入评分", "Score entered"),
        words("完整性检查", "Integrity checked"),
        words("计算", "Computed"),
        words("计算", "Computed"),
        words("校验", "Validated"),
        words("校验", "Validated"),
        words("添加评价人", "Column added"),
      ]);
      expect(log[0]![3]).toContain(why);
      await checkView(pane, "finalise");
      expect(await handlerErrors(page)).toEqual([]);
      expect(pane.problems).toEqual([]);
    });
  },
);
