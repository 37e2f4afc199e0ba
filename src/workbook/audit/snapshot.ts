import type { Assessment } from "../../assessment/schema";
import type { ResultJson } from "../../core/report";
import type { Lang, Localised } from "../../spec/types";
import { columnLetter } from "../address";
import { canonicalJson } from "../integrity/fingerprint";
import { sha256 } from "../integrity/sha256";
import { textAt, type Grid } from "../read/grid";
import { AUDIT_MESSAGES as M } from "./messages";

/**
 * The finalisation snapshot: a very hidden sheet (StarScore_Snapshot) the task pane's "finalise"
 * adds to, one row per finalisation, never deleted ("reopen" marks its row reopened):
 *
 *   A n · B status · C finalised at · D finalised by · E entries SHA-256 · F reopened at ·
 *   G reopened by · H the row's checksum · I… the data (JSON, in cells of at most 30,000 characters)
 *
 * The data keeps the entries themselves (every input of the assessment: Info fields, evaluators,
 * scores, notes, exclusions, deductions, bonus), the engine's result, and the map of the input cells
 * finalise locked (to unlock exactly those on reopen). E is SHA-256 over the canonical JSON of the
 * entries; H is SHA-256 over the canonical JSON of the whole row. Neither is a signature (anyone
 * with this source can compute both); they make an edit of the workbook's entries, or of the
 * snapshot itself, show up in `starscore verify` and in the pane's check (check.ts).
 */
export const SNAPSHOT_SHEET = "StarScore_Snapshot";

export const SNAPSHOT_LAYOUT = {
  labelRow: 1,
  headerRow: 2,
  firstRow: 3,
  /** Columns A–H, then the data from column I. */
  dataColumn: 9,
  /** Characters per data cell (Excel's limit is 32,767). */
  chunk: 30_000,
  label:
    "StarScore: finalisation snapshots, kept by the task pane (do not edit) / 定稿快照，由任务窗格维护（请勿编辑）",
  headers: [
    "n",
    "status",
    "finalisedAt",
    "finalisedBy",
    "entriesSha256",
    "reopenedAt",
    "reopenedBy",
    "checksum",
    "data",
  ],
} as const;

/** The assessment's inputs: everything a person types, nothing computed. */
export type SnapshotInputs = Omit<Assessment, "format">;

/** The figures of the engine's result (`starscore score --json`) a snapshot keeps. */
const RESULT_FIELDS = [
  "finalScore",
  "grade",
  "passed",
  "complete",
  "rawScore",
  "applicableTotal",
  "scaledScore",
  "deductions",
  "bonus",
] as const satisfies readonly (keyof ResultJson)[];

export type SnapshotResult = Pick<ResultJson, (typeof RESULT_FIELDS)[number]> & {
  indicators: Pick<ResultJson["indicators"][number], "id" | "applicableMax" | "score">[];
};

export type LockedSheet = "info" | "scoring" | "special";

export interface SnapshotData {
  version: 1;
  /** StarScore's version that finalised. */
  starscore: string;
  lang: Lang;
  inputs: SnapshotInputs;
  result: SnapshotResult;
  /** A1 ranges finalise locked, per sheet: the input cells that were unlocked. */
  unlocked: Record<LockedSheet, string[]>;
  /**
   * The reviewing manager's decision on this finalisation (review.ts): approved (the row stays
   * finalised) or returned (the row is reopened by the reviewer). Absent until reviewed.
   */
  review?: SnapshotReview;
  /** Why the lead reopened it (reopen asks for a reason). */
  reopenReason?: string;
}

export interface SnapshotReview {
  verdict: "approved" | "returned";
  /** ISO 8601, local time with its offset. */
  at: string;
  by: string;
  comment: string;
}

export type SnapshotStatus = "finalised" | "reopened";

export interface SnapshotRecord {
  n: number;
  status: SnapshotStatus;
  finalisedAt: string;
  finalisedBy: string;
  entriesHash: string;
  reopenedAt: string;
  reopenedBy: string;
  checksum: string;
  data: SnapshotData;
  /** Its row on the snapshot sheet. */
  row: number;
}

/** The inputs in a canonical shape: empty optional parts left out, so a workbook reads the same each time. */
export function inputsOf(assessment: Assessment): SnapshotInputs {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(assessment)) {
    if (value === undefined || key === "format") continue;
    if (Array.isArray(value) && value.length === 0 && key !== "evaluators") continue;
    if (!Array.isArray(value) && typeof value === "object" && value !== null) {
      if (Object.keys(value).length === 0 && key !== "scores") continue;
    }
    out[key] = value;
  }
  return out as SnapshotInputs;
}

/** SHA-256 of the canonical JSON of the inputs: 64 lowercase hex digits. */
export function entriesHash(inputs: SnapshotInputs): string {
  return sha256(canonicalJson(inputs));
}

export function resultOf(result: ResultJson): SnapshotResult {
  const figures = Object.fromEntries(RESULT_FIELDS.map((key) => [key, result[key]]));
  return {
    ...(figures as Pick<ResultJson, (typeof RESULT_FIELDS)[number]>),
    indicators: result.indicators.map(({ id, applicableMax, score }) => ({ id, applicableMax, score })),
  };
}

type RecordFields = Omit<SnapshotRecord, "checksum" | "row" | "data"> & { dataText: string };

/** The row's checksum: SHA-256 over the canonical JSON of every other cell of the row. */
export function recordChecksum(fields: RecordFields): string {
  return sha256(
    canonicalJson({
      n: fields.n,
      status: fields.status,
      finalisedAt: fields.finalisedAt,
      finalisedBy: fields.finalisedBy,
      entriesHash: fields.entriesHash,
      reopenedAt: fields.reopenedAt,
      reopenedBy: fields.reopenedBy,
      data: fields.dataText,
    }),
  );
}

/** A new record, its hash and checksum computed. */
export function newRecord(
  n: number,
  row: number,
  finalised: { at: string; by: string },
  data: SnapshotData,
): SnapshotRecord {
  const dataText = JSON.stringify(data);
  const fields: RecordFields = {
    n,
    status: "finalised",
    finalisedAt: finalised.at,
    finalisedBy: finalised.by,
    entriesHash: entriesHash(data.inputs),
    reopenedAt: "",
    reopenedBy: "",
    dataText,
  };
  return { ...fields, data, row, checksum: recordChecksum(fields) };
}

/** The record marked reopened (with the lead's reason, when given), its checksum computed anew. */
export function reopened(record: SnapshotRecord, at: string, by: string, reason?: string): SnapshotRecord {
  const next = { ...record, status: "reopened" as const, reopenedAt: at, reopenedBy: by };
  return reason === undefined
    ? withChecksum(next)
    : withChecksum({ ...next, data: { ...next.data, reopenReason: reason } });
}

/** The record with its checksum computed anew over its cells as they now are. */
export function withChecksum(record: SnapshotRecord): SnapshotRecord {
  return { ...record, checksum: recordChecksum({ ...record, dataText: JSON.stringify(record.data) }) };
}

/** Splits text into cells of at most `size` characters, never between the halves of a surrogate pair. */
export function chunks(text: string, size: number = SNAPSHOT_LAYOUT.chunk): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

/** The record's row as values, A onwards (text as it is: writers mark it as text). */
export function recordCells(record: SnapshotRecord): (string | number)[] {
  return [
    record.n,
    record.status,
    record.finalisedAt,
    record.finalisedBy,
    record.entriesHash,
    record.reopenedAt,
    record.reopenedBy,
    record.checksum,
    ...chunks(JSON.stringify(record.data)),
  ];
}

/** The A1 range a record's cells take. */
export function recordRange(record: SnapshotRecord): string {
  return `A${record.row}:${columnLetter(recordCells(record).length)}${record.row}`;
}

/** The sheet's label and header rows. */
export function headerCells(): string[][] {
  const headers: string[] = [...SNAPSHOT_LAYOUT.headers];
  return [[SNAPSHOT_LAYOUT.label, ...headers.slice(1).map(() => "")], headers];
}

export interface SnapshotProblem {
  row?: number;
  message: Localised;
}

export interface SnapshotRead {
  records: SnapshotRecord[];
  /** Rows that are not what finalise wrote (edited, damaged, a checksum that does not match). */
  problems: SnapshotProblem[];
}

/** The records of the snapshot sheet, with what is wrong with it. */
export function readSnapshot(grid: Grid): SnapshotRead {
  const records: SnapshotRecord[] = [];
  const problems: SnapshotProblem[] = [];
  const L = SNAPSHOT_LAYOUT;
  const header = L.headers.map((_, i) => textAt(grid, L.headerRow, i + 1));
  if (header.join("\n") !== L.headers.join("\n")) {
    problems.push({ row: L.headerRow, message: M.headerChanged() });
    return { records, problems };
  }
  for (let row = L.firstRow; row <= grid.lastRow; row++) {
    const cell = (column: number) => textAt(grid, row, column);
    if ([1, 2, 3, 4, 5, 8, L.dataColumn].every((c) => cell(c) === "")) continue;
    let dataText = "";
    for (let column = L.dataColumn; column <= grid.lastColumn; column++) {
      const part = cell(column);
      if (part === "") break;
      dataText += part;
    }
    const n = Number(cell(1));
    const status = cell(2);
    const fields: RecordFields = {
      n,
      status: status as SnapshotStatus,
      finalisedAt: cell(3),
      finalisedBy: cell(4),
      entriesHash: cell(5),
      reopenedAt: cell(6),
      reopenedBy: cell(7),
      dataText,
    };
    const tampered = (detail: Localised): void => {
      problems.push({ row, message: M.rowChanged(row, detail) });
    };
    if (!Number.isInteger(n) || n < 1 || (status !== "finalised" && status !== "reopened")) {
      tampered(M.rowInvalid());
      continue;
    }
    if (recordChecksum(fields) !== cell(8)) {
      tampered(M.checksumDiffers());
      continue;
    }
    let data: SnapshotData;
    try {
      data = JSON.parse(dataText) as SnapshotData;
    } catch {
      tampered(M.dataUnreadable());
      continue;
    }
    if (!data || typeof data !== "object" || !data.inputs || !data.result || !data.unlocked) {
      tampered(M.dataIncomplete());
      continue;
    }
    if (entriesHash(data.inputs) !== fields.entriesHash) {
      tampered(M.entriesHashDiffers());
      continue;
    }
    records.push({ ...fields, checksum: cell(8), data, row });
  }
  return { records, problems };
}

/** The latest record (highest number), if any. */
export function latestRecord(records: readonly SnapshotRecord[]): SnapshotRecord | undefined {
  return records.reduce<SnapshotRecord | undefined>((a, b) => (!a || b.n > a.n ? b : a), undefined);
}

/** The row the next record goes on: below every row the sheet uses. */
export function nextRecordRow(grid: Grid | undefined): number {
  return Math.max(SNAPSHOT_LAYOUT.firstRow, (grid?.lastRow ?? 0) + 1);
}
