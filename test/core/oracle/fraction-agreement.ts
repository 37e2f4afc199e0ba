/**
 * The agreement figures as src/core/agreement.ts computed them before integer arithmetic: fraction.js
 * on every entry, over the oracle's table of entries (fraction-engine.ts). The differential test in
 * test/core/agreement.test.ts requires the same figures, exactly.
 */
import { Fraction } from "fraction.js";
import type { Assessment } from "../../../src/assessment/schema";
import { AGREEMENT, bandNumber, type Agreement } from "../../../src/core/agreement";
import type { Exact } from "../../../src/core/exact";
import type { Scoring } from "../../../src/core/score";
import { readEntries } from "./fraction-engine";

const sum = (values: readonly Exact[]): Exact => values.reduce((acc, v) => acc.add(v), new Fraction(0));

export function oracleAgreement(assessment: Assessment, { result }: Scoring): Agreement {
  const { table } = readEntries(assessment);
  const applicable = result.items.filter((i) => !i.excluded);
  const items = applicable.map((item) => {
    const percents = (table.get(item.code) ?? []).filter((p): p is Exact => p !== null);
    if (percents.length === 0) {
      return { code: item.code, entries: 0, min: null, max: null, spreadBands: 0, disagreement: false };
    }
    const min = percents.reduce((a, b) => (b.compare(a) < 0 ? b : a));
    const max = percents.reduce((a, b) => (b.compare(a) > 0 ? b : a));
    const spreadBands = percents.length < 2 ? 0 : bandNumber(max) - bandNumber(min);
    const disagreement = spreadBands >= AGREEMENT.disagreementBands;
    return { code: item.code, entries: percents.length, min, max, spreadBands, disagreement };
  });
  const evaluators = assessment.evaluators.map((evaluator, index) => {
    const own: Exact[] = [];
    const team: Exact[] = [];
    for (const item of applicable) {
      const percent = table.get(item.code)?.[index];
      if (!percent || item.meanPercent === null) continue;
      own.push(percent);
      team.push(item.meanPercent);
    }
    if (own.length === 0) {
      return { index, name: evaluator.name, itemsScored: 0, mean: null, team: null, bias: null };
    }
    const mean = sum(own).div(own.length);
    const teamMean = sum(team).div(team.length);
    return {
      index,
      name: evaluator.name,
      itemsScored: own.length,
      mean,
      team: teamMean,
      bias: mean.sub(teamMean),
    };
  });
  return { items, evaluators };
}
