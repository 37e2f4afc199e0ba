import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths";
import { gzipSync } from "node:zlib";

/** The task pane's emitted JavaScript, raw and gzipped, and which files the page loads first. */
export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
  initial: boolean;
}

/** The production build of the add-in, into `dist` (dist/ by default). */
export function buildTaskpane(dist = path.join(ROOT, "dist")): void {
  const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const built = spawnSync(process.execPath, [webpack, "--mode", "production", "--output-path", dist], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (built.status !== 0) throw new Error(`webpack failed:\n${built.stdout}\n${built.stderr}`);
}

/** Sizes of dist/*.js; "initial" = the scripts taskpane.html loads (the first open's cost). */
export function bundleSizes(dist = path.join(ROOT, "dist")): BundleFile[] {
  const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
  // The minified page leaves attribute values unquoted: <script defer src=taskpane.1a2b.js>.
  const scripts = [...html.matchAll(/<script[^>]+src=["']?([^"' >]+\.js)/g)].map((m) => m[1]!);
  const initial = new Set(scripts.filter((src) => !/^https?:/.test(src)).map((src) => path.basename(src)));
  return readdirSync(dist)
    .filter((f) => f.endsWith(".js"))
    .map((file) => {
      const bytes = readFileSync(path.join(dist, file));
      return {
        file,
        raw: bytes.length,
        gzip: gzipSync(bytes, { level: 9 }).length,
        initial: initial.has(file),
      };
    })
    .sort((a, b) => b.gzip - a.gzip);
}
