import { cellRef } from "../address";
import { ReadLog, SheetReader } from "../read/cells";
import { infoRows } from "../read/info";
import { RULE_NAMES, SPECIAL_NAMES } from "../names";
import type { SheetKey, WorkbookLayout } from "../types";
import { FINGERPRINT_NAME } from "./fingerprint";
import { cellName, type Findings } from "./findings";
import { FINDING_MESSAGES as M } from "./messages";
import type { WorkbookView } from "./view";

/**
 * What each layout version changed, so that a workbook of an older version is compared only on
 * what is laid out as it was: the sheets whose cells moved and the names that were added.
 */
export const LAYOUT_CHANGES: Record<number, { sheets: SheetKey[]; names: string[] }> = {
  2: { sheets: ["info"], names: [FINGERPRINT_NAME] },
  // The formulas that needed array evaluation rewritten; the fingerprint hashes the version too.
  3: { sheets: ["info", "scoring", "special"], names: [] },
  // The Scoring sheet's sort note in A3 and its agreement cells (agreement between evaluators),
  // Appendix C's lower bounds on Rules, the lead auditor on Info; the fingerprint. (The highlight
  // store and its name are the pane's, never compared: highlight-marks.ts isPaneCell, PANE_NAMES.)
  // Issue 14: Info's purpose row and the team table moved to rows 16–17, the Special sheet's
  // follow-up table, the Rules sheet's outcome and purpose lists, and their names.
  4: {
    sheets: ["info", "scoring", "special", "rules"],
    names: [SPECIAL_NAMES.followUpVerified, RULE_NAMES.verified],
  },
};

/** What an older workbook is not compared on. */
export interface NotCompared {
  sheets: Set<SheetKey>;
  names: Set<string>;
}

/**
 * The version gate: the workbook's layout version against the expected one. An older workbook is
 * said to be one (a finding, not tampering), and what changed since is left out of the comparison;
 * a newer one cannot be compared at all.
 */
export function layoutGate(
  expected: WorkbookLayout,
  actual: WorkbookView,
  findings: Findings,
): NotCompared | "newer" {
  const skipped: NotCompared = { sheets: new Set(), names: new Set() };
  const info = expected.sheets.find((s) => s.key === "info");
  const sheet = info && actual.sheet(info.name);
  if (!info || !sheet) return skipped;
  const row = infoRows(new SheetReader(sheet, new ReadLog())).layoutVersion;
  const content = sheet.at(row, 2);
  if (content.kind !== "number" || content.value === expected.layoutVersion) return skipped;
  const ref = cellRef(2, row);
  const label = sheet.at(row, 1);
  const what = label.kind === "text" ? label.value : ref;
  if (content.value > expected.layoutVersion) {
    findings.add(
      { code: "layout-newer", sheet: sheet.name, ref, what, found: String(content.value) },
      M.layoutNewer(cellName(sheet.name, ref), content.value, expected.layoutVersion),
    );
    return "newer";
  }
  findings.add(
    { code: "layout-older", sheet: sheet.name, ref, what, found: String(content.value) },
    M.layoutOlder(cellName(sheet.name, ref), content.value, expected.layoutVersion),
  );
  for (let v = Math.floor(content.value) + 1; v <= expected.layoutVersion; v++) {
    LAYOUT_CHANGES[v]?.sheets.forEach((key) => skipped.sheets.add(key));
    LAYOUT_CHANGES[v]?.names.forEach((name) => skipped.names.add(name));
  }
  return skipped;
}
