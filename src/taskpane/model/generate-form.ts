import type { Assessment, EvaluatorKind, FollowUp, Purpose } from "../../assessment/schema";
import type { NextAuditType } from "../../core/follow-up";
import { RULES, type AssessmentType, type Step } from "../../spec/rules";
import { MAX_EVALUATORS } from "../../workbook/limits";
import type { GenerateRequest } from "../actions/types";
import { fmt, messages, type Lang, type MessageKey } from "../i18n";

/**
 * The Generate form as data: what the user typed, what is wrong with it, and the request it makes.
 * No React here: the views (components/generate/) render it and call these functions.
 */

export interface EvaluatorRow {
  /** A key of the row's own (rows are added and removed), not its position. */
  id: number;
  name: string;
  kind: EvaluatorKind;
}

export interface GenerateFormState {
  organization: string;
  type: AssessmentType;
  /** As typed: "2026-03-02", "2026/3/2" or "" (see normaliseDate). */
  start: string;
  end: string;
  rows: EvaluatorRow[];
  step: Step;
  /** A certification audit or a self-assessment (the Info sheet records which). */
  purpose: Purpose;
  /** Whether the workbook gets the Plan sheet (计划): on by default for a self-assessment. */
  plan: boolean;
  /** Started from the previous audit's workbook ("start from the previous audit"). */
  previous?: PreviousAudit;
}

/** What the new workbook carries from the previous audit beyond the fields the form shows. */
export interface PreviousAudit {
  /** The file chosen, to say what the form was started from. */
  name: string;
  /** Its findings to verify (src/core/follow-up.ts): listed on the new Special sheet. */
  followUp: FollowUp[];
}

/** The types a next audit can have: surveillance (the default) or recertification. */
export const NEXT_AUDIT_TYPES: readonly NextAuditType[] = ["surveillance", "recertification"];

/**
 * The form started from the previous audit (`next`, the host's startFrom: nextAudit of the chosen
 * workbook): its organisation, team and step; the type surveillance unless recertification is
 * chosen already; its purpose (and the Plan sheet that follows it); the dates as typed. Its findings
 * to verify are kept for the request.
 */
export function startFromPrevious(
  form: GenerateFormState,
  name: string,
  next: Assessment,
): GenerateFormState {
  const type = (NEXT_AUDIT_TYPES as readonly AssessmentType[]).includes(form.type) ? form.type : next.type;
  return {
    ...form,
    organization: next.organization,
    type,
    step: next.step,
    rows: next.evaluators.map((e, i) => ({ id: i + 1, name: e.name, kind: e.kind })),
    ...withPurpose(next.purpose ?? form.purpose),
    previous: { name, followUp: next.followUp ?? [] },
  };
}

/**
 * A purpose chosen: the Plan sheet follows it, on for a self-assessment and off for a certification
 * audit, as `starscore generate --purpose` does; the user may then tick it either way.
 */
export function withPurpose(purpose: Purpose): Pick<GenerateFormState, "purpose" | "plan"> {
  return { purpose, plan: purpose === "self-assessment" };
}

/** The form no longer started from the previous audit: what was filled in stays, editable. */
export function withoutPrevious(form: GenerateFormState): GenerateFormState {
  const rest = { ...form };
  delete rest.previous;
  return rest;
}

/** A fresh form: one auditor, no dates, the default step. */
export function initialForm(): GenerateFormState {
  return {
    organization: "",
    type: "initial",
    start: "",
    end: "",
    rows: [{ id: 1, name: "", kind: "auditor" }],
    step: RULES.defaultStep,
    purpose: "certification",
    plan: false,
  };
}

/** How many visit columns "Add visit columns" adds unless told otherwise: one (issue 11, point 14). */
export const DEFAULT_VISITS_TO_ADD = 1;

/** A message to show, as a key of the pane's strings and its parameters. */
export interface FieldError {
  key: MessageKey;
  params?: Record<string, string | number>;
}

export interface FormErrors {
  organization?: FieldError;
  start?: FieldError;
  end?: FieldError;
  team?: FieldError;
  /** By row id. */
  rows: Record<number, FieldError>;
  /** How many of the above there are. */
  count: number;
}

/**
 * A typed date as ISO 8601 (YYYY-MM-DD): "2026-03-02", "2026-3-2", "2026/3/2" and "2026.3.2"
 * are all the 2nd of March 2026. "" stays ""; anything else (not a date, the 30th of February) is
 * null. The pane asks for dates as text rather than with the browser's date input, whose format
 * follows the browser's locale and not the pane's language.
 */
export function normaliseDate(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === "") return "";
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The visit names a blank visit gets: "暗访 1", "Visit 2"… numbered among the visits, in the workbook's language. */
export function evaluatorNames(rows: readonly EvaluatorRow[], workbookLang: Lang): string[] {
  let visits = 0;
  return rows.map((row) => {
    if (row.kind === "visit") visits++;
    const name = row.name.trim();
    return name || (row.kind === "visit" ? fmt(messages[workbookLang].defaultVisitName, { n: visits }) : "");
  });
}

/** Checks before anything is sent to Excel. */
export function validateForm(form: GenerateFormState, workbookLang: Lang): FormErrors {
  const errors: FormErrors = { rows: {}, count: 0 };
  if (!form.organization.trim()) errors.organization = { key: "organisationRequired" };
  const start = normaliseDate(form.start);
  const end = normaliseDate(form.end);
  if (start === null) errors.start = { key: "dateInvalid" };
  if (end === null) errors.end = { key: "dateInvalid" };
  else if (start && end && end < start) errors.end = { key: "endBeforeStart" };
  if (form.rows.length === 0) errors.team = { key: "evaluatorsNone" };
  else if (form.rows.length > MAX_EVALUATORS)
    errors.team = { key: "evaluatorsTooMany", params: { max: MAX_EVALUATORS, n: form.rows.length } };
  const names = evaluatorNames(form.rows, workbookLang);
  const seen = new Map<string, number>();
  for (const name of names) {
    const key = name.toLocaleLowerCase();
    if (key) seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  form.rows.forEach((row, i) => {
    const name = names[i] ?? "";
    if (!name) errors.rows[row.id] = { key: "auditorNameRequired" };
    else if ((seen.get(name.toLocaleLowerCase()) ?? 0) > 1) errors.rows[row.id] = { key: "nameDuplicate" };
  });
  errors.count =
    [errors.organization, errors.start, errors.end, errors.team].filter(Boolean).length +
    Object.keys(errors.rows).length;
  return errors;
}

/** The request a valid form makes: trimmed names, blank visits named, dates in ISO form. */
export function generateRequest(form: GenerateFormState, workbookLang: Lang): GenerateRequest {
  const names = evaluatorNames(form.rows, workbookLang);
  const start = normaliseDate(form.start);
  const end = normaliseDate(form.end);
  const dates = { ...(start && { start }), ...(end && { end }) };
  return {
    lang: workbookLang,
    organization: form.organization.trim(),
    type: form.type,
    ...(Object.keys(dates).length > 0 && { dates }),
    step: form.step,
    evaluators: form.rows.map((row, i) => ({ name: names[i] ?? "", kind: row.kind })),
    purpose: form.purpose,
    plan: form.plan,
    ...(form.previous && form.previous.followUp.length > 0 && { followUp: form.previous.followUp }),
  };
}

/** The team after a row is removed; the last row stays (a workbook needs one column). */
export function removeRow(rows: readonly EvaluatorRow[], index: number): EvaluatorRow[] {
  return rows.length <= 1 ? [...rows] : rows.filter((_, i) => i !== index);
}

/** How many auditors and visits the team has. */
export function teamCounts(rows: readonly EvaluatorRow[]): { n: number; auditors: number; visits: number } {
  const auditors = rows.filter((r) => r.kind === "auditor").length;
  return { n: rows.length, auditors, visits: rows.length - auditors };
}
