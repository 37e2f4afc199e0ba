import { spawn } from "node:child_process";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST_E2E = path.join(ROOT, "dist-e2e");

/**
 * Builds dist-e2e/ with webpack.e2e.config.js, in a child process (webpack and TypeScript stay out
 * of jest's module registry). Webpack's filesystem cache makes a rebuild take a few seconds.
 * Rejects with webpack's output when the build fails. Test files that run at the same time (jest
 * workers) build one after the other: two webpack processes must not share the output directory
 * and the cache at once.
 */
export function buildE2e(): Promise<{ ms: number }> {
  return withLock(build);
}

const LOCK = path.join(ROOT, "node_modules", ".cache", "webpack-e2e.lock");
/** A lock this old was left behind by a killed run. */
const STALE_LOCK_MS = 180_000;

/** Runs the task holding a lock directory (mkdir is atomic), waiting for whoever holds it. */
async function withLock<T>(task: () => Promise<T>): Promise<T> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = await stat(LOCK).catch(() => undefined);
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      else await sleep(200);
    }
  }
  try {
    return await task();
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

function build(): Promise<{ ms: number }> {
  const started = Date.now();
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--config", "webpack.e2e.config.js", "--no-color"], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0 && !/\bERROR\b/.test(output)) resolve({ ms: Date.now() - started });
      else reject(new Error(`webpack.e2e.config.js failed (exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}
