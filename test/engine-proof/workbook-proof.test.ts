/**
 * The workbook's formulas proven in a real spreadsheet engine: hundreds of assessments are written
 * as .xlsx WITHOUT cached values, recalculated by LibreOffice Calc in one run, and every result the
 * workbook computes (the Result_* names, each indicator's applicable maximum and score, each
 * evaluator's own total and items scored) must equal the exact engine within 1e-9, with no formula
 * error anywhere and no user text turned into a formula.
 *
 * A mismatch names its case: "random#17 seed 20250118" is rebuilt with randomCase(20250118, 17)
 * from ./proof-cases. STARSCORE_PROOF_SEED changes the base seed, STARSCORE_PROOF_RUNS the number
 * of random assessments (204 by default: 34 per grade band aimed at).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exact, toNumber, type Exact } from "../../src/core/exact";
import { scoreAssessment, type Scoring } from "../../src/core/score";
import { cellRef, columnLetter } from "../../src/workbook/address";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { RESULT_NAMES } from "../../src/workbook/names";
import {
  HEADER_ROW,
  ITEMS_SCORED_ROW,
  MAX_EVALUATORS,
  TOTAL_ROW,
  scoringColumns,
  scoringRows,
} from "../../src/workbook/scoring-grid";
import { INFO_ROWS } from "../../src/workbook/sheets/info";
import { summaryRows } from "../../src/workbook/sheets/summary";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import {
  BANDS,
  bandOf,
  EXCLUDABLE_INDICATORS,
  incompleteCases,
  invalidCases,
  knownDivergenceCases,
  maxEvaluatorsCase,
  randomCases,
  workedCases,
  type GradeBand,
  type ProofCase,
} from "./proof-cases";
import { cellKey, recalculateInLibreOffice, type LoCell, type LoResult } from "./libreoffice";

const BASE_SEED = Number(process.env.STARSCORE_PROOF_SEED ?? 20250101);
const RANDOM_RUNS = Number(process.env.STARSCORE_PROOF_RUNS ?? 204);
const TOLERANCE = 1e-9;

// Writing ~245 workbooks and one LibreOffice run over them: about two minutes on 2 cores.
const TIMEOUT_MS = 290_000;
jest.setTimeout(TIMEOUT_MS);

interface Proven extends ProofCase {
  scoring: Scoring;
  file: string;
  /** Formula cells of the layout: LibreOffice must find exactly as many (no text became a formula). */
  formulaCells: number;
}
type Scored = Omit<Proven, "file" | "formulaCells">;
interface Recalculated {
  c: Proven;
  lo: LoResult;
}

const scored = (c: ProofCase): Scored => ({ ...c, scoring: scoreAssessment(c.assessment) });
const randoms = randomCases(BASE_SEED, RANDOM_RUNS).map(scored);
const cases = [
  ...workedCases().map(scored),
  ...randoms,
  ...[...incompleteCases(BASE_SEED), ...invalidCases(), maxEvaluatorsCase()].map(scored),
];
/** Recalculated in the same run, asserted apart: see "known divergences" at the end. */
const divergent = knownDivergenceCases().map((c) => ({ ...scored(c), divergence: c.divergence }));

/**
 * Evaluator columns read back: 30, the most a random case has. Every cell read costs LibreOffice
 * about a millisecond, so the 200-evaluator case is proven on its first 30 columns (and its result).
 */
const PROVEN_COLUMNS = 30;
const { rows: summaryTable } = summaryRows();
const indicatorRows = summaryTable.filter((r) => r.kind === "indicator");
/** Items whose score, entry count and mean % are read back in the 200-evaluator case. */
const ITEM_PROBES = ["B1", "B2", "B23", "B24", "C7", "A11"];
const itemRow = (code: string) => scoringRows().find((r) => r.kind === "item" && r.id === code)!.row;

/**
 * The Summary's indicator table, the Scoring sheet's evaluator totals, the organisation and the first
 * evaluator's name (text that looks like a formula must come back as that text) and the probed items
 * of the 200-evaluator case, in both languages.
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
      scoring(`${from}${TOTAL_ROW}:${to}${ITEMS_SCORED_ROW}`),
      scoring(`${from}${HEADER_ROW}`),
      `'${SHEET_NAMES.info[lang]}'!B${INFO_ROWS.organization}`,
      ...ITEM_PROBES.map((code) =>
        scoring(`${cellRef(wide.score, itemRow(code))}:${cellRef(wide.mean, itemRow(code))}`),
      ),
    ];
  });
}

let dir: string;
let proven: Recalculated[] = [];
let divergentProven: Recalculated[] = [];
let runSeconds = 0;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "starscore-proof-"));
  const written: Proven[] = [];
  for (const [i, c] of [...cases, ...divergent].entries()) {
    const file = path.join(dir, `case-${String(i).padStart(3, "0")}-${c.lang}.xlsx`);
    // No scoring: formula cells carry no cached values, so every number below is LibreOffice's.
    const layout = buildWorkbookLayout({ lang: c.lang, assessment: c.assessment });
    writeFileSync(file, await writeXlsx(layout));
    const formulaCells = layout.sheets.reduce(
      (n, sheet) => n + sheet.cells.filter((cell) => cell.formula !== undefined).length,
      0,
    );
    written.push({ ...c, file, formulaCells });
  }
  const started = Date.now();
  const results = await recalculateInLibreOffice(
    written.map((c) => c.file),
    { cells: requestedCells(), timeoutMs: TIMEOUT_MS - 30_000 },
  );
  runSeconds = (Date.now() - started) / 1000;
  const all = written.map((c, i) => ({ c, lo: results[i]! }));
  proven = all.slice(0, cases.length);
  divergentProven = all.slice(cases.length);
}, TIMEOUT_MS);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------------
// The sample itself: it must reach what it claims to reach, or the proof proves less than it says.

describe("the sample", () => {
  it("has at least 200 random assessments with 1–30 evaluators, all steps, zh and en", () => {
    expect(randoms.length).toBeGreaterThanOrEqual(200);
    const sizes = randoms.map((c) => c.assessment.evaluators.length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(30);
    expect(sizes.filter((n) => n >= 20).length).toBeGreaterThan(10);
    expect(new Set(randoms.map((c) => c.assessment.step))).toEqual(new Set([1, 5, 10]));
    expect(new Set(cases.map((c) => c.lang))).toEqual(new Set(["zh", "en"]));
    expect(new Set(randoms.map((c) => c.assessment.evaluators.map((e) => e.kind)).flat())).toEqual(
      new Set(["auditor", "visit"]),
    );
  });

  it("covers every grade band", () => {
    const count = (band: GradeBand) => randoms.filter((c) => bandOf(c.scoring.result) === band).length;
    const counts = Object.fromEntries(BANDS.map((band) => [band, count(band)]));
    const thin = BANDS.filter((band) => counts[band]! < 15);
    expect({ counts, thin }).toEqual({ counts, thin: [] });
  });

  it("has blanks, exclusions of single items, of indicators and of all six, 0–6 deductions, bonus over the cap", () => {
    const a = randoms.map((c) => c.assessment);
    const keys = (x: (typeof a)[number]) => Object.keys(x.exclusions ?? {});
    expect(a.some((x) => Object.values(x.scores).some((row) => row.includes(null)))).toBe(true);
    expect(a.filter((x) => keys(x).some((k) => /^B\d+$/.test(k))).length).toBeGreaterThan(20);
    expect(a.filter((x) => keys(x).some((k) => EXCLUDABLE_INDICATORS.includes(k))).length).toBeGreaterThan(
      20,
    );
    expect(a.filter((x) => EXCLUDABLE_INDICATORS.every((k) => keys(x).includes(k))).length).toBeGreaterThan(
      5,
    );
    expect(new Set(a.map((x) => x.deductions?.length ?? 0))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6]));
    const claimed = (x: (typeof a)[number]) =>
      (x.bonus ?? []).filter((b) => b.points > 0).reduce((s, b) => s + b.points, 0);
    expect(a.filter((x) => claimed(x) > 1).length).toBeGreaterThan(5);
    expect(a.filter((x) => claimed(x) > 0 && claimed(x) <= 1).length).toBeGreaterThan(5);
  });

  it("has incomplete assessments and invalid entries the engine ignores", () => {
    expect(cases.filter((c) => !c.scoring.result.complete).length).toBeGreaterThanOrEqual(5);
    const invalid = cases.filter((c) =>
      c.scoring.issues.some((i) =>
        ["entry-off-step", "entry-out-of-range", "entry-looks-like-fraction"].includes(i.code),
      ),
    );
    expect(invalid.length).toBeGreaterThanOrEqual(6);
    for (const code of ["entry-off-step", "entry-out-of-range", "entry-looks-like-fraction"]) {
      expect(cases.some((c) => c.scoring.issues.some((i) => i.code === code))).toBe(true);
    }
  });

  it("reproduces a random case from its seed", () => {
    const again = randomCases(BASE_SEED, 3);
    expect(again.map((c) => c.assessment)).toEqual(randoms.slice(0, 3).map((c) => c.assessment));
  });
});

// ---------------------------------------------------------------------------------------------------
// The proof.

type Mismatch = string;

const num = (x: Exact) => toNumber(x, 12);
const where = (c: Proven) => `${c.id} [${c.lang}]`;

function describeCell(cell: LoCell | undefined): string {
  if (!cell) return "missing";
  return cell.type === "error" ? `error ${cell.error}` : `${cell.type} ${JSON.stringify(cell.value)}`;
}

function compareNumber(out: Mismatch[], at: string, cell: LoCell | undefined, expected: number): void {
  if (
    cell?.type === "number" &&
    typeof cell.value === "number" &&
    Math.abs(cell.value - expected) <= TOLERANCE
  ) {
    return;
  }
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${expected}`);
}

function compareBoolean(out: Mismatch[], at: string, cell: LoCell | undefined, expected: boolean): void {
  if (cell?.type === "boolean" && cell.value === (expected ? 1 : 0)) return;
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${expected}`);
}

/** Text cells: "" comes back as an empty cell. */
function compareText(out: Mismatch[], at: string, cell: LoCell | undefined, expected: string): void {
  if (cell?.type === "text" && cell.value === expected) return;
  if (expected === "" && (cell?.type === "empty" || (cell?.type === "text" && cell.value === ""))) return;
  out.push(`${at}: workbook ${describeCell(cell)}, engine ${JSON.stringify(expected)}`);
}

function resultMismatches({ c, lo }: Recalculated): Mismatch[] {
  const r = c.scoring.result;
  const out: Mismatch[] = [];
  const N = RESULT_NAMES;
  const at = (name: string) => `${where(c)} ${name}`;
  compareNumber(out, at(N.rawScore), lo.names[N.rawScore], num(r.rawScore));
  compareNumber(out, at(N.applicableTotal), lo.names[N.applicableTotal], num(r.applicableTotal));
  compareNumber(out, at(N.scaledScore), lo.names[N.scaledScore], num(r.scaledScore));
  compareNumber(out, at(N.deductions), lo.names[N.deductions], r.deductionCount);
  compareNumber(out, at(N.bonus), lo.names[N.bonus], num(r.bonus));
  compareNumber(out, at(N.finalScore), lo.names[N.finalScore], num(r.finalScore));
  compareText(out, at(N.grade), lo.names[N.grade], r.gradeLabel[c.lang]);
  compareBoolean(out, at(N.passed), lo.names[N.passed], r.passed);
  compareBoolean(out, at(N.complete), lo.names[N.complete], r.complete);
  return out;
}

function summaryMismatches({ c, lo }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const sheet = SHEET_NAMES.summary[c.lang];
  for (const { id, row } of indicatorRows) {
    const indicator = c.scoring.result.indicators.find((i) => i.id === id)!;
    const cell = (a1: string) => lo.cells[cellKey(sheet, a1)];
    const at = (what: string, a1: string) => `${where(c)} ${sheet}!${a1} ${id} ${what}`;
    compareNumber(out, at("applicable max", `D${row}`), cell(`D${row}`), num(indicator.applicableMax));
    compareNumber(out, at("score", `E${row}`), cell(`E${row}`), num(indicator.score));
  }
  return out;
}

function evaluatorMismatches({ c, lo }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const sheet = SHEET_NAMES.scoring[c.lang];
  const columns = scoringColumns(c.assessment.evaluators.length);
  for (const e of c.scoring.result.evaluators.slice(0, PROVEN_COLUMNS)) {
    const col = columnLetter(columns.evaluator(e.index));
    const cell = (row: number) => lo.cells[cellKey(sheet, `${col}${row}`)];
    const at = (what: string, row: number) =>
      `${where(c)} ${sheet}!${col}${row} evaluator ${e.index + 1} ${what}`;
    compareNumber(out, at("own total", TOTAL_ROW), cell(TOTAL_ROW), num(e.total));
    compareNumber(out, at("items scored", ITEMS_SCORED_ROW), cell(ITEMS_SCORED_ROW), e.itemsScored);
  }
  return out;
}

/** Text that looks like a formula (=, +, -, @) is read back as the same text. */
function textMismatches({ c, lo }: Recalculated): Mismatch[] {
  const out: Mismatch[] = [];
  const info = SHEET_NAMES.info[c.lang];
  const scoring = SHEET_NAMES.scoring[c.lang];
  const org = `B${INFO_ROWS.organization}`;
  const name = cellRef(scoringColumns(1).evaluator(0), HEADER_ROW);
  compareText(out, `${where(c)} ${info}!${org}`, lo.cells[cellKey(info, org)], c.assessment.organization);
  compareText(
    out,
    `${where(c)} ${scoring}!${name}`,
    lo.cells[cellKey(scoring, name)],
    c.assessment.evaluators[0]!.name,
  );
  if (lo.formulaCells !== c.formulaCells) {
    out.push(
      `${where(c)}: LibreOffice found ${lo.formulaCells} formula cells, the layout has ${c.formulaCells}`,
    );
  }
  return out;
}

describe("the workbook's formulas in LibreOffice Calc agree with the exact engine", () => {
  it("loads and recalculates every workbook without a single formula error", () => {
    // The largest distance between the sheet's doubles and the exact scaled score, for the record.
    const drift = Math.max(
      ...proven.map(({ c, lo }) => {
        const v = lo.names[RESULT_NAMES.scaledScore]?.value;
        return typeof v === "number" ? Math.abs(exact(v).sub(c.scoring.result.scaledScore).valueOf()) : 0;
      }),
    );
    console.log(
      `workbook proof: ${proven.length} assessments (${randoms.length} random from seed ${BASE_SEED}) ` +
        `recalculated by LibreOffice in one run of ${runSeconds.toFixed(1)} s; ` +
        `largest |scaled score − exact| ${drift.toExponential(1)}; random cases per band: ` +
        BANDS.map(
          (band) => `${band} ${randoms.filter((c) => bandOf(c.scoring.result) === band).length}`,
        ).join(", "),
    );
    expect(proven.length).toBe(cases.length);
    const problems = [...proven, ...divergentProven].flatMap(({ c, lo }) => [
      ...(lo.loadError ? [`${where(c)}: ${lo.loadError}`] : []),
      ...lo.errors.map((e) => `${where(c)} ${e.cell} ${e.formula}: ${e.error}`),
    ]);
    expect(problems).toEqual([]);
  });

  it("every Result_* name equals the engine", () => {
    expect(proven.flatMap(resultMismatches)).toEqual([]);
  });

  it("every indicator's applicable maximum and score on the Summary equal the engine", () => {
    expect(proven.flatMap(summaryMismatches)).toEqual([]);
  });

  it("every evaluator's own total and items scored on the Scoring sheet equal the engine", () => {
    expect(proven.flatMap(evaluatorMismatches)).toEqual([]);
  });

  it("user text stays text, and no cell other than the layout's formulas holds a formula", () => {
    expect(proven.flatMap(textMismatches)).toEqual([]);
  });

  it("the largest team the layout allows: item scores, entry counts and means, excluded items blank", () => {
    const big = proven.find(({ c }) => c.assessment.evaluators.length === MAX_EVALUATORS);
    expect(big).toBeDefined();
    const { c, lo } = big!;
    const sheet = SHEET_NAMES.scoring[c.lang];
    const wide = scoringColumns(MAX_EVALUATORS);
    const out: Mismatch[] = [];
    for (const code of ITEM_PROBES) {
      const item = c.scoring.result.items.find((i) => i.code === code)!;
      const cell = (column: number) => lo.cells[cellKey(sheet, cellRef(column, itemRow(code)))];
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

// ---------------------------------------------------------------------------------------------------
// Cases at the edge of what doubles can tell apart, which once divided the sheet and the engine:
// 1. An exact final score less than 5e-10 below a rounding boundary: both round half-up to 9
//    decimals first (RULES.snapDecimals), so both count it as on the boundary.
// 2. Entries with 16–17 significant digits (possible only in a JSON file): both read them to the
//    15 digits a cell holds (RULES.entryDigits), so 70.00000000000001 is the valid entry 70.

describe("edge cases of double precision", () => {
  it("rounding: the exact final score lies within 5e-10 below a rounding boundary, and rounds up", () => {
    const rounding = divergent.filter((d) => d.divergence === "rounding");
    expect(rounding.length).toBeGreaterThan(0);
    for (const { id, scoring } of rounding) {
      const r = scoring.result;
      const hundredths = r.scaledScore.sub(r.deductionPoints).add(r.bonus).mul(100);
      // How far below the next half-hundredth the exact final score is, in points.
      const below = hundredths.floor().add(exact("0.5")).sub(hundredths).div(100);
      expect({ id, positive: below.compare(0) > 0, small: below.compare(exact("0.0000000005")) < 0 }).toEqual(
        {
          id,
          positive: true,
          small: true,
        },
      );
      expect({ id, final: r.finalScore.toString() }).toEqual({ id, final: "70" });
    }
  });

  it("entry precision: the engine reads the entries as a cell stores them, valid", () => {
    const codes = divergent
      .filter((d) => d.divergence === "entry-precision")
      .flatMap((d) => d.scoring.issues.map((i) => i.code));
    expect(codes.filter((code) => code.startsWith("entry-"))).toEqual([]);
  });

  it.each(divergent.map((d) => [d.id] as const))("%s: the sheet agrees with the engine", (id) => {
    const recalculated = divergentProven.find(({ c }) => c.id === id)!;
    expect([...resultMismatches(recalculated), ...summaryMismatches(recalculated)]).toEqual([]);
  });
});
