import fc from "fast-check";
import { parseAssessmentJson } from "../../src/assessment/parse";
import type { Lang } from "../../src/spec/types";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { MAX_EVALUATORS } from "../../src/workbook/scoring-grid";
import { assessmentArb } from "./arbitraries";
import {
  expectMessages,
  expectRun,
  hostileValue,
  random,
  Tally,
  throughEngine,
  type Random,
} from "./harness";
import { SAMPLE as SAMPLE_ASSESSMENT } from "../helpers/sample";

/**
 * Fuzzing the assessment file: valid assessments, mutated (types changed, keys deleted or added,
 * huge and tiny numbers, NaN-like strings, deep nesting, long arrays, rows of the wrong length,
 * unknown item codes, text damaged after serialising), then parsed in both languages and, when
 * they parse, scored by the engine and laid out as a workbook. Seeded and deterministic. Nothing
 * may throw; a file that is not an assessment gives JSON-path errors in the user's language, and
 * the engine's issues are localised.
 */
export const JSON_CASES = Number(process.env.STARSCORE_FUZZ_JSON_CASES ?? 6_000);
const SEED = 20261104;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const SAMPLE = SAMPLE_ASSESSMENT as unknown as Json;
const BASES: Json[] = [
  SAMPLE,
  ...(fc.sample(assessmentArb({ maxEvaluators: 4 }), { seed: SEED, numRuns: 5 }) as unknown as Json[]),
];

/** A random place in the value: the container and the key of the child there. */
function somewhere(
  root: Json,
  r: Random,
): { parent: Json[] | { [key: string]: Json }; key: string | number } | undefined {
  let parent: Json[] | { [key: string]: Json } | undefined;
  let key: string | number | undefined;
  let node: Json = root;
  for (let depth = 0; depth < 6; depth++) {
    if (node === null || typeof node !== "object") break;
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
    if (keys.length === 0 || (parent && r.chance(0.3))) break;
    parent = node;
    key = r.pick(keys);
    node = Array.isArray(node) ? node[key as number]! : node[key as string]!;
  }
  return parent && key !== undefined ? { parent, key } : undefined;
}

function set(place: { parent: Json[] | { [key: string]: Json }; key: string | number }, value: Json): void {
  (place.parent as Record<string | number, Json>)[place.key] = value;
}

function randomValue(r: Random): Json {
  return r.pick<() => Json>([
    () => null,
    () => r.chance(0.5),
    () => r.int(300) - 100,
    () =>
      r.pick([
        1e308,
        -1e308,
        Number.MAX_SAFE_INTEGER + 2,
        5e-324,
        -5e-324,
        1e-7,
        0.1 + 0.2,
        99.99999999999999,
        -0,
      ]),
    () => hostileValue(r),
    () => [],
    () => ({}),
    () => [r.int(100), null, "80"],
    () => ({ name: hostileValue(r), kind: r.pick(["auditor", "visit", "boss"]) }),
  ])();
}

/** Deep nesting is written as text (JSON.stringify itself would overflow the stack): a marker here. */
const DEEP = "\u0000deep\u0000";

function nested(depth: number, r: Random): string {
  const object = r.chance(0.5);
  return (
    (object ? '{"a":'.repeat(depth) : "[".repeat(depth)) +
    String(r.int(100)) +
    (object ? "}" : "]").repeat(depth)
  );
}

const VALUE_MUTATIONS: Record<string, (root: Json, r: Random) => Json> = {
  typeChange: (root, r) => {
    const place = somewhere(root, r);
    if (place) set(place, randomValue(r));
    return root;
  },
  delete: (root, r) => {
    const place = somewhere(root, r);
    if (place && Array.isArray(place.parent)) place.parent.splice(place.key as number, 1);
    else if (place) delete (place.parent as Record<string, Json>)[place.key as string];
    return root;
  },
  unknownKey: (root, r) => {
    const place = somewhere(root, r);
    const target = place ? (place.parent as Record<string | number, Json>)[place.key] : root;
    const object =
      target && typeof target === "object" && !Array.isArray(target)
        ? target
        : (root as Record<string, Json>);
    if (object && typeof object === "object" && !Array.isArray(object)) {
      object[
        r.pick([
          "__proto__",
          "constructor",
          "prototype",
          "toString",
          "extra",
          "B1",
          "Scores",
          hostileValue(r),
        ])
      ] = randomValue(r);
    }
    return root;
  },
  deep: (root, r) => {
    const place = somewhere(root, r);
    if (place) set(place, DEEP);
    else return DEEP;
    return root;
  },
  longArray: (root, r) => {
    const a = root as { scores?: Record<string, Json>; evaluators?: Json };
    if (r.chance(0.5) && a.scores && typeof a.scores === "object") {
      a.scores[r.pick(["B1", "A18", "C8"])] = Array.from({ length: r.pick([0, 1, 7, 1_000]) }, () =>
        r.int(101),
      );
    } else {
      a.evaluators = Array.from({ length: r.pick([0, 199, 200, 201, 500]) }, (_, i) => ({
        name: `E${i}`,
        kind: "auditor",
      }));
    }
    return root;
  },
  unknownItem: (root, r) => {
    const a = root as { scores?: Record<string, Json>; notes?: Json; exclusions?: Json };
    const code = r.pick(["Z9", "b1", "B01", " B1", "B25", "A0", "5.2.7", "", "__proto__", hostileValue(r)]);
    const field = r.pick(["scores", "notes", "exclusions"] as const);
    const target = (a[field] && typeof a[field] === "object" ? a[field] : (a[field] = {})) as Record<
      string,
      Json
    >;
    target[code] = field === "scores" ? [r.int(101)] : hostileValue(r);
    return root;
  },
  number: (root, r) => {
    const place = somewhere(root, r);
    if (place) set(place, r.pick([1e308, -1e308, 5e-324, 1e21, -1, 101, 80.0000001, 0.8, r.int(101)]));
    return root;
  },
};

/** Damage to the text itself, after serialising. */
const TEXT_MUTATIONS: Record<string, (text: string, r: Random) => string> = {
  truncate: (text, r) => text.slice(0, r.int(text.length)),
  noise: (text, r) => {
    let out = text;
    for (let n = 1 + r.int(3); n > 0; n--) {
      const at = r.int(out.length + 1);
      out =
        out.slice(0, at) +
        r.pick(["{", "}", "[", "]", ",", ":", '"', "\\", "\u0000", "NaN", "-"]) +
        out.slice(at);
    }
    return out;
  },
  bigNumberToken: (text, r) =>
    text.replace(/\b\d+\b/, () =>
      r.pick(["1e400", "-1e400", "1E+999", "-0", "0.0000000000000000000001", "NaN", "Infinity", "0x50"]),
    ),
  duplicateKey: (text) => text.replace(/^\{/, '{"step":7,'),
  bom: (text) => `\uFEFF${text}`,
};

async function yieldToEvents(): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
}

test(`mutated assessment files: parsed or refused with JSON paths, scored, laid out, never a throw`, async () => {
  const tally = new Tally();
  for (let i = 0; i < JSON_CASES; i++) {
    const r = random(SEED + i);
    let value = structuredClone(r.pick(BASES));
    const applied: string[] = [];
    for (let n = r.chance(0.3) ? 2 + r.int(3) : 1; n > 0; n--) {
      const kind = r.pick(Object.keys(VALUE_MUTATIONS));
      value = VALUE_MUTATIONS[kind]!(value, r);
      applied.push(kind);
    }
    let text = JSON.stringify(value).replace(JSON.stringify(DEEP), () =>
      nested(r.pick([10, 100, 1_000, 10_000, 100_000]), r),
    );
    if (r.chance(0.2)) {
      const kind = r.pick(Object.keys(TEXT_MUTATIONS));
      text = TEXT_MUTATIONS[kind]!(text, r);
      applied.push(`text:${kind}`);
    }
    const where = `case ${i} (seed ${SEED + i}: ${applied.join(" + ")})`;
    const start = performance.now();
    let outcome = "";
    try {
      const results = (["zh", "en"] as Lang[]).map((lang) => ({
        lang,
        parsed: parseAssessmentJson(text.replace(/^\uFEFF/, ""), lang),
      }));
      if (results[0]!.parsed.ok !== results[1]!.parsed.ok)
        throw new Error(`${where}: the languages disagree`);
      for (const { lang, parsed } of results) {
        if (parsed.ok) {
          throughEngine(parsed.assessment, lang, where);
          outcome = "scored";
        } else {
          expectMessages(
            parsed.errors.map((e) => e.message),
            `${where} (${lang})`,
          );
          for (const e of parsed.errors)
            if (!e.path.startsWith("$")) throw new Error(`${where}: path ${e.path}`);
          outcome = "refused";
        }
      }
      const parsed = results[0]!.parsed;
      const count = parsed.ok ? parsed.assessment.evaluators.length : 0;
      if (parsed.ok && count >= 1 && count <= MAX_EVALUATORS && i % 10 === 0) {
        buildWorkbookLayout({ lang: r.chance(0.5) ? "zh" : "en", assessment: parsed.assessment });
        outcome = "scored and laid out";
      }
    } catch (error) {
      throw new Error(`${where}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    tally.count(outcome, performance.now() - start, where);
    if (i % 500 === 0) await yieldToEvents();
  }
  console.log(tally.summary("json mutations"));
  expectRun(tally, JSON_CASES, ["scored", "refused", "scored and laid out"]);
}, 600_000);
