import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { UserError } from "./errors";

/**
 * The files a command is given: names as they are, a folder for the assessments and workbooks in it
 * (.json, .xlsx, .xlsm; not its subfolders), a wildcard pattern (`audits/2025-*.xlsx`; `*`, `?` and
 * `[…]` within a name) for the files it matches, for shells that do not expand them (Windows).
 * `batch` says whether the output is one record per file: more than one name, a folder or a
 * pattern, whatever they turn out to hold, so that a script reads the same shape every time.
 */
export interface Inputs {
  files: string[];
  batch: boolean;
}

const SCORABLE = /\.(json|xlsx|xlsm)$/i;
const WILDCARD = /[*?[]/;

export function expandInputs(names: readonly string[]): Inputs {
  let batch = names.length > 1;
  const files: string[] = [];
  for (const name of names) {
    if (isFolder(name)) {
      batch = true;
      files.push(...filesIn(name, (file) => SCORABLE.test(file)));
    } else if (WILDCARD.test(name) && !exists(name)) {
      batch = true;
      const matches = matchPattern(name);
      if (matches.length === 0) throw nothingMatches(name);
      files.push(...matches);
    } else {
      files.push(name);
    }
  }
  if (files.length === 0) throw nothingMatches(names.join(" "));
  return { files, batch };
}

/** The files of a folder whose names pass `keep`, in name order. */
function filesIn(folder: string, keep: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => path.join(folder, entry.name))
    .sort();
}

/** Files matching a pattern, segment by segment (a wildcard may stand in a folder's name too). */
function matchPattern(pattern: string): string[] {
  const absolute = path.isAbsolute(pattern);
  const segments = pattern.split(/[\\/]+/).filter((s, i) => s !== "" || i === 0);
  let found = [absolute ? segments.shift() + path.sep : ""];
  segments.forEach((segment, index) => {
    const last = index === segments.length - 1;
    if (!WILDCARD.test(segment)) {
      found = found.map((dir) => path.join(dir, segment)).filter((p) => (last ? isFile(p) : isFolder(p)));
      return;
    }
    const regex = globRegex(segment);
    found = found.flatMap((dir) =>
      readdirSync(dir || ".", { withFileTypes: true })
        .filter((entry) => (last ? entry.isFile() : entry.isDirectory()) && regex.test(entry.name))
        .map((entry) => path.join(dir, entry.name))
        .sort(),
    );
  });
  return found;
}

function globRegex(segment: string): RegExp {
  let source = "";
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i]!;
    const close = char === "[" ? segment.indexOf("]", i + 2) : -1;
    if (char === "*") source += "[^/\\\\]*";
    else if (char === "?") source += "[^/\\\\]";
    else if (close > 0) {
      const body = segment.slice(i + 1, close);
      source += `[${body.startsWith("!") ? "^" + body.slice(1) : body}]`;
      i = close;
    } else source += char.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${source}$`, process.platform === "win32" ? "i" : "");
}

const stat = (p: string) => statSync(p, { throwIfNoEntry: false });
const exists = (p: string) => stat(p) !== undefined;
const isFile = (p: string) => stat(p)?.isFile() === true;
const isFolder = (p: string) => stat(p)?.isDirectory() === true;

const nothingMatches = (what: string) =>
  new UserError({
    zh: `${what} 中没有评估文件或工作簿（.json、.xlsx）。`,
    en: `No assessment file or workbook (.json, .xlsx) found in ${what}.`,
  });
