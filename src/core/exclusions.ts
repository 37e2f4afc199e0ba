import { indicatorById, itemByCode, itemsOfIndicator, SECONDARY_INDICATORS } from "../spec";
import { issue, type ValidationIssue } from "./issues";

/**
 * Exclusion (6.1.5 删减): an item, or a whole indicator, under 5.2.1–5.2.6 that does not apply to
 * the organisation. A key is an item code ("B10") or an indicator clause ("5.2.3"). An exclusion
 * that breaks the rules is reported and ignored, so the item stays in the score.
 */
export interface Exclusions {
  /** Excluded item code → the exclusion key that excluded it. */
  readonly byItem: ReadonlyMap<string, string>;
  readonly issues: readonly ValidationIssue[];
}

export function resolveExclusions(exclusions: Readonly<Record<string, string>> = {}): Exclusions {
  const byItem = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  for (const [key, reason] of Object.entries(exclusions)) {
    const codes = itemCodesOf(key);
    const where = { field: `exclusions.${key}` };
    if (codes === undefined) {
      issues.push(issue("exclusion-unknown", where, { key }));
    } else if (!isExcludable(key)) {
      issues.push(issue("exclusion-not-allowed", where, { key }));
    } else {
      if (!reason.trim()) issues.push(issue("exclusion-no-reason", where, { key }));
      for (const code of codes) if (!byItem.has(code)) byItem.set(code, key);
    }
  }
  return { byItem, issues };
}

/**
 * The exclusions as recorded and allowed, in the catalogue's order (each indicator, then its items:
 * the Scoring sheet's rows): every key that may be excluded and is, with or without a reason. An
 * item excluded both by itself and by its indicator is listed twice, as the auditor recorded it;
 * the report lists these (the Report sheet, the .docx).
 */
export function recordedExclusions(exclusions: Readonly<Record<string, string>> = {}): string[] {
  return CATALOGUE_KEYS.filter((key) => Object.hasOwn(exclusions, key) && isExcludable(key));
}

const CATALOGUE_KEYS: readonly string[] = SECONDARY_INDICATORS.flatMap((indicator) => [
  indicator.id,
  ...itemsOfIndicator(indicator.id).map((item) => item.code),
]);

function itemCodesOf(key: string): string[] | undefined {
  const item = itemByCode(key);
  if (item) return [item.code];
  if (indicatorById(key)) return itemsOfIndicator(key).map((i) => i.code);
  return undefined;
}

/** Whether an item code or an indicator clause may be excluded: only under 5.2.1–5.2.6. */
export function isExcludable(key: string): boolean {
  const indicatorId = itemByCode(key)?.indicator ?? key;
  return indicatorById(indicatorId)?.excludable === true;
}
