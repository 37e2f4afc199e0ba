import fc from "fast-check";
import type { Assessment } from "../../src/assessment/schema";
import { agreementOf, bandNumber, measureAgreement } from "../../src/core/agreement";
import { exact } from "../../src/core/exact";
import { scoreAssessment } from "../../src/core/score";
import { ITEMS } from "../../src/spec";
import { assessmentArb } from "../fuzz/arbitraries";
import { assessmentWith } from "../helpers/builders";
import { oracleAgreement } from "./oracle/fraction-agreement";

const agreement = (a: Assessment) => agreementOf(a, scoreAssessment(a));
const item = (a: Assessment, code: string) => agreement(a).items.find((i) => i.code === code);

/** Only `rows` given; every other item scored 80 by the first evaluator alone. */
function withRows(
  evaluators: number,
  rows: Record<string, (number | null)[]>,
  exclusions?: Record<string, string>,
) {
  return assessmentWith({
    evaluators,
    step: 1,
    fill: (code, e) => (rows[code] ? (rows[code]![e] ?? null) : e === 0 ? 80 : null),
    ...(exclusions && { exclusions }),
  });
}

describe("bands: Appendix C, a boundary in the higher band, 100 in band 5", () => {
  it.each([
    [0, 1],
    [19, 1],
    [20, 2],
    [39, 2],
    [40, 3],
    [60, 4],
    [79, 4],
    [80, 5],
    [100, 5],
  ])("%d%% is band %d", (percent, band) => expect(bandNumber(exact(percent))).toBe(band));
});

describe("item agreement, by hand", () => {
  it("80, 95 and 85 lie in band 5: spread 0, no disagreement", () => {
    const a = withRows(3, { B1: [80, 95, 85] });
    expect(item(a, "B1")).toEqual({
      code: "B1",
      entries: 3,
      minPercent: 80,
      maxPercent: 95,
      spreadBands: 0,
      disagreement: false,
    });
  });

  it("35 (band 2) and 70 (band 4) are two bands apart: a disagreement", () => {
    const a = withRows(2, { B2: [35, 70] });
    expect(item(a, "B2")).toMatchObject({
      minPercent: 35,
      maxPercent: 70,
      spreadBands: 2,
      disagreement: true,
    });
  });

  it("boundaries go up: 20 and 59 are one band apart, 19 and 40 two, 0 and 100 four", () => {
    const a = withRows(2, { B1: [20, 59], B2: [19, 40], B3: [0, 100], B4: [80, 100] });
    expect([item(a, "B1"), item(a, "B2"), item(a, "B3"), item(a, "B4")].map((i) => i?.spreadBands)).toEqual([
      1, 2, 4, 0,
    ]);
    expect(item(a, "B2")?.disagreement).toBe(true);
    expect(item(a, "B1")?.disagreement).toBe(false);
  });

  it("one entry has no spread; no entry has no minimum; invalid entries do not count", () => {
    // 0.8 is a fraction typed for a percentage and 101 is out of range: both left out, as in the score.
    const a = withRows(3, { B1: [null, 10, null], B2: [null, null, null], B3: [0.8, 90, 101] });
    expect(item(a, "B1")).toMatchObject({ entries: 1, minPercent: 10, maxPercent: 10, spreadBands: 0 });
    expect(item(a, "B2")).toMatchObject({ entries: 0, minPercent: null, maxPercent: null, spreadBands: 0 });
    expect(item(a, "B3")).toMatchObject({ entries: 1, minPercent: 90, spreadBands: 0, disagreement: false });
  });

  it("lists every applicable item and no excluded one", () => {
    const a = withRows(2, { B10: [0, 100] }, { "5.2.3": "无配送业务" });
    const codes = agreement(a).items.map((i) => i.code);
    expect(codes).not.toContain("B10");
    expect(codes).not.toContain("B11");
    expect(codes).toHaveLength(ITEMS.length - 2);
    expect(codes[0]).toBe("B1");
  });
});

describe("evaluator agreement, by hand", () => {
  it("80 against 90 with C1–C8 left to the first: mean 80, team 84.2, bias −4.2; mean 90, team 85, bias 5", () => {
    // Items: 42 scored by both (mean 85), 8 (C1–C8) by the first alone (mean 80).
    const a = assessmentWith({
      evaluators: 2,
      fill: (code, e) => (e === 0 ? 80 : code.startsWith("C") ? null : 90),
    });
    expect(agreement(a).evaluators).toEqual([
      { index: 0, name: "评价人1", itemsScored: 50, meanPercent: 80, teamPercent: 84.2, bias: -4.2 },
      { index: 1, name: "评价人2", itemsScored: 42, meanPercent: 90, teamPercent: 85, bias: 5 },
    ]);
  });

  it("thirds: 80, 85, 85 everywhere give a team of 83.33 and biases −3.33, 1.67, 1.67", () => {
    const a = assessmentWith({ evaluators: 3, fill: (_, e) => (e === 0 ? 80 : 85) });
    expect(agreement(a).evaluators.map((e) => [e.meanPercent, e.teamPercent, e.bias])).toEqual([
      [80, 83.33, -3.33],
      [85, 83.33, 1.67],
      [85, 83.33, 1.67],
    ]);
  });

  it("exact until the rounding: a mean of 3327/40 = 83.175 is 83.18 (the double 83.175 would give 83.17)", () => {
    // The first evaluator scores the first 40 items, 83 each but 90 on the 40th; the second all 50 at 83.
    const first = new Set(ITEMS.slice(0, 40).map((i) => i.code));
    const last = ITEMS[39]!.code;
    const a = assessmentWith({
      evaluators: 2,
      step: 1,
      fill: (code, e) => (e === 1 ? 83 : first.has(code) ? (code === last ? 90 : 83) : null),
    });
    expect((3327 / 40).toFixed(2)).toBe("83.17");
    // Team over the first's 40 items: (39 × 83 + 86.5) / 40 = 83.0875; bias 0.0875.
    expect(agreement(a).evaluators).toEqual([
      { index: 0, name: "评价人1", itemsScored: 40, meanPercent: 83.18, teamPercent: 83.09, bias: 0.09 },
      // (49 × 83 + 86.5) / 50 = 83.07.
      { index: 1, name: "评价人2", itemsScored: 50, meanPercent: 83, teamPercent: 83.07, bias: -0.07 },
    ]);
    const exactFigures = measureAgreement(a, scoreAssessment(a)).evaluators[0]!;
    expect(exactFigures.mean!.toFraction()).toBe("3327/40");
    expect(exactFigures.bias!.toFraction()).toBe("7/80");
  });

  it("an evaluator with no valid entry on an applicable item has nulls", () => {
    const a = assessmentWith({
      evaluators: 2,
      fill: (code, e) => (e === 0 ? 80 : code === "B1" ? 50 : null),
      exclusions: { B1: "不适用" },
    });
    expect(agreement(a).evaluators[1]).toEqual({
      index: 1,
      name: "评价人2",
      itemsScored: 0,
      meanPercent: null,
      teamPercent: null,
      bias: null,
    });
  });
});

function reordered(a: Assessment, order: readonly number[]): Assessment {
  return {
    ...a,
    evaluators: order.map((i) => a.evaluators[i]!),
    scores: Object.fromEntries(
      Object.entries(a.scores).map(([c, row]) => [c, order.map((i) => row[i] ?? null)]),
    ),
  };
}

describe("agreement properties", () => {
  it("gives exactly the figures of the fraction implementation it replaced (test/core/oracle)", () => {
    fc.assert(
      fc.property(assessmentArb({ maxEvaluators: 12, wide: true }), (a) => {
        const scoring = scoreAssessment(a);
        expect(measureAgreement(a, scoring)).toEqual(oracleAgreement(a, scoring));
      }),
      { numRuns: 400 },
    );
  });

  it("the order of evaluators does not change any item's agreement, nor any evaluator's figures", () => {
    fc.assert(
      fc.property(
        assessmentArb().chain((a) =>
          fc.tuple(
            fc.constant(a),
            fc.shuffledSubarray([...a.evaluators.keys()], { minLength: a.evaluators.length }),
          ),
        ),
        ([a, order]) => {
          const before = agreement(a);
          const after = agreement(reordered(a, order));
          expect(after.items).toEqual(before.items);
          const strip = ({ index: _, ...rest }: (typeof before.evaluators)[number]) => rest;
          expect(after.evaluators.map(strip)).toEqual(order.map((i) => strip(before.evaluators[i]!)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("identical entries (each item one value, entered or left blank by each evaluator) give spread 0 and bias 0", () => {
    const values = fc.array(fc.integer({ min: 0, max: 20 }), {
      minLength: ITEMS.length,
      maxLength: ITEMS.length,
    });
    const blanks = fc.array(fc.boolean(), { minLength: ITEMS.length * 4, maxLength: ITEMS.length * 4 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), values, blanks, (n, v, blank) => {
        const a = assessmentWith({
          evaluators: n,
          fill: (code, e) => {
            const i = ITEMS.findIndex((it) => it.code === code);
            return blank[i * 4 + e] ? null : v[i]! * 5;
          },
        });
        const { items, evaluators } = agreement(a);
        expect(items.every((i) => i.spreadBands === 0 && !i.disagreement)).toBe(true);
        for (const e of evaluators) expect(e.bias === null || e.bias === 0).toBe(true);
        expect(
          evaluators.filter((e) => e.itemsScored > 0).every((e) => e.meanPercent === e.teamPercent),
        ).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
