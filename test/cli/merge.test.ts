import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { scoreAssessment } from "../../src/core/score";
import type { Lang } from "../../src/spec/types";
import { SHEET_NAMES } from "../../src/workbook/labels";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { INFO_ROWS } from "../../src/workbook/sheets/info";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { exported, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE } from "../helpers/sample";

/** A workbook of `assessment` written to dir/name, as `starscore generate --from` writes it. */
async function workbook(
  dir: string,
  name: string,
  assessment: Assessment,
  lang: Lang = "zh",
): Promise<string> {
  const file = path.join(dir, name);
  const layout = buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment) });
  writeFileSync(file, await writeXlsx(layout));
  return file;
}

/** The sample with only evaluator k's entries, in a one-column workbook (notes only in the lead's). */
function single(k: number): Assessment {
  const { notes, ...rest } = SAMPLE;
  return {
    ...rest,
    evaluators: [SAMPLE.evaluators[k]!],
    scores: Object.fromEntries(Object.entries(SAMPLE.scores).map(([code, row]) => [code, [row[k] ?? null]])),
    ...(k === 0 && notes && { notes }),
  };
}

/** The sample's full team with only evaluator k's entries (the copy the lead hands out). */
function copy(k: number, change: (a: Assessment) => Assessment = (a) => a): Assessment {
  const { notes, ...rest } = SAMPLE;
  return change({
    ...rest,
    scores: Object.fromEntries(
      Object.entries(SAMPLE.scores).map(([code, row]) => [code, row.map((v, j) => (j === k ? v : null))]),
    ),
    ...(k === 0 && notes && { notes }),
  });
}

async function scoreJson(file: string) {
  const run = await runCli(["score", file, "--json", "--lang", "en"]);
  return JSON.parse(run.out);
}

async function edit(file: string, change: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  await wb.xlsx.writeFile(file);
}

/** Each test writes, merges and reads back several whole workbooks (ExcelJS, about a second each on CI). */
jest.setTimeout(30_000);

describe("starscore merge", () => {
  it("merges three single-evaluator workbooks into one that scores exactly like the full workbook", async () => {
    const dir = tempDir();
    const full = await workbook(dir, "full.xlsx", SAMPLE);
    const files = [];
    for (const k of [0, 1, 2]) files.push(await workbook(dir, `single-${k}.xlsx`, single(k)));
    const out = path.join(dir, "merged.xlsx");
    const run = await runCli(["merge", ...files, "-o", out, "--lang", "en", "--by", "张三"]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const entries = Object.values(SAMPLE.scores).flatMap((row) =>
      row.slice(1).filter((v) => v !== null),
    ).length;
    expect(run.out).toBe(
      `Merged 3 workbooks into ${out}: ${entries} entries and 0 notes taken; 3 evaluator columns (added: 李四, 暗访 1).`,
    );
    expect(await scoreJson(out)).toEqual(await scoreJson(full));
    expect(await exported(dir, out)).toEqual(SAMPLE);

    // The audit log: one "merge" row, by the person given, naming the files.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const audit = wb.getWorksheet(SHEET_NAMES.audit.zh)!;
    expect(audit.getCell("B5").value).toBe("张三");
    expect(audit.getCell("C5").value).toBe("合并");
    expect(String(audit.getCell("D5").value)).toContain("single-1.xlsx、single-2.xlsx");
  });

  it("merges the copies of the whole team the lead handed out, equal values being no conflict", async () => {
    const dir = tempDir();
    const full = await workbook(dir, "full.xlsx", SAMPLE, "en");
    // Every copy also carries the lead's own B1 entry, unchanged.
    const lead = SAMPLE.scores.B1![0]!;
    const withLeadB1 = (a: Assessment) => ({
      ...a,
      scores: { ...a.scores, B1: a.scores.B1!.map((v, j) => (j === 0 ? lead : v)) },
    });
    const files = [
      await workbook(dir, "lead.xlsx", copy(0), "en"),
      await workbook(dir, "b.xlsx", copy(1, withLeadB1)),
      await workbook(dir, "c.xlsx", copy(2, withLeadB1)),
    ];
    const out = path.join(dir, "merged.xlsx");
    const run = await runCli(["merge", ...files, "-o", out, "--json"]);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.out);
    expect(json).toMatchObject({ merged: true, added: [], warnings: [] });
    expect(json.evaluators).toEqual(SAMPLE.evaluators);
    expect(await scoreJson(out)).toEqual(await scoreJson(full));
    // The lead's language: English sheet names.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet(SHEET_NAMES.scoring.en)).toBeDefined();
  });

  it("adds an evaluator the lead's file does not have as a new column at the end", async () => {
    const dir = tempDir();
    const extra: Assessment = {
      ...single(1),
      evaluators: [{ name: "王五", kind: "auditor" }],
    };
    const files = [await workbook(dir, "lead.xlsx", copy(0)), await workbook(dir, "w.xlsx", extra)];
    const out = path.join(dir, "merged.xlsx");
    expect((await runCli(["merge", ...files, "-o", out])).code).toBe(0);
    const merged = await exported(dir, out);
    expect(merged.evaluators.map((e) => e.name)).toEqual(["张三", "李四", "暗访 1", "王五"]);
    expect(merged.scores.A18).toEqual([SAMPLE.scores.A18![0], null, null, SAMPLE.scores.A18![1]]);
  });

  describe("conflicts: exit 1, every one listed with both files' cells, nothing written", () => {
    it("an entry: the same evaluator and item with two values", async () => {
      const dir = tempDir();
      const [b1, c7] = [SAMPLE.scores.B1![1]!, SAMPLE.scores.C7![1]!];
      const other = copy(1, (a) => ({
        ...a,
        scores: { ...a.scores, B1: [b1 === 50 ? 55 : 50, b1, null], C7: [null, c7, c7 === 0 ? 5 : 0] },
      }));
      const files = [await workbook(dir, "lead.xlsx", SAMPLE), await workbook(dir, "other.xlsx", other)];
      const out = path.join(dir, "merged.xlsx");
      const run = await runCli(["merge", ...files, "-o", out, "--lang", "en"]);
      expect(run.code).toBe(1);
      expect(existsSync(out)).toBe(false);
      expect(run.out).toContain("Not merged: 2 conflicts");
      expect(run.out).toContain(`lead.xlsx '评分'!H7: ${SAMPLE.scores.B1![0]}`);

      const json = JSON.parse((await runCli(["merge", ...files, "-o", out, "--json", "--lang", "en"])).out);
      expect(json.merged).toBe(false);
      expect(json.conflicts).toEqual([
        {
          kind: "entry",
          item: "B1",
          evaluator: "张三",
          evaluatorKind: "auditor",
          a: { file: "lead.xlsx", cell: "'评分'!H7", value: SAMPLE.scores.B1![0] },
          b: { file: "other.xlsx", cell: "'评分'!H7", value: b1 === 50 ? 55 : 50 },
          message: expect.stringContaining('B1, evaluator "张三"'),
        },
        expect.objectContaining({
          kind: "entry",
          item: "C7",
          evaluator: "暗访 1",
          evaluatorKind: "visit",
          a: expect.objectContaining({ file: "lead.xlsx", value: SAMPLE.scores.C7![2] }),
          b: expect.objectContaining({ file: "other.xlsx", value: c7 === 0 ? 5 : 0 }),
        }),
      ]);
      expect(existsSync(out)).toBe(false);
    });

    it("a note: the same item with two texts", async () => {
      const dir = tempDir();
      const other = copy(1, (a) => ({ ...a, notes: { B1: "另一条备注" } }));
      const files = [await workbook(dir, "lead.xlsx", copy(0)), await workbook(dir, "other.xlsx", other)];
      const out = path.join(dir, "merged.xlsx");
      const run = await runCli(["merge", ...files, "-o", out, "--json", "--lang", "en"]);
      expect(run.code).toBe(1);
      expect(JSON.parse(run.out).conflicts).toEqual([
        expect.objectContaining({
          kind: "notes",
          item: "B1",
          a: expect.objectContaining({ file: "lead.xlsx", value: SAMPLE.notes!.B1 }),
          b: expect.objectContaining({ file: "other.xlsx", value: "另一条备注" }),
        }),
      ]);
      expect(existsSync(out)).toBe(false);
    });
  });

  it("warns of a file whose Info, exclusions or special items differ, and keeps the lead's", async () => {
    const dir = tempDir();
    const other = copy(1, (a) => ({
      ...a,
      organization: "另一家公司",
      step: 1,
      exclusions: { B10: "无配送业务" },
      bonus: [],
    }));
    const files = [await workbook(dir, "lead.xlsx", copy(0)), await workbook(dir, "other.xlsx", other)];
    const out = path.join(dir, "merged.xlsx");
    const run = await runCli(["merge", ...files, "-o", out, "--json", "--lang", "en"]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).warnings).toEqual([
      {
        file: "other.xlsx",
        differs: "info",
        fields: ["organization", "step"],
        message:
          "other.xlsx's Info (organisation, entry step) differs from the lead auditor's workbook: the lead's is kept, not merged.",
      },
      expect.objectContaining({ differs: "exclusions" }),
      expect.objectContaining({ differs: "special" }),
    ]);
    const merged = await exported(dir, out);
    expect(merged).toMatchObject({
      organization: SAMPLE.organization,
      step: SAMPLE.step,
      exclusions: SAMPLE.exclusions,
      bonus: SAMPLE.bonus,
    });
  });

  describe("refusals: exit 2, a message, nothing written", () => {
    it("a workbook with another catalogue and rules fingerprint", async () => {
      const dir = tempDir();
      const files = [await workbook(dir, "lead.xlsx", copy(0)), await workbook(dir, "other.xlsx", copy(1))];
      await edit(files[1]!, (wb) => {
        wb.getWorksheet(SHEET_NAMES.info.zh)!.getCell(`B${INFO_ROWS.fingerprint}`).value = "0".repeat(64);
      });
      const out = path.join(dir, "merged.xlsx");
      const run = await runCli(["merge", ...files, "-o", out, "--lang", "en"]);
      expect(run).toMatchObject({ code: 2, out: "" });
      expect(run.err).toBe(
        "Cannot merge:\n  other.xlsx has another catalogue and rules fingerprint than this StarScore (another catalogue or rules version): not merged.",
      );
      expect(existsSync(out)).toBe(false);
    });

    it("a file that is not a StarScore workbook, or not a workbook", async () => {
      const dir = tempDir();
      const lead = await workbook(dir, "lead.xlsx", copy(0));
      const plain = path.join(dir, "plain.xlsx");
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet("Sheet1").getCell("A1").value = "hello";
      await wb.xlsx.writeFile(plain);
      const json = path.join(dir, "a.json");
      writeFileSync(json, JSON.stringify(SAMPLE));
      const out = path.join(dir, "merged.xlsx");
      for (const other of [plain, json]) {
        const run = await runCli(["merge", lead, other, "-o", out, "--lang", "en"]);
        expect(run.code).toBe(2);
        expect(run.err).toContain(`Cannot read an assessment from ${other}`);
        expect(run.err).not.toMatch(STACK_TRACE);
      }
      expect(existsSync(out)).toBe(false);
    });

    it("an output that exists (without --force) or is an input (even with --force)", async () => {
      const dir = tempDir();
      const files = [await workbook(dir, "lead.xlsx", copy(0)), await workbook(dir, "other.xlsx", copy(1))];
      const out = path.join(dir, "merged.xlsx");
      writeFileSync(out, "keep me");
      const kept = await runCli(["merge", ...files, "-o", out, "--lang", "en"]);
      expect(kept.code).toBe(2);
      expect(kept.err).toContain("already exists");
      expect(readFileSync(out, "utf8")).toBe("keep me");
      expect((await runCli(["merge", ...files, "-o", out, "--force"])).code).toBe(0);
      const before = readFileSync(files[1]!);
      const self = await runCli(["merge", ...files, "-o", files[1]!, "--force", "--lang", "en"]);
      expect(self.code).toBe(2);
      expect(self.err).toContain("is one of the workbooks to merge");
      expect(readFileSync(files[1]!).equals(before)).toBe(true);
    });

    it("a single file", async () => {
      const dir = tempDir();
      const lead = await workbook(dir, "lead.xlsx", copy(0));
      const run = await runCli(["merge", lead, "-o", path.join(dir, "m.xlsx")]);
      expect(run.code).toBe(2);
    });
  });
});
