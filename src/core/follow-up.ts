import { ASSESSMENT_FORMAT } from "../assessment/format";
import type { Assessment, Deduction, FollowUp, FollowUpOutcome } from "../assessment/schema";

/**
 * Carrying the follow-up into the next audit (issue 14). Certificates last three years with a
 * surveillance audit every year, which must check that last time's rectifications (整改) were done
 * (Appendix B, D1: "并在一段时间后的监督评价时关注该内容"). The next audit starts from the last one's
 * organisation and team, and lists its special deductions to verify; they score nothing.
 */
export type NextAuditType = Extract<Assessment["type"], "surveillance" | "recertification">;

/** What identifies a finding across audits: its category, description and related item. */
export function sameFinding(
  a: Pick<Deduction, "category" | "description" | "item">,
  b: Pick<Deduction, "category" | "description" | "item">,
): boolean {
  return (
    a.category === b.category &&
    a.description.trim() === b.description.trim() &&
    (a.item ?? "").trim() === (b.item ?? "").trim()
  );
}

/**
 * What the next audit must verify: every special deduction of `previous` (whatever its status: a
 * rectification closed during the audit is still checked at the next one), then the follow-ups of
 * `previous` that it did not find verified (not verified, or never recorded), each once.
 */
export function followUpFrom(previous: Assessment): FollowUp[] {
  const carried: FollowUp[] = [];
  const add = (entry: FollowUp) => {
    if (!carried.some((c) => sameFinding(c, entry))) carried.push(entry);
  };
  for (const d of previous.deductions ?? []) {
    add(toVerify(d));
  }
  for (const f of previous.followUp ?? []) {
    if (f.outcome !== "verified") add(toVerify(f));
  }
  return carried;
}

function toVerify(from: Deduction | FollowUp): FollowUp {
  return {
    category: from.category,
    description: from.description,
    ...(from.item !== undefined && { item: from.item }),
    ...(from.rectification !== undefined && { rectification: from.rectification }),
    ...(from.deadline !== undefined && { deadline: from.deadline }),
  };
}

/**
 * The next audit after `previous`: its organisation, purpose, step and team (every evaluator column,
 * by name and kind), the given type, and its findings to verify; no dates, entries, notes,
 * exclusions, deductions, bonus or plan targets (the new audit decides those afresh).
 */
export function nextAudit(previous: Assessment, type: NextAuditType = "surveillance"): Assessment {
  const followUp = followUpFrom(previous);
  return {
    format: ASSESSMENT_FORMAT,
    organization: previous.organization,
    type,
    ...(previous.purpose !== undefined && { purpose: previous.purpose }),
    step: previous.step,
    evaluators: previous.evaluators.map(({ name, kind }) => ({ name, kind })),
    scores: {},
    ...(followUp.length > 0 && { followUp }),
  };
}

/** A previous finding's state in the current audit: its follow-up's outcome, or "to-verify". */
export type FollowUpState = FollowUpOutcome | "to-verify";

/** The current audit's follow-up of a previous finding; undefined when the current audit does not list it. */
export function followUpState(
  finding: Pick<Deduction, "category" | "description" | "item">,
  current: Assessment,
): FollowUpState | undefined {
  const entry = (current.followUp ?? []).find((f) => sameFinding(f, finding));
  return entry && (entry.outcome ?? "to-verify");
}
