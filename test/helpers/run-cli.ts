import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main, type Io } from "../../src/cli";

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
