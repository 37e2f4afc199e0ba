import type { Assessment } from "../../src/assessment/schema";
import { toResultJson } from "../../src/core/report";
import { scoreAssessment } from "../../src/core/score";
import type { Lang, Localised } from "../../src/spec/types";

/**
 * What fuzzing holds every input to: the readers and the engine never throw, and every failure is
 * typed and localised (a message in both languages, never empty, never a stack trace).
 */

/** mulberry32: a small, seeded, deterministic generator (the same cases on every run and machine). */
export function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Random = ReturnType<typeof random>;

/** Values that have broken parsers: as text for XML and JSON alike. */
export function hostileValue(r: Random): string {
  return r.pick([
    () => String(r.int(200) - 50),
    () => String((r.next() - 0.5) * 10 ** r.int(320)),
    () =>
      r.pick(["NaN", "Infinity", "-Infinity", "1e400", "-1e400", "5e-324", "1.7976931348623157e308", "-0"]),
    () => r.pick(["#REF!", "#N/A", "#DIV/0!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"]),
    () =>
      r.pick(["", " ", "TRUE", "FALSE", "true", "八十", "８０", "80%", " 0.8 ", "=1+1", "@A1", "+cmd", "-x"]),
    () => r.pick(["&amp;", "&lt;", "&#0;", "&#xFFFF;", "&bogus;", "<", "]]>", "\u0000", "\uD800", "😀"]),
    () => "x".repeat(r.int(5) === 0 ? 40_000 : r.int(50)),
    () => String.fromCharCode(...Array.from({ length: r.int(12) }, () => r.int(0x3000))),
  ])();
}

const STACK_TRACE = /\bat .*\(.*:\d+:\d+\)/;

export function expectLocalised(message: Localised, where: string): void {
  for (const lang of ["zh", "en"] as const) {
    const text = message?.[lang];
    if (typeof text !== "string" || text.trim() === "" || STACK_TRACE.test(text)) {
      throw new Error(`${where}: the ${lang} message is ${JSON.stringify(text)}`);
    }
  }
}

export function expectMessages(texts: readonly string[], where: string): void {
  if (texts.length === 0) throw new Error(`${where}: a failure without a message`);
  for (const text of texts) {
    if (typeof text !== "string" || text.trim() === "" || STACK_TRACE.test(text)) {
      throw new Error(`${where}: message ${JSON.stringify(text)}`);
    }
  }
}

/** The engine on an assessment that passed the schema: it scores, with localised issues, and reports. */
export function throughEngine(assessment: Assessment, lang: Lang, where: string): void {
  const scoring = scoreAssessment(assessment);
  for (const issue of scoring.issues) expectLocalised(issue.message, `${where}: issue ${issue.code}`);
  for (const reason of scoring.result.reasons)
    expectLocalised(reason.message, `${where}: reason ${reason.code}`);
  const json = toResultJson(assessment, scoring, lang);
  if (!Number.isFinite(json.finalScore) || json.finalScore < 0 || json.finalScore > 100) {
    throw new Error(`${where}: final score ${json.finalScore}`);
  }
}

/** Throughput and outcome counts, for the report at the end of a fuzz run. */
export class Tally {
  readonly outcomes = new Map<string, number>();
  cases = 0;
  slowest = { ms: 0, label: "" };
  readonly started = performance.now();

  count(outcome: string, ms: number, label: string): void {
    this.cases++;
    this.outcomes.set(outcome, (this.outcomes.get(outcome) ?? 0) + 1);
    if (ms > this.slowest.ms) this.slowest = { ms, label };
  }

  summary(name: string): string {
    const seconds = (performance.now() - this.started) / 1000;
    const outcomes = [...this.outcomes].map(([k, v]) => `${k} ${v}`).join(", ");
    return `${name}: ${this.cases} cases in ${seconds.toFixed(1)} s (${(this.cases / seconds).toFixed(0)}/s; slowest ${this.slowest.ms.toFixed(0)} ms: ${this.slowest.label}); ${outcomes}`;
  }
}

/**
 * What a fuzz run must show for itself: that it ran the cases it was asked for (none is a failure,
 * not a pass), and that they reached each of `outcomes` (cases that all end one way test one way).
 */
export function expectRun(tally: Tally, cases: number, outcomes: readonly string[]): void {
  expect(cases).toBeGreaterThan(0);
  expect(tally.cases).toBe(cases);
  for (const outcome of outcomes)
    expect([outcome, (tally.outcomes.get(outcome) ?? 0) > 0]).toEqual([outcome, true]);
}
