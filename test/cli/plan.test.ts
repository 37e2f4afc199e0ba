import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { assessmentWith } from "../helpers/builders";
import { generated, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE_FILE } from "../helpers/sample";
import { typeEntry } from "../helpers/workbook-file";

function fileOf(assessment: Assessment): string {
  const file = path.join(tempDir(), "assessment.json");
  writeFileSync(file, JSON.stringify(assessment));
  return file;
}

const planJson = async (file: string, ...args: string[]) => {
  const run = await runCli(["plan", file, "--json", ...args]);
  return { code: run.code, json: JSON.parse(run.out) };
};

describe("starscore plan", () => {
  it("the sample (87.46, three-star) to four-star: four raises, in the issue's JSON keys", async () => {
    // Service items at 90 %, management at 85 %, 98 applicable points, 1 deduction, bonus 0.5.
    // A raise of a management item (85 → 100) adds points × 15 ÷ 98; of a service item, points × 10 ÷ 98:
    // A11 (6) 0.918, A4 (5) 0.765, C7 (7) 0.714, A8 (4) 0.612 … Three add 2.40 < 2.54; four add 3.01.
    const { code, json } = await planJson(SAMPLE_FILE);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual([
      "target",
      "threshold",
      "current",
      "reached",
      "reachable",
      "reason",
      "deductionsToClear",
      "pointsNeeded",
      "raises",
      "steps",
      "projected",
      "headroom",
    ]);
    expect(json).toMatchObject({
      target: "four-star",
      threshold: 90,
      current: { finalScore: 87.46, grade: "three-star" },
      reached: false,
      reachable: true,
      reason: null,
      pointsNeeded: 2.54,
      raises: [
        { code: "A11", fromPercent: 85, toPercent: 100, steps: 1, gain: 0.92 },
        { code: "A4", fromPercent: 85, toPercent: 100, steps: 1, gain: 0.77 },
        { code: "C7", fromPercent: 90, toPercent: 100, steps: 1, gain: 0.71 },
        { code: "A8", fromPercent: 85, toPercent: 100, steps: 1, gain: 0.61 },
      ],
      steps: 4,
      projected: { finalScore: 90.47, grade: "four-star" },
    });
    // Every applicable item (B23, B24 are excluded), largest headroom first.
    expect(json.headroom).toHaveLength(48);
    expect(json.headroom[0]).toEqual({ code: "A11", percent: 85, points: 6, headroom: 0.92 });
  });

  it("says it in one paragraph and a table, in Chinese and in English", async () => {
    const zh = await runCli(["plan", SAMPLE_FILE, "--lang", "zh"]);
    expect(zh.code).toBe(0);
    const [paragraph, table, ...rest] = zh.out.split("\n\n");
    expect(rest).toEqual([]);
    expect(paragraph).toBe(
      "当前最终得分 87.46（三星级）。四星级须 90 分，还差 2.54 分。最少须提升 4 次（每次提升将一个项目的平均达成率提高一档，即 20 个百分点，最高 100 %；特别扣分项和加分按当前计）：A11 85 % → 100 %、A4 85 % → 100 %、C7 90 % → 100 %、A8 85 % → 100 %，最终得分可达 90.47（四星级）。",
    );
    expect(table!.split("\n")).toEqual([
      "项目  名称            当前   目标  提升次数  增加得分",
      "----  --------------  ----  -----  --------  --------",
      "A11   监督与奖惩      85 %  100 %         1     +0.92",
      "A4    售后服务管理师  85 %  100 %         1     +0.77",
      "C7    投诉处理        90 %  100 %         1     +0.71",
      "A8    售后服务手册    85 %  100 %         1     +0.61",
    ]);
    const en = await runCli(["plan", SAMPLE_FILE, "--lang", "en"]);
    expect(en.out.split("\n\n")[0]).toBe(
      "The final score is 87.46 (Three-star). Four-star needs 90: 2.54 points more. It takes 4 raises at the fewest (a raise lifts one item's mean attainment by one band, 20 percentage points, up to 100 %; deductions and bonus stay as they are): A11 85 % → 100 %, A4 85 % → 100 %, C7 90 % → 100 %, A8 85 % → 100 %, for a final score of 90.47 (Four-star).",
    );
    expect(en.out).toContain("A11   Supervision and incentives    85 %  100 %       1  +0.92");
  });

  it("a three-star case one raise from four-star", async () => {
    // Every item at 90 but C7 (7 points) at 80: 89.30. C7 to 100 adds 1.40 → 90.70.
    const file = fileOf(assessmentWith({ fill: (code) => (code === "C7" ? 80 : 90) }));
    const { json } = await planJson(file);
    expect(json).toMatchObject({
      target: "four-star",
      current: { finalScore: 89.3, grade: "three-star" },
      raises: [{ code: "C7", fromPercent: 80, toPercent: 100, steps: 1, gain: 1.4 }],
      steps: 1,
      projected: { finalScore: 90.7, grade: "four-star" },
    });
    const en = await runCli(["plan", file, "--lang", "en"]);
    expect(en.out).toContain("It takes one raise at the fewest");
  });

  it("a case needing two raises of one item", async () => {
    // C7 at 40, the rest at 90, bonus 0.7: 87.20; C7 40 → 60 → 80 adds 1.40 twice: exactly 90.
    const file = fileOf(assessmentWith({ fill: (code) => (code === "C7" ? 40 : 90), bonus: [0.7] }));
    const { json } = await planJson(file, "--target", "four-star");
    expect(json).toMatchObject({
      pointsNeeded: 2.8,
      raises: [{ code: "C7", fromPercent: 40, toPercent: 80, steps: 2, gain: 2.8 }],
      steps: 2,
      projected: { finalScore: 90, grade: "four-star" },
    });
  });

  it("5 deductions: unreachable, with the count to clear, and exit 1", async () => {
    const file = fileOf(assessmentWith({ fill: () => 90, deductions: 5 }));
    const { code, json } = await planJson(file, "--target", "three-star");
    expect(code).toBe(1);
    expect(json).toMatchObject({
      current: { finalScore: 85, grade: "fail" },
      reachable: false,
      reason: "deductions",
      deductionsToClear: 1,
      raises: [],
      steps: 0,
    });
    const en = await runCli(["plan", file, "--target", "three-star", "--lang", "en"]);
    expect(en.code).toBe(1);
    expect(en.out.split("\n\n")[0]).toBe(
      "The final score is 85.00 (Fail). With 5 or more special deductions an audit fails whatever the score, so no raise reaches Three-star: at least 1 deduction must be rectified and cleared first.",
    );
    const zh = await runCli(["plan", file, "--target", "three-star", "--lang", "zh"]);
    expect(zh.out).toContain("须先整改并消除至少 1 项特别扣分项");
  });

  it("an already reached target: no raises; the table is the items with headroom", async () => {
    const { code, json } = await planJson(SAMPLE_FILE, "--target", "three-star");
    expect(code).toBe(0);
    expect(json).toMatchObject({ reached: true, reachable: true, pointsNeeded: 0, raises: [], steps: 0 });
    const en = await runCli(["plan", SAMPLE_FILE, "--target", "three-star", "--lang", "en"]);
    const [paragraph, table] = en.out.split("\n\n");
    expect(paragraph).toBe(
      "The final score is 87.46 (Three-star). Three-star (80) is reached already: no raises are needed.",
    );
    expect(table!.split("\n").slice(0, 3)).toEqual([
      "Item  Title                         Points   Now  Headroom",
      "----  ----------------------------  ------  ----  --------",
      "A11   Supervision and incentives      6.00  85 %     +0.92",
    ]);
    expect(table!.split("\n")).toHaveLength(12);
    // Every item at 100 %: nothing left to raise, no table.
    const full = await runCli(["plan", fileOf(assessmentWith({ fill: () => 100 })), "--lang", "en"]);
    expect(full.out).toBe(
      "The final score is 100.00 (Five-star). Five-star (95) is reached already: no raises are needed.",
    );
  });

  let workbook: string;
  beforeAll(async () => {
    workbook = await generated(tempDir(), "en");
  });

  it("plans from a workbook as from its assessment", async () => {
    expect((await planJson(workbook)).json).toEqual((await planJson(SAMPLE_FILE)).json);
  });

  it("an unreadable entry stops it, naming its cell", async () => {
    const row = await typeEntry(workbook, "C7", "ninety");
    const run = await runCli(["plan", workbook, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`Scoring!H${row} (C7, evaluator "张三"): the cell holds the text "ninety"`);
    expect(run.err).not.toMatch(STACK_TRACE);
  });

  it("refuses an unknown target and a missing file, without a stack trace", async () => {
    const bad = await runCli(["plan", SAMPLE_FILE, "--target", "six-star"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("qualified, three-star, four-star, five-star");
    const missing = await runCli(["plan", path.join(tempDir(), "none.json"), "--lang", "en"]);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(STACK_TRACE);
  });
});
