/**
 * A few workbooks that stand for all StarScore writes, made as a user makes them (through the CLI,
 * so with the engine's cached values): 1, 3 and 200 evaluators, Chinese and English, with
 * exclusions, deductions and a bonus, a blank one, and one that `starscore convert` upgraded from a
 * real layout-2 workbook. Read by other readers (openpyxl.test.ts) and checked against the
 * ISO/IEC 29500 schemas (schema.test.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import type { Lang } from "../../src/spec/types";
import { assessmentWith } from "../helpers/builders";
import { runCli } from "../helpers/run-cli";

const ROOT = path.resolve(__dirname, "../..");
const SAMPLE: Assessment = JSON.parse(
  readFileSync(path.join(ROOT, "examples/sample-assessment.json"), "utf8"),
);
/** Written by `starscore generate` at layout 2 (see test/cli/layout-v2.test.ts). */
export const LAYOUT_V2_WORKBOOK = path.join(ROOT, "test/fixtures/layout-v2-sample-zh.xlsx");

export interface Representative {
  id: string;
  file: string;
  lang: Lang;
  /** The assessment the workbook holds. */
  assessment: Assessment;
}

const CASES: { id: string; lang: Lang; assessment: Assessment; args?: string[] }[] = [
  { id: "1 evaluator", lang: "zh", assessment: assessmentWith({ evaluators: 1 }) },
  { id: "3 evaluators, exclusion, deduction, bonus (the sample)", lang: "en", assessment: SAMPLE },
  {
    id: "200 evaluators, exclusions, deductions, bonus",
    lang: "zh",
    assessment: assessmentWith({
      evaluators: 200,
      fill: (code, e) => (e % 7 === 3 ? null : 60 + ((e + code.length) % 5) * 10),
      exclusions: { "5.2.6": "不适用", B2: "无配送业务" },
      deductions: 3,
      bonus: [0.25, 0.5],
    }),
  },
  {
    id: "200 evaluators, English",
    lang: "en",
    assessment: assessmentWith({ evaluators: 200, deductions: 6 }),
  },
  {
    id: "the sample with the Report sheet (generate --report-sheet)",
    lang: "zh",
    assessment: SAMPLE,
    args: ["--report-sheet"],
  },
];

/** Writes the representative workbooks into `dir`; fails the calling test when the CLI does. */
export async function writeRepresentativeWorkbooks(dir: string): Promise<Representative[]> {
  const out: Representative[] = [];
  for (const [i, c] of CASES.entries()) {
    const json = path.join(dir, `case-${i}.json`);
    const file = path.join(dir, `case-${i}-${c.lang}.xlsx`);
    writeFileSync(json, JSON.stringify(c.assessment));
    await cli(["generate", "--from", json, "-o", file, "--lang", c.lang, ...(c.args ?? [])]);
    out.push({ id: c.id, lang: c.lang, assessment: c.assessment, file });
  }
  const blank = path.join(dir, "blank.xlsx");
  await cli(["generate", "--evaluators", "2", "--visits", "1", "-o", blank, "--lang", "en"]);
  out.push({
    id: "blank, 2 auditors and a visit",
    lang: "en",
    file: blank,
    assessment: await exported(dir, blank),
  });
  const converted = path.join(dir, "converted-en.xlsx");
  await cli(["convert", LAYOUT_V2_WORKBOOK, "-o", converted, "--lang", "en"]);
  out.push({ id: "layout 2 after starscore convert", lang: "en", file: converted, assessment: SAMPLE });
  return out;
}

async function cli(args: string[]): Promise<void> {
  const run = await runCli(args);
  if (run.code !== 0) throw new Error(`starscore ${args.join(" ")} exited ${run.code}: ${run.err}`);
}

async function exported(dir: string, workbook: string): Promise<Assessment> {
  const json = path.join(dir, `${path.basename(workbook)}.json`);
  await cli(["export", workbook, "-o", json, "--force"]);
  return JSON.parse(readFileSync(json, "utf8"));
}
