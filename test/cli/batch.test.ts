import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { assessmentWith } from "../helpers/builders";
import { generated, runCli, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";

const ROOT = path.resolve(__dirname, "../..");

/**
 * The sample as a workbook, generated once for the whole file (each folder gets a copy). The first
 * generate loads (and ts-jest compiles) the whole workbook writer: more than a test's 5 s on CI too.
 */
let sampleWorkbook = "";
beforeAll(async () => {
  sampleWorkbook = await generated(tempDir());
}, 60_000);

/** A folder with the sample as JSON and as a workbook, an incomplete assessment, a broken file and a note. */
function audits(): { dir: string; sample: string; workbook: string; incomplete: string; broken: string } {
  const dir = tempDir();
  const sample = path.join(dir, "a-sample.json");
  copyFileSync(SAMPLE_FILE, sample);
  const workbook = path.join(dir, "d-sample.xlsx");
  copyFileSync(sampleWorkbook, workbook);
  const incomplete = path.join(dir, "b-incomplete.json");
  writeFileSync(
    incomplete,
    JSON.stringify(assessmentWith({ evaluators: 2, fill: (code) => (code === "B1" ? null : 80) })),
  );
  const broken = path.join(dir, "c-broken.json");
  writeFileSync(broken, '{"format":');
  writeFileSync(path.join(dir, "notes.txt"), "not an assessment");
  return { dir, sample, workbook, incomplete, broken };
}

const lines = (out: string) => out.split("\n").map((line) => JSON.parse(line));

describe("starscore score, several files in one process", () => {
  it("prints one JSON object per line with its file; a failing file gives its error and the others go on; exit code the worst", async () => {
    const { sample, workbook, incomplete, broken } = audits();
    const run = await runCli(["score", sample, broken, workbook, incomplete, "--json", "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe("");
    const records = lines(run.out);
    expect(records.map((r) => r.file)).toEqual([sample, broken, workbook, incomplete]);
    expect(records[0]).toMatchObject({ finalScore: 87.46, grade: "three-star", complete: true });
    expect(records[1]).toEqual({
      file: broken,
      error: {
        message: `${broken} is not a valid assessment file:`,
        details: [expect.stringContaining("JSON")],
      },
    });
    expect(records[2]).toMatchObject({ finalScore: 87.46, grade: "three-star" });
    expect(records[3]).toMatchObject({
      complete: false,
      issues: [expect.objectContaining({ code: "item-unscored", item: "B1" })],
    });
    // Without the broken file the worst is the incomplete one (1); all good gives 0.
    expect((await runCli(["score", sample, incomplete, "--json"])).code).toBe(1);
    expect((await runCli(["score", sample, workbook, "--json"])).code).toBe(0);
  });

  it("takes a folder (its .json and .xlsx files, in name order) and a wildcard pattern", async () => {
    const { dir, sample, workbook, incomplete, broken } = audits();
    mkdirSync(path.join(dir, "older"));
    copyFileSync(SAMPLE_FILE, path.join(dir, "older", "kept-out.json"));
    const folder = await runCli(["score", dir, "--json"]);
    expect(lines(folder.out).map((r) => r.file)).toEqual([sample, incomplete, broken, workbook]);
    expect(folder.code).toBe(2);
    const pattern = await runCli(["score", path.join(dir, "[ab]-*.json"), "--json"]);
    expect(lines(pattern.out).map((r) => r.file)).toEqual([sample, incomplete]);
    // A pattern or a folder gives one line per file even when one file matches.
    const one = await runCli(["score", path.join(dir, "a-*.json"), "--json"]);
    expect(lines(one.out)).toEqual([expect.objectContaining({ file: sample, finalScore: 87.46 })]);
  });

  it("says so, in the user's language, when a folder or pattern holds nothing to score", async () => {
    const dir = tempDir();
    expect(await runCli(["score", dir, "--lang", "en"])).toEqual({
      code: 2,
      out: "",
      err: `No assessment file or workbook (.json, .xlsx) found in ${dir}.`,
    });
    const zh = await runCli(["score", path.join(dir, "*.xlsx")]);
    expect(zh.code).toBe(2);
    expect(zh.err).toContain("中没有评估文件或工作簿");
  });

  it("without --json prints each report under its file's name and each error on stderr", async () => {
    const { sample, broken } = audits();
    const run = await runCli(["score", sample, broken, "--lang", "en"]);
    expect(run.code).toBe(2);
    expect(run.out).toContain(`== ${sample} ==`);
    expect(run.out).toContain("87.46");
    expect(run.err).toContain(`== ${broken} ==`);
    expect(run.err).toContain("is not a valid assessment file");
    expect(run.err).not.toMatch(STACK_TRACE);
  });
});

describe("commands load only what they use", () => {
  /** The files the built CLI has loaded after `starscore …args` (lib/, from npm run build:cli). */
  function filesLoadedBy(args: string[]): string[] {
    const script = `
      const { main } = require(${JSON.stringify(path.join(ROOT, "lib/cli/index.js"))});
      const io = { out: () => {}, err: () => {}, env: {} };
      main(["node", "starscore", ...${JSON.stringify(args)}], io).then(() => {
        process.stdout.write(JSON.stringify(Object.keys(require.cache)));
      });`;
    return JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  }

  /** The npm packages among them. */
  function packagesLoadedBy(args: string[]): string[] {
    const names = filesLoadedBy(args)
      .map((file) => /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(file)?.[1])
      .filter((name): name is string => name !== undefined);
    return [...new Set(names)].sort();
  }

  /** StarScore's own modules among them, as paths under lib/ ("workbook/xlsx/signature.js"). */
  function ownModulesLoadedBy(args: string[]): string[] {
    const lib = path.join(ROOT, "lib") + path.sep;
    return filesLoadedBy(args)
      .filter((file) => file.startsWith(lib))
      .map((file) => file.slice(lib.length).split(path.sep).join("/"));
  }

  it("score FILE.json loads neither ExcelJS nor JSZip; score FILE.xlsx loads JSZip and saxes, never ExcelJS or zod", async () => {
    const { workbook } = audits();
    const forJson = packagesLoadedBy(["score", SAMPLE_FILE, "--json"]);
    expect(forJson).toEqual(["commander", "fraction.js"]);
    // The reader parses the sheets' XML itself (src/workbook/xlsx/xml-grid.ts): ExcelJS's model is not built.
    const forXlsx = packagesLoadedBy(["score", workbook, "--json"]);
    expect(forXlsx).toEqual(expect.arrayContaining(["jszip", "saxes"]));
    expect(forXlsx).not.toContain("exceljs");
    // What the reader read is checked by the schema's compiled parser: zod only for one it refuses.
    expect(forXlsx).not.toContain("zod");
  });

  it("score FILE.json loads only the score command's modules: no workbook, report or other command code", () => {
    const own = ownModulesLoadedBy(["score", SAMPLE_FILE, "--json"]);
    expect(own).toContain("cli/score-command.js");
    expect(own.filter((file) => /-command\.js$/.test(file))).toEqual(["cli/score-command.js"]);
    // Telling a zip from JSON and the size limits of a file: the only workbook modules it needs.
    expect(own.filter((file) => file.startsWith("workbook/")).sort()).toEqual([
      "workbook/xlsx/limits.js",
      "workbook/xlsx/signature.js",
    ]);
    expect(own.filter((file) => file.startsWith("report/"))).toEqual([]);
  });

  it("score FILE.json reads a valid assessment without zod, in 39 files at most", () => {
    // The schema's compiled parser (src/assessment/compiled-parser.ts) reads it; zod is 95 files.
    const files = filesLoadedBy(["score", SAMPLE_FILE, "--json"]);
    expect(files.filter((file) => /node_modules[\\/]zod[\\/]/.test(file))).toEqual([]);
    expect(files.length).toBeLessThanOrEqual(39);
    expect(ownModulesLoadedBy(["score", SAMPLE_FILE, "--json"])).not.toContain("cli/report-text.js");
  });

  it("score loads zod for an assessment that is not valid, to say why", () => {
    const bad = path.join(tempDir(), "bad.json");
    writeFileSync(bad, JSON.stringify({ ...SAMPLE, step: 3 }));
    expect(packagesLoadedBy(["score", bad, "--json"])).toContain("zod");
  });

  it("--help lists every command", () => {
    expect(ownModulesLoadedBy(["--help"]).filter((file) => /-command\.js$/.test(file)).length).toBe(9);
  });

  it("--help loads no workbook library either", () => {
    const loaded = packagesLoadedBy(["--help"]);
    expect(loaded).not.toContain("exceljs");
    expect(loaded).not.toContain("jszip");
  });
});
