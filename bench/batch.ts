import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { buildWorkbookLayout } from "../src/workbook/layout";
import { writeXlsx } from "../src/workbook/xlsx/write";
import { ROOT } from "./paths";
import { randomAssessment } from "./random-assessment";

/** Batch scoring: `starscore score FOLDER --json` in one process against one process per file. */
export interface BatchFigures {
  kind: "xlsx" | "json";
  files: number;
  evaluators: number;
  batchPerSecond: number;
  perFilePerSecond: number;
}

const BIN = path.join(ROOT, "bin/starscore.js");

function run(args: string[]): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1)
    throw new Error(`starscore ${args.join(" ")}:\n${result.stderr}`);
  return performance.now() - start;
}

export async function batchFigures(files: number, evaluators: number): Promise<BatchFigures[]> {
  const root = mkdtempSync(path.join(tmpdir(), "starscore-bench-batch-"));
  const figures: BatchFigures[] = [];
  for (const kind of ["xlsx", "json"] as const) {
    const dir = path.join(root, kind);
    mkdirSync(dir);
    const paths: string[] = [];
    for (let i = 0; i < files; i++) {
      const assessment = randomAssessment(evaluators, i + 1);
      const file = path.join(dir, `audit-${String(i + 1).padStart(3, "0")}.${kind}`);
      writeFileSync(
        file,
        kind === "json"
          ? JSON.stringify(assessment)
          : await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment })),
      );
      paths.push(file);
    }
    const batchMs = run(["score", dir, "--json"]);
    const perFileMs = paths.reduce((total, file) => total + run(["score", file, "--json"]), 0);
    figures.push({
      kind,
      files,
      evaluators,
      batchPerSecond: files / (batchMs / 1000),
      perFilePerSecond: files / (perFileMs / 1000),
    });
  }
  return figures;
}
