import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { ITEM_CHANGES } from "../../src/core/compare";
import { SHEET_NAMES, TEXT } from "../../src/workbook/labels";
import { assessmentWith, deduction } from "../helpers/builders";
import { exported, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";

/**
 * Pairs of workbooks: a previous audit generated from JSON, the next one started from it with
 * `generate --previous`, its outcomes typed into the Special sheet's follow-up table as an auditor
 * would, its entries and exclusions between them giving every change class (C7 improved 60 → 80,
 * A11 regressed 80 → 60, B1 unchanged, B10 newly excluded, B20 no longer excluded).
 */
const previous: Assessment = {
  ...assessmentWith({
    evaluators: [
      { name: "张三", kind: "auditor" },
      { name: "暗访 1", kind: "visit" },
    ],
    fill: (code) => (code === "C7" ? 60 : code === "B20" || code === "B23" || code === "B24" ? null : 80),
    exclusions: { B20: "无", "5.2.6": "不涉及" },
    deductions: [
      { ...deduction(1), item: "C7", deadline: "2026-12-31", status: "open" },
      { ...deduction(2), category: "policy", status: "closed" },
      deduction(3),
    ],
  }),
  organization: "某某电器有限公司",
  type: "initial",
};

let dir: string;
let previousBook: string;
let nextBook: string;
beforeAll(async () => {
  dir = tempDir();
  const json = path.join(dir, "previous.json");
  writeFileSync(json, JSON.stringify(previous));
  previousBook = path.join(dir, "previous.xlsx");
  expect((await runCli(["generate", "--from", json, "-o", previousBook])).code).toBe(0);
  nextBook = path.join(dir, "next.xlsx");
  const run = await runCli(["generate", "--previous", previousBook, "-o", nextBook, "--lang", "en"]);
  expect(run).toMatchObject({ code: 0, err: "" });
  expect(run.out).toBe(
    `Wrote ${nextBook}: 2 evaluator columns; 3 rectifications from the last audit to verify (Special sheet).`,
  );
}, 30_000);

describe("starscore generate --previous", () => {
  it("starts the next audit from the last one's organisation and team, surveillance, its deductions to verify", async () => {
    const next = await exported(dir, nextBook);
    expect(next).toMatchObject({
      organization: "某某电器有限公司",
      type: "surveillance",
      evaluators: [
        { name: "张三", kind: "auditor" },
        { name: "暗访 1", kind: "visit" },
      ],
      followUp: [
        {
          category: "law",
          description: "问题 1",
          item: "C7",
          rectification: "限期整改",
          deadline: "2026-12-31",
        },
        { category: "policy", description: "问题 2", rectification: "限期整改" },
        { category: "law", description: "问题 3", rectification: "限期整改" },
      ],
    });
    expect(next).not.toHaveProperty("deductions");
    expect(next).not.toHaveProperty("exclusions");
    expect(
      Object.values(next.scores)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    // The follow-up scores nothing: a blank audit with 3 to verify fails on its score, not on deductions.
    const score = JSON.parse((await runCli(["score", nextBook, "--json"])).out);
    expect(score).toMatchObject({ deductions: 0, finalScore: 0 });
    expect((await runCli(["verify", nextBook, "--lang", "en"])).code).toBe(0);
  });

  it("recertification when asked; --type needs --previous; --previous excludes --from", async () => {
    const recert = path.join(dir, "recert.xlsx");
    const run = await runCli([
      "generate",
      "--previous",
      previousBook,
      "--type",
      "recertification",
      "-o",
      recert,
    ]);
    expect(run.code).toBe(0);
    expect((await exported(dir, recert)).type).toBe("recertification");
    const alone = await runCli([
      "generate",
      "--type",
      "surveillance",
      "-o",
      path.join(dir, "x.xlsx"),
      "--lang",
      "en",
    ]);
    expect(alone).toMatchObject({
      code: 2,
      err: "--type is for --previous (surveillance or recertification).",
    });
    const both = await runCli([
      "generate",
      "--previous",
      previousBook,
      "--from",
      previousBook,
      "-o",
      path.join(dir, "y.xlsx"),
    ]);
    expect(both.code).toBe(2);
    expect(both.err).toContain("--previous");
    expect(both.err).not.toMatch(STACK_TRACE);
  });
});

describe("starscore compare", () => {
  let currentBook: string;
  beforeAll(async () => {
    // The auditor records the outcomes on the Special sheet: the first verified, the second not.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(nextBook);
    const special = workbook.getWorksheet(SHEET_NAMES.special.en)!;
    let header = 0;
    special.eachRow((row, n) => {
      if (row.getCell(7).value === TEXT.outcome.en) header = n;
    });
    expect(header).toBeGreaterThan(0);
    special.getCell(header + 1, 7).value = TEXT.outcomeVerified.en;
    special.getCell(header + 2, 7).value = TEXT.outcomeNotVerified.en;
    special.getCell(header + 2, 8).value = "仍未落实";
    await workbook.xlsx.writeFile(nextBook);
    // The entries and exclusions of this audit, and a deduction of its own.
    const next = await exported(dir, nextBook);
    const scores = assessmentWith({
      evaluators: 2,
      fill: (code) => (code === "A11" ? 60 : code === "B10" || code === "B23" || code === "B24" ? null : 80),
    }).scores;
    const current: Assessment = {
      ...next,
      scores,
      exclusions: { B10: "无配送业务", "5.2.6": "不涉及" },
      deductions: [{ category: "system", description: "新问题", rectification: "三个月内整改" }],
    };
    const json = path.join(dir, "current.json");
    writeFileSync(json, JSON.stringify(current));
    currentBook = path.join(dir, "current.xlsx");
    expect((await runCli(["generate", "--from", json, "-o", currentBook, "--lang", "en"])).code).toBe(0);
  }, 30_000);

  it("--json: the issue's keys, every change class, and which of the last deductions were verified", async () => {
    const run = await runCli(["compare", previousBook, currentBook, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(Object.keys(json)).toEqual(["previous", "current", "delta", "indicators", "items", "deductions"]);
    // Previous: out of 96, C7 at 60: (76.8 − 1.4) ÷ 96 × 100 − 3 = 75.54. Current: out of 97, A11 at 60:
    // (77.6 − 1.2) ÷ 97 × 100 − 1 = 77.76.
    expect(json).toMatchObject({
      previous: { finalScore: 75.54, grade: "qualified" },
      current: { finalScore: 77.76, grade: "qualified" },
      delta: 2.22,
    });
    const item = (code: string) => json.items.find((i: { code: string }) => i.code === code);
    expect(item("C7")).toEqual({ code: "C7", previousPercent: 60, currentPercent: 80, change: "improved" });
    expect(item("A11")).toEqual({
      code: "A11",
      previousPercent: 80,
      currentPercent: 60,
      change: "regressed",
    });
    expect(item("B1")).toEqual({ code: "B1", previousPercent: 80, currentPercent: 80, change: "unchanged" });
    expect(item("B10")).toEqual({
      code: "B10",
      previousPercent: 80,
      currentPercent: null,
      change: "newly-excluded",
    });
    expect(item("B20")).toEqual({
      code: "B20",
      previousPercent: null,
      currentPercent: 80,
      change: "no-longer-excluded",
    });
    expect(new Set(json.items.map((i: { change: string }) => i.change))).toEqual(new Set(ITEM_CHANGES));
    expect(json.indicators.find((i: { id: string }) => i.id === "5.3.2")).toEqual({
      id: "5.3.2",
      // C6, C8 (3 points) at 80 %, C7 (7) at 60 %: 6.6 of 10.
      previous: 66,
      current: 80,
      delta: 14,
    });
    expect(json.indicators.find((i: { id: string }) => i.id === "5.2.6")).toEqual({
      id: "5.2.6",
      previous: null,
      current: null,
      delta: null,
    });
    expect(
      json.deductions.previous.map((d: { description: string; status?: string; followUp: string }) => [
        d.description,
        d.status,
        d.followUp,
      ]),
    ).toEqual([
      ["问题 1", "open", "verified"],
      ["问题 2", "closed", "not-verified"],
      ["问题 3", undefined, "to-verify"],
    ]);
    expect(json.deductions.current).toEqual([
      { category: "system", description: "新问题", rectification: "三个月内整改" },
    ]);
  });

  it("says it in a paragraph and tables, in English and in Chinese", async () => {
    const en = await runCli(["compare", previousBook, currentBook, "--lang", "en"]);
    const [paragraph, indicators, items, deductions] = en.out.split("\n\n");
    expect(paragraph).toBe(
      "The final score went from 75.54 (Qualified) to 77.76 (Qualified): +2.22. Items: 1 improved, 1 regressed, 46 unchanged, 1 newly excluded, 1 no longer excluded. Of the previous audit's 3 special deductions: 1 verified, 1 not verified, 1 to verify. This audit has 1 special deduction.",
    );
    expect(indicators).toContain("5.3.2 Complaint handling                   66 %      80 %  +14.00");
    expect(items!.split("\n").slice(2)).toEqual([
      "B10   Packaging for transport         80 %  excluded  newly excluded",
      "B20   Returns and exchanges       excluded      80 %  no longer excluded",
      "C7    Complaint resolution            60 %      80 %  improved",
      "A11   Supervision and incentives      80 %      60 %  regressed",
    ]);
    expect(deductions).toContain("Verified");
    expect(deductions).toContain("Not verified");
    const zh = await runCli(["compare", previousBook, currentBook, "--lang", "zh"]);
    expect(zh.out.split("\n\n")[0]).toBe(
      "最终得分由上次的 75.54（达标级）变为本次的 77.76（达标级），变化 +2.22 分。项目：提升 1 项，下降 1 项，不变 46 项，新删减 1 项，不再删减 1 项。上次审核的 3 项特别扣分项：已验证 1 项，未落实 1 项，待验证 1 项。本次特别扣分项 1 项。",
    );
  });

  it("a previous deduction the current audit does not list to verify is said so", async () => {
    const json = path.join(dir, "previous.json");
    const unrelated = path.join(dir, "unrelated.json");
    writeFileSync(unrelated, JSON.stringify(assessmentWith({ fill: () => 80 })));
    const run = JSON.parse((await runCli(["compare", json, unrelated, "--json"])).out);
    expect(run.deductions.previous.map((d: { followUp: null }) => d.followUp)).toEqual([null, null, null]);
    expect(JSON.parse(readFileSync(json, "utf8")).deductions).toHaveLength(3);
    const en = await runCli(["compare", json, unrelated, "--lang", "en"]);
    expect(en.out).toContain("Of the previous audit's 3 special deductions: 3 not followed up.");
  });

  it("an unreadable file: exit 2, a message, no stack trace", async () => {
    const missing = await runCli(["compare", previousBook, path.join(dir, "none.xlsx"), "--lang", "en"]);
    expect(missing.code).toBe(2);
    expect(missing.err).not.toMatch(STACK_TRACE);
  });
});
