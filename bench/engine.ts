import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import type { Assessment } from "../src/assessment/schema";
import { scoreAssessment } from "../src/core/score";
import { oracleScore } from "../test/core/oracle/fraction-engine";
import { randomAssessment } from "./random-assessment";

/**
 * Assessments scored per second by `score`, over `seconds` after a warm-up, cycling through
 * `inputs`. The warm-up scores for half a second first, so that the figure is V8's optimised code
 * (what a batch runs on after its first files), not its first tiers.
 */
function throughput(
  score: (a: Assessment) => unknown,
  inputs: readonly Assessment[],
  seconds: number,
): number {
  const warm = performance.now();
  for (let i = 0; performance.now() - warm < WARM_UP_MS; i++) score(inputs[i % inputs.length]!);
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < seconds * 1000) {
    score(inputs[runs % inputs.length]!);
    runs += 1;
  }
  return runs / ((performance.now() - start) / 1000);
}

const WARM_UP_MS = 500;

/** Assessments scored per second by the exact engine, over 20 random assessments. */
export function engineThroughput(evaluators: number, seconds = 2): number {
  const inputs = Array.from({ length: 20 }, (_, i) => randomAssessment(evaluators, i + 1));
  return throughput(scoreAssessment, inputs, seconds);
}

/** The same, for the fraction engine it replaced (test/core/oracle), on the same assessments. */
export function oracleThroughput(evaluators: number, seconds = 2): number {
  const inputs = Array.from({ length: 20 }, (_, i) => randomAssessment(evaluators, i + 1));
  return throughput(oracleScore, inputs, seconds);
}

/** Milliseconds to score one given assessment (the mean over `seconds` of repeated scoring). */
export function engineMilliseconds(assessment: Assessment, seconds = 1): number {
  return 1000 / throughput(scoreAssessment, [assessment], seconds);
}

/**
 * `measure` (a function of this module, by name) run in a Node process of its own: the engine's
 * figures are taken as a scoring process runs it, not after the bench's other sections have run the
 * same functions on other shapes of data (V8 optimises for what it has seen, and the add-in and
 * workbook sections score assessments of 1 to 200 evaluators first).
 */
export function inFreshProcess(measure: "engineThroughput" | "oracleThroughput", evaluators: number): number {
  const script = `process.stdout.write(String(require(${JSON.stringify(__filename)}).${measure}(${evaluators})))`;
  const run = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`${measure}(${evaluators}) failed:\n${run.stderr}`);
  return Number(run.stdout);
}
