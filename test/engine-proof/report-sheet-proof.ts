/**
 * The Report sheet's formulas (src/workbook/sheets/report.ts) proven in a spreadsheet engine
 * (LibreOffice Calc: report-sheet.test.ts; Gnumeric: report-sheet-gnumeric.test.ts): workbooks
 * written WITHOUT cached values (no scoring given to the layout), recalculated by the engine's
 * harness (libreoffice.ts, gnumeric.ts), and every figure the sheet prints compared with the report
 * model (src/report/model.ts), which the engine computes exactly. No formula on the sheet may end in
 * an error. The same cases and assertions for every engine.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { scoreAssessment } from "../../src/core/score";
import { NO_WORKBOOK, reportModel } from "../../src/report/model";
import type { Lang } from "../../src/spec/types";
import { parseRef } from "../../src/workbook/address";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { REPORT_LIST_ROWS, REPORT_SHEET_WORDS as W } from "../../src/workbook/sheets/report";
import type { SheetSpec } from "../../src/workbook/types";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { deduction } from "../helpers/builders";
import { SAMPLE } from "../helpers/sample";
import { cellKey, type Engine, type EngineResult } from "./engine";

const SURVEILLANCE: Assessment = {
  ...SAMPLE,
  type: "surveillance",
  leadAuditor: "张三",
  followUp: [
    {
      category: "policy",
      description: "门店未张贴三包规定",
      item: "B13",
      outcome: "verified",
      note: "抽查 5 家",
    },
    { category: "law", description: "=1+1 发票未开具", rectification: "全部开具", outcome: "not-verified" },
    { category: "system", description: "回访记录缺失" },
  ],
};

/**
 * Exclusions the engine and the sheet could tell apart: B6 is excluded with no reason (excluded all
 * the same, reported) and by its indicator 5.2.2 as well (listed twice, as recorded, whichever comes
 * first), and C7 may not be excluded (a reason kept on its row, ignored by the engine).
 */
const FAILING: Assessment = {
  ...SAMPLE,
  exclusions: { ...SAMPLE.exclusions, B1: "不涉及包装", "5.2.2": "不提供安装", B6: "", C7: "不设投诉热线" },
  deductions: Array.from({ length: REPORT_LIST_ROWS.deductions + 2 }, (_, i) => deduction(i + 1)),
};

const ALONE: Assessment = {
  ...SAMPLE,
  evaluators: [SAMPLE.evaluators[0]!],
  scores: Object.fromEntries(Object.entries(SAMPLE.scores).map(([k, v]) => [k, [v[0]!]])),
  bonus: [],
  deductions: [],
};

export const REPORT_SHEET_CASES: { name: string; assessment: Assessment; lang: Lang }[] = [
  { name: "surveillance-zh", assessment: SURVEILLANCE, lang: "zh" },
  { name: "surveillance-en", assessment: SURVEILLANCE, lang: "en" },
  { name: "failing-zh", assessment: FAILING, lang: "zh" },
  { name: "alone-en", assessment: ALONE, lang: "en" },
];

interface Proven {
  name: string;
  assessment: Assessment;
  lang: Lang;
  spec: SheetSpec;
  result: EngineResult;
}

/** The engine's text of a cell of the Report sheet ("" when empty). */
function shown(p: Proven, ref: string): string {
  const cell = p.result.cells[cellKey(SHEET_NAMES.report[p.lang], ref)];
  return cell?.type === "empty" || cell === undefined ? "" : String(cell.value);
}

/** The row whose column A holds `label` (a section, a fact or a list header), from the layout. */
function rowOf(p: Proven, label: { zh: string; en: string }, after = 0): number {
  const cell = p.spec.cells.find(
    (c) => c.value === label[p.lang] && parseRef(c.ref).column === 1 && parseRef(c.ref).row > after,
  );
  if (!cell) throw new Error(`no row labelled ${label[p.lang]}`);
  return parseRef(cell.ref).row;
}

const num = (text: string) => Number(text);
/** The engine's number against the model's figure (shown to `places` decimals): within half a unit of the last place. */
const near = (text: string, figure: string) => {
  const places = figure.split(".")[1]?.length ?? 0;
  return Math.abs(num(text) - Number(figure)) <= 0.5 * 10 ** -places + 1e-9 ? figure : text;
};

/** Writing the workbooks (with the layout's Report sheet) before the engine starts. */
const WRITE_MS = 30_000;

/** The Report sheet's proof in `engine`: its cases written, recalculated and compared with the report model. */
export function proveReportSheet(engine: Engine): void {
  test(`${engine.name} is installed`, () => expect(engine.problem()).toBeNull());

  let proven: Proven[] = [];
  let dir = "";

  beforeAll(
    async () => {
      dir = mkdtempSync(path.join(os.tmpdir(), "starscore-report-sheet-"));
      const files: string[] = [];
      const specs: SheetSpec[] = [];
      for (const c of REPORT_SHEET_CASES) {
        const layout = buildWorkbookLayout({ lang: c.lang, assessment: c.assessment, report: true });
        specs.push(layout.sheets.find((s) => s.key === "report")!);
        const file = path.join(dir, `${c.name}.xlsx`);
        writeFileSync(file, await writeXlsx(layout));
        files.push(file);
      }
      const results = await engine.recalculate(
        files,
        [],
        REPORT_SHEET_CASES.map((c) => [`'${SHEET_NAMES.report[c.lang]}'!A1:H140`]),
      );
      proven = REPORT_SHEET_CASES.map((c, i) => ({ ...c, spec: specs[i]!, result: results[i]! }));
    },
    WRITE_MS + engine.timeLimitMs(REPORT_SHEET_CASES.length),
  );

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe(`the Report sheet recalculated in ${engine.name}`, () => {
    it("loads without warnings, and no formula of the sheet is an error", () => {
      expect(proven.map((p) => p.name)).toEqual(REPORT_SHEET_CASES.map((c) => c.name));
      for (const p of proven) {
        expect([p.name, p.result.loadError]).toEqual([p.name, undefined]);
        expect([p.name, p.result.warnings]).toEqual([p.name, []]);
        const own = p.result.errors.filter((e) => e.cell.startsWith(`${SHEET_NAMES.report[p.lang]}!`));
        expect([p.name, own]).toEqual([p.name, []]);
      }
    });

    it("prints the organisation, the dates, the lead auditor and the result as the engine computes them", () => {
      for (const p of proven) {
        const m = reportModel(p.assessment, scoreAssessment(p.assessment), NO_WORKBOOK, p.lang);
        const value = (label: { zh: string; en: string }) => shown(p, `C${rowOf(p, label)}`);
        expect([p.name, shown(p, "A3")]).toEqual([p.name, m.organization]);
        expect([p.name, value(W.organization)]).toEqual([p.name, m.organization]);
        expect([p.name, value(W.type)]).toEqual([p.name, m.assessmentType]);
        expect([p.name, value(W.dates)]).toEqual([p.name, m.period]);
        expect([p.name, value(W.leadAuditor)]).toEqual([p.name, m.leadAuditor]);
        expect([p.name, near(value(W.finalScore), m.finalScore)]).toEqual([p.name, m.finalScore]);
        expect([p.name, value(W.grade)]).toEqual([p.name, m.gradeLabel]);
        expect([p.name, value(W.conclusion)]).toEqual([p.name, m.passedLabel]);
        expect([p.name, near(value(W.rawScore), m.rawScore)]).toEqual([p.name, m.rawScore]);
        expect([p.name, near(value(W.scaledScore), m.scaledScore)]).toEqual([p.name, m.scaledScore]);
        expect([p.name, num(value(W.deductions))]).toEqual([p.name, m.deductionCount]);
        expect([p.name, near(value(W.bonus), m.bonus)]).toEqual([p.name, m.bonus]);
        const fails = value(W.failReasons);
        expect([p.name, fails === "—"]).toEqual([p.name, m.passed]);
      }
    });

    it("the team: each evaluator's name, total, items scored and coverage", () => {
      for (const p of proven) {
        const m = reportModel(p.assessment, scoreAssessment(p.assessment), NO_WORKBOOK, p.lang);
        const first = rowOf(p, W.name) + 1;
        m.team.forEach((e, k) => {
          const r = first + k;
          expect([p.name, shown(p, `A${r}`), shown(p, `C${r}`)]).toEqual([p.name, e.name, e.kind]);
          expect([p.name, near(shown(p, `D${r}`), e.total)]).toEqual([p.name, e.total]);
          expect([p.name, num(shown(p, `E${r}`))]).toEqual([p.name, e.itemsScored]);
          expect([p.name, `${(num(shown(p, `F${r}`)) * 100).toFixed(1)}%`]).toEqual([p.name, e.coverage]);
        });
        // Each evaluator's bias against the team, as the report's agreement gives it.
        m.agreement.forEach((a, k) => {
          const bias = num(shown(p, `H${first + k}`)).toFixed(1);
          expect([p.name, a.bias.replace("−", "-").replace("+", "")]).toEqual([
            p.name,
            bias === "-0.0" ? "0.0" : bias,
          ]);
        });
      }
    });

    it("the indicator table: weight, applicable maximum, score and attainment per indicator", () => {
      for (const p of proven) {
        const m = reportModel(p.assessment, scoreAssessment(p.assessment), NO_WORKBOOK, p.lang);
        const first = rowOf(p, W.clause) + 1;
        m.indicators.forEach((i, k) => {
          const r = first + k;
          expect([p.name, shown(p, `A${r}`), shown(p, `B${r}`)]).toEqual([p.name, i.id, i.name]);
          expect([p.name, num(shown(p, `C${r}`)).toFixed(1), num(shown(p, `D${r}`)).toFixed(1)]).toEqual([
            p.name,
            i.weight,
            i.applicableMax,
          ]);
          expect([p.name, near(shown(p, `E${r}`), i.score)]).toEqual([p.name, i.score]);
          const attainment = shown(p, `F${r}`);
          expect([p.name, i.id, attainment === "" ? "" : `${(num(attainment) * 100).toFixed(1)}%`]).toEqual([
            p.name,
            i.id,
            i.attainment,
          ]);
        });
      }
    });

    it("every exclusion with its reason, the deductions, the bonus and the follow-ups' outcomes", () => {
      for (const p of proven) {
        const m = reportModel(p.assessment, scoreAssessment(p.assessment), NO_WORKBOOK, p.lang);
        const excl = rowOf(p, W.code) + 1;
        const listed = Array.from({ length: REPORT_LIST_ROWS.exclusions }, (_, k) => [
          shown(p, `A${excl + k}`),
          shown(p, `C${excl + k}`),
        ]).filter(([code]) => code !== "");
        // In the Scoring sheet's (catalogue) order, both.
        expect([p.name, listed]).toEqual([p.name, m.exclusions.map((e) => [e.key, e.reason])]);

        const dHead = rowOf(p, W.number);
        const deductions = Array.from({ length: REPORT_LIST_ROWS.deductions }, (_, k) => [
          shown(p, `B${dHead + 1 + k}`),
          shown(p, `C${dHead + 1 + k}`),
        ]).filter(([d]) => d !== "");
        expect([p.name, deductions]).toEqual([
          p.name,
          m.deductions.slice(0, REPORT_LIST_ROWS.deductions).map((d) => [d.description, d.category]),
        ]);
        const moreRow = dHead + 1 + REPORT_LIST_ROWS.deductions;
        const more = shown(p, `A${moreRow}`);
        if (m.deductions.length > REPORT_LIST_ROWS.deductions)
          expect(more).toContain(SHEET_NAMES.special[p.lang]);
        else if (m.deductions.length === 0) expect(more).toBe(W.none[p.lang]);
        else expect(more).toBe("");

        const bHead = rowOf(p, W.number, dHead);
        const bonus = Array.from({ length: REPORT_LIST_ROWS.bonus }, (_, k) =>
          shown(p, `B${bHead + 1 + k}`),
        ).filter((r) => r !== "");
        expect([p.name, bonus]).toEqual([p.name, m.bonuses.map((b) => b.reason)]);

        const fHead = rowOf(p, W.number, bHead);
        const followUps = Array.from({ length: REPORT_LIST_ROWS.followUps }, (_, k) => [
          shown(p, `B${fHead + 1 + k}`),
          shown(p, `G${fHead + 1 + k}`),
        ]).filter(([d]) => d !== "");
        expect([p.name, followUps]).toEqual([p.name, m.followUps.map((f) => [f.description, f.outcome])]);
        const count = shown(p, `C${rowOf(p, W.verifiedCount)}`);
        expect([p.name, count]).toEqual([
          p.name,
          m.hasFollowUps ? `${m.followUpsVerified}${W.of[p.lang]}${m.followUps.length}` : W.none[p.lang],
        ]);
      }
    });

    it("the signature block names the lead auditor; the footer holds the fingerprint", () => {
      for (const p of proven) {
        const m = reportModel(p.assessment, scoreAssessment(p.assessment), NO_WORKBOOK, p.lang);
        const sign = rowOf(p, W.leadAuditor, rowOf(p, W.signatures));
        expect([p.name, shown(p, `A${sign + 1}`)]).toEqual([p.name, m.leadAuditor]);
        const footer = parseRef(p.spec.print.area!.split(":")[1]!).row;
        expect([p.name, shown(p, `A${footer}`)]).toEqual([
          p.name,
          `${W.fingerprint[p.lang]}${m.fingerprint}`,
        ]);
      }
    });
  });
}
