import { AGREEMENT, measureAgreement, type Agreement } from "../../core/agreement";
import { toNumber, type Exact } from "../../core/exact";
import { indicatorById, itemByCode, PRIMARY_INDICATORS } from "../../spec";
import { absColumnRange, cellRef, columnLetter } from "../address";
import { TEXT } from "../labels";
import type { LayoutContext } from "../context";
import { RULE_NAMES, SETTING_NAMES } from "../names";
import {
  BIAS_ROW,
  COVERAGE_ROW,
  EVALUATOR_MEAN_ROW,
  FIRST_BODY_ROW,
  HEADER_ROW,
  ITEMS_SCORED_ROW,
  KIND_ROW,
  LAST_BODY_ROW,
  TEAM_MEAN_ROW,
  TOTAL_ROW,
  scoringRows,
  type ScoringRow,
} from "../scoring-grid";
import type { BuiltSheet, SheetBuilder } from "../sheet-builder";
import { LISTS } from "./rules";

/**
 * 评分 Scoring: one row per item under its indicator and primary indicator headings, one input
 * column per evaluator, the item's mean score, entry count and mean %, and per-evaluator totals.
 */
export const FORMAT = {
  points: "0.0",
  score: "0.00",
  percent: "0",
  mean: "0.0",
  ratio: "0.0%",
  agreement: "0.00",
  bias: "+0.00;-0.00;0.00",
} as const;

const NA = RULE_NAMES.notApplicable;

export function buildScoringSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("scoring");
  const c = ctx.columns;
  const n = c.evaluators;
  const lastEvaluator = columnLetter(c.evaluator(n - 1));
  s.value("A1", ctx.t("title"), { style: "title" });
  s.value("A2", `${ctx.assessment.organization}`, { style: "subtitle" });
  // How to sort (docs/workbook.md, "Sorting the Scoring sheet"): the items' rows hold locked cells.
  s.value("A3", ctx.t("sortNote"), { style: "muted" });
  s.spec.merges.push("A1:G1", "A2:G2", "A3:F3");
  writeHeaders(ctx, s);
  const agreement = ctx.scoring && measureAgreement(ctx.assessment, ctx.scoring);
  for (const row of scoringRows()) writeBodyRow(ctx, s, row, agreement);
  writeTotals(ctx, s);
  writeEvaluatorAgreement(ctx, s, agreement);

  s.spec.columns.push(
    { col: "A", width: 7 },
    { col: "B", width: 9 },
    { col: "C", width: 38 },
    { col: "D", width: 6 },
    { col: "E", width: 50 },
    { col: "F", width: 8 },
    { col: "G", width: 16 },
    ...range(n).map((k) => ({ col: columnLetter(c.evaluator(k)), width: 9 })),
    { col: columnLetter(c.score), width: 8 },
    { col: columnLetter(c.count), width: 7 },
    { col: columnLetter(c.mean), width: 7 },
    { col: columnLetter(c.notes), width: 30 },
    ...[c.indicator, c.primary, c.included, ...range(n).map(c.valid)].map((col) => ({
      col: columnLetter(col),
      width: 8,
      hidden: true,
    })),
    ...[c.agreementMin, c.agreementMax, c.agreementSpread, c.disagreement].map((col) => ({
      col: columnLetter(col),
      width: 9,
    })),
  );
  s.spec.freeze = { rows: HEADER_ROW, columns: 3 };
  // The filter spans the hidden helper columns too: sorting from its buttons then moves each row
  // whole, helpers included, and every same-row formula stays with its item.
  s.spec.autoFilter = `A${HEADER_ROW}:${columnLetter(c.last)}${LAST_BODY_ROW}`;
  s.spec.print = {
    orientation: "landscape",
    fitToWidth: true,
    titleRows: `${KIND_ROW}:${HEADER_ROW}`,
    area: `A1:${columnLetter(c.last)}${BIAS_ROW}`,
  };
  s.spec.rowHeights = { 1: 24 };
  addGuards(ctx, s, lastEvaluator);
  return s.build();
}

function writeHeaders(ctx: LayoutContext, s: SheetBuilder): void {
  const c = ctx.columns;
  const t = ctx.t;
  s.headers(HEADER_ROW, c.code, [
    t("code"),
    t("clause"),
    t("content"),
    t("points"),
    t("criterion"),
    t("applicable"),
    t("exclusionReason"),
  ]);
  ctx.assessment.evaluators.forEach((evaluator, k) => {
    s.input(cellRef(c.evaluator(k), HEADER_ROW), evaluator.name, { style: "header" });
    s.input(cellRef(c.evaluator(k), KIND_ROW), t(evaluator.kind), { style: "label" });
  });
  s.headers(HEADER_ROW, c.score, [t("itemScore"), t("entryCount"), t("meanPercent"), t("notes")]);
  s.headers(
    HEADER_ROW,
    c.indicator,
    [t("indicatorHelper"), t("primaryHelper"), t("includedHelper")],
    "muted",
  );
  range(c.evaluators).forEach((k) =>
    s.value(cellRef(c.valid(k), HEADER_ROW), `${t("validHelper")} ${k + 1}`, { style: "muted" }),
  );
  s.value(cellRef(c.reason, KIND_ROW), `${t("kind")} →`, { style: "muted" });
  s.value(cellRef(c.agreementMin, KIND_ROW), t("agreement"), { style: "label" });
  s.headers(HEADER_ROW, c.agreementMin, [
    t("agreementMin"),
    t("agreementMax"),
    t("agreementSpread"),
    t("disagreement"),
  ]);
}

function writeBodyRow(ctx: LayoutContext, s: SheetBuilder, row: ScoringRow, agreement?: Agreement): void {
  if (row.kind === "primary") writePrimaryRow(ctx, s, row.row, row.id);
  else if (row.kind === "indicator") writeIndicatorRow(ctx, s, row.row, row.id);
  else {
    writeItemRow(ctx, s, row.row, row.id);
    writeItemAgreement(ctx, s, row.row, row.id, agreement);
  }
}

function scoreRange(ctx: LayoutContext): string {
  return absColumnRange(ctx.columns.score, FIRST_BODY_ROW, LAST_BODY_ROW);
}

function helperRange(ctx: LayoutContext, column: number): string {
  return absColumnRange(column, FIRST_BODY_ROW, LAST_BODY_ROW);
}

function writePrimaryRow(ctx: LayoutContext, s: SheetBuilder, r: number, id: "service" | "management"): void {
  const c = ctx.columns;
  const primary = PRIMARY_INDICATORS.find((p) => p.id === id)!;
  s.value(cellRef(c.content, r), primary.name[ctx.lang], { style: "primaryRow" });
  s.value(cellRef(c.points, r), primary.weight, { style: "primaryRow", numFmt: FORMAT.points });
  const cached = ctx.scoring?.result.indicators
    .filter((i) => indicatorById(i.id)?.primary === id)
    .reduce((acc, i) => acc + toNumber(i.score), 0);
  s.formula(
    cellRef(c.score, r),
    `=SUMIFS(${scoreRange(ctx)},${helperRange(ctx, c.primary)},"${id}",${helperRange(ctx, c.included)},1)`,
    cached,
    { style: "primaryRow", numFmt: FORMAT.score },
  );
  for (const col of [c.code, c.clause, c.criterion, c.applicable, c.reason]) {
    s.value(cellRef(col, r), null, { style: "primaryRow" });
  }
}

function writeIndicatorRow(ctx: LayoutContext, s: SheetBuilder, r: number, id: string): void {
  const c = ctx.columns;
  const indicator = indicatorById(id)!;
  s.value(cellRef(c.code, r), id, { style: "indicatorRow" });
  s.value(cellRef(c.clause, r), indicator.specClause, { style: "indicatorRow" });
  s.value(cellRef(c.content, r), indicator.name[ctx.lang], { style: "indicatorRow" });
  s.value(cellRef(c.points, r), indicator.weight, { style: "indicatorRow", numFmt: FORMAT.points });
  s.value(cellRef(c.criterion, r), null, { style: "indicatorRow" });
  writeExclusionCells(ctx, s, r, id, indicator.excludable);
  const cached = ctx.scoring?.result.indicators.find((i) => i.id === id)?.score;
  s.formula(
    cellRef(c.score, r),
    `=SUMIFS(${scoreRange(ctx)},${helperRange(ctx, c.indicator)},$A${r},${helperRange(ctx, c.included)},1)`,
    cached && toNumber(cached),
    { style: "indicatorRow", numFmt: FORMAT.score },
  );
}

/** Applicable flag and reason: inputs on 5.2.1–5.2.6 rows; elsewhere only what the assessment carries. */
function writeExclusionCells(
  ctx: LayoutContext,
  s: SheetBuilder,
  r: number,
  key: string,
  excludable: boolean,
) {
  const c = ctx.columns;
  const reason = ctx.assessment.exclusions?.[key];
  const flag = reason === undefined ? null : ctx.t("notApplicable");
  if (excludable) {
    s.input(cellRef(c.applicable, r), flag ?? ctx.t("yes"));
    s.input(cellRef(c.reason, r), reason ?? null, { style: "inputText" });
  } else if (reason !== undefined) {
    // Not excludable: kept so nothing the user wrote is lost; the engine reports it and the formulas ignore it.
    s.value(cellRef(c.applicable, r), flag);
    s.value(cellRef(c.reason, r), reason);
  }
}

function writeItemRow(ctx: LayoutContext, s: SheetBuilder, r: number, code: string): void {
  const c = ctx.columns;
  const item = itemByCode(code)!;
  const indicator = indicatorById(item.indicator)!;
  const result = ctx.scoring?.result.items.find((i) => i.code === code);
  const n = c.evaluators;
  s.value(cellRef(c.code, r), code, { style: "label" });
  s.value(cellRef(c.clause, r), item.clause, { style: "text" });
  s.value(cellRef(c.content, r), item.content, { style: "wrap" });
  s.value(cellRef(c.points, r), item.points, { numFmt: FORMAT.points });
  s.value(cellRef(c.criterion, r), item.criterion, { style: "wrap" });
  writeExclusionCells(ctx, s, r, code, indicator.excludable);
  const row = ctx.assessment.scores[code] ?? [];
  range(n).forEach((k) => s.input(cellRef(c.evaluator(k), r), row[k] ?? null, { numFmt: FORMAT.percent }));

  const valid = `${cellRef(c.valid(0), r)}:${cellRef(c.valid(n - 1), r)}`;
  const count = cellRef(c.count, r);
  const included = cellRef(c.included, r);
  s.formula(count, `=COUNT(${valid})`, result?.entries);
  s.formula(
    cellRef(c.mean, r),
    // Blank for an excluded item, like its score: the engine has no mean for it (meanPercent null).
    `=IF(OR(${included}=0,${count}=0),"",SUM(${valid})/${count})`,
    result && (result.meanPercent ? toNumber(result.meanPercent) : ""),
    { numFmt: FORMAT.mean },
  );
  s.formula(
    cellRef(c.score, r),
    `=IF(${included}=0,"",IF(${count}=0,0,$D${r}*SUM(${valid})/${count}/100))`,
    result && (result.score ? toNumber(result.score) : ""),
    { numFmt: FORMAT.score },
  );
  s.input(cellRef(c.notes, r), ctx.assessment.notes?.[code] ?? null, { style: "inputText" });
  s.value(cellRef(c.indicator, r), item.indicator);
  s.value(cellRef(c.primary, r), indicator.primary);
  if (indicator.excludable) {
    const indicatorFlag = `INDEX(${helperRange(ctx, c.applicable)},MATCH(${cellRef(c.indicator, r)},${helperRange(ctx, c.code)},0))`;
    s.formula(
      included,
      `=IF(OR(${cellRef(c.applicable, r)}=${NA},${indicatorFlag}=${NA}),0,1)`,
      result && (result.excluded ? 0 : 1),
    );
  } else {
    s.value(included, 1);
  }
  range(n).forEach((k) => {
    const entry = cellRef(c.evaluator(k), r);
    // MOD only once the entry is known to be in range: IF is lazy, AND is not, and Excel's MOD
    // gives #NUM! for a huge number (1E+20), which would spread to the item's score.
    s.formula(
      cellRef(c.valid(k), r),
      `=IF(ISNUMBER(${entry}),IF(AND(${entry}>=0,${entry}<=100),IF(MOD(${entry},${SETTING_NAMES.step})=0,${entry},""),""),"")`,
      ctx.validEntry(code, k),
    );
  });
}

/**
 * The item's agreement (src/core/agreement.ts) from its own row's valid cells: lowest and highest
 * (MIN and MAX skip the "" of blank or invalid entries), their bands by MATCH over Appendix C's
 * lower bounds on the Rules sheet (a boundary goes to the higher band, 100 to band 5), the spread
 * (0 with fewer than two entries) and the disagreement flag. Blank for an excluded item, as its
 * score is; lowest and highest blank when nobody scored it.
 */
function writeItemAgreement(
  ctx: LayoutContext,
  s: SheetBuilder,
  r: number,
  code: string,
  agreement: Agreement | undefined,
): void {
  const c = ctx.columns;
  const valid = `${cellRef(c.valid(0), r)}:${cellRef(c.valid(c.evaluators - 1), r)}`;
  const included = cellRef(c.included, r);
  const count = cellRef(c.count, r);
  const min = cellRef(c.agreementMin, r);
  const max = cellRef(c.agreementMax, r);
  const spread = cellRef(c.agreementSpread, r);
  const bands = ctx.ref("rules", LISTS.bandFrom);
  const own = agreement?.items.find((i) => i.code === code);
  // Cached values: the engine's, "" where the formula gives ""; an excluded item has no agreement.
  const cached = <T>(value: (a: NonNullable<typeof own>) => T): T | "" | undefined =>
    agreement === undefined ? undefined : own === undefined ? "" : value(own);
  const percent = (v: Exact | null) => (v === null ? "" : toNumber(v));
  s.formula(
    min,
    `=IF(OR(${included}=0,${count}=0),"",MIN(${valid}))`,
    cached((a) => percent(a.min)),
    {
      numFmt: FORMAT.percent,
    },
  );
  s.formula(
    max,
    `=IF(OR(${included}=0,${count}=0),"",MAX(${valid}))`,
    cached((a) => percent(a.max)),
    {
      numFmt: FORMAT.percent,
    },
  );
  s.formula(
    spread,
    `=IF(${included}=0,"",IF(${count}<2,0,MATCH(${max},${bands},1)-MATCH(${min},${bands},1)))`,
    cached((a) => a.spreadBands),
  );
  s.formula(
    cellRef(c.disagreement, r),
    `=IF(${included}=0,"",${spread}>=${AGREEMENT.disagreementBands})`,
    cached((a) => a.disagreement),
  );
}

function writeTotals(ctx: LayoutContext, s: SheetBuilder): void {
  const c = ctx.columns;
  const t = ctx.t;
  const points = helperRange(ctx, c.points);
  const included = helperRange(ctx, c.included);
  s.value(cellRef(c.content, TOTAL_ROW), t("evaluatorTotal"), { style: "total" });
  s.value(cellRef(c.content, ITEMS_SCORED_ROW), t("itemsScored"), { style: "total" });
  s.value(cellRef(c.content, COVERAGE_ROW), t("coverage"), { style: "total" });
  range(c.evaluators).forEach((k) => {
    const valid = absColumnRange(c.valid(k), FIRST_BODY_ROW, LAST_BODY_ROW);
    const result = ctx.scoring?.result.evaluators[k];
    const col = c.evaluator(k);
    s.formula(
      cellRef(col, TOTAL_ROW),
      `=SUMPRODUCT(${points},${valid},${included})/100`,
      result && toNumber(result.total),
      {
        style: "total",
        numFmt: FORMAT.score,
      },
    );
    // Valid cells hold the entry (0–100) or "": COUNTIFS counts the numbers on included rows, with
    // no function over a range that would need array evaluation (Gnumeric and POI reduce
    // ISNUMBER(range) inside SUMPRODUCT to one cell).
    s.formula(
      cellRef(col, ITEMS_SCORED_ROW),
      `=COUNTIFS(${valid},">=0",${included},1)`,
      result?.itemsScored,
      {
        style: "total",
      },
    );
    const scored = cellRef(col, ITEMS_SCORED_ROW);
    s.formula(
      cellRef(col, COVERAGE_ROW),
      `=IF(SUM(${included})=0,"",${scored}/SUM(${included}))`,
      result && (result.coverage ? toNumber(result.coverage) : ""),
      { style: "total", numFmt: FORMAT.ratio },
    );
  });
}

/**
 * Below the totals, per evaluator: their mean % over the applicable items they scored (SUMIFS of
 * their valid cells on included rows ÷ items scored), the team's mean % over the same items (SUMIFS
 * of the items' mean % where their valid cell holds a number) and the bias, own − team. Blank for an
 * evaluator with no valid entry.
 */
function writeEvaluatorAgreement(
  ctx: LayoutContext,
  s: SheetBuilder,
  agreement: Agreement | undefined,
): void {
  const c = ctx.columns;
  const t = ctx.t;
  const included = helperRange(ctx, c.included);
  const means = helperRange(ctx, c.mean);
  s.value(cellRef(c.content, EVALUATOR_MEAN_ROW), t("evaluatorMean"), { style: "total" });
  s.value(cellRef(c.content, TEAM_MEAN_ROW), t("teamMean"), { style: "total" });
  s.value(cellRef(c.content, BIAS_ROW), t("bias"), { style: "total" });
  range(c.evaluators).forEach((k) => {
    // Column-relative, rows absolute: the same formula (in R1C1) in every evaluator's column, which
    // the add-in's writer sends as one block (src/taskpane/excel/cell-content.ts).
    const letter = columnLetter(c.valid(k));
    const valid = `${letter}$${FIRST_BODY_ROW}:${letter}$${LAST_BODY_ROW}`;
    const col = c.evaluator(k);
    const scored = cellRef(col, ITEMS_SCORED_ROW);
    const mean = cellRef(col, EVALUATOR_MEAN_ROW);
    const team = cellRef(col, TEAM_MEAN_ROW);
    const own = agreement?.evaluators[k];
    const cached = (v: Exact | null | undefined) => (own === undefined ? undefined : v ? toNumber(v) : "");
    const style = { style: "total", numFmt: FORMAT.agreement } as const;
    s.formula(mean, `=IF(${scored}=0,"",SUMIFS(${valid},${included},1)/${scored})`, cached(own?.mean), style);
    s.formula(
      team,
      `=IF(${scored}=0,"",SUMIFS(${means},${valid},">=0",${included},1)/${scored})`,
      cached(own?.team),
      style,
    );
    s.formula(cellRef(col, BIAS_ROW), `=IF(${scored}=0,"",${mean}-${team})`, cached(own?.bias), {
      style: "total",
      numFmt: FORMAT.bias,
    });
  });
}

/** Data validation and conditional formats: the sheet's own first line of defence. */
function addGuards(ctx: LayoutContext, s: SheetBuilder, lastEvaluator: string): void {
  const c = ctx.columns;
  const first = columnLetter(c.evaluator(0));
  const topLeft = `${first}${FIRST_BODY_ROW}`;
  const entries = `${topLeft}:${lastEvaluator}${LAST_BODY_ROW}`;
  const step = SETTING_NAMES.step;
  s.spec.validations.push(
    {
      range: entries,
      kind: "custom",
      formula1: `=AND(ISNUMBER(${topLeft}),${topLeft}>=0,${topLeft}<=100,MOD(${topLeft},${step})=0)`,
      allowBlank: true,
      errorTitle: "StarScore",
      error:
        "请输入 0–100 之间、为评分步长倍数的百分比（如 80，而不是 0.8）。\nType a percentage from 0 to 100 on the step (e.g. 80, not 0.8).",
      promptTitle: "StarScore",
      prompt: "0–100 %",
    },
    ctx.listRule(
      `${columnLetter(c.applicable)}${FIRST_BODY_ROW + 1}:${columnLetter(c.applicable)}${lastExcludableRow()}`,
      LISTS.applicable,
      true,
      {
        zh: `请选择“${TEXT.yes.zh}”或“${TEXT.notApplicable.zh}”。只有 B1–B24 可删减。`,
        en: `Choose "${TEXT.yes.en}" or "${TEXT.notApplicable.en}". Only B1–B24 may be excluded.`,
      },
    ),
    ctx.listRule(`${first}${KIND_ROW}:${lastEvaluator}${KIND_ROW}`, LISTS.kind, false, {
      zh: "请选择审核员或暗访。",
      en: "Choose Auditor or Visit.",
    }),
  );
  // Relative to the range's top-left entry: each entry's own hidden valid cell, its row's indicator id.
  const indicatorCell = `$${columnLetter(c.indicator)}${FIRST_BODY_ROW}`;
  const validCell = cellRef(c.valid(0), FIRST_BODY_ROW);
  s.spec.conditionalFormats.push(
    {
      range: entries,
      formula: `=AND(${indicatorCell}<>"",${topLeft}<>"",${validCell}="")`,
      fill: "FFC7CE",
      fontColor: "9C0006",
      stopIfTrue: true,
    },
    ...BAND_FILLS.map(([from, to, fill]) => ({
      range: entries,
      formula: `=AND(${indicatorCell}<>"",ISNUMBER(${validCell}),${validCell}>=${from},${validCell}${to === 100 ? "<=" : "<"}${to})`,
      fill,
    })),
    {
      range: `A${FIRST_BODY_ROW}:A${LAST_BODY_ROW}`,
      formula: `=AND($${columnLetter(c.included)}${FIRST_BODY_ROW}=1,$${columnLetter(c.count)}${FIRST_BODY_ROW}=0)`,
      fill: "FFEB9C",
      fontColor: "9C5700",
    },
    // Items in disagreement: the code and the agreement cells of the row.
    ...[
      `A${FIRST_BODY_ROW}:A${LAST_BODY_ROW}`,
      `${columnLetter(c.agreementMin)}${FIRST_BODY_ROW}:${columnLetter(c.disagreement)}${LAST_BODY_ROW}`,
    ].map((range) => ({
      range,
      formula: `=$${columnLetter(c.disagreement)}${FIRST_BODY_ROW}=TRUE`,
      fill: "E4DFEC",
      fontColor: "5B2C6F",
    })),
  );
}

/** Appendix C's bands, light red to green: a glance at the sheet shows where the organisation stands. */
const BAND_FILLS: readonly [number, number, string][] = [
  [0, 20, "F8CBAD"],
  [20, 40, "FCE4D6"],
  [40, 60, "FFF2CC"],
  [60, 80, "E2EFDA"],
  [80, 100, "C6EFCE"],
];

/** Last row under 5.2.1–5.2.6 (B24): the block where exclusion inputs live. */
function lastExcludableRow(): number {
  return scoringRows().find((r) => r.kind === "item" && r.id === "B24")!.row;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
