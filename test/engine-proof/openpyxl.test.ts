/**
 * StarScore's workbooks opened by a reader nobody here wrote: Python's openpyxl (Debian
 * python3-openpyxl, the reader under pandas.read_excel). It refused every workbook of layout 2
 * ("ValueError: Value must be one of {'stop', 'information', 'warning'}": errorStyle="error").
 * Every representative workbook must load, with and without cached values, without a warning, and
 * show the engine's results through the Result_* names. Needs openpyxl: no skipping, `.ci/run`
 * installs it.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { toNumber } from "../../src/core/exact";
import { scoreAssessment } from "../../src/core/score";
import { RULES } from "../../src/spec";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { RESULT_NAMES } from "../../src/workbook/names";
import { COVERAGE_ROW } from "../../src/workbook/scoring-grid";
import type { SheetKey } from "../../src/workbook/types";
import { toolProblem } from "./engine";
import { LAYOUT_V2_WORKBOOK, writeRepresentativeWorkbooks, type Representative } from "./representative";

const PYTHON = "/usr/bin/python3";
const SCRIPT = path.join(__dirname, "openpyxl_load.py");
const INSTALL_HINT = "install with: apt-get install -y python3-openpyxl";

jest.setTimeout(240_000);

interface Loaded {
  file: string;
  error?: string;
  sheets: string[];
  names: Record<string, unknown>;
  rows: Record<string, number>;
  validations: { sheet: string; sqref: string; errorStyle: string | null; showErrorMessage: boolean }[];
  warnings: string[];
}

const openpyxlProblem = () => toolProblem(PYTHON, ["-c", "import openpyxl"], INSTALL_HINT);

function loadWithOpenpyxl(files: string[]): Loaded[] {
  const run = spawnSync(PYTHON, [SCRIPT, ...files], {
    encoding: "utf8",
    timeout: 180_000,
    maxBuffer: 64 << 20,
  });
  if (run.status !== 0) throw new Error(`openpyxl_load.py exited ${run.status}: ${run.stderr}`);
  return run.stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Loaded);
}

test("python3-openpyxl is installed", () => expect(openpyxlProblem()).toBeNull());

describe("openpyxl opens every StarScore workbook", () => {
  let dir: string;
  let workbooks: Representative[];
  let loaded: Loaded[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "starscore-openpyxl-"));
    workbooks = await writeRepresentativeWorkbooks(dir);
    loaded = loadWithOpenpyxl([...workbooks.map((w) => w.file), LAYOUT_V2_WORKBOOK]);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('refused a layout-2 workbook, for its errorStyle="error" (what the fix is for)', () => {
    expect(loaded.at(-1)!.error).toMatch(/ValueError: Value must be one of/);
  });

  it("one of them has the Report sheet", () => {
    expect(workbooks.filter((w, i) => loaded[i]!.sheets.includes(SHEET_NAMES.report[w.lang]))).toHaveLength(
      1,
    );
  });

  it("loads each without an error or a warning", () => {
    expect(
      loaded.slice(0, workbooks.length).map((l, i) => [workbooks[i]!.id, l.error ?? null, l.warnings]),
    ).toEqual(workbooks.map((w) => [w.id, null, []]));
  });

  it("reads the sheets, every row of the Scoring sheet, and stop alerts on every validation", () => {
    for (const [i, w] of workbooks.entries()) {
      const l = loaded[i]!;
      const name = (key: SheetKey) => SHEET_NAMES[key][w.lang];
      // The optional Report sheet (generate --report-sheet) comes after the Summary.
      const report = l.sheets.includes(name("report"));
      const keys = [
        "info",
        "scoring",
        "special",
        "summary",
        ...(report ? ["report" as const] : []),
        "rules",
      ] as const;
      expect({ id: w.id, sheets: l.sheets.slice(0, keys.length) }).toEqual({
        id: w.id,
        sheets: keys.map(name),
      });
      expect(l.rows[name("scoring")]).toBeGreaterThanOrEqual(COVERAGE_ROW);
      expect(l.validations.length).toBeGreaterThan(0);
      expect(
        l.validations.filter((v) => !v.showErrorMessage || !["stop", null].includes(v.errorStyle)),
      ).toEqual([]);
    }
  });

  it("shows the engine's results through the Result_* names (the cached values pandas reads)", () => {
    for (const [i, w] of workbooks.entries()) {
      const r = scoreAssessment(w.assessment).result;
      const names = loaded[i]!.names;
      const N = RESULT_NAMES;
      expect({
        id: w.id,
        final: names[N.finalScore],
        grade: names[N.grade],
        passed: names[N.passed],
      }).toEqual({
        id: w.id,
        final: toNumber(r.finalScore, RULES.decimals),
        grade: r.gradeLabel[w.lang],
        passed: r.passed,
      });
      expect({ id: w.id, deductions: names[N.deductions], complete: names[N.complete] }).toEqual({
        id: w.id,
        deductions: r.deductionCount,
        complete: r.complete,
      });
    }
  });
});
