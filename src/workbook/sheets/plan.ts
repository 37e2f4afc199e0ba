import { toNumber } from "../../core/exact";
import { projectTargets } from "../../core/projection";
import { ITEMS } from "../../spec";
import { absColumnRange } from "../address";
import type { LayoutContext } from "../context";
import { PLAN_NAMES, RESULT_NAMES, RULE_NAMES } from "../names";
import { FIRST_BODY_ROW, LAST_BODY_ROW } from "../scoring-grid";
import type { BuiltSheet } from "../sheet-builder";
import type { CellValue } from "../types";
import { FORMAT } from "./scoring";
import { finalScoreFormula, gradeFormula, passedExpression, RESULT_FIELDS } from "./summary";

/**
 * 计划 Plan (optional; issue 14): what-if. One row per item in catalogue order with its current mean
 * attainment (live, from the Scoring sheet, found by the item's code so a sorted Scoring sheet still
 * reads right), a target percentage to type (blank keeps the current one) and the projected item
 * score; below, the projected final score and grade (Plan_FinalScore, Plan_Grade) beside the
 * current ones, computed by the same rules as the Summary's. With every target blank the projection
 * equals the result. An item nobody scored counts as 0 %, as in the provisional score. Same-row
 * formulas and INDEX/MATCH only: no array evaluation.
 */
export const PLAN_LAYOUT = {
  headerRow: 4,
  firstRow: 5,
  /** Columns of the item table. */
  columns: { code: "A", item: "B", points: "C", current: "D", target: "E", projected: "F", included: "G" },
} as const;

export const PLAN_LAST_ROW = PLAN_LAYOUT.firstRow + ITEMS.length - 1;

/**
 * The block under the table: a label in A, the current figure in C, the projected in D: the
 * Summary's result fields up to the grade.
 */
export const PLAN_RESULT_FIELDS = RESULT_FIELDS.slice(0, RESULT_FIELDS.indexOf("grade") + 1);

export type PlanResultField = (typeof PLAN_RESULT_FIELDS)[number];

const RESULT_HEADER_ROW = PLAN_LAST_ROW + 2;

export function planResultRow(field: PlanResultField): number {
  return RESULT_HEADER_ROW + 1 + PLAN_RESULT_FIELDS.indexOf(field);
}

export function buildPlanSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("plan");
  const { t, lang } = ctx;
  const c = ctx.columns;
  const L = PLAN_LAYOUT.columns;
  const scoring = (column: number) =>
    ctx.ref("scoring", absColumnRange(column, FIRST_BODY_ROW, LAST_BODY_ROW));
  const projection = ctx.scoring && projectTargets(ctx.scoring, ctx.assessment.planTargets);
  const targets = ctx.assessment.planTargets ?? {};

  s.value("A1", t("planTitle"), { style: "title" });
  s.value("A2", t("planHint"), { style: "wrap" });
  s.spec.merges.push("A1:F1", "A2:F2");
  s.spec.rowHeights = { 1: 24, 2: 48 };
  s.headers(PLAN_LAYOUT.headerRow, 1, [
    t("code"),
    t("item"),
    t("points"),
    t("currentPercent"),
    t("targetPercent"),
    t("projectedScore"),
  ]);
  s.value(`${L.included}${PLAN_LAYOUT.headerRow}`, t("includedHelper"), { style: "muted" });

  ITEMS.forEach((item, i) => {
    const r = PLAN_LAYOUT.firstRow + i;
    const p = projection?.items.find((x) => x.code === item.code);
    const match = `MATCH($${L.code}${r},${scoring(c.code)},0)`;
    const included = `${L.included}${r}`;
    const current = `${L.current}${r}`;
    const target = `${L.target}${r}`;
    s.value(`${L.code}${r}`, item.code, { style: "label" });
    s.value(`${L.item}${r}`, item.title[lang], { style: "text" });
    s.value(`${L.points}${r}`, item.points, { numFmt: FORMAT.points });
    s.formula(included, `=INDEX(${scoring(c.included)},${match})`, p && (p.excluded ? 0 : 1));
    s.formula(
      current,
      `=IF(${included}=0,"",IF(INDEX(${scoring(c.count)},${match})=0,0,INDEX(${scoring(c.mean)},${match})))`,
      p && num(p.currentPercent),
      { numFmt: FORMAT.mean },
    );
    s.input(target, targets[item.code] ?? null, { numFmt: FORMAT.mean });
    // The target when it is a number from 0 to 100 (IF is lazy: the comparisons only see a number),
    // else the current attainment.
    s.formula(
      `${L.projected}${r}`,
      `=IF(${included}=0,"",$${L.points}${r}*IF(ISNUMBER(${target}),IF(AND(${target}>=0,${target}<=100),${target},${current}),${current})/100)`,
      p && num(p.projectedScore),
      { numFmt: FORMAT.score },
    );
  });
  writeResults(ctx, s, projection);

  const first = PLAN_LAYOUT.firstRow;
  s.spec.validations.push({
    range: `${L.target}${first}:${L.target}${PLAN_LAST_ROW}`,
    kind: "decimal",
    formula1: "0",
    formula2: "100",
    allowBlank: true,
    errorTitle: "StarScore",
    error:
      "目标为 0–100 之间的平均达成率（如 80，而不是 0.8）；留空即为当前值。\nA target is a mean attainment from 0 to 100 (e.g. 80, not 0.8); leave it blank to keep the current one.",
    promptTitle: "StarScore",
    prompt: "0–100 %",
  });
  s.widths({ A: 7, B: 30, C: 8, D: 14, E: 10, F: 14 });
  s.spec.columns.push({ col: L.included, width: 8, hidden: true });
  s.spec.freeze = { rows: PLAN_LAYOUT.headerRow, columns: 0 };
  s.spec.print = { orientation: "portrait", fitToWidth: true, area: `A1:F${planResultRow("grade")}` };
  return s.build();
}

function writeResults(
  ctx: LayoutContext,
  s: ReturnType<LayoutContext["sheet"]>,
  projection: ReturnType<typeof projectTargets> | undefined,
): void {
  const { t } = ctx;
  const result = ctx.scoring?.result;
  const N = RESULT_NAMES;
  const R = RULE_NAMES;
  const L = PLAN_LAYOUT.columns;
  const at = (field: PlanResultField) => `D${planResultRow(field)}`;
  const first = PLAN_LAYOUT.firstRow;
  s.headers(RESULT_HEADER_ROW, 3, [t("current"), t("projected")]);
  const rows: [PlanResultField, string, CellValue | undefined, string, CellValue | undefined, string?][] = [
    [
      "rawScore",
      `=${N.rawScore}`,
      num(result?.rawScore),
      `=SUM(${L.projected}${first}:${L.projected}${PLAN_LAST_ROW})`,
      num(projection?.rawScore),
      FORMAT.score,
    ],
    [
      "applicableTotal",
      `=${N.applicableTotal}`,
      num(result?.applicableTotal),
      `=${N.applicableTotal}`,
      num(result?.applicableTotal),
      FORMAT.points,
    ],
    [
      "scaledScore",
      `=${N.scaledScore}`,
      num(result?.scaledScore),
      `=${at("rawScore")}/${at("applicableTotal")}*${R.total}`,
      num(projection?.scaledScore),
      "0.0000",
    ],
    [
      "deductions",
      `=${N.deductions}`,
      result?.deductionCount,
      `=${N.deductions}`,
      result?.deductionCount,
      "0",
    ],
    ["bonus", `=${N.bonus}`, num(result?.bonus), `=${N.bonus}`, num(result?.bonus), FORMAT.score],
    [
      "finalScore",
      `=${N.finalScore}`,
      num(result?.finalScore),
      finalScoreFormula(at("scaledScore"), at("deductions"), at("bonus")),
      num(projection?.finalScore),
      FORMAT.score,
    ],
    [
      "grade",
      `=${N.grade}`,
      result?.gradeLabel[ctx.lang],
      gradeFormula(at("finalScore"), passedExpression(at("finalScore"), at("deductions"))),
      projection?.gradeLabel[ctx.lang],
    ],
  ];
  for (const [field, current, currentCached, projected, projectedCached, numFmt] of rows) {
    const row = planResultRow(field);
    const style = field === "finalScore" || field === "grade" ? "grade" : "result";
    s.value(`A${row}`, t(field), { style: "label" });
    s.spec.merges.push(`A${row}:B${row}`);
    s.formula(`C${row}`, current, currentCached, { style, ...(numFmt && { numFmt }) });
    s.formula(`D${row}`, projected, projectedCached, { style, ...(numFmt && { numFmt }) });
  }
  s.define(PLAN_NAMES.finalScore, at("finalScore"));
  s.define(PLAN_NAMES.grade, at("grade"));
}

function num(value: Parameters<typeof toNumber>[0] | null | undefined): number | "" | undefined {
  if (value === undefined) return undefined;
  return value === null ? "" : toNumber(value);
}
