import type { SheetKey } from "../../workbook/types";
import type { HostContext } from "../excel/host";
import type { FoundSheet, WorkbookSnapshot } from "./sheets";

/**
 * StarScore's sheets are protected (no password by default): their cells' formats and their
 * locked cells take no change. An action that writes fills or values there lifts the protection
 * of the sheets it writes to, writes, and protects them again with the options each had, all in
 * one request; a sheet the user left unprotected stays so. Every unprotect comes first, so a sheet
 * protected with a password (which unprotect() cannot lift) stops the request before anything is
 * written.
 */
export function queueUnprotected(
  snapshot: WorkbookSnapshot,
  keys: Iterable<SheetKey>,
  write: () => void,
): FoundSheet[] {
  const lifted = [...new Set(keys)]
    .map((key) => snapshot.sheets[key])
    .filter((s): s is FoundSheet => s !== undefined && s.protected);
  for (const sheet of lifted) sheet.worksheet.protection.unprotect();
  write();
  for (const sheet of lifted) sheet.worksheet.protection.protect(protectionOptions(sheet.options));
  return lifted;
}

/** The options as protect() takes them back (the loaded object may carry more than the options). */
function protectionOptions(options: Excel.WorksheetProtectionOptions): Excel.WorksheetProtectionOptions {
  const { selectionMode, ...flags } = options;
  return { ...flags, ...(selectionMode !== undefined && { selectionMode }) };
}

/**
 * After a write request failed part-way: protects again whichever of the lifted sheets were left
 * unprotected (two more syncs, on the failure path only). Never throws.
 */
export async function restoreProtection(context: HostContext, lifted: readonly FoundSheet[]): Promise<void> {
  if (lifted.length === 0) return;
  try {
    for (const sheet of lifted) sheet.worksheet.protection.load("protected");
    await context.sync();
    for (const sheet of lifted) {
      if (!sheet.worksheet.protection.protected)
        sheet.worksheet.protection.protect(protectionOptions(sheet.options));
    }
    await context.sync();
  } catch {
    // Nothing more can be done from here; the action's own error is what the user sees.
  }
}
