import { existsSync } from "node:fs";
import path from "node:path";

/** The repository root: the nearest folder above this file with a package.json (source or compiled). */
export const ROOT = findRoot(__dirname);

function findRoot(dir: string): string {
  if (existsSync(path.join(dir, "package.json"))) return dir;
  const parent = path.dirname(dir);
  if (parent === dir) throw new Error("package.json not found above " + __dirname);
  return findRoot(parent);
}
