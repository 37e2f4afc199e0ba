/**
 * The workbook's formulas proven in a real spreadsheet engine, one proof for every engine
 * (libreoffice-proof.test.ts, gnumeric-proof.test.ts): hundreds of assessments are written as .xlsx
 * WITHOUT cached values, recalculated by the engine, and every result the workbook computes (the
 * Result_* names, each indicator's applicable maximum and score, each evaluator's own total, items
 * scored and coverage, the agreement between evaluators: each item's lowest and highest entry, their
 * spread in bands and the disagreement flag, each evaluator's mean, team mean and bias) must equal
 * the exact engine within 1e-9, with no formula error anywhere, no
 * import warning, and no user text turned into a formula.
 *
 * A mismatch names its case: "random#17 seed 20250118" is rebuilt with randomCase(20250118, 17)
 * from ./proof-cases. STARSCORE_PROOF_SEED changes the base seed, STARSCORE_PROOF_RUNS the number
 * of random assessments (204 by default: 34 per grade band aimed at).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { measureAgreement, type Agreement } from "../../src/core/agreement";
import { exact, toNumber, type Exact } from "../../src/core/exact";
import { scoreAssessment, type Scoring } from "../../src/core/score";
import { cellRef, columnLetter } from "../../src/workbook/address";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { projectTargets } from "../../src/core/projection";
import { hasPlanSheet } from "../../src/workbook/context";
import { PLAN_NAMES, RESULT_NAMES, SPECIAL_NAMES } from "../../src/workbook/names";
import {
  BIAS_ROW,
  COVERAGE_ROW,
  EVALUATOR_MEAN_ROW,
  FIRST_BODY_ROW,
  HEADER_ROW,
  ITEMS_SCORED_ROW,
  LAST_BODY_ROW,
  MAX_EVALUATORS,
  TEAM_MEAN_ROW,
  TOTAL_ROW,
  scoringColumns,
  scoringRows,
} from "../../src/workbook/scoring-grid";
import { INFO_ROWS } from "../../src/workbook/sheets/info";
import { summaryRows } from "../../src/workbook/sheets/summary";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { cellKey, type Engine, type EngineCell, type EngineResult } from "./engine";
import {
  atFullPrecision,
  BANDS,
  bandOf,
  incompleteCases,
  invalidCases,
  knownDivergenceCases,
  maxEvaluatorsCase,
  randomCases,
  workedCases,
  type Divergence,
  type ProofCase,
  agreementCases,
} from "./proof-cases";

export const BASE_SEED = Number(process.env.STARSCORE_PROOF_SEED ?? 20250101);
const RANDOM_RUNS = Number(process.env.STARSCORE_PROOF_RUNS ?? 204);
const TOLERANCE = 1e-9;

export interface Scored extends ProofCase {
  scoring: Scoring;
  agreement: Agreement;
}

function scored(c: ProofCase): Scored {
  const scoring = scoreAssessment(c.assessment);
  return { ...c, scoring, agreement: measureAgreement(c.assessment, scoring) };
}

/**
 * The sample, the same for every engine: the worked examples, the random assessments, incomplete
 * ones, invalid entries and the largest team; and, asserted apart, the known double-precision edges.
 */
export function proofSample(): {
  randoms: Scored[];
  cases: Scored[];
  divergent: (Scored & { divergence: Divergence })[];
} {
  const randoms = randomCases(BASE_SEED, RANDOM_RUNS).map(scored);
  const cases = [
    ...workedCases().map(scored),
    ...randoms,
    ...[...incompleteCases(BASE_SEED), ...invalidCases(), ...agreementCases(), maxEvaluatorsCase()].map(
      scored,
    ),
  ];
  const divergent = knownDivergenceCases().map((c) => ({ ...scored(c), divergence: c.divergence }));
  return { randoms, cases, divergent };
}

/** Writing one workbook without cached values takes well under a second; the 200-evaluator one a few. */
const WRITE_MS_PER_WORKBOOK = 2_000;

interface Proven extends Scored {
  file: string;
  /** Formula cells of the layout: the engine must find exactly as many (no text became a formula). */
  formulaCells: number;
}
interface Recalculated {
  c: Proven;
  r: EngineResult;
}

/**
 * Evaluator columns read back: 30, the most a random case has. Every cell read costs LibreOffice
 * about a millisecond, so the 200-evaluator case is proven on its first 30 columns (and its result).
 */
const PROVEN_COLUMNS = 30;
const indicatorRows = summaryRows().rows.filter((r) => r.kind === "indicator");
/** Items whose score, entry count and mean % are read back in the 200-evaluator case. */
const ITEM_PROBES = ["B1", "B2", "B23", "B24", "C7", "A11"];
const itemRow = (code: string) => scoringRows().find((r) => r.kind === "item" && r.id === code)!.row;

/**
 * The Summary's indicator table, the Scoring sheet's evaluator totals, items scored, coverage, mean,
 * team mean and bias,
 * the organisation and the first evaluator's name (text that looks like a formula must come back as
 * that text) and the probed items of the 200-evaluator case, in both languages.
 */
function requestedCells(): string[] {
  const first = indicatorRows[0]!.row;
  const last = indicatorRows.at(-1)!.row;
  const columns = scoringColumns(PROVEN_COLUMNS);
  const from = columnLetter(columns.evaluator(0));
  const to = columnLetter(columns.evaluator(PROVEN_COLUMNS - 1));
  const wide = scoringColumns(MAX_EVALUATORS);
  return (["zh", "en"] as const).flatMap((lang) => {
    const scoring = (a1: string) => `'${SHEET_NAMES.scoring[lang]}'!${a1}`;
    return [
      `'${SHEET_NAMES.summary[lang]}'!D${first}:E${last}`,
      scoring(`${from}${TOTAL_ROW}:${to}${BIAS_ROW}`),
      scoring(`${from}${HEADER_ROW}`),
      `'${SHEET_NAMES.info[lang]}'!B${INFO_ROWS.organization}`,
      ...ITEM_PROBES.map((code) =>
        scoring(`${cellRef(wide.score, itemRow(code))}:${cellRef(wide.mean, itemRow(code))}`),
      ),
    ];
  });
}

/** Each workbook's own: the agreement columns of its Scoring sheet, where its team size puts them. */
function caseCells(c: Scored): string[] {
  const columns = scoringColumns(c.assessment.evaluators.length);
  const from = cellRef(columns.agreementMin, FIRST_BODY_ROW);
  const to = cellRef(columns.disagreement, LAST_BODY_ROW);
  return [`'${SHEET_NAMES.scoring[c.lang]}'!${from}:${to}`];
}

type Mismatch = string;

const num = (x: Exact) => toNumber(x, 12);
const where = (c: Proven) => `${c.id} [${c.lang}]`;

function describeCell(cell: EngineCell | undefined): string {
  if (!cell) return "missing";
  return cell.type === "error" ? `error ${cell.error}` : `${cell.type} ${JSON.stringify(cell.value)}`;
}

function compareNumber(out: Mismatch[], at: string, cell: EngineCell | undefined, expected: number): void {
  if (
    cell?.type === "number" &&
    typeof cell.value === "number" &&
    Math.abs(cell.value - expected) <= TOLERANCE
  ) {
    return;
  }
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${expected}`);
}

function compareBoolean(out: Mismatch[], at: string, cell: EngineCell | undefined, expected: boolean): void {
  if (cell?.type === "boolean" && cell.value === (expected ? 1 : 0)) return;
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${expected}`);
}

/** Text cells: "" comes back as an empty cell. */
function compareText(out: Mismatch[], at: string, cell: EngineCell | undefined, expected: string): void {
  if (cell?.type === "text" && cell.value === expected) return;
  if (expected === "" && (cell?.type === "empty" || (cell?.type === "text" && cell.value === ""))) return;
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${JSON.stringify(expected)}`);
}

function resultMismatches({ c, r: engine }: Recalculated): Mismatch[] {
  const r = c.scoring.result;
  const out: Mismatch[] = [];
  const N = RESULT_NAMES;
  const at = (name: string) => `${where(c)} ${name}`;
  const name = (n: string) => engine.names[n];
  compareNumber(out, at(N.rawScore), name(N.rawScore), num(r.rawScore));
  compareNumber(out, at(N.applicableTotal), name(N.applicableTotal), num(r.applicableTotal));
  compareNumber(out, at(N.scaledScore), name(N.scaledScore), num(r.scaledScore));
  compareNumber(out, at(N.deductions), name(N.deductions), r.deductionCount);
  compareNumber(out, at(N.bonus), name(N.bonus), num(r.bonus));
  compareNumber(out, at(N.finalScore), name(N.finalScore), num(r.finalScore));
  compareText(out, at(N.grade), name(N.grade), r.gradeLabel[c.lang]);
  compareBoolean(out, at(N.passed), name(N.passed), r.passed);
  compareBoolean(out, at(N.complete), name(N.complete), r.complete);
  return out;
}

function summaryMismatches({ c, r }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const sheet = SHEET_NAMES.summary[c.lang];
  for (const { id, row } of indicatorRows) {
    const indicator = c.scoring.result.indicators.find((i) => i.id === id)!;
    const cell = (a1: string) => r.cells[cellKey(sheet, a1)];
    const at = (what: string, a1: string) => `${where(c)} ${sheet}!${a1} ${id} ${what}`;
    compareNumber(out, at("applicable max", `D${row}`), cell(`D${row}`), num(indicator.applicableMax));
    compareNumber(out, at("score", `E${row}`), cell(`E${row}`), num(indicator.score));
  }
  return out;
}

function evaluatorMismatches({ c, r }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const sheet = SHEET_NAMES.scoring[c.lang];
  const columns = scoringColumns(c.assessment.evaluators.length);
  for (const e of c.scoring.result.evaluators.slice(0, PROVEN_COLUMNS)) {
    const col = columnLetter(columns.evaluator(e.index));
    const cell = (row: number) => r.cells[cellKey(sheet, `${col}${row}`)];
    const at = (what: string, row: number) =>
      `${where(c)} ${sheet}!${col}${row} evaluator ${e.index + 1} ${what}`;
    compareNumber(out, at("own total", TOTAL_ROW), cell(TOTAL_ROW), num(e.total));
    compareNumber(out, at("items scored", ITEMS_SCORED_ROW), cell(ITEMS_SCORED_ROW), e.itemsScored);
    if (e.coverage === null) compareText(out, at("coverage", COVERAGE_ROW), cell(COVERAGE_ROW), "");
    else compareNumber(out, at("coverage", COVERAGE_ROW), cell(COVERAGE_ROW), num(e.coverage));
  }
  return out;
}

const compareOptional = (
  out: Mismatch[],
  at: string,
  cell: EngineCell | undefined,
  expected: Exact | null,
) => (expected === null ? compareText(out, at, cell, "") : compareNumber(out, at, cell, num(expected)));

/**
 * The agreement between evaluators (src/core/agreement.ts): every item's lowest and highest valid
 * entry, spread in bands and disagreement flag (blank for an excluded item), and each evaluator's
 * mean, team mean and bias (blank with no entry).
 */
function agreementMismatches({ c, r }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const sheet = SHEET_NAMES.scoring[c.lang];
  const columns = scoringColumns(c.assessment.evaluators.length);
  const byCode = new Map(c.agreement.items.map((i) => [i.code, i]));
  for (const row of scoringRows()) {
    if (row.kind !== "item") continue;
    const cell = (column: number) => r.cells[cellKey(sheet, cellRef(column, row.row))];
    const at = (what: string, column: number) =>
      `${where(c)} ${sheet}!${cellRef(column, row.row)} ${row.id} ${what}`;
    const own = byCode.get(row.id);
    if (!own) {
      for (const column of [
        columns.agreementMin,
        columns.agreementMax,
        columns.agreementSpread,
        columns.disagreement,
      ]) {
        compareText(out, at("(excluded)", column), cell(column), "");
      }
      continue;
    }
    compareOptional(out, at("lowest", columns.agreementMin), cell(columns.agreementMin), own.min);
    compareOptional(out, at("highest", columns.agreementMax), cell(columns.agreementMax), own.max);
    compareNumber(out, at("spread", columns.agreementSpread), cell(columns.agreementSpread), own.spreadBands);
    compareBoolean(
      out,
      at("disagreement", columns.disagreement),
      cell(columns.disagreement),
      own.disagreement,
    );
  }
  for (const e of c.agreement.evaluators.slice(0, PROVEN_COLUMNS)) {
    const col = columnLetter(columns.evaluator(e.index));
    const cell = (row: number) => r.cells[cellKey(sheet, `${col}${row}`)];
    const at = (what: string, row: number) =>
      `${where(c)} ${sheet}!${col}${row} evaluator ${e.index + 1} ${what}`;
    compareOptional(out, at("mean", EVALUATOR_MEAN_ROW), cell(EVALUATOR_MEAN_ROW), e.mean);
    compareOptional(out, at("team mean", TEAM_MEAN_ROW), cell(TEAM_MEAN_ROW), e.team);
    compareOptional(out, at("bias", BIAS_ROW), cell(BIAS_ROW), e.bias);
  }
  return out;
}

/**
 * The Plan sheet (issue 14), where the case has one: Plan_FinalScore and Plan_Grade equal the engine
 * applied to the targets (projectTargets: test/core/plan.test.ts holds it to scoring the targets as
 * entries); with every target blank they equal the sheet's own result. Where the case has none, the
 * names are not there. The Special sheet's count of verified follow-ups equals the assessment's.
 */
function planMismatches({ c, r: engine }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const at = (name: string) => `${where(c)} ${name}`;
  const name = (n: string) => engine.names[n];
  const verified = (c.assessment.followUp ?? []).filter((f) => f.outcome === "verified").length;
  compareNumber(out, at(SPECIAL_NAMES.followUpVerified), name(SPECIAL_NAMES.followUpVerified), verified);
  if (!hasPlanSheet({ assessment: c.assessment })) {
    for (const n of Object.values(PLAN_NAMES))
      if (name(n)) out.push(`${at(n)}: defined without a Plan sheet`);
    return out;
  }
  const projection = projectTargets(c.scoring, c.assessment.planTargets);
  compareNumber(out, at(PLAN_NAMES.finalScore), name(PLAN_NAMES.finalScore), num(projection.finalScore));
  compareText(out, at(PLAN_NAMES.grade), name(PLAN_NAMES.grade), projection.gradeLabel[c.lang]);
  if (projection.items.every((i) => i.targetPercent === null)) {
    const result = name(RESULT_NAMES.finalScore);
    const plan = name(PLAN_NAMES.finalScore);
    if (result?.value !== plan?.value || name(RESULT_NAMES.grade)?.value !== name(PLAN_NAMES.grade)?.value) {
      out.push(
        `${where(c)}: every target blank, yet the plan (${describeCell(plan)}) is not the result (${describeCell(result)})`,
      );
    }
  }
  return out;
}

/** Text that looks like a formula (=, +, -, @) is read back as the same text. */
function textMismatches(engine: Engine, { c, r }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const info = SHEET_NAMES.info[c.lang];
  const scoring = SHEET_NAMES.scoring[c.lang];
  const org = `B${INFO_ROWS.organization}`;
  const name = cellRef(scoringColumns(1).evaluator(0), HEADER_ROW);
  compareText(out, `${where(c)} ${info}!${org}`, r.cells[cellKey(info, org)], c.assessment.organization);
  compareText(
    out,
    `${where(c)} ${scoring}!${name}`,
    r.cells[cellKey(scoring, name)],
    c.assessment.evaluators[0]!.name,
  );
  if (r.formulaCells !== c.formulaCells) {
    out.push(
      `${where(c)}: ${engine.name} found ${r.formulaCells} formula cells, the layout has ${c.formulaCells}`,
    );
  }
  return out;
}

/** The whole proof for one engine: call it at the top level of a test file. */
export function proveInEngine(engine: Engine): void {
  const sample = proofSample();
  const { randoms, cases } = sample;
  // An engine that takes entries at full precision is held to the engine's result without the
  // entries it finds invalid (Engine.entryPrecision); the workbook is the same.
  const divergent = sample.divergent.map((d) =>
    d.divergence === "entry-precision" && engine.entryPrecision === "full"
      ? { ...d, scoring: scoreAssessment(atFullPrecision(d.assessment)) }
      : d,
  );
  const all = [...cases, ...divergent];
  const limitMs = all.length * WRITE_MS_PER_WORKBOOK + engine.timeLimitMs(all.length);

  let dir: string;
  let proven: Recalculated[] = [];
  let divergentProven: Recalculated[] = [];
  let runSeconds = 0;

  test(`${engine.name} is installed`, () => expect(engine.problem()).toBeNull());

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "starscore-proof-"));
    const written: Proven[] = [];
    for (const [i, c] of all.entries()) {
      const file = path.join(dir, `case-${String(i).padStart(3, "0")}-${c.lang}.xlsx`);
      // No scoring: formula cells carry no cached values, so every number below is the engine's.
      const layout = buildWorkbookLayout({ lang: c.lang, assessment: c.assessment });
      writeFileSync(file, await writeXlsx(layout));
      const formulaCells = layout.sheets.reduce(
        (n, sheet) => n + sheet.cells.filter((cell) => cell.formula !== undefined).length,
        0,
      );
      written.push({ ...c, file, formulaCells });
    }
    const started = Date.now();
    const results = await engine.recalculate(
      written.map((c) => c.file),
      requestedCells(),
      written.map(caseCells),
    );
    runSeconds = (Date.now() - started) / 1000;
    const recalculated = written.map((c, i) => ({ c, r: results[i]! }));
    proven = recalculated.slice(0, cases.length);
    divergentProven = recalculated.slice(cases.length);
  }, limitMs);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe(`the workbook's formulas in ${engine.name} agree with the exact engine`, () => {
    it("loads and recalculates every workbook without a single formula error or import warning", () => {
      // The largest distance between the sheet's doubles and the exact scaled score, for the record.
      const drift = Math.max(
        ...proven.map(({ c, r }) => {
          const v = r.names[RESULT_NAMES.scaledScore]?.value;
          return typeof v === "number" ? Math.abs(exact(v).sub(c.scoring.result.scaledScore).valueOf()) : 0;
        }),
      );
      console.log(
        `workbook proof: ${proven.length} assessments (${randoms.length} random from seed ${BASE_SEED}) ` +
          `recalculated by ${engine.name} in ${runSeconds.toFixed(1)} s (limit ${(limitMs / 1000).toFixed(0)} s ` +
          `with writing); largest |scaled score − exact| ${drift.toExponential(1)}; random cases per band: ` +
          BANDS.map(
            (band) => `${band} ${randoms.filter((c) => bandOf(c.scoring.result) === band).length}`,
          ).join(", "),
      );
      expect(proven.length).toBe(cases.length);
      const problems = [...proven, ...divergentProven].flatMap(({ c, r }) => [
        ...(r.loadError ? [`${where(c)}: ${r.loadError}`] : []),
        ...r.errors.map((e) => `${where(c)} ${e.cell} ${e.formula}: ${e.error}`),
        ...r.warnings.map((w) => `${where(c)}: ${engine.name} warns: ${w}`),
      ]);
      expect(problems).toEqual([]);
    });

    it("every Result_* name equals the engine", () => {
      expect(proven.flatMap(resultMismatches)).toEqual([]);
    });

    it("every indicator's applicable maximum and score on the Summary equal the engine", () => {
      expect(proven.flatMap(summaryMismatches)).toEqual([]);
    });

    it("every evaluator's own total, items scored and coverage on the Scoring sheet equal the engine", () => {
      expect(proven.flatMap(evaluatorMismatches)).toEqual([]);
    });

    it("every item's agreement and every evaluator's mean, team mean and bias equal the engine", () => {
      expect(proven.flatMap(agreementMismatches)).toEqual([]);
      // The sample has items in disagreement and items that agree, evaluators above and below the team.
      const items = cases.flatMap((c) => c.agreement.items);
      expect(items.some((i) => i.disagreement)).toBe(true);
      expect(items.some((i) => i.entries > 1 && !i.disagreement)).toBe(true);
      const biases = cases.flatMap((c) => c.agreement.evaluators.map((e) => e.bias?.valueOf()));
      expect([
        biases.some((b) => b !== undefined && b > 0),
        biases.some((b) => b !== undefined && b < 0),
      ]).toEqual([true, true]);
      expect(biases).toContain(undefined);
    });

    it("the Plan sheet's projection equals the engine on the targets, and the result when they are blank", () => {
      expect(proven.filter(({ c }) => hasPlanSheet({ assessment: c.assessment })).length).toBeGreaterThan(
        randoms.length / 2,
      );
      expect(proven.flatMap(planMismatches)).toEqual([]);
    });

    it("user text stays text, and no cell other than the layout's formulas holds a formula", () => {
      expect(proven.flatMap((p) => textMismatches(engine, p))).toEqual([]);
    });

    it("the largest team the layout allows: item scores, entry counts and means, excluded items blank", () => {
      const big = proven.find(({ c }) => c.assessment.evaluators.length === MAX_EVALUATORS);
      expect(big).toBeDefined();
      const { c, r } = big!;
      const sheet = SHEET_NAMES.scoring[c.lang];
      const wide = scoringColumns(MAX_EVALUATORS);
      const out: Mismatch[] = [];
      for (const code of ITEM_PROBES) {
        const item = c.scoring.result.items.find((i) => i.code === code)!;
        const cell = (column: number) => r.cells[cellKey(sheet, cellRef(column, itemRow(code)))];
        const at = (what: string) => `${where(c)} ${code} ${what}`;
        compareNumber(out, at("entries"), cell(wide.count), item.entries);
        if (item.score === null) compareText(out, at("score"), cell(wide.score), "");
        else compareNumber(out, at("score"), cell(wide.score), num(item.score));
        if (item.meanPercent === null) compareText(out, at("mean %"), cell(wide.mean), "");
        else compareNumber(out, at("mean %"), cell(wide.mean), num(item.meanPercent));
      }
      expect(c.scoring.result.items.filter((i) => i.excluded && i.entries > 0).length).toBeGreaterThan(0);
      expect(out).toEqual([]);
    });
  });

  // Cases at the edge of what doubles can tell apart, which once divided the sheet and the engine:
  // 1. An exact final score less than 5e-10 below a rounding boundary: both round half-up to 9
  //    decimals first (RULES.snapDecimals), so both count it as on the boundary.
  // 2. Entries with 16–17 significant digits (possible only in a JSON file): the engine reads them to
  //    the 15 digits a cell is typed with (RULES.entryDigits), and so does LibreOffice, so
  //    70.00000000000001 is the valid entry 70; Gnumeric takes them at full precision (above).
  describe(`edge cases of double precision in ${engine.name}`, () => {
    it.each(divergent.map((d) => [d.id] as const))("%s: the sheet agrees with the engine", (id) => {
      const recalculated = divergentProven.find(({ c }) => c.id === id)!;
      expect([...resultMismatches(recalculated), ...summaryMismatches(recalculated)]).toEqual([]);
    });

    if (engine.entryPrecision === "full") {
      it("entries a hair off: at full precision they are off the step and over 100, and left out", () => {
        const [hair] = divergent.filter((d) => d.divergence === "entry-precision");
        const asRead = scoreAssessment(hair!.assessment).result;
        const full = hair!.scoring.result;
        expect({ asRead: asRead.complete, full: full.complete }).toEqual({ asRead: true, full: false });
        expect(full.finalScore.compare(asRead.finalScore)).toBeLessThan(0);
      });
    }
  });
}
