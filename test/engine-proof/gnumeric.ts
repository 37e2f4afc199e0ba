/**
 * Recalculates .xlsx files in Gnumeric (Debian `gnumeric`: `ssconvert --recalc`) and returns what
 * Gnumeric computed, in the engines' common shape (engine.ts): the values of defined names and
 * requested cells, every formula error, and Gnumeric's import warnings.
 *
 * Each file is converted by its own ssconvert process to .xlsx (Gnumeric's ISO/IEC 29500 exporter),
 * which carries every formula with the value Gnumeric computed and its type: numbers written to 17+
 * significant digits (Gnumeric computes in long double; they read back as the nearest double),
 * booleans, text (as shared strings) and error values (t="e", "#VALUE!"). That file is read back
 * as it is (xlsx-values.ts). The input has no cached values (the proofs write it so), so every value
 * read is Gnumeric's.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { cellRef, parseRef } from "../../src/workbook/address";
import {
  cellKey,
  emptyResult,
  splitSheet,
  toolProblem,
  type Engine,
  type EngineCell,
  type EngineResult,
} from "./engine";
import { readSavedWorkbook, singleCell, type SavedCell, type SavedWorkbook } from "./xlsx-values";

export const SSCONVERT = "/usr/bin/ssconvert";
export const GNUMERIC_INSTALL_HINT = "install with: apt-get install -y gnumeric";
/** Gnumeric's exporter for ISO/IEC 29500:2008 (transitional) .xlsx. */
const EXPORTER = "Gnumeric_Excel:xlsx2";

/** Why Gnumeric cannot be driven here, or null when it can. */
export function gnumericProblem(): string | null {
  return toolProblem(SSCONVERT, ["--version"], GNUMERIC_INSTALL_HINT, gnumericEnv());
}

/** A fixed locale (stable error texts and number syntax) and no desktop settings daemon. */
function gnumericEnv(): NodeJS.ProcessEnv {
  return { ...process.env, LANG: "C.UTF-8", LC_ALL: "C.UTF-8", GSETTINGS_BACKEND: "memory" };
}

export interface GnumericOptions {
  /** Extra cells or ranges to report, e.g. `'评分'!B7`, `设置!A1:A5`. */
  cells?: string[];
  /** More cells to report in file i only. */
  fileCells?: readonly (readonly string[])[];
  /** Per-file limit for ssconvert (default 120 s); a file over it gets a loadError. */
  fileTimeoutMs?: number;
}

/** Recalculates each file with `ssconvert --recalc`, one process per file; results in input order. */
export async function recalculateInGnumeric(
  files: string[],
  options: GnumericOptions = {},
): Promise<EngineResult[]> {
  if (files.length === 0) return [];
  const problem = gnumericProblem();
  if (problem) throw new Error(`Gnumeric recalculation unavailable: ${problem}`);
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-gnumeric-"));
  try {
    const results: EngineResult[] = [];
    for (const [i, file] of files.entries()) {
      results.push(
        await recalculateOne(
          file,
          path.join(dir, `${i}.xlsx`),
          [...(options.cells ?? []), ...(options.fileCells?.[i] ?? [])],
          options.fileTimeoutMs,
        ),
      );
    }
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function recalculateOne(
  file: string,
  out: string,
  cells: string[],
  timeoutMs = 120_000,
): Promise<EngineResult> {
  if (!existsSync(file)) return emptyResult(file, "no such file");
  const started = Date.now();
  const run = await ssconvert(["--recalc", `--export-type=${EXPORTER}`, path.resolve(file), out], timeoutMs);
  const seconds = (Date.now() - started) / 1000;
  const warnings = run.stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (run.timedOut) return { ...emptyResult(file, `ssconvert timed out after ${timeoutMs} ms`), warnings };
  if (run.code !== 0 || !existsSync(out)) {
    return { ...emptyResult(file, `ssconvert exited ${run.code}: ${warnings.join(" | ")}`), warnings };
  }
  let workbook: SavedWorkbook;
  try {
    workbook = await readSavedWorkbook(readFileSync(out));
  } catch (error) {
    return { ...emptyResult(file, `cannot read Gnumeric's output: ${String(error)}`), warnings };
  }
  return { ...read(workbook, cells), file, warnings, recalcSeconds: seconds };
}

function ssconvert(
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; stderr: string; timedOut: boolean }> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout takes any helper process with it.
    const child = spawn(SSCONVERT, args, {
      env: gnumericEnv(),
      stdio: ["ignore", "ignore", "pipe"],
      detached: true,
    });
    let stderr = "";
    let timedOut = false;
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, timedOut });
    });
  });
}

/** Names, requested cells, formula errors and the formula count of Gnumeric's recalculated file. */
function read(workbook: SavedWorkbook, requested: string[]): Omit<EngineResult, "file" | "warnings"> {
  const result = emptyResult("");
  const sheetOf = (name: string | undefined) =>
    name === undefined ? workbook.sheets[0] : workbook.sheets.find((s) => s.name === name);
  const at = (sheet: SavedWorkbook["sheets"][number], address: string) =>
    engineCell(sheet.cells.get(address));

  for (const { name, localSheetId, refersTo } of workbook.names) {
    // Print areas and titles are sheet-scope (localSheetId): not the workbook's names.
    if (localSheetId !== undefined || name.startsWith("_xlnm.")) continue;
    const target = singleCell(refersTo);
    const sheet = target && sheetOf(target[0]);
    if (target && sheet) result.names[name] = at(sheet, target[1]);
    else result.otherNames[name] = refersTo;
  }

  for (const ref of requested) {
    const [sheetName, address] = splitSheet(ref);
    const sheet = sheetOf(sheetName);
    if (!sheet) {
      result.cells[ref] = {
        value: null,
        text: "",
        type: "error",
        error: `bad reference: no sheet ${sheetName}`,
      };
      continue;
    }
    const [from, to = from] = address.split(":").map(parseRef) as [
      ReturnType<typeof parseRef>,
      ReturnType<typeof parseRef>?,
    ];
    for (let row = from.row; row <= to.row; row++) {
      for (let column = from.column; column <= to.column; column++) {
        const a1 = cellRef(column, row);
        result.cells[cellKey(sheet.name, a1)] = at(sheet, a1);
      }
    }
  }

  for (const sheet of workbook.sheets) {
    for (const cell of sheet.cells.values()) {
      if (cell.formula === undefined) continue;
      result.formulaCells++;
      const value = engineCell(cell);
      if (value.type === "error") {
        result.errors.push({
          cell: cellKey(sheet.name, cell.address),
          formula: `=${cell.formula}`,
          error: value.error!,
        });
      }
    }
  }
  return result;
}

/** A cell as the engines report it: by its type attribute and (computed) value. */
function engineCell(cell: SavedCell | undefined): EngineCell {
  if (!cell) return { value: null, text: "", type: "empty" };
  const value = cell.value;
  switch (cell.type) {
    case "e":
      return { value: null, text: value ?? "", type: "error", error: value ?? "error without a value" };
    case "b":
      return { value: value === "1" ? 1 : 0, text: value === "1" ? "TRUE" : "FALSE", type: "boolean" };
    case "s":
    case "str":
    case "inlineStr":
      return { value: value ?? "", text: value ?? "", type: "text" };
    case "n":
      return value === undefined || value === ""
        ? { value: null, text: "", type: "empty" }
        : { value: Number(value), text: value, type: "number" };
    default:
      return { value: null, text: value ?? "", type: "error", error: `unknown cell type t="${cell.type}"` };
  }
}

/** ssconvert's start is part of every file; the 200-evaluator workbook takes a few seconds. */
const GNUMERIC_START_MS = 10_000;
const GNUMERIC_PER_WORKBOOK_MS = 4_000;
const GNUMERIC_FILE_TIMEOUT_MS = 120_000;

export const GNUMERIC: Engine = {
  name: "Gnumeric",
  problem: gnumericProblem,
  entryPrecision: "full",
  timeLimitMs: (files) => GNUMERIC_START_MS + files * GNUMERIC_PER_WORKBOOK_MS,
  recalculate: (files, cells, fileCells) =>
    recalculateInGnumeric(files, {
      cells,
      ...(fileCells && { fileCells }),
      fileTimeoutMs: GNUMERIC_FILE_TIMEOUT_MS,
    }),
};
