import type { ResultJson } from "../../core/report";
import { PRIMARY_INDICATORS, SECONDARY_INDICATORS } from "../../spec/indicators";
import type { PrimaryIndicator, SecondaryIndicator } from "../../spec/types";
import { itemRank } from "./issues";

/**
 * The Results view's figures in the specification's order (Appendix A: 服务要求 with 5.2.1–5.3.2,
 * then 管理要求 with 5.1.1–5.1.7), both levels: each primary indicator's score is the sum of its
 * secondary indicators' (as the Summary sheet's subtotals are), out of their applicable maximum.
 */
export interface IndicatorFigure {
  score: number;
  /** The points that apply once exclusions are taken out. */
  applicableMax: number;
  /** score / applicableMax; null when nothing of it applies. */
  attainment: number | null;
}

export interface SecondaryFigure extends IndicatorFigure {
  indicator: SecondaryIndicator;
}

export interface PrimaryFigure extends IndicatorFigure {
  indicator: PrimaryIndicator;
  secondaries: SecondaryFigure[];
}

export function indicatorFigures(result: ResultJson): PrimaryFigure[] {
  const byId = new Map(result.indicators.map((i) => [i.id, i]));
  return PRIMARY_INDICATORS.map((primary) => {
    const secondaries = SECONDARY_INDICATORS.filter((s) => s.primary === primary.id).flatMap((indicator) => {
      const figure = byId.get(indicator.id);
      return figure
        ? [
            {
              indicator,
              score: figure.score,
              applicableMax: figure.applicableMax,
              attainment: figure.attainment,
            },
          ]
        : [];
    });
    const score = secondaries.reduce((sum, s) => sum + s.score, 0);
    const applicableMax = secondaries.reduce((sum, s) => sum + s.applicableMax, 0);
    return {
      indicator: primary,
      secondaries,
      score,
      applicableMax,
      attainment: applicableMax > 0 ? score / applicableMax : null,
    };
  });
}

/** One exclusion as the workbook records it: an item code or a whole indicator, and why. */
export interface ExclusionEntry {
  key: string;
  reason: string;
}

export interface ExcludedLine {
  /** The item code, or the indicator id for a whole indicator. */
  key: string;
  indicator?: SecondaryIndicator;
  reason: string;
}

/**
 * The exclusions to list, in catalogue order: whole indicators before their items (Appendix A's
 * order), items by code. Only what the result really excludes is listed.
 */
export function excludedLines(exclusions: readonly ExclusionEntry[], result: ResultJson): ExcludedLine[] {
  const excludedItems = new Set(result.items.filter((i) => i.excluded).map((i) => i.code));
  const indicatorIndex = (id: string) => SECONDARY_INDICATORS.findIndex((s) => s.id === id);
  return exclusions
    .flatMap((entry): ExcludedLine[] => {
      const indicator = SECONDARY_INDICATORS.find((s) => s.id === entry.key);
      if (indicator) return [{ key: entry.key, indicator, reason: entry.reason.trim() }];
      return excludedItems.has(entry.key) ? [{ key: entry.key, reason: entry.reason.trim() }] : [];
    })
    .sort((a, b) => rank(a) - rank(b));

  function rank(line: ExcludedLine): number {
    return line.indicator ? -1000 + indicatorIndex(line.key) : itemRank(line.key);
  }
}
