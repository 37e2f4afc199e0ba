import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { compiledParserSource } from "../../src/assessment/compile-parser";
import { INVALID, parseCompiled } from "../../src/assessment/compiled-parser";
import { assessmentSchema } from "../../src/assessment/schema";
import { SAMPLE } from "../helpers/sample";

describe("the assessment schema's compiled parser", () => {
  it("is the code zod's compiler makes of the schema now (npm run build:assessment-parser)", () => {
    const file = path.resolve(__dirname, "../../src/assessment/compiled-parser.ts");
    expect(readFileSync(file, "utf8")).toBe(compiledParserSource());
  });

  it("returns zod's result for the sample", () => {
    const parsed = parseCompiled(SAMPLE);
    expect(parsed).not.toBe(INVALID);
    expect(JSON.stringify(parsed)).toBe(JSON.stringify(assessmentSchema.parse(SAMPLE)));
  });

  /** Each value the schema wants, or now and then any JSON value instead. */
  const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
  const text = fc.string({ maxLength: 4 });
  /** One of the valid values, now and then one of the wrong ones. */
  const oneOf = (valid: unknown[], wrong: unknown[]) =>
    maybe(fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...valid) }, fc.constantFrom(...wrong)));
  const date = oneOf(
    ["2026-12-02", "2024-02-29", "2000-02-29"],
    ["2026-02-29", "1900-02-29", "2026-13-01", "2026-04-31", "2026-1-2", ""],
  );
  /** An object of these fields, any of them absent, and now and then one the schema does not know. */
  const object = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) =>
    maybe(
      fc
        .tuple(
          fc.record(fields, { requiredKeys: required }),
          fc.oneof(
            { weight: 40, arbitrary: fc.constant(null) },
            fc.constantFrom("extra", "__proto__", "constructor", "toString"),
          ),
        )
        .map(([record, extra]) => (extra ? { ...record, [extra]: 1 } : record)),
    );
  const record = (value: fc.Arbitrary<unknown>) =>
    maybe(
      fc.dictionary(fc.constantFrom("A1", "B1", "B2", "C3", "__proto__", "constructor"), value, {
        maxKeys: 4,
      }),
    );
  const deduction = {
    category: oneOf(["law", "policy", "industry", "system"], ["other"]),
    description: maybe(text),
    item: maybe(text),
    rectification: maybe(text),
    deadline: maybe(text),
  };
  const assessmentLike = object(
    {
      format: oneOf(["starscore.assessment/1"], ["starscore.assessment/2"]),
      organization: maybe(text),
      type: oneOf(["initial", "recertification", "surveillance"], ["audit"]),
      purpose: oneOf(["certification", "self-assessment"], [null, "self"]),
      step: oneOf([1, 5, 10], [2, "5", 5.5]),
      dates: object({ start: date, end: date }),
      evaluators: maybe(
        fc.array(
          object({ name: maybe(text), kind: oneOf(["auditor", "visit"], ["lead"]) }, ["name", "kind"]),
          {
            maxLength: 3,
          },
        ),
      ),
      scores: record(maybe(fc.array(maybe(fc.oneof(fc.constant(null), fc.double())), { maxLength: 3 }))),
      notes: record(maybe(text)),
      exclusions: record(maybe(text)),
      deductions: maybe(
        fc.array(
          object({ ...deduction, evidence: maybe(text), status: oneOf(["open", "closed"], ["done"]) }, [
            "category",
            "description",
          ]),
          { maxLength: 2 },
        ),
      ),
      bonus: maybe(
        fc.array(object({ points: maybe(fc.double()), reason: maybe(text) }, ["points", "reason"]), {
          maxLength: 2,
        }),
      ),
      leadAuditor: maybe(text),
      followUp: maybe(
        fc.array(
          object(
            { ...deduction, outcome: oneOf(["verified", "not-verified"], ["open"]), note: maybe(text) },
            ["category", "description"],
          ),
          {
            maxLength: 2,
          },
        ),
      ),
      planTargets: record(maybe(fc.double())),
    },
    ["format", "organization", "type", "step", "evaluators", "scores"],
  );

  it("accepts exactly what zod accepts, and gives what zod gives, key order included (JSON inputs)", () => {
    let accepted = 0;
    fc.assert(
      fc.property(assessmentLike, (generated) => {
        // What the CLI gives it: JSON text parsed (no undefined, NaN or -0 left).
        const text = JSON.stringify(generated);
        if (text === undefined) return;
        const input: unknown = JSON.parse(text);
        const compiled = parseCompiled(input);
        const zod = assessmentSchema.safeParse(input);
        expect(compiled === INVALID).toBe(!zod.success);
        if (zod.success) {
          accepted++;
          expect(JSON.stringify(compiled)).toBe(JSON.stringify(zod.data));
          expect(compiled).toEqual(zod.data);
        }
      }),
      { numRuns: 1000, seed: 15 },
    );
    // Both answers are exercised, not only the refusals.
    expect(accepted).toBeGreaterThan(100);
  });
});
