import type { Localised } from "../../spec/types";
import { parseRef } from "../../workbook/address";
import { SUMMARIES, type AuditAction } from "../../workbook/audit/log";
import { textAt } from "../../workbook/read/grid";
import { HEADER_ROW } from "../../workbook/scoring-grid";
import type { CellInput, HostContext } from "../excel/host";
import { asText, auditEntry, auditWrite, queueAuditEnd, type AuditBy } from "./audit-log";
import { loadWorkbook } from "./load";
import { queueUnprotected, restoreProtection } from "./protection";
import { locateCell, splitCell } from "./sheets";

/**
 * Going to a cell and typing into one, for the issue list and the inspector's band buttons and
 * note: one sync to select; an entry or a note, given `audit`, two (the first reads the Scoring
 * sheet, to name the item and the evaluator, and where the audit log ends; the second writes the
 * cell and the log's row together, lifting the log sheet's protection for its row). Cells come as
 * the pane has them, sheet-qualified ("'评分'!H7").
 */
function target(context: HostContext, cell: string) {
  const parsed = splitCell(cell);
  if (!parsed) throw new RangeError(`not a sheet-qualified cell address: ${cell}`);
  const sheet = context.workbook.worksheets.getItem(parsed.sheet);
  return { sheet, range: sheet.getRange(parsed.ref) };
}

/** Activates the cell's sheet and selects the cell. */
export async function selectCell(context: HostContext, cell: string): Promise<void> {
  const { sheet, range } = target(context, cell);
  sheet.activate();
  range.select();
  await context.sync();
}

/**
 * Writes a number into one entry cell. Entry cells are unlocked, so this works on the protected
 * Scoring sheet; a locked cell is refused by Excel and the promise rejects.
 */
export async function setEntry(
  context: HostContext,
  cell: string,
  value: number,
  audit?: AuditBy,
): Promise<void> {
  if (!Number.isFinite(value)) throw new RangeError(`not a number: ${value}`);
  await writeLogged(context, cell, value, audit, "set-entry", (item, evaluator) =>
    SUMMARIES.setEntry(item, evaluator, value),
  );
}

/** Writes an item's note (备注 / 证据) as text: "=…" typed as a note stays text. */
export async function setNote(
  context: HostContext,
  cell: string,
  text: string,
  audit?: AuditBy,
): Promise<void> {
  await writeLogged(context, cell, asText(text), audit, "set-note", (item) => SUMMARIES.setNote(item));
}

async function writeLogged(
  context: HostContext,
  cell: string,
  value: CellInput,
  audit: AuditBy | undefined,
  action: AuditAction,
  summary: (item: string, evaluator: string) => Localised,
): Promise<void> {
  if (!audit) {
    target(context, cell).range.values = [[value]];
    await context.sync();
    return;
  }
  const { snapshot, store, also: end } = await loadWorkbook(context, ["scoring"], queueAuditEnd);
  const at = locateCell(snapshot, cell);
  if (!at) throw new RangeError(`not a cell of StarScore's sheets: ${cell}`);
  const { row, column } = parseRef(at.ref);
  const grid = at.sheet.grid;
  const item = grid ? textAt(grid, row, 1) : "";
  const evaluator = grid ? textAt(grid, HEADER_ROW, column) : "";
  const log = auditWrite(snapshot, end, auditEntry(audit, action, summary(item, evaluator), snapshot.lang));
  // The entry, the note and the log's cells are unlocked in today's layout: no protection lifted,
  // so the user's undo stack survives. A workbook without the highlight store (an earlier layout)
  // has the log locked: its sheet is lifted around the write, as writeBack does.
  const lifted = queueUnprotected(snapshot, store.present ? [] : (log?.sheets ?? []), () => {
    at.sheet.worksheet.getRange(at.ref).values = [[value]];
    log?.queue();
  });
  try {
    await context.sync();
  } catch (error) {
    await restoreProtection(context, lifted);
    throw error;
  }
}
