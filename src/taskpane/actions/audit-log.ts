/* global Office */
import type { Localised } from "../../spec/types";
import { parseRef } from "../../workbook/address";
import {
  auditRow,
  localIsoTime,
  nextAuditRow,
  type AuditAction,
  type AuditRow,
} from "../../workbook/audit/log";
import type { SheetKey } from "../../workbook/types";
import type { HostDataRange } from "../excel/host";
import type { SheetReads, WorkbookSnapshot } from "./sheets";

/**
 * The audit log from the task pane's side (the sheet itself: src/workbook/audit/log.ts). Each
 * action appends its row in its own write request: the first request reads where the log ends
 * (the used range's address only, not its values, so the log's length costs nothing), the write
 * request lifts the log sheet's protection, writes the row as text values and protects it again.
 * A workbook without the log sheet (made before it existed) is simply not logged to.
 *
 * Who: the name typed in the pane's "Your name" field, remembered in Office's roaming settings
 * where the host has them (Outlook does; Excel does not), else in the browser's localStorage, and
 * read at the time of each action.
 */
export interface AuditBy {
  /** The name as entered in the pane ("" when none was). */
  person: string;
  /** The clock (tests pass a fixed one). */
  now?: () => Date;
}

/** A row, timed now, in the workbook's language. */
export function auditEntry(
  by: AuditBy,
  action: AuditAction,
  summary: Localised,
  lang: "zh" | "en",
): AuditRow {
  const time = localIsoTime((by.now ?? (() => new Date()))());
  return auditRow({ time, person: by.person.trim(), action, summary: summary[lang] }, lang);
}

/** Queues the read of where the log ends (either language's sheet); read it after the sync. */
export function queueAuditEnd(reads: SheetReads): () => number | undefined {
  const ranges: HostDataRange[] = reads.candidates
    .filter((c) => c.key === "audit")
    .map((c) => {
      const used = c.worksheet.getUsedRangeOrNullObject(true);
      used.load("address");
      return used;
    });
  return () => {
    const found = ranges.find((r) => !r.isNullObject);
    return found ? lastRowOf(found.address) : ranges.length > 0 ? 0 : undefined;
  };
}

/** "'审计日志'!A1:D7" → 7; "'审计日志'!A1" → 1. */
export function lastRowOf(address: string): number {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const last = local.split(":").at(-1)!;
  return parseRef(last).row;
}

/** A write for writeBack's `extra` (or queueUnprotected): the sheets it needs unprotected and the queueing. */
export interface QueuedWrite {
  sheets: readonly SheetKey[];
  queue: () => void;
}

/**
 * The row's write: on the log sheet, below `lastRow` (from queueAuditEnd). Undefined when the
 * workbook has no log sheet. Text goes with an apostrophe, as the writer writes all text: a name
 * typed as "=1+1" or "+86 …" stays the text it is.
 */
export function auditWrite(
  snapshot: WorkbookSnapshot,
  lastRow: number | undefined,
  row: AuditRow,
): QueuedWrite | undefined {
  const sheet = snapshot.sheets.audit;
  if (!sheet || lastRow === undefined) return undefined;
  const r = nextAuditRow(lastRow);
  return {
    sheets: ["audit"],
    queue: () => {
      sheet.worksheet.getRange(`A${r}:D${r}`).values = [
        [row.time, row.person, row.action, row.summary].map(asText),
      ];
    },
  };
}

/** Text as a cell value that can only be text: "" clears the cell. */
export function asText(text: string): string {
  return text === "" ? "" : `'${text}`;
}

/** Two writes as one (either may be absent). */
export function joinWrites(...writes: (QueuedWrite | undefined)[]): QueuedWrite | undefined {
  const present = writes.filter((w): w is QueuedWrite => w !== undefined);
  if (present.length === 0) return undefined;
  return {
    sheets: present.flatMap((w) => w.sheets),
    queue: () => present.forEach((w) => w.queue()),
  };
}

// The person's name, remembered between sessions.

const PERSON_KEY = "starscore.personName";
/** Names are kept to this many characters. */
export const MAX_PERSON_LENGTH = 100;

interface RoamingSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  saveAsync(callback?: (result: unknown) => void): void;
}

function roamingSettings(): RoamingSettings | undefined {
  try {
    const settings =
      typeof Office !== "undefined"
        ? (Office.context as unknown as { roamingSettings?: RoamingSettings } | undefined)?.roamingSettings
        : undefined;
    return settings && typeof settings.get === "function" ? settings : undefined;
  } catch {
    return undefined;
  }
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    // A sandboxed frame may refuse access to storage altogether.
    return undefined;
  }
}

/** The name entered before, or "". */
export function loadPersonName(): string {
  const roaming = roamingSettings();
  try {
    const value = roaming ? roaming.get(PERSON_KEY) : storage()?.getItem(PERSON_KEY);
    return typeof value === "string" ? value : "";
  } catch {
    return "";
  }
}

/** Remembers the name (trimmed to MAX_PERSON_LENGTH). */
export function savePersonName(name: string): void {
  const value = name.slice(0, MAX_PERSON_LENGTH);
  const roaming = roamingSettings();
  try {
    if (roaming) {
      roaming.set(PERSON_KEY, value);
      roaming.saveAsync();
    } else {
      storage()?.setItem(PERSON_KEY, value);
    }
  } catch {
    // Not remembered: the pane still uses the name for this session.
  }
}
