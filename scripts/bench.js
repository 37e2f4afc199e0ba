/**
 * npm run bench: prints figures (never asserts them). Run after `npm ci` (which compiles lib/).
 * Engine throughput: assessments scored per second at 30 and 200 evaluators.
 */
const { performance } = require("perf_hooks");
const { scoreAssessment } = require("../lib/core");
const { ITEMS } = require("../lib/spec");

function randomAssessment(evaluators, seed) {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const scores = Object.fromEntries(
    ITEMS.map((item) => [
      item.code,
      Array.from({ length: evaluators }, () => (next() < 0.1 ? null : Math.floor(next() * 21) * 5)),
    ]),
  );
  return {
    format: "starscore.assessment/1",
    organization: "基准测试有限公司",
    type: "initial",
    step: 5,
    evaluators: Array.from({ length: evaluators }, (_, i) => ({ name: `评价人${i + 1}`, kind: "auditor" })),
    scores,
    exclusions: { "5.2.6": "不适用" },
  };
}

function engineThroughput(evaluators) {
  const inputs = Array.from({ length: 20 }, (_, i) => randomAssessment(evaluators, i + 1));
  inputs.forEach((a) => scoreAssessment(a)); // warm up
  const start = performance.now();
  let runs = 0;
  while (performance.now() - start < 2000) {
    scoreAssessment(inputs[runs % inputs.length]);
    runs += 1;
  }
  return runs / ((performance.now() - start) / 1000);
}

const rows = [30, 200].map((n) => ({
  figure: `engine: assessments scored per second, ${n} evaluators`,
  value: engineThroughput(n).toFixed(1),
}));
console.table(rows);
