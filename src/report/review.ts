import { latestRecord, type SnapshotRecord } from "../workbook/audit/snapshot";

/**
 * The review state the report prints, in the shape FEATURES.md gives issue 12's `reviewStateOf`
 * (src/workbook/audit/): draft, finalised by the lead auditor, approved or returned by the
 * reviewer, with who and when.
 */
export type ReviewStateId = "draft" | "finalised" | "approved" | "returned";

export interface ReviewState {
  state: ReviewStateId;
  finalisedBy?: string;
  finalisedAt?: string;
  reviewedBy?: string;
  reviewedAt?: string;
  comment?: string;
}

export const DRAFT: ReviewState = { state: "draft" };

/**
 * The review state from the finalisation snapshot as it is today (src/workbook/audit/snapshot.ts:
 * finalised or reopened, no review yet). Issue 12's `reviewStateOf(snapshotRecords)` replaces this
 * one function when it lands; a reopened assessment is a draft again.
 */
export function reviewStateFromSnapshot(records: readonly SnapshotRecord[]): ReviewState {
  const latest = latestRecord(records);
  if (!latest || latest.status !== "finalised") return DRAFT;
  return { state: "finalised", finalisedBy: latest.finalisedBy, finalisedAt: latest.finalisedAt };
}
