import { STYLES, type StyleSpec } from "../../workbook/styles";
import { columnIndex, parseRef } from "../../workbook/address";
import type { CellSpec, SheetSpec, StyleKey } from "../../workbook/types";
import type { HostRangeFormat, HostWorksheet } from "./host";
import { groupRectangles, locate, rectAddress, type Rect } from "./rectangles";

/**
 * Number formats, styles and unlocked inputs, each as one request set per rectangular block of
 * cells sharing it (a style's fill, font, alignment and borders go to the block at once), never
 * one per cell. Range.numberFormat is `any[][]` (@types/office-js, ExcelApi 1.1) like values: the
 * block's format goes as an array of its size (host.ts RangeInput); the format properties (fill
 * colour, font, alignment, locked) are single values by their type.
 */
export function writeFormats(sheet: HostWorksheet, spec: Pick<SheetSpec, "cells" | "columns">): void {
  const located = spec.cells.map(locate);
  for (const [numFmt, rect] of groupRectangles(located, (c) => c.numFmt)) {
    sheet.getRange(rectAddress(rect)).numberFormat = filled(rect, numFmt);
  }
  for (const [key, rect] of groupRectangles(located, (c) => c.style)) {
    applyStyle(sheet.getRange(rectAddress(rect)).format, STYLES[key as StyleKey], rect);
  }
  // Sheet protection locks every cell but these, and the cells of unlocked columns that the
  // layout does not list (writeColumns): the ones it lists there are locked again.
  const unlockedColumns = new Set(spec.columns.filter((c) => c.unlocked).map((c) => columnIndex(c.col)));
  const lock = (c: CellSpec) =>
    c.input ? "unlocked" : unlockedColumns.has(parseRef(c.ref).column) ? "locked" : undefined;
  for (const [key, rect] of groupRectangles(located, lock)) {
    sheet.getRange(rectAddress(rect)).format.protection.locked = key === "locked";
  }
}

/** A rectangle's worth of one value, as a 2D array. */
export function filled<T>(rect: Rect, value: T): T[][] {
  const columns = rect.right - rect.left + 1;
  return Array.from({ length: rect.bottom - rect.top + 1 }, () => Array<T>(columns).fill(value));
}

/** Thin light-grey grid, as the .xlsx writer draws it. */
export const BORDER_COLOR = "#BFBFBF";

export function applyStyle(format: HostRangeFormat, style: StyleSpec, rect: Rect): void {
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size) format.font.size = style.size;
  if (style.fontColor) format.font.color = `#${style.fontColor}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.wrap) format.wrapText = true;
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = style.vertical === "center" ? "Center" : "Top";
  if (style.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;
    const inside = [
      ...(rect.bottom > rect.top ? (["InsideHorizontal"] as const) : []),
      ...(rect.right > rect.left ? (["InsideVertical"] as const) : []),
    ];
    for (const index of [...edges, ...inside]) {
      const border = format.borders.getItem(index);
      border.style = "Continuous";
      border.weight = "Thin";
      border.color = BORDER_COLOR;
    }
  }
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
