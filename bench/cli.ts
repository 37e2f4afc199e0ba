import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT } from "./paths";
import { randomAssessment } from "./random-assessment";

/** Wall time and peak memory of `starscore` commands: the median of several runs of the built CLI. */
export interface CliFigure {
  command: string;
  evaluators: number;
  medianMs: number;
  medianPeakRssMb: number;
}

const BIN = path.join(ROOT, "bin/starscore.js");
/** Preloaded into each run: writes the process's peak resident memory when it exits. */
const RSS_PROBE = path.join(ROOT, "bench/rss-probe.js");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timed(args: string[], dir: string): { ms: number; rssMb: number } {
  const rssFile = path.join(dir, `rss-${process.hrtime.bigint()}.txt`);
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-r", RSS_PROBE, BIN, ...args], {
    encoding: "utf8",
    env: { ...process.env, STARSCORE_RSS_FILE: rssFile },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0 && run.status !== 1)
    throw new Error(`starscore ${args.join(" ")} failed:\n${run.stderr}`);
  return { ms, rssMb: Number(readFileSync(rssFile, "utf8")) / 1024 };
}

export function cliFigures(evaluatorCounts: number[], runs = 5): CliFigure[] {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-"));
  const figures: CliFigure[] = [];
  for (const n of evaluatorCounts) {
    const json = path.join(dir, `a${n}.json`);
    writeFileSync(json, JSON.stringify(randomAssessment(n)));
    const xlsx = path.join(dir, `a${n}.xlsx`);
    const commands: [string, string[]][] = [
      ["generate", ["generate", "--from", json, "-o", xlsx, "--force"]],
      ["score (.xlsx)", ["score", xlsx, "--json"]],
      ["score (.json)", ["score", json, "--json"]],
      ...(hasVerify() ? ([["verify", ["verify", xlsx]]] as [string, string[]][]) : []),
    ];
    for (const [command, args] of commands) {
      const samples = Array.from({ length: runs }, () => timed(args, dir));
      figures.push({
        command,
        evaluators: n,
        medianMs: median(samples.map((s) => s.ms)),
        medianPeakRssMb: median(samples.map((s) => s.rssMb)),
      });
    }
  }
  return figures;
}

function hasVerify(): boolean {
  const help = spawnSync(process.execPath, [BIN, "--help"], { encoding: "utf8" });
  return /\bverify\b/.test(help.stdout);
}

/** Node's own start (`node -e 0`), median of `runs`: what any command's wall time begins with. */
export function nodeStartMs(runs = 9): number {
  return median(
    Array.from({ length: runs }, () => {
      const start = process.hrtime.bigint();
      spawnSync(process.execPath, ["-e", "0"]);
      return Number(process.hrtime.bigint() - start) / 1e6;
    }),
  );
}
