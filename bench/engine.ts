import { performance } from "node:perf_hooks";
import { scoreAssessment } from "../src/core/score";
import { randomAssessment } from "./random-assessment";

/** Assessments scored per second by the exact engine, over two seconds after a warm-up. */
export function engineThroughput(evaluators: number, seconds = 2): number {
  const inputs = Array.from({ length: 20 }, (_, i) => randomAssessment(evaluators, i + 1));
  inputs.forEach((a) => scoreAssessment(a));
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < seconds * 1000) {
    scoreAssessment(inputs[runs % inputs.length]!);
    runs += 1;
  }
  return runs / ((performance.now() - start) / 1000);
}
