/**
 * npm run bench: every performance figure StarScore promises, printed as one table and written to
 * bench/results.json. Figures only: the budgets are asserted as counts in the test suite.
 */
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildTaskpane, bundleSizes } from "./bundle";
import { cliFigures } from "./cli";
import { engineThroughput } from "./engine";
import { recalcFigures } from "./libreoffice";
import { ROOT } from "./paths";
import { requestRows } from "./requests";

interface Row {
  section: string;
  figure: string;
  value: string;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main(): Promise<void> {
  const rows: Row[] = [];
  const add = (section: string, figure: string, value: string) => rows.push({ section, figure, value });

  for (const { action, evaluators, figures } of await requestRows([1, 10, 50, 200])) {
    add(
      "add-in requests",
      `${action}, ${evaluators} evaluators`,
      `${figures.syncs} syncs, ${kb(figures.totalBytes)} (largest request ${kb(figures.largestRequestBytes)})`,
    );
  }

  buildTaskpane();
  const bundle = bundleSizes();
  for (const f of bundle)
    add("task-pane bundle", f.file + (f.initial ? " (initial)" : ""), `${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
  const initial = bundle.filter((f) => f.initial);
  add(
    "task-pane bundle",
    "initial load, total",
    `${kb(initial.reduce((a, f) => a + f.raw, 0))} raw, ${kb(initial.reduce((a, f) => a + f.gzip, 0))} gzip`,
  );

  for (const f of cliFigures([1, 30, 200])) {
    add(
      "CLI",
      `${f.command}, ${f.evaluators} evaluators`,
      `${f.medianMs.toFixed(0)} ms, ${f.medianPeakRssMb.toFixed(0)} MB peak RSS (median of 5)`,
    );
  }

  for (const n of [30, 200])
    add("engine", `assessments scored per second, ${n} evaluators`, engineThroughput(n).toFixed(1));

  for (const f of await recalcFigures([30, 200])) {
    add(
      "live formulas",
      `LibreOffice full recalculation, ${f.evaluators} evaluators`,
      f.recalcSeconds === null
        ? `n/a: ${f.note}`
        : `${(f.recalcSeconds * 1000).toFixed(0)} ms, ${f.formulaCells} formula cells`,
    );
  }

  console.table(rows);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${os.platform()}`;
  console.log(`machine: ${machine}`);
  const out = path.join(ROOT, "bench/results.json");
  writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2) + "\n");
  console.log(`written: ${path.relative(process.cwd(), out)}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
