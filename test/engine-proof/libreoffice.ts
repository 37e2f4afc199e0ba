/**
 * Recalculates .xlsx files in a real headless LibreOffice Calc (through lo_recalc.py and python3-uno)
 * and returns the recalculated values of defined names and requested cells, plus every formula error.
 * One soffice process serves all the files of a call.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import {
  cellKey,
  emptyResult,
  type Engine,
  type EngineCell,
  type EngineFormulaError,
  type EngineResult,
} from "./engine";

export { cellKey };

/** Debian's interpreter: the one python3-uno is installed for (not a pyenv/venv python3). */
export const LO_PYTHON = "/usr/bin/python3";
export const SOFFICE = "/usr/bin/soffice";
/** Beside this file, or in the source tree when this file runs compiled (npm run bench). */
export const LO_RECALC_SCRIPT = [
  path.join(__dirname, "lo_recalc.py"),
  path.resolve(__dirname, "../../../../test/engine-proof/lo_recalc.py"),
].find((candidate) => existsSync(candidate))!;
export const INSTALL_HINT = "install with: apt-get install -y libreoffice-calc python3-uno";

/** LibreOffice's reports in the engines' common shape (engine.ts). */
export type LoCell = EngineCell;
export type LoFormulaError = EngineFormulaError;
export type LoResult = EngineResult;

export interface LoOptions {
  /** Extra cells or ranges to report, e.g. `'评分'!B7`, `设置!A1:A5`. */
  cells?: string[];
  /** More cells to report in file i only (its row of stdin carries them after a tab). */
  fileCells?: readonly (readonly string[])[];
  /** Whole-call timeout (default 15 min). */
  timeoutMs?: number;
  /** Per-file timeout inside soffice (default 300 s); a file over it gets a loadError. */
  fileTimeoutSeconds?: number;
}

/** Why LibreOffice cannot be driven here, or null when it can. */
export function libreOfficeProblem(): string | null {
  if (!existsSync(SOFFICE)) return `${SOFFICE} not found; ${INSTALL_HINT}`;
  if (!existsSync(LO_PYTHON)) return `${LO_PYTHON} not found; ${INSTALL_HINT}`;
  const probe = spawnSync(LO_PYTHON, ["-c", "import uno"], {
    env: pythonEnv(),
    encoding: "utf8",
    timeout: 30_000,
  });
  if (probe.status !== 0) {
    return `${LO_PYTHON} cannot import uno (python3-uno missing?); ${INSTALL_HINT}\n${probe.stderr ?? ""}`.trim();
  }
  return null;
}

function pythonEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.PYTHONHOME;
  delete env.PYTHONPATH;
  return env;
}

/** Loads each file in LibreOffice Calc, runs calculateAll() and reports values; results in input order. */
export async function recalculateInLibreOffice(
  files: string[],
  options: LoOptions = {},
): Promise<LoResult[]> {
  if (files.length === 0) return [];
  const problem = libreOfficeProblem();
  if (problem) throw new Error(`LibreOffice recalculation unavailable: ${problem}`);

  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const args = [
    LO_RECALC_SCRIPT,
    "--overall-timeout",
    String(Math.max(10, timeoutMs / 1000 - 20)),
    "--file-timeout",
    String(options.fileTimeoutSeconds ?? 300),
  ];
  if (options.cells?.length) args.push("--cells", options.cells.join(","));
  args.push("-");

  const child = spawn(LO_PYTHON, args, { env: pythonEnv(), stdio: ["pipe", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  child.stdin.on("error", () => undefined); // EPIPE if the script dies early; reported below
  const line = (f: string, i: number) => {
    const own = options.fileCells?.[i] ?? [];
    return own.length ? `${path.resolve(f)}\t${own.join(",")}` : path.resolve(f);
  };
  child.stdin.end(files.map(line).join("\n") + "\n");

  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill("SIGTERM"); // lo_recalc.py kills its soffice on SIGTERM
    setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
  }, timeoutMs);

  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (c) => resolve(c));
  }).finally(() => clearTimeout(timer));

  if (timedOut) {
    throw new Error(`LibreOffice recalculation timed out after ${timeoutMs} ms\n${stderr}`.trim());
  }
  const parsed = stdout
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as Partial<LoResult> & { file: string });
  if (parsed.length === 0 && code !== 0) {
    throw new Error(
      `lo_recalc.py failed (exit ${code}): ${stderr.trim()}\nIf LibreOffice is missing, ${INSTALL_HINT}`,
    );
  }
  const why = `lo_recalc.py exited ${code} without reporting this file: ${stderr.trim()}`;
  return files.map((file, i) => {
    const r = parsed[i];
    if (!r) return emptyResult(file, why);
    return { ...emptyResult(file), ...r, file };
  });
}

/** soffice's start (a fresh profile) and, per workbook, load + calculateAll() + reads: several times what they take. */
const LO_START_MS = 60_000;
const LO_PER_WORKBOOK_MS = 4_000;
/** The largest workbook (200 evaluators) recalculates in seconds; one that takes this long hangs. */
const LO_FILE_TIMEOUT_SECONDS = 120;

export const LIBREOFFICE: Engine = {
  name: "LibreOffice Calc",
  problem: libreOfficeProblem,
  entryPrecision: "15 digits",
  timeLimitMs: (files) => LO_START_MS + files * LO_PER_WORKBOOK_MS,
  recalculate: (files, cells, fileCells) =>
    recalculateInLibreOffice(files, {
      cells,
      ...(fileCells && { fileCells }),
      timeoutMs: LIBREOFFICE.timeLimitMs(files.length),
      fileTimeoutSeconds: LO_FILE_TIMEOUT_SECONDS,
    }),
};
