import type { Lang } from "../spec/types";
import { SHEET_NAMES } from "./labels";
import type { SheetKey } from "./types";

/**
 * How StarScore's sheets are recognised by name. Excel compares sheet names and defined names
 * without regard to case ("评分" and "scoring" both match their sheet whatever the case), so every
 * comparison of a name goes through foldName.
 */
export const foldName = (name: string): string => name.toLocaleUpperCase("en-US");

/** The names a sheet (or each of several) has in either language, Chinese first. */
export function sheetNamesOf(keys: SheetKey | readonly SheetKey[]): string[] {
  return (typeof keys === "string" ? [keys] : keys).flatMap((key) => [
    SHEET_NAMES[key].zh,
    SHEET_NAMES[key].en,
  ]);
}

/** Every StarScore sheet name in either language, folded. */
const OURS: ReadonlySet<string> = new Set(sheetNamesOf(Object.keys(SHEET_NAMES) as SheetKey[]).map(foldName));

/** Whether a sheet name is one of StarScore's, in either language and any case. */
export const isStarScoreSheet = (name: string): boolean => OURS.has(foldName(name));

/** Whether a name is `key`'s sheet name in either language, any case. */
export const isSheetOf = (key: SheetKey, name: string): boolean =>
  sheetNamesOf(key).some((n) => foldName(n) === foldName(name));

/** The language a StarScore sheet name is in (undefined for other names). */
export function sheetNameLang(name: string): Lang | undefined {
  const folded = foldName(name);
  for (const lang of ["zh", "en"] as const) {
    if (Object.values(SHEET_NAMES).some((n) => foldName(n[lang]) === folded)) return lang;
  }
  return undefined;
}
