import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { main, type Io } from "../../src/cli";
import { SAMPLE_FILE } from "./sample";

/** Runs `starscore …args` in-process and collects its exit code, stdout and stderr. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), env };
  const code = await main(["node", "starscore", ...args], io);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "starscore-"));
}

/** A stack trace line ("at fn (file.ts:12:3)"): user mistakes must never show one. */
export const STACK_TRACE = /\bat .*\(.*:\d+:\d+\)/;

/** `starscore generate --from` the sample into `dir`: the workbook's path. */
export async function generated(dir: string, lang: "zh" | "en" = "zh"): Promise<string> {
  const out = path.join(dir, `sample-${lang}.xlsx`);
  expect((await runCli(["generate", "--from", SAMPLE_FILE, "-o", out, "--lang", lang])).code).toBe(0);
  return out;
}

/** `starscore export` of a workbook (next to it in `dir`): the assessment it holds. */
export async function exported(dir: string, workbook: string): Promise<Assessment> {
  const json = path.join(dir, `${path.basename(workbook)}.json`);
  const run = await runCli(["export", workbook, "-o", json, "--force"]);
  expect(run.err).toBe("");
  return JSON.parse(readFileSync(json, "utf8"));
}

/**
 * What a command that writes `out` from `input` must do: without --force, refuse an existing file
 * (exit 2, a message, the file kept) and its own input; with --force, write.
 */
export async function expectNoOverwrite(command: string, input: string, out: string): Promise<void> {
  writeFileSync(out, "keep me");
  const refused = await runCli([command, input, "-o", out, "--lang", "en"]);
  expect(refused).toEqual({
    code: 2,
    out: "",
    err: `The file ${out} already exists and is not overwritten. Choose another name, or add --force to overwrite it.`,
  });
  expect(readFileSync(out, "utf8")).toBe("keep me");
  const self = await runCli([command, input, "-o", input]);
  expect(self.code).toBe(2);
  expect(self.err).toContain("就是输入文件");
  expect((await runCli([command, input, "-o", out, "--force"])).code).toBe(0);
}
