import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * What a spreadsheet engine's harness reports about one recalculated workbook, the same shape for
 * LibreOffice Calc (libreoffice.ts) and Gnumeric (gnumeric.ts), so that one proof (proof.ts)
 * compares either with the exact engine.
 */

/**
 * One recalculated cell. Booleans are `value` 1/0 with `type` "boolean" and `text` "TRUE"/"FALSE"
 * (LibreOffice keeps booleans as numbers). Errors have `value` null and `error` the engine's text:
 * "Err:532 #DIV/0!" in LibreOffice, "#VALUE!" in Gnumeric.
 */
export interface EngineCell {
  value: number | string | null;
  text: string;
  type: "number" | "boolean" | "text" | "empty" | "error";
  error?: string;
}

export interface EngineFormulaError {
  /** `SheetName!A1`, sheet name never quoted. */
  cell: string;
  /** Excel-style formula text, e.g. `=1/0`. */
  formula: string;
  error: string;
}

export interface EngineResult {
  file: string;
  /** Set when the file could not be loaded, timed out or crashed the engine; everything else is then empty. */
  loadError?: string;
  /** Every workbook-scope defined name referring to a single cell. */
  names: Record<string, EngineCell>;
  /** Content (Excel grammar) of the other workbook-scope names: ranges, constants, formulas. */
  otherNames: Record<string, string>;
  /** The requested cells, keyed `SheetName!A1` (unquoted sheet name, no `$`, ranges expanded). */
  cells: Record<string, EngineCell>;
  /** Every formula cell whose result is an error. */
  errors: EngineFormulaError[];
  formulaCells: number;
  /** What the engine said about the file while loading it (Gnumeric's import warnings); none expected. */
  warnings: string[];
  recalcSeconds: number;
}

/** Recalculates workbooks written without cached values; results in input order. */
export interface Engine {
  /** "LibreOffice Calc", "Gnumeric". */
  name: string;
  /** Why the engine cannot be driven here (with how to install it), or null when it can. */
  problem: () => string | null;
  /** `cells` are read in every file; `fileCells[i]`, when given, in file i as well. */
  recalculate: (
    files: string[],
    cells: string[],
    fileCells?: readonly (readonly string[])[],
  ) => Promise<EngineResult[]>;
  /**
   * The time allowed to recalculate `files` workbooks: a budget per workbook (plus the engine's
   * start), so that the limit grows with the sample instead of a fixed total that a busier machine
   * overruns; a hanging engine still fails, on the workbook it hangs on.
   */
  timeLimitMs: (files: number) => number;
  /**
   * How the engine takes an entry with more than the 15 significant digits a cell is typed with
   * (possible only from an assessment file): "15 digits" as the exact engine reads it (LibreOffice,
   * whose MOD and comparisons are approximate to about 1e-15, finds 70.00000000000001 on the step);
   * "full" as the double it is (Gnumeric computes exactly, in long double: off the step).
   */
  entryPrecision: "15 digits" | "full";
}

/**
 * Why a tool the proofs drive cannot run here, or null when it can: `binary` missing, or `probe`
 * (its arguments) failing. The message says how to install it; the tests fail with it, never skip.
 */
export function toolProblem(
  binary: string,
  probe: string[],
  installHint: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (!existsSync(binary)) return `${binary} not found; ${installHint}`;
  const run = spawnSync(binary, probe, { env, encoding: "utf8", timeout: 30_000 });
  if (run.status === 0) return null;
  return `${binary} ${probe.join(" ")} failed (exit ${run.status}); ${installHint}\n${run.stderr ?? ""}`.trim();
}

/** The key the harnesses use in `cells` for a sheet and an A1 address. */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}!${address.replace(/\$/g, "")}`;
}

export function emptyResult(file: string, loadError?: string): EngineResult {
  const result: EngineResult = {
    file,
    names: {},
    otherNames: {},
    cells: {},
    errors: [],
    formulaCells: 0,
    warnings: [],
    recalcSeconds: 0,
  };
  return loadError === undefined ? result : { ...result, loadError };
}

/** "'评分'!$A$1" → ["评分", "A1"]; "评分!A1:B2" → ["评分", "A1:B2"]; "A1" → [undefined, "A1"]. */
export function splitSheet(ref: string): [string | undefined, string] {
  const quoted = /^'((?:[^']|'')*)'!(.+)$/.exec(ref);
  if (quoted) return [quoted[1]!.replace(/''/g, "'"), quoted[2]!.replace(/\$/g, "")];
  const bang = ref.lastIndexOf("!");
  if (bang >= 0) return [ref.slice(0, bang), ref.slice(bang + 1).replace(/\$/g, "")];
  return [undefined, ref.replace(/\$/g, "")];
}
