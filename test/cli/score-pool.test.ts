import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FILES_PER_THREAD, MAX_ASKED_THREADS, MAX_THREADS, threadsFor } from "../../src/cli/score-pool";
import { assessmentWith } from "../helpers/builders";
import { generated, STACK_TRACE, tempDir } from "../helpers/run-cli";
import { SAMPLE_FILE } from "../helpers/sample";

const BIN = path.resolve(__dirname, "../../bin/starscore.js");

describe("how many threads a batch is scored on", () => {
  it("one per core up to MAX_THREADS, only with FILES_PER_THREAD files for each", () => {
    expect(threadsFor(1, {}, 8)).toBe(1);
    expect(threadsFor(FILES_PER_THREAD * 2 - 1, {}, 8)).toBe(1);
    expect(threadsFor(FILES_PER_THREAD * 2, {}, 8)).toBe(2);
    expect(threadsFor(1000, {}, 2)).toBe(2);
    expect(threadsFor(1000, {}, 64)).toBe(MAX_THREADS);
    expect(threadsFor(1000, {}, 1)).toBe(1);
  });

  it("STARSCORE_THREADS when it is a whole number from 1, never more threads than files or MAX_ASKED_THREADS", () => {
    expect(threadsFor(100, { STARSCORE_THREADS: "1" }, 8)).toBe(1);
    expect(threadsFor(100, { STARSCORE_THREADS: "3" }, 2)).toBe(3);
    expect(threadsFor(2, { STARSCORE_THREADS: "3" }, 2)).toBe(2);
    expect(threadsFor(1000, { STARSCORE_THREADS: "1000" }, 2)).toBe(MAX_ASKED_THREADS);
    for (const bad of ["0", "-1", "two", "1.5", ""])
      expect(threadsFor(100, { STARSCORE_THREADS: bad }, 2)).toBe(2);
  });
});

describe("a batch on worker threads (the built CLI, lib/cli/score-worker.js)", () => {
  /** Twelve files: workbooks, JSON, an incomplete assessment and broken files, interleaved. */
  async function batch(): Promise<string[]> {
    const dir = tempDir();
    const workbook = await generated(dir);
    const files: string[] = [];
    for (let i = 0; i < 12; i++) {
      const file = path.join(dir, `f${String(i).padStart(2, "0")}.${i % 3 === 0 ? "xlsx" : "json"}`);
      if (i % 3 === 0) copyFileSync(workbook, file);
      else if (i === 4) writeFileSync(file, '{"format":');
      else if (i === 7)
        writeFileSync(
          file,
          JSON.stringify(assessmentWith({ evaluators: 2, fill: (c) => (c === "B1" ? null : 80) })),
        );
      else copyFileSync(SAMPLE_FILE, file);
      files.push(file);
    }
    return files;
  }

  const run = (args: string[], threads: number) =>
    spawnSync(process.execPath, [BIN, ...args], {
      encoding: "utf8",
      env: { ...process.env, STARSCORE_THREADS: String(threads) },
    });

  it("prints exactly what one thread prints, in the files' order, with the same exit code", async () => {
    // Without the built worker script the CLI would score on one thread: make sure this one has it.
    expect(existsSync(path.resolve(__dirname, "../../lib/cli/score-worker.js"))).toBe(true);
    const files = await batch();
    for (const args of [
      ["score", ...files, "--json", "--lang", "en"],
      ["score", ...files, "--lang", "zh"],
    ]) {
      const one = run(args, 1);
      const three = run(args, 3);
      expect(three.stdout).toBe(one.stdout);
      expect(three.stderr).toBe(one.stderr);
      expect(three.status).toBe(one.status);
      expect(three.status).toBe(2);
      expect(three.stderr).not.toMatch(STACK_TRACE);
    }
    const lines = run(["score", ...files, "--json"], 3)
      .stdout.trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.file)).toEqual(files);
    expect(lines[4]).toHaveProperty("error");
    expect(lines[7]).toMatchObject({ complete: false });
    expect(lines[9]).toMatchObject({ finalScore: 87.46 });
  }, 60_000);
});
