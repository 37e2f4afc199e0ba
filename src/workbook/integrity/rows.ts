import { indicatorById, itemByCode, PRIMARY_INDICATORS } from "../../spec";
import type { Lang } from "../../spec/types";
import { parseRef } from "../address";
import { ReadLog, SheetReader } from "../read/cells";
import type { Grid } from "../read/grid";
import { findColumns, findRows, type ScoringColumnsFound } from "../read/scoring";
import { readSpecial, type SpecialGeometry } from "../read/special";
import { FIRST_BODY_ROW, LAST_BODY_ROW, scoringColumns, scoringRows } from "../scoring-grid";
import { PLAN_LAST_ROW, PLAN_LAYOUT } from "../sheets/plan";
import type { SheetSpec, WorkbookLayout } from "../types";
import type { Findings } from "./findings";
import { FINDING_MESSAGES as M } from "./messages";

/**
 * Where each row of a layout sheet is in the workbook, and which of its constants are compared:
 * both checks (check.ts, engine.ts) compare the layout's cells with the workbook's through a plan.
 * On the Scoring sheet rows are found by their code, so a sorted sheet is compared row by row, each
 * layout formula moved to the row its item is on, as Excel's sort moves it. A sheet whose columns
 * or tables are not where the layout has them gets no plan (a "shape-changed" finding): nothing on
 * it can be compared cell for cell.
 */
export type ConstantKind = "catalogue" | "helper" | "rules";

export interface SheetPlan<G extends Grid = Grid> {
  spec: SheetSpec;
  actual: G;
  /** Layout row → the workbook's row; undefined when the row is not in the workbook. */
  rowOf: (row: number) => number | undefined;
  /** Which constant cells of the layout are compared, and as what. */
  kindOf: (row: number, column: number) => ConstantKind | undefined;
}

/** The plan for one sheet: `actual` is the workbook's, `expected` the layout's (layoutView). */
export function planSheet<G extends Grid>(
  spec: SheetSpec,
  actual: G,
  expected: Grid,
  layout: WorkbookLayout,
  findings: Findings,
): SheetPlan<G> | undefined {
  const identity = (row: number) => row;
  switch (spec.key) {
    case "scoring":
      return planScoring(spec, actual, expected, layout.lang, findings);
    case "special": {
      const e = specialGeometry(expected);
      const a = specialGeometry(actual);
      if (!e || !a || !sameTables(e, a)) return shapeChanged(actual, findings);
      return { spec, actual, rowOf: identity, kindOf: () => undefined };
    }
    case "summary": {
      const indicatorRows = new Set(
        spec.cells
          .filter((c) => /^A\d+$/.test(c.ref) && typeof c.value === "string" && indicatorById(c.value))
          .map((c) => parseRef(c.ref).row),
      );
      return {
        spec,
        actual,
        rowOf: identity,
        kindOf: (row, column) => (indicatorRows.has(row) && column <= 3 ? "catalogue" : undefined),
      };
    }
    case "rules":
      return { spec, actual, rowOf: identity, kindOf: () => "rules" };
    case "plan":
      // The targets are inputs; each item's code, title and points are the catalogue's.
      return {
        spec,
        actual,
        rowOf: identity,
        kindOf: (row, column) =>
          row >= PLAN_LAYOUT.firstRow && row <= PLAN_LAST_ROW && column <= 3 ? "catalogue" : undefined,
      };
    // The Report sheet: every figure a formula; its state, reviewer and date are the snapshot's.
    case "info":
    case "report":
      return { spec, actual, rowOf: identity, kindOf: () => undefined };
    default:
      return undefined;
  }
}

function shapeChanged(actual: Grid, findings: Findings): undefined {
  findings.add({ code: "shape-changed", sheet: actual.name, what: actual.name }, M.shapeChanged(actual.name));
  return undefined;
}

function specialGeometry(sheet: Grid): SpecialGeometry | undefined {
  return readSpecial(new SheetReader(sheet, new ReadLog()))?.geometry;
}

function sameTables(a: SpecialGeometry, b: SpecialGeometry): boolean {
  const same = (x: { firstRow: number; lastRow: number; columns: object }, y: typeof x) =>
    x.firstRow === y.firstRow &&
    x.lastRow === y.lastRow &&
    JSON.stringify(x.columns) === JSON.stringify(y.columns);
  const followUps = a.followUp && b.followUp ? same(a.followUp, b.followUp) : a.followUp === b.followUp;
  return same(a.deductions, b.deductions) && same(a.bonus, b.bonus) && followUps;
}

/**
 * The Scoring sheet: its columns must be where the layout has them; its body rows are found by
 * their code in column A (primary indicators, which have none, by their name), wherever sorting
 * put them. A row whose code was changed is found by its clause or check content; a row found by
 * none of these is a "row-missing" finding.
 */
function planScoring<G extends Grid>(
  spec: SheetSpec,
  actual: G,
  expected: Grid,
  lang: Lang,
  findings: Findings,
): SheetPlan<G> | undefined {
  const readerA = new SheetReader(actual, new ReadLog());
  const readerE = new SheetReader(expected, new ReadLog());
  const colsA = findColumns(readerA);
  const colsE = findColumns(readerE);
  if (!colsA || !colsE || !sameColumns(colsA, colsE) || !sameHeaders(spec, colsE.header, readerA)) {
    return shapeChanged(actual, findings);
  }
  const c = scoringColumns(colsE.score - colsE.firstEvaluator);
  const found = new Map(findRows(readerA, colsA));
  const claimed = new Set(found.values());
  const free = (row: number) => row >= FIRST_BODY_ROW && row <= LAST_BODY_ROW && !claimed.has(row);
  const claim = (id: string, match: (row: number) => boolean) => {
    for (let row = FIRST_BODY_ROW; row <= LAST_BODY_ROW; row++) {
      if (free(row) && match(row)) {
        found.set(id, row);
        claimed.add(row);
        return;
      }
    }
  };
  const label = (row: number, column: number) => readerA.label(row, column);
  const layoutRows = scoringRows();
  for (const { kind, id } of layoutRows) {
    if (found.has(id)) continue;
    if (kind === "primary") {
      const name = PRIMARY_INDICATORS.find((p) => p.id === id)!.name;
      claim(id, (row) => label(row, c.code) === "" && [name.zh, name.en].includes(label(row, c.content)));
    } else if (kind === "item") {
      const item = itemByCode(id)!;
      claim(id, (row) => label(row, c.clause) === item.clause);
      if (!found.has(id)) claim(id, (row) => label(row, c.content) === item.content);
    } else {
      const indicator = indicatorById(id)!;
      claim(id, (row) => label(row, c.clause) === indicator.specClause);
    }
    if (!found.has(id)) {
      const what = kind === "primary" ? PRIMARY_INDICATORS.find((p) => p.id === id)!.name[lang] : id;
      findings.add({ code: "row-missing", sheet: actual.name, what }, M.rowMissing(actual.name, what));
    }
  }
  const idOfRow = new Map(layoutRows.map((r) => [r.row, r.id]));
  const catalogue = new Set([c.code, c.clause, c.content, c.points, c.criterion]);
  const helpers = new Set([c.indicator, c.primary, c.included]);
  return {
    spec,
    actual,
    rowOf: (row) => {
      const id = idOfRow.get(row);
      return id === undefined ? row : found.get(id);
    },
    kindOf: (row, column) => {
      if (row < FIRST_BODY_ROW || row > LAST_BODY_ROW) return undefined;
      if (catalogue.has(column)) return "catalogue";
      if (helpers.has(column)) return "helper";
      return undefined;
    },
  };
}

/** Every header StarScore wrote (not the evaluators' names, which are inputs) where it wrote it. */
function sameHeaders(spec: SheetSpec, header: number, actual: SheetReader): boolean {
  return spec.cells.every((cell) => {
    const { row, column } = parseRef(cell.ref);
    if (row !== header || cell.input || typeof cell.value !== "string") return true;
    return actual.label(row, column) === cell.value.trim();
  });
}

function sameColumns(a: ScoringColumnsFound, b: ScoringColumnsFound): boolean {
  return (
    a.header === b.header &&
    a.applicable === b.applicable &&
    a.reason === b.reason &&
    a.firstEvaluator === b.firstEvaluator &&
    a.score === b.score &&
    a.notes === b.notes
  );
}
