import type { Assessment } from "../assessment/schema";
import { issue, type ValidationIssue } from "./issues";

/**
 * The team's roles: the lead auditor (审查组长) the Info sheet names must be one of the team's
 * auditors, by name (trimmed; a mystery-shopper visit cannot lead). Blank is allowed: the field is
 * optional, and a self-assessment has no lead auditor.
 */
export function checkRoles(assessment: Assessment): ValidationIssue[] {
  const lead = assessment.leadAuditor?.trim() ?? "";
  if (lead === "") return [];
  const named = assessment.evaluators.filter((e) => e.name.trim() === lead);
  const location = { field: "leadAuditor" };
  if (named.length === 0) return [issue("lead-auditor-unknown", location, { key: lead })];
  if (named.every((e) => e.kind === "visit")) return [issue("lead-auditor-visit", location, { key: lead })];
  return [];
}

/** The lead auditor's evaluator index, when the Info sheet names one of the team's auditors. */
export function leadAuditorIndex(assessment: Assessment): number | undefined {
  const lead = assessment.leadAuditor?.trim() ?? "";
  if (lead === "") return undefined;
  const index = assessment.evaluators.findIndex((e) => e.kind === "auditor" && e.name.trim() === lead);
  return index < 0 ? undefined : index;
}
