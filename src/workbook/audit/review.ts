import type { Localised } from "../../spec/types";
import { latestRecord, reopened, withChecksum, type SnapshotRecord } from "./snapshot";

/**
 * The review step after finalising (issue 12): a reviewing manager approves the finalised
 * workbook, or returns it to the team with a comment (a return reopens it). The decision is kept
 * on the finalisation's own snapshot row (its data's `review`, under the row's checksum), and the
 * audit log records it with name and time, so the state is read from the snapshot alone:
 *
 * - draft: never finalised, or reopened by the lead (with the reason given);
 * - finalised: finalised and not yet reviewed;
 * - approved: the latest finalisation approved (the row stays "finalised", so an older StarScore
 *   still compares the entries with it);
 * - returned: the latest finalisation returned by the reviewer (the row is "reopened").
 *
 * Pure: the pane's actions and `starscore verify` both use it.
 */
export type ReviewStateName = "draft" | "finalised" | "approved" | "returned";

export interface ReviewState {
  state: ReviewStateName;
  /** The latest finalisation's number, when there is one. */
  n?: number;
  finalisedBy?: string;
  finalisedAt?: string;
  /** Approved or returned: the reviewer, when, and the comment. */
  reviewedBy?: string;
  reviewedAt?: string;
  comment?: string;
  /** Reopened by the lead (a draft again): who, when and why. */
  reopenedBy?: string;
  reopenedAt?: string;
  reason?: string;
}

export function reviewStateOf(records: readonly SnapshotRecord[]): ReviewState {
  const latest = latestRecord(records);
  if (!latest) return { state: "draft" };
  const finalised = { n: latest.n, finalisedBy: latest.finalisedBy, finalisedAt: latest.finalisedAt };
  const review = latest.data.review;
  const reviewed = review && { reviewedBy: review.by, reviewedAt: review.at, comment: review.comment };
  if (latest.status === "finalised") {
    return review?.verdict === "approved"
      ? { state: "approved", ...finalised, ...reviewed }
      : { state: "finalised", ...finalised };
  }
  if (review?.verdict === "returned") return { state: "returned", ...finalised, ...reviewed };
  return {
    state: "draft",
    ...finalised,
    reopenedBy: latest.reopenedBy,
    reopenedAt: latest.reopenedAt,
    ...(latest.data.reopenReason !== undefined && { reason: latest.data.reopenReason }),
  };
}

/** Who acts and when: the pane's name field and the local time. */
export interface ReviewBy {
  at: string;
  by: string;
}

/** The latest finalisation approved: still finalised, the review kept in its data. */
export function approvedRecord(
  record: SnapshotRecord,
  { at, by }: ReviewBy,
  comment: string,
): SnapshotRecord {
  return withChecksum({
    ...record,
    data: { ...record.data, review: { verdict: "approved", at, by, comment } },
  });
}

/** The latest finalisation returned: reopened by the reviewer, the comment kept in its data. */
export function returnedRecord(
  record: SnapshotRecord,
  { at, by }: ReviewBy,
  comment: string,
): SnapshotRecord {
  const returned = {
    ...record,
    data: { ...record.data, review: { verdict: "returned" as const, at, by, comment } },
  };
  return reopened(returned, at, by);
}

export type ReviewAction = "approve" | "return" | "reopen";

const same = (a: string | undefined, b: string) => (a ?? "").trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Why `action` cannot be taken in this state by `by` with this text (a comment, or reopen's
 * reason); undefined when it can. Approve needs a finalised workbook not yet reviewed; return a
 * finalised or approved one and a comment; reopen a finalised or approved one and a reason. The
 * reviewer is not the person who finalised (a second pair of eyes).
 */
export function reviewRefusal(
  state: ReviewState,
  action: ReviewAction,
  by: string,
  text: string,
): Localised | undefined {
  return stateRefusal(state, action, by) ?? textRefusal(action, text);
}

/** reviewRefusal without the text: the state and the person. */
export function stateRefusal(state: ReviewState, action: ReviewAction, by: string): Localised | undefined {
  if (by.trim() === "") return R.noName(action);
  if (action === "approve" && state.state === "approved") return R.approvedAlready(state);
  if (state.state !== "finalised" && state.state !== "approved") return R.notFinalised(action);
  if (action !== "reopen" && same(state.finalisedBy, by)) return R.ownWork(state);
  return undefined;
}

/** A return's comment and a reopen's reason are required (an approval's comment is not). */
export function textRefusal(action: ReviewAction, text: string): Localised | undefined {
  if (action === "return" && text.trim() === "") return R.noComment();
  if (action === "reopen" && text.trim() === "") return R.noReason();
  return undefined;
}

const ACTION_WORDS: Record<ReviewAction, Localised> = {
  approve: { zh: "审核通过", en: "approve" },
  return: { zh: "退回", en: "return" },
  reopen: { zh: "重新开放", en: "reopen" },
};

const R = {
  noName: (action: ReviewAction): Localised => ({
    zh: `请先在“您的姓名”中填写姓名，再${ACTION_WORDS[action].zh}。`,
    en: `Enter your name in "Your name" before you ${ACTION_WORDS[action].en}.`,
  }),
  notFinalised: (action: ReviewAction): Localised => ({
    zh: `评估尚未定稿，不能${ACTION_WORDS[action].zh}。`,
    en: `The assessment is not finalised: there is nothing to ${ACTION_WORDS[action].en}.`,
  }),
  approvedAlready: (s: ReviewState): Localised => ({
    zh: `第 ${s.n} 次定稿已于 ${s.reviewedAt} 由 ${s.reviewedBy} 审核通过。`,
    en: `Finalisation ${s.n} was approved at ${s.reviewedAt} by ${s.reviewedBy}.`,
  }),
  ownWork: (s: ReviewState): Localised => ({
    zh: `第 ${s.n} 次定稿由 ${s.finalisedBy} 本人完成：审核须由另一人进行。`,
    en: `Finalisation ${s.n} was made by ${s.finalisedBy}: someone else must review it.`,
  }),
  noComment: (): Localised => ({
    zh: "退回时请写明意见：需要修改什么。",
    en: "Say why it is returned: what needs to change.",
  }),
  noReason: (): Localised => ({
    zh: "重新开放时请写明原因。",
    en: "Give the reason for reopening.",
  }),
};
export const REVIEW_MESSAGES = R;
