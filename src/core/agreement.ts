import type { Assessment } from "../assessment/schema";
import { bandOf } from "../spec/bands";
import { validPercents } from "./entries";
import { ratio, sumOfRatios, timesRatio, toNumber, type Exact } from "./exact";
import type { Scoring } from "./score";

/**
 * Agreement between evaluators: where the team's entries for an item lie apart, and how far each
 * evaluator scores above or below the team (mystery-shopping practice tracks this deviation as a
 * quality figure). Only valid entries of applicable items count, as in the score.
 *
 * - An item's spread is band(max) − band(min), in Appendix C's bands 1–5 (a boundary belongs to
 *   the higher band, 100 to band 5: spec/bands.ts); 0 with fewer than two entries. Items whose
 *   spread is at least `disagreementBands` are in disagreement.
 * - An evaluator's mean is the mean of their own entries; the team's, over the same items, the mean
 *   of each item's mean percentage; the bias is mean − team. Null for an evaluator with no entries.
 *
 * Exact until the edge: the JSON (agreementOf) rounds half away from zero to 2 decimals, as the
 * final score is rounded.
 */
export const AGREEMENT = {
  /** Entries this many bands apart or more put an item in disagreement. */
  disagreementBands: 2,
  /** Decimals of the JSON's percentages and bias. */
  decimals: 2,
} as const;

export interface ItemAgreement {
  code: string;
  /** Valid entries on the item. */
  entries: number;
  /** Lowest and highest valid entry; null when nobody scored the item. */
  min: Exact | null;
  max: Exact | null;
  spreadBands: number;
  disagreement: boolean;
}

export interface EvaluatorAgreement {
  index: number;
  name: string;
  /** This evaluator's valid entries on applicable items. */
  itemsScored: number;
  /** Mean of those entries; null with none. */
  mean: Exact | null;
  /** Mean, over the same items, of each item's mean percentage; null with none. */
  team: Exact | null;
  /** mean − team; null with none. */
  bias: Exact | null;
}

export interface Agreement {
  /** Every applicable item, in catalogue order. */
  items: ItemAgreement[];
  /** Every evaluator column, in the assessment's order. */
  evaluators: EvaluatorAgreement[];
}

/** The band number (1–5) of a valid percentage. */
export function bandNumber(percent: Exact): number {
  return bandOf(toNumber(percent)).level;
}

/**
 * On the whole percentages of the entries table, in integers, until each figure is made: the lowest
 * and highest entry are whole numbers; an evaluator's mean is their entries' total ÷ their count;
 * the team's is Σ (item's percentage total ÷ its entries) ÷ that count, on one common denominator
 * (sumOfRatios).
 */
export function measureAgreement(assessment: Assessment, { result }: Scoring): Agreement {
  const percents = validPercents(assessment);
  const applicable = result.items.filter((i) => !i.excluded);
  const items = applicable.map((item): ItemAgreement => {
    let entries = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const p of percents.get(item.code) ?? []) {
      if (p === null) continue;
      entries += 1;
      if (p < min) min = p;
      if (p > max) max = p;
    }
    if (entries === 0) {
      return { code: item.code, entries: 0, min: null, max: null, spreadBands: 0, disagreement: false };
    }
    const spreadBands = entries < 2 ? 0 : bandOf(max).level - bandOf(min).level;
    return {
      code: item.code,
      entries,
      min: ratio(min, 1),
      max: ratio(max, 1),
      spreadBands,
      disagreement: spreadBands >= AGREEMENT.disagreementBands,
    };
  });
  const rows = applicable.map((item) => percents.get(item.code) ?? []);
  const evaluators = assessment.evaluators.map((evaluator, index): EvaluatorAgreement => {
    let own = 0;
    const teamTotals: number[] = [];
    const teamEntries: number[] = [];
    applicable.forEach((item, place) => {
      const percent = rows[place]![index];
      if (percent === null || percent === undefined || item.entries === 0) return;
      own += percent;
      teamTotals.push(item.percentTotal);
      teamEntries.push(item.entries);
    });
    const itemsScored = teamTotals.length;
    if (itemsScored === 0) {
      return { index, name: evaluator.name, itemsScored: 0, mean: null, team: null, bias: null };
    }
    const mean = ratio(own, itemsScored);
    const team = timesRatio(sumOfRatios(teamTotals, teamEntries), 1, itemsScored);
    return { index, name: evaluator.name, itemsScored, mean, team, bias: mean.sub(team) };
  });
  return { items, evaluators };
}

/** The `agreement` object of `starscore score --json`. */
export interface AgreementJson {
  items: {
    code: string;
    entries: number;
    minPercent: number | null;
    maxPercent: number | null;
    spreadBands: number;
    disagreement: boolean;
  }[];
  evaluators: {
    index: number;
    name: string;
    itemsScored: number;
    meanPercent: number | null;
    teamPercent: number | null;
    bias: number | null;
  }[];
}

export function agreementJson({ items, evaluators }: Agreement): AgreementJson {
  const n = (v: Exact | null) => (v === null ? null : toNumber(v, AGREEMENT.decimals));
  return {
    items: items.map((i) => ({
      code: i.code,
      entries: i.entries,
      minPercent: n(i.min),
      maxPercent: n(i.max),
      spreadBands: i.spreadBands,
      disagreement: i.disagreement,
    })),
    evaluators: evaluators.map((e) => ({
      index: e.index,
      name: e.name,
      itemsScored: e.itemsScored,
      meanPercent: n(e.mean),
      teamPercent: n(e.team),
      bias: n(e.bias),
    })),
  };
}

/** agreementJson(measureAgreement(…)): the figures as `score --json` and the report give them. */
export function agreementOf(assessment: Assessment, scoring: Scoring): AgreementJson {
  return agreementJson(measureAgreement(assessment, scoring));
}
