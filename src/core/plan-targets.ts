import { itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import { exact, type Exact } from "./exact";
import { issue, type ValidationIssue } from "./issues";

/**
 * The Plan sheet's targets (assessment field `planTargets`): item code → target mean attainment.
 * What counts as a target is decided here once, for the projection and for validation alike.
 */

/** A target that counts: a finite number from 0 to 100. */
export function validTarget(value: number | undefined): Exact | null {
  if (value === undefined || !Number.isFinite(value)) return null;
  const percent = exact(value);
  return percent.compare(RULES.minPercent) >= 0 && percent.compare(RULES.maxPercent) <= 0 ? percent : null;
}

/** Targets that do not count, as warnings: they change no score, but the user meant something. */
export function planTargetIssues(
  targets: Readonly<Record<string, number>> | undefined,
  excluded: ReadonlySet<string>,
): ValidationIssue[] {
  return Object.entries(targets ?? {}).flatMap(([code, value]) => {
    const field = { field: `planTargets.${code}` };
    if (!itemByCode(code)) return [issue("plan-target-unknown-item", field, { key: code })];
    const params = { item: code, value: String(value) };
    if (validTarget(value) === null)
      return [issue("plan-target-out-of-range", { item: code, ...field }, params)];
    if (excluded.has(code)) return [issue("plan-target-excluded", { item: code, ...field }, params)];
    return [];
  });
}
