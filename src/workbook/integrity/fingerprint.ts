import {
  BANDS,
  DEDUCTION_CATEGORIES,
  GRADES,
  ITEMS,
  PRIMARY_INDICATORS,
  RULES,
  SECONDARY_INDICATORS,
} from "../../spec";
import type { Localised } from "../../spec/types";
import { TEXT } from "../labels";
import { sha256 } from "./sha256";

/**
 * The fingerprint of the catalogue and rules a workbook was made with: SHA-256 over a canonical
 * JSON of everything the formulas and the catalogue columns rely on (every item's code, clause,
 * indicator, check content, points and criterion; the primary and secondary indicators with their
 * weights; the grades; the rule constants; Appendix C's bands; the deduction categories) and the
 * layout version. It does not depend on the workbook's language or on the assessment: two
 * workbooks share it exactly when they were laid out from the same catalogue, rules and layout.
 *
 * The Info sheet records it (a labelled cell, named StarScore_Fingerprint); `starscore verify` and
 * the pane's integrity check compare it with their own.
 */
export const FINGERPRINT_NAME = "StarScore_Fingerprint";

export const FINGERPRINT_LABEL: Localised = TEXT.fingerprint;

/** What the fingerprint covers, as plain data. */
export function fingerprintSource(layoutVersion: number): unknown {
  return {
    layoutVersion,
    items: ITEMS.map(({ code, clause, indicator, content, points, criterion }) => ({
      code,
      clause,
      indicator,
      content,
      points,
      criterion,
    })),
    primaryIndicators: PRIMARY_INDICATORS,
    indicators: SECONDARY_INDICATORS,
    grades: GRADES,
    rules: RULES,
    bands: BANDS,
    deductionCategories: DEDUCTION_CATEGORIES,
  };
}

/**
 * JSON with object keys sorted (by UTF-16 code units) at every level and no whitespace: one text
 * for one value, whatever order its properties were written in. Arrays keep their order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new RangeError("not a finite number");
    if (value === undefined || typeof value === "function" || typeof value === "symbol") {
      throw new TypeError(`cannot fingerprint a ${typeof value}`);
    }
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

const cache = new Map<number, string>();

/** The fingerprint for a layout version: 64 lowercase hex digits. */
export function catalogueFingerprint(layoutVersion: number): string {
  let fingerprint = cache.get(layoutVersion);
  if (fingerprint === undefined) {
    fingerprint = sha256(canonicalJson(fingerprintSource(layoutVersion)));
    cache.set(layoutVersion, fingerprint);
  }
  return fingerprint;
}
