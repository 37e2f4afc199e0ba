import type { Band } from "./types";

/**
 * Appendix C (评分规则): the five maturity bands an evaluator reads to pick an item's percentage.
 * The Chinese sentences are the spec's, with its closing ；/。; the English follows them closely,
 * including their hedges ("or"), because evaluators may compare the two.
 */
export const BANDS: readonly Band[] = [
  {
    level: 1,
    from: 0,
    to: 20,
    descriptors: {
      zh: [
        "在该指标要求中水平很差，或没有描述结果，或结果很差；",
        "在该指标要求中没有或极少显示趋势的数据，或显示了总体不良的趋势；",
        "在该指标要求中没有或极少的相关数据信息，或对比性信息。",
      ],
      en: [
        "Against this requirement the level is very poor, or no results are described, or the results are very poor;",
        "Against this requirement there are no or very few data showing trends, or the data show an overall adverse trend;",
        "Against this requirement there is no or very little relevant data or comparative information.",
      ],
    },
  },
  {
    level: 2,
    from: 20,
    to: 40,
    descriptors: {
      zh: [
        "在该指标要求中结果很少，或在少数方面有一些改进和（或）处于初期绩效水平；",
        "在该指标要求中有少量显示趋势的数据，或处于较低水平；",
        "在该指标要求中有少量相关数据信息，或对比性信息。",
      ],
      en: [
        "Against this requirement there are few results, or some improvement in a few aspects and/or performance at an early stage;",
        "Against this requirement there are a few data showing trends, or the level is low;",
        "Against this requirement there is a little relevant data or comparative information.",
      ],
    },
  },
  {
    level: 3,
    from: 40,
    to: 60,
    descriptors: {
      zh: [
        "在该指标要求的多数方面有改进和（或）良好水平；",
        "在该指标要求的多数方面处于取得良好趋势的初期阶段，或处于一般水平；",
        "在该指标要求中能够获得相关数据，或对比性信息。",
      ],
      en: [
        "In most aspects of this requirement there is improvement and/or a good level;",
        "Most aspects of this requirement are at the early stage of achieving good trends, or at an average level;",
        "Against this requirement relevant data or comparative information can be obtained.",
      ],
    },
  },
  {
    level: 4,
    from: 60,
    to: 80,
    descriptors: {
      zh: [
        "在该指标要求的大多数方面有改进趋势和（或）良好水平；",
        "在该指标要求中的一些趋势和（或）当前显示了良好到优秀的水平；",
        "在该指标要求中处于获得大量相关数据，或对比性信息。",
      ],
      en: [
        "In the great majority of aspects of this requirement there are improving trends and/or a good level;",
        "Against this requirement some trends and/or current performance show good to excellent levels;",
        "Against this requirement a large amount of relevant data or comparative information is being obtained.",
      ],
    },
  },
  {
    level: 5,
    from: 80,
    to: 100,
    descriptors: {
      zh: [
        "在该指标要求重要的大多数方面，当前结果/水平/绩效达到优良水平；",
        "与该指标要求中大多数的趋势显示了领先和优秀水平；",
        "在该指标要求中能够获得充分相关数据，或对比性信息。",
      ],
      en: [
        "In the great majority of the important aspects of this requirement, current results/levels/performance are excellent;",
        "Against this requirement most trends show leading and excellent levels;",
        "Against this requirement sufficient relevant data or comparative information can be obtained.",
      ],
    },
  },
];

/**
 * The band of a percentage. Appendix C's ranges share their end points (0%~20%, 20%~40%, …);
 * scoring-rules.md puts a boundary in the higher band (20 → band 2), so each band is [from, to),
 * except that 100 belongs to band 5 because there is no higher one.
 */
export function bandOf(percent: number): Band {
  if (!(percent >= 0 && percent <= 100)) {
    // The negated test also catches NaN, which every comparison fails.
    throw new RangeError(`A percentage must be between 0 and 100, got ${percent}`);
  }
  for (let i = BANDS.length - 1; i >= 0; i--) {
    const band = BANDS[i];
    if (band && percent >= band.from) return band;
  }
  // Unreachable: band 1 starts at 0. Kept so the function provably returns a Band.
  throw new RangeError(`No band for ${percent}`);
}
