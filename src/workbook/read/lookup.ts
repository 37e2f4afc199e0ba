import type { Localised } from "../../spec/types";
import { TEXT, type TextKey } from "../labels";

/**
 * Labels back to ids, in either language: a workbook made in Chinese and edited by someone who
 * typed the English word (or the reverse) still reads. Matching ignores surrounding spaces and,
 * like Excel's own comparisons, letter case.
 */
const fold = (text: string) => text.trim().toLowerCase();

export function isLabel(text: string, key: TextKey): boolean {
  const folded = fold(text);
  return folded !== "" && (folded === fold(TEXT[key].zh) || folded === fold(TEXT[key].en));
}

/** The id whose label (in either language), or the id itself, is `text`; undefined otherwise. */
export function idOfLabel<T extends string>(
  text: string,
  options: readonly { id: T; label: Localised }[],
): T | undefined {
  const folded = fold(text);
  if (folded === "") return undefined;
  return options.find(
    (o) => fold(o.id) === folded || fold(o.label.zh) === folded || fold(o.label.en) === folded,
  )?.id;
}

export const KIND_OPTIONS = [
  { id: "auditor", label: TEXT.auditor },
  { id: "visit", label: TEXT.visit },
] as const;

export const STATUS_OPTIONS = [
  { id: "open", label: TEXT.statusOpen },
  { id: "closed", label: TEXT.statusClosed },
] as const;

export const PURPOSE_OPTIONS = [
  { id: "certification", label: TEXT.purposeCertification },
  { id: "self-assessment", label: TEXT.purposeSelfAssessment },
] as const;

/** A follow-up's outcome: the last audit's rectification found done, or not. */
export const OUTCOME_OPTIONS = [
  { id: "verified", label: TEXT.outcomeVerified },
  { id: "not-verified", label: TEXT.outcomeNotVerified },
] as const;
