import type { AuditFinding } from "../../workbook/audit/check";
import { SUMMARIES } from "../../workbook/audit/log";
import { checkWorkbookFinalisation, finalisationProblems } from "../../workbook/audit/verify";
import type { IntegrityFinding } from "../../workbook/integrity/findings";
import { verifyWorkbook } from "../../workbook/integrity/verify";
import { type SheetView, type WorkbookView } from "../../workbook/integrity/view";
import type { HostContext, HostDataRange } from "../excel/host";
import { rangeOrigin } from "../excel/office-grid";
import { auditEntry, auditWrite, queueAuditEnd, type AuditBy } from "./audit-log";
import { MANUAL_CALCULATION, queueCalculationMode, type Calculation } from "./calculation";
import { unreadableError } from "./errors";
import { queueSnapshotSheet } from "./finalise";
import { loadWorkbook } from "./load";
import { queueUnprotected, restoreProtection } from "./protection";
import { problemIssue } from "./pane-issues";
import { errorCode } from "./run";
import {
  PAYLOAD_TOO_LARGE,
  queueSheetReads,
  RANGE_DATA,
  readInParts,
  SHEET_KEYS,
  takeSnapshot,
  type SheetReads,
} from "./sheets";
import type { SheetKey } from "../../workbook/types";
import type { IntegrityIssue } from "./types";
import { foldName as fold } from "../../workbook/sheet-names";

/**
 * verify ("check integrity"): one run, one sync, reading only. The request loads every StarScore
 * sheet's used range (formulas, values, value types, number formats) and the workbook's names;
 * the workbook is then compared with the layout StarScore would write for the assessment it holds
 * (src/workbook/integrity: overwritten or edited formulas, catalogue and rules changes, names,
 * the fingerprint, the Summary against the engine). Nothing is written or highlighted; given
 * `audit`, the audit log's row ("3 problems found") follows in two requests of its own.
 *
 * Like loadWorkbook, should a host refuse to reach through a missing sheet's null object, the
 * request is made again after listing the sheets (a second sync, on such hosts only).
 */
export async function verifyInPane(context: HostContext, audit?: AuditBy): Promise<IntegrityIssue[]> {
  let view: WorkbookView & { calculation: Calculation };
  try {
    view = await readView(context);
  } catch (error) {
    if (errorCode(error) === PAYLOAD_TOO_LARGE) {
      // Over Excel on the web's 5 MB: the sheets' cells again, in bands (load.ts says when).
      view = await readView(context, undefined, true);
    } else {
      const { worksheets } = context.workbook;
      worksheets.load("items/name");
      await context.sync();
      view = await readView(
        context,
        worksheets.items.map((s) => s.name),
      );
    }
  }
  const result = verifyWorkbook(view);
  if (!result.ok) {
    throw unreadableError(
      { zh: "无法检查其完整性", en: "its integrity cannot be checked" },
      result.problems.map(problemIssue),
    );
  }
  // After finalisation (src/workbook/audit): entries or result changed since, the snapshot edited or gone.
  const finalisation = finalisationProblems(checkWorkbookFinalisation((name) => view.sheet(name)));
  const checked = [...result.findings.map(integrityIssue), ...finalisation.map(auditIssue)];
  // Manual calculation: live results may be stale (calculation.ts), so none is compared.
  const findings: IntegrityIssue[] =
    view.calculation === "automatic"
      ? checked
      : [
          {
            what: "manual-calculation",
            sheetValue: "",
            engineValue: "",
            code: "manual-calculation",
            message: MANUAL_CALCULATION.message,
          },
          ...checked.filter((f) => !STALE_WHEN_MANUAL.has(f.code ?? "")),
        ];
  if (audit) await logVerify(context, audit, findings.filter((f) => f.code !== "manual-calculation").length);
  return findings;
}

/**
 * The check's row in the audit log: where the log ends, then the row. Its cells are unlocked in
 * today's layout (no protection lifted, the undo stack kept); a workbook without the highlight
 * store (an earlier layout) has them locked, and its log sheet is lifted around the write, as
 * writeBack does.
 */
async function logVerify(context: HostContext, audit: AuditBy, findings: number): Promise<void> {
  const { snapshot, store, also: end } = await loadWorkbook(context, [], queueAuditEnd);
  const log = auditWrite(
    snapshot,
    end,
    auditEntry(audit, "verify", SUMMARIES.verify(findings), snapshot.lang),
  );
  if (!log) return;
  const lifted = queueUnprotected(snapshot, store.present ? [] : log.sheets, log.queue);
  try {
    await context.sync();
  } catch (error) {
    await restoreProtection(context, lifted);
    throw error;
  }
}

/** The findings that compare a formula's live result (not its text) with what it should show. */
const STALE_WHEN_MANUAL = new Set(["value-differs"]);

export function auditIssue(finding: AuditFinding): IntegrityIssue {
  return {
    ...(finding.cell !== undefined && { cell: finding.cell }),
    what: finding.code,
    sheetValue: "",
    engineValue: "",
    code: finding.code,
    message: finding.message,
  };
}

export function integrityIssue(finding: IntegrityFinding): IntegrityIssue {
  return {
    ...(finding.cell !== undefined && { cell: finding.cell }),
    what: finding.what,
    sheetValue: finding.found ?? "",
    engineValue: finding.expected ?? "",
    code: finding.code,
    message: finding.message,
  };
}

/** A used range as read with its formulas (Range.formulas: "=…" for a formula, else the constant). */
type FormulaRange = HostDataRange & { readonly formulas: unknown[][] };

async function readView(
  context: HostContext,
  present?: readonly string[],
  inParts = false,
): Promise<WorkbookView & { calculation: Calculation }> {
  // Every StarScore sheet's cells but the audit log's, which the integrity check leaves alone; the
  // Report sheet's too (compared like every sheet's, as `starscore verify` does).
  const grids: SheetKey[] = [...SHEET_KEYS.filter((key) => key !== "audit"), "report"];
  const reads: SheetReads = queueSheetReads(context, grids, present, inParts);
  if (!inParts) for (const candidate of reads.candidates) candidate.used?.load("formulas");
  const snapshotSheet = queueSnapshotSheet(context, reads);
  const { names } = context.workbook;
  names.load("items/name,items/formula");
  const calculation = queueCalculationMode(context);
  await context.sync();
  if (inParts) await readInParts(context, reads, `${RANGE_DATA},formulas`);

  const snapshot = takeSnapshot(reads);
  const sheets = new Map<string, SheetView>();
  for (const found of Object.values(snapshot.sheets)) {
    const candidate = reads.candidates.find((c) => c.worksheet === found.worksheet);
    if (!found.grid || !candidate) continue;
    const { used, parts } = candidate;
    const ranges = (parts ?? (used && !used.isNullObject ? [used] : [])) as FormulaRange[];
    sheets.set(fold(found.name), { ...found.grid, formula: formulaReader(ranges) });
  }
  // The finalisation snapshot (very hidden; not one of the layout's sheets), for the finalisation check.
  const finalised = snapshotSheet();
  if (finalised) sheets.set(fold(finalised.grid.name), { ...finalised.grid, formula: () => undefined });
  return {
    sheet: (name) => sheets.get(fold(name)),
    names: new Map(names.items.map((n) => [n.name, n.formula])),
    calculation: calculation(),
  };
}

/**
 * A cell's formula from the loaded range: Range.formulas gives "=…" for a formula and the constant
 * itself otherwise, so a text constant that starts with "=" (typed with an apostrophe) is told apart
 * by being its own value.
 */
function formulaReader(ranges: readonly FormulaRange[]): SheetView["formula"] {
  const origins = ranges.map((range) => rangeOrigin(range.address));
  return (row, column) => {
    const i = origins.findIndex((o, k) => row >= o.row && row < o.row + ranges[k]!.formulas.length);
    if (i < 0) return undefined;
    const range = ranges[i]!;
    const origin = origins[i]!;
    const r = row - origin.row;
    const c = column - origin.column;
    const formula = range.formulas[r]?.[c];
    if (typeof formula !== "string" || !formula.startsWith("=")) return undefined;
    const isText = range.valueTypes[r]?.[c] === "String" && range.values[r]?.[c] === formula;
    return isText ? undefined : formula;
  };
}
