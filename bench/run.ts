/**
 * npm run bench: every performance figure StarScore promises, printed as one table and written to
 * bench/results.json as `{section, figure, value, unit}` with a number in `value`, so two runs can be
 * compared by a program. Ratios are measured side by side in the same run. Figures only: the budgets
 * are asserted as counts and sizes in the test suite.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { batchFigures } from "./batch";
import { buildTaskpane, bundleSizes } from "./bundle";
import { cliFigures, nodeStartMs } from "./cli";
import { engineMilliseconds, inFreshProcess } from "./engine";
import { recalcFigures } from "./libreoffice";
import { ROOT } from "./paths";
import { randomAssessment } from "./random-assessment";
import { requestRows } from "./requests";

export interface Figure {
  section: string;
  figure: string;
  value: number;
  unit: string;
}

/** Microsoft's Office-Addin-TaskPane-React template, empty, production build: initial JS gzipped. */
const EMPTY_TEMPLATE_KB = 167;

const KB = 1024;
/** The batches scored: a small one and a large one (files of 30 evaluators). */
const BATCH_FILES = [20, 100];
const round = (value: number, places: number) => Number(value.toFixed(places));

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const add = (section: string, figure: string, value: number, unit: string, places = 1) =>
    figures.push({ section, figure, value: round(value, places), unit });
  const load = () => os.loadavg()[0]!;
  const loadAtStart = load();
  const started = performance.now();
  /** Progress on stderr: which section runs, after how long (the whole run takes minutes). */
  const section = (name: string) =>
    console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${name}`);

  section("add-in requests");
  for (const { action, evaluators, figures: f } of await requestRows([1, 10, 50, 200])) {
    const what = `${action}, ${evaluators} evaluators`;
    add("add-in requests", `${what}: context.sync() calls`, f.syncs, "count", 0);
    add("add-in requests", `${what}: request bytes, all syncs`, f.totalBytes / KB, "KB");
    add("add-in requests", `${what}: largest request`, f.largestRequestBytes / KB, "KB");
  }

  // The pane as this branch builds it (the production build, into dist/).
  section("task-pane bundle (webpack, production)");
  buildTaskpane();
  const bundle = bundleSizes();
  for (const f of bundle) {
    const name = f.file + (f.initial ? " (initial)" : "");
    add("task-pane bundle", `${name}: raw`, f.raw / KB, "KB");
    add("task-pane bundle", `${name}: gzip`, f.gzip / KB, "KB");
  }
  const initial = bundle.filter((f) => f.initial);
  const initialGzip = initial.reduce((a, f) => a + f.gzip, 0) / KB;
  add("task-pane bundle", "initial load: raw", initial.reduce((a, f) => a + f.raw, 0) / KB, "KB");
  add("task-pane bundle", "initial load: gzip", initialGzip, "KB");
  add(
    "task-pane bundle",
    `initial load ÷ Microsoft's empty template (${EMPTY_TEMPLATE_KB} KB gzip)`,
    initialGzip / EMPTY_TEMPLATE_KB,
    "ratio",
    2,
  );

  section("CLI");
  add(
    "CLI",
    "node -e 0 (Node's own start, in every command's wall time): median of 9",
    nodeStartMs(),
    "ms",
    0,
  );
  for (const f of cliFigures([1, 30, 200])) {
    add("CLI", `${f.command}, ${f.evaluators} evaluators: wall time (median of 5)`, f.medianMs, "ms", 0);
    add(
      "CLI",
      `${f.command}, ${f.evaluators} evaluators: peak RSS (median of 5)`,
      f.medianPeakRssMb,
      "MB",
      0,
    );
  }

  section("CLI batch");
  // A certification body's batch is hundreds of workbooks: 100 measures the scoring (on the
  // machine's cores, src/cli/score-pool.ts) more than the one start-up; 20, a small batch on one
  // thread, where Node's start and V8's first tiers weigh most.
  for (const files of BATCH_FILES) {
    for (const b of await batchFigures(files, 30)) {
      const what = `${b.files} .${b.kind} files of ${b.evaluators} evaluators`;
      add("CLI batch", `${what}: one process (score FOLDER --json)`, b.batchPerSecond, "files per second");
      add("CLI batch", `${what}: one process per file`, b.perFilePerSecond, "files per second");
      add(
        "CLI batch",
        `${what}: one process ÷ one process per file`,
        b.batchPerSecond / b.perFilePerSecond,
        "ratio",
        1,
      );
    }
  }

  section("engine");
  for (const n of [30, 200]) {
    // Each in a process of its own (bench/engine.ts, inFreshProcess says why).
    const engine = inFreshProcess("engineThroughput", n);
    const oracle = inFreshProcess("oracleThroughput", n);
    add("engine", `assessments scored per second, ${n} evaluators`, engine, "per second");
    add("engine", `the fraction engine it replaced, ${n} evaluators`, oracle, "per second");
    add("engine", `integer engine ÷ fraction engine, ${n} evaluators`, engine / oracle, "ratio", 1);
  }

  section("LibreOffice recalculation");
  const recalcEvaluators = [30, 200];
  for (const f of await recalcFigures(recalcEvaluators)) {
    if (f.recalcSeconds === null) {
      console.warn(`LibreOffice, ${f.evaluators} evaluators: not measured (${f.note})`);
      continue;
    }
    const what = `${f.evaluators} evaluators`;
    add("live formulas", `LibreOffice full recalculation, ${what}`, f.recalcSeconds * 1000, "ms", 0);
    add("live formulas", `formula cells, ${what}`, f.formulaCells, "count", 0);
    // The same workbook's assessment (randomAssessment(n), seed 1), scored by the engine.
    const engineMs = engineMilliseconds(randomAssessment(f.evaluators));
    add("live formulas", `engine scoring the same assessment, ${what}`, engineMs, "ms", 3);
    add(
      "live formulas",
      `LibreOffice recalculation ÷ engine, ${what}`,
      (f.recalcSeconds * 1000) / engineMs,
      "ratio",
      0,
    );
  }

  section("done");
  console.table(figures);
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  const loadAverage = { start: round(loadAtStart, 2), end: round(load(), 2) };
  console.log(
    `machine: ${machine}; load average (1 min) ${loadAverage.start} at start, ${loadAverage.end} at end`,
  );
  const out = path.join(ROOT, "bench/results.json");
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), machine, loadAverage, figures }, null, 2) + "\n",
  );
  console.log(`written: ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
