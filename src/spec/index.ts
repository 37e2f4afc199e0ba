/**
 * The specification as data: import from here rather than from the modules, so callers don't
 * depend on how the catalogue is split into files.
 */
import { SECONDARY_INDICATORS } from "./indicators";
import { ITEMS } from "./items";
import type { Item, SecondaryIndicator } from "./types";

export type * from "./types";
export * from "./rules";
export * from "./indicators";
export * from "./items";
export * from "./bands";
export * from "./grades";

// Maps built once: these lookups run per cell when the workbook is read.
const itemsByCode = new Map<string, Item>(ITEMS.map((item) => [item.code, item]));
const placesByCode = new Map<string, number>(ITEMS.map((item, place) => [item.code, place]));
const indicatorsById = new Map<string, SecondaryIndicator>(SECONDARY_INDICATORS.map((i) => [i.id, i]));
const itemsByIndicator = new Map<string, readonly Item[]>(
  SECONDARY_INDICATORS.map((i) => [i.id, ITEMS.filter((item) => item.indicator === i.id)]),
);

/** The item with this 维度 code (e.g. "B6"), or undefined. Codes are case-sensitive. */
export function itemByCode(code: string): Item | undefined {
  return itemsByCode.get(code);
}

/** The item's place in ITEMS (the catalogue's order), or undefined for a code not in it. */
export function itemPlace(code: string): number | undefined {
  return placesByCode.get(code);
}

/** The secondary indicator with this id (e.g. "5.2.1"), or undefined. */
export function indicatorById(id: string): SecondaryIndicator | undefined {
  return indicatorsById.get(id);
}

/** The items of a secondary indicator in catalogue order; empty for an unknown id. */
export function itemsOfIndicator(id: string): readonly Item[] {
  return itemsByIndicator.get(id) ?? [];
}
