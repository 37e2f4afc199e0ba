import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST_E2E = path.join(ROOT, "dist-e2e");

/**
 * Builds dist-e2e/ with webpack.e2e.config.js, in a child process (webpack and TypeScript stay out
 * of jest's module registry). Webpack's filesystem cache makes a rebuild take a few seconds.
 * Rejects with webpack's output when the build fails.
 */
export function buildE2e(): Promise<{ ms: number }> {
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
