import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main, type Io } from "../../src/cli";
import { assessmentWith } from "../helpers/builders";
import { SAMPLE_FILE } from "../helpers/sample";

const ROOT = path.resolve(__dirname, "../..");

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  const code = await main(["node", "starscore", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

function tempFile(name: string, content: string): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "starscore-")), name);
  writeFileSync(file, content);
  return file;
}

describe("starscore score", () => {
  it("scores the shipped sample: 87.46, 三星级", async () => {
    // Service items: mean of 85 and 95 = 90 %; management: mean of 80 and 90 = 85 %; 5.2.6 excluded.
    // raw = 0.9 × 58 + 0.85 × 40 = 86.2; scaled = 86.2 / 98 × 100 = 87.9592; − 1 + 0.5 = 87.4592 → 87.46
    const { code, out } = await run(["score", SAMPLE_FILE, "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({
      complete: true,
      rawScore: 86.2,
      applicableTotal: 98,
      deductions: 1,
      bonus: 0.5,
      finalScore: 87.46,
      grade: "three-star",
      gradeLabel: "三星级",
      passed: true,
      reasons: [],
      issues: [],
    });
    expect(json.scaledScore).toBeCloseTo(87.9591836735, 10);
    expect(json.indicators).toHaveLength(15);
    expect(json.indicators.find((i: { id: string }) => i.id === "5.2.6")).toEqual({
      id: "5.2.6",
      max: 2,
      applicableMax: 0,
      score: 0,
      attainment: null,
    });
    expect(json.items).toHaveLength(50);
    expect(json.items.find((i: { code: string }) => i.code === "B23")).toEqual({
      code: "B23",
      points: 1,
      score: null,
      entries: 0,
      excluded: true,
    });
    expect(
      json.evaluators.map((e: { name: string; itemsScored: number }) => [e.name, e.itemsScored]),
    ).toEqual([
      ["张三", 48],
      ["李四", 18],
      ["暗访 1", 30],
    ]);
  });

  it("gives the agreement between evaluators under `agreement`, and in the report", async () => {
    // 张三 85 on the 30 service items (with the visit's 95) and 80 on the 18 management items (with
    // 李四's 90): mean 3990 / 48 = 83.125 → 83.13; the team's means 90 and 85: 4230 / 48 = 88.125.
    const { out } = await run(["score", SAMPLE_FILE, "--json"]);
    const { agreement } = JSON.parse(out);
    expect(agreement.evaluators).toEqual([
      { index: 0, name: "张三", itemsScored: 48, meanPercent: 83.13, teamPercent: 88.13, bias: -5 },
      { index: 1, name: "李四", itemsScored: 18, meanPercent: 90, teamPercent: 85, bias: 5 },
      { index: 2, name: "暗访 1", itemsScored: 30, meanPercent: 95, teamPercent: 90, bias: 5 },
    ]);
    // 5.2.6 (B23, B24) is excluded: 48 items, none in disagreement (85 and 95, 80 and 90: band 5 and 4–5).
    expect(agreement.items).toHaveLength(48);
    expect(agreement.items[0]).toEqual({
      code: "B1",
      entries: 2,
      minPercent: 85,
      maxPercent: 95,
      spreadBands: 0,
      disagreement: false,
    });
    expect(agreement.items.filter((i: { disagreement: boolean }) => i.disagreement)).toEqual([]);

    const text = await run(["score", SAMPLE_FILE, "--lang", "en"]);
    expect(text.out).toMatch(/Evaluator\s+Own total\s+Items scored\s+Mean %\s+Bias/);
    expect(text.out).toMatch(/张三\s+81\.30\s+48\s+83\.13\s+−5\.00/);
    expect(text.out).toContain("Evaluators disagree (highest and lowest 2 or more bands apart): none");
    const apart = tempFile(
      "apart.json",
      JSON.stringify(assessmentWith({ evaluators: 2, fill: (c, e) => (c === "C4" && e === 1 ? 20 : 80) })),
    );
    expect((await run(["score", apart])).out).toContain(
      "评价人分歧（最高与最低相差 2 个及以上评分区间）: C4 (20–80)",
    );
    const alone = tempFile("alone.json", JSON.stringify(assessmentWith()));
    expect((await run(["score", alone, "--lang", "en"])).out).not.toContain("disagree");
  });

  it("prints a readable report in Chinese by default and in English on request", async () => {
    const zh = await run(["score", SAMPLE_FILE]);
    expect(zh.code).toBe(0);
    expect(zh.out).toContain("最终得分: 87.46");
    expect(zh.out).toContain("等级: 三星级");
    expect(zh.out).toMatch(/5\.2\.6 废弃商品回收\s+2\.00\s+已删减/);
    const en = await run(["score", SAMPLE_FILE, "--lang", "en"]);
    expect(en.out).toContain("Final score: 87.46");
    expect(en.out).toContain("Grade: Three-star");
    const fromLocale = await run(["score", SAMPLE_FILE], { LANG: "en_US.UTF-8" });
    expect(fromLocale.out).toContain("Grade: Three-star");
  });

  it("exits 1 with the issues when the assessment has errors or is incomplete", async () => {
    const file = tempFile(
      "bad.json",
      JSON.stringify(assessmentWith({ fill: (c) => (c === "A4" ? null : c === "B2" ? 82 : 80) })),
    );
    const { code, out } = await run(["score", file, "--json", "--lang", "en"]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.complete).toBe(false);
    expect(json.issues.map((i: { code: string; item: string }) => [i.code, i.item])).toEqual([
      ["entry-off-step", "B2"],
      // The only entry for B2 is invalid, so B2 counts as unscored too.
      ["item-unscored", "B2"],
      ["item-unscored", "A4"],
    ]);
    expect(json.issues[0]).toMatchObject({ evaluator: "评价人1", evaluatorIndex: 0, severity: "error" });
    expect(json.issues[0].message).toContain("e.g. 80");
  });

  it("exits 2 with a message, not a stack trace, for a missing file or a file that is not an assessment", async () => {
    const missing = await run(["score", "/nonexistent/a.json"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("无法读取文件 /nonexistent/a.json（ENOENT）");
    expect(missing.err).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);

    const file = tempFile("wrong.json", JSON.stringify({ format: "starscore.assessment/1", step: 7 }));
    const wrong = await run(["score", file, "--lang", "en"]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("is not a valid assessment file");
    expect(wrong.err).toContain("$.step:");
    expect(wrong.err).toContain("$.organization:");
  });

  it("exits 2 on usage errors", async () => {
    expect((await run(["score"])).code).toBe(2);
    expect((await run(["score", SAMPLE_FILE, "--lang", "fr"])).code).toBe(2);
    expect((await run(["frobnicate"])).code).toBe(2);
    expect((await run(["--help"])).code).toBe(0);
  });

  it("works as the installed bin (npx starscore)", () => {
    const help = execFileSync("node", [path.join(ROOT, "bin/starscore.js"), "--help"], { encoding: "utf8" });
    expect(help).toContain("score");
    const scored = spawnSync("node", [path.join(ROOT, "bin/starscore.js"), "score", SAMPLE_FILE, "--json"], {
      encoding: "utf8",
    });
    expect(scored.status).toBe(0);
    expect(JSON.parse(scored.stdout).grade).toBe("three-star");
  });
});
