import type { SheetKey } from "../../workbook/types";
import type { HostContext, HostWorksheet } from "../excel/host";
import { PROTECTION } from "../excel/write-workbook";
import type { FoundSheet, WorkbookSnapshot } from "./sheets";

/**
 * StarScore's sheets are protected (no password by default): their locked cells and their cells'
 * formats take no change. An action that must write there lifts the protection of the sheets it
 * writes to, writes, and protects them again, all in one request. Every unprotect comes first, so
 * a sheet protected with a password (which unprotect() cannot lift) stops the request before
 * anything is written.
 *
 * Lifting protection clears the user's undo stack (WorksheetProtection.protect and unprotect are
 * "unsupported" on learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities):
 * only the actions that say so before do it (finalise, reopen), and Validate and Compute only on a
 * workbook made before today's layout (write-back.ts).
 */
export interface GuardedSheet {
  worksheet: HostWorksheet;
  /** Protected when the first request read it, with these options. */
  protected: boolean;
  options: Excel.WorksheetProtectionOptions;
  /** Protected after the write: by default as before; true protects an unprotected sheet with StarScore's options. */
  protectAfter?: boolean;
}

/** Queues the unprotects, the write and the protects; returns the sheets lifted (for restoreProtection). */
export function queueGuarded(sheets: readonly GuardedSheet[], write: () => void): GuardedSheet[] {
  const lifted = sheets.filter((s) => s.protected);
  for (const sheet of lifted) sheet.worksheet.protection.unprotect();
  write();
  for (const sheet of sheets) {
    if (sheet.protectAfter ?? sheet.protected) sheet.worksheet.protection.protect(protectionOptions(sheet));
  }
  return lifted;
}

/** queueGuarded for sheets of the snapshot, by key; a sheet the user left unprotected stays so. */
export function queueUnprotected(
  snapshot: WorkbookSnapshot,
  keys: Iterable<SheetKey>,
  write: () => void,
): GuardedSheet[] {
  const sheets = [...new Set(keys)]
    .map((key) => snapshot.sheets[key])
    .filter((s): s is FoundSheet => s !== undefined);
  return queueGuarded(sheets, write);
}

/** The options as protect() takes them back (the loaded object may carry more than the options). */
function protectionOptions(sheet: GuardedSheet): Excel.WorksheetProtectionOptions {
  if (!sheet.protected) return PROTECTION;
  const { selectionMode, ...flags } = sheet.options;
  return { ...flags, ...(selectionMode !== undefined && { selectionMode }) };
}

/**
 * After a write request failed part-way: protects again whichever of the lifted sheets were left
 * unprotected (two more syncs, on the failure path only). Never throws.
 */
export async function restoreProtection(
  context: HostContext,
  lifted: readonly GuardedSheet[],
): Promise<void> {
  if (lifted.length === 0) return;
  try {
    for (const sheet of lifted) sheet.worksheet.protection.load("protected");
    await context.sync();
    for (const sheet of lifted) {
      if (!sheet.worksheet.protection.protected) sheet.worksheet.protection.protect(protectionOptions(sheet));
    }
    await context.sync();
  } catch {
    // Nothing more can be done from here; the action's own error is what the user sees.
  }
}
