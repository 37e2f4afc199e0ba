import type { Grid } from "../read/grid";
import type { SheetKey, WorkbookLayout } from "../types";
import { definedNameCells } from "./cells";
import { valueDifferences, type ValueDifference } from "./compare";
import { Findings } from "./findings";
import { planSheet } from "./rows";
import { layoutView } from "./view";

export type { ValueDifference } from "./compare";

/**
 * The engine check (the pane's compute): every live formula the workbook computes (each item's
 * score, count and mean, the indicators, the evaluators' totals, the Summary table and the
 * Result_* block, the Special counts) must show what the exact engine computes from the same
 * inputs. `layout` is built with the engine's scoring, so it carries exactly those figures as its
 * formulas' cached values; each formula cell of the layout is compared with the cell the workbook
 * shows (`sheet` gives the workbook's sheets by key): numbers within 1e-6, text (the grade) and
 * logical values exactly. A difference means the sheet is not computing what StarScore wrote: a
 * formula typed over, a rule constant edited, a broken reference.
 *
 * Rows are matched by what they are (rows.ts: an item's row by its code, wherever sorting put it);
 * a sheet whose shape is not the layout's (columns moved, a table of another size) is not compared.
 * How the workbook differs from what StarScore wrote is the as-written check's (check.ts) to say.
 */
const COMPARED: readonly SheetKey[] = ["info", "scoring", "special", "summary"];

export function checkAgainstEngine(
  layout: WorkbookLayout,
  sheet: (key: SheetKey) => Grid | undefined,
): ValueDifference[] {
  const expected = layoutView(layout);
  const nameOfCell = definedNameCells(layout);
  // The shapes that stop a comparison are the as-written check's findings, not this check's.
  const ignored = new Findings(layout);
  return layout.sheets.flatMap((spec) => {
    const grid = COMPARED.includes(spec.key) ? sheet(spec.key) : undefined;
    const plan = grid && planSheet(spec, grid, expected.sheet(spec.name)!, layout, ignored);
    return plan ? valueDifferences(plan, nameOfCell) : [];
  });
}
