import { performance } from "node:perf_hooks";
import type { Assessment } from "../src/assessment/schema";
import { scoreAssessment } from "../src/core/score";
import { oracleScore } from "../test/core/oracle/fraction-engine";
import { randomAssessment } from "./random-assessment";

/** Assessments scored per second by `score`, over `seconds` after a warm-up, cycling through `inputs`. */
function throughput(
  score: (a: Assessment) => unknown,
  inputs: readonly Assessment[],
  seconds: number,
): number {
  inputs.forEach((a) => score(a));
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < seconds * 1000) {
    score(inputs[runs % inputs.length]!);
    runs += 1;
  }
  return runs / ((performance.now() - start) / 1000);
}

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
