import { toNumber } from "../../core/exact";
import { PRIMARY_INDICATORS, RULES, SECONDARY_INDICATORS } from "../../spec";
import { absColumnRange } from "../address";
import type { LayoutContext } from "../context";
import { RESULT_NAMES, RULE_NAMES, SPECIAL_NAMES } from "../names";
import { FIRST_BODY_ROW, LAST_BODY_ROW } from "../scoring-grid";
import type { BuiltSheet, SheetBuilder } from "../sheet-builder";
import type { CellValue } from "../types";
import { INFO_ROWS } from "./info";
import { FORMAT } from "./scoring";

/**
 * 汇总 Summary: per indicator weight, applicable maximum, score and attainment; primary subtotals;
 * then the result block whose cells carry the public Result_* names. Every figure is a live formula
 * over the Scoring and Special sheets, position-independent (SUMIFS by indicator id), so sorting the
 * Scoring rows cannot break it.
 */
export const SUMMARY_HEADER_ROW = 4;
export const FIRST_INDICATOR_ROW = 5;

/**
 * Rows of the indicator table: the 15 indicators in one block (service first, so each primary's
 * indicators are contiguous and the chart reads one range), then a subtotal per primary, then the total.
 */
export function summaryRows() {
  const rows: { kind: "indicator" | "subtotal"; id: string; row: number }[] = [];
  let row = FIRST_INDICATOR_ROW;
  for (const primary of PRIMARY_INDICATORS) {
    for (const indicator of SECONDARY_INDICATORS.filter((i) => i.primary === primary.id)) {
      rows.push({ kind: "indicator", id: indicator.id, row: row++ });
    }
  }
  for (const primary of PRIMARY_INDICATORS) rows.push({ kind: "subtotal", id: primary.id, row: row++ });
  const totalRow = row;
  const resultRow = totalRow + 2;
  return { rows, totalRow, resultRow };
}

const CHART_ROWS = 22;

function chartFirstRow(): number {
  return resultRow("completeness") + 2;
}

export const RESULT_FIELDS = [
  "rawScore",
  "applicableTotal",
  "scaledScore",
  "deductions",
  "bonus",
  "finalScore",
  "grade",
  "passed",
  "failBelow",
  "failDeductions",
  "complete",
  "completeness",
] as const;

export type ResultField = (typeof RESULT_FIELDS)[number];

/**
 * The engine check: beside the live figures, the exact engine's own, written as values (never
 * formulas) by the task pane's "compute", so a reader of the sheet sees both. Empty until then.
 * Column G beside the indicator table's score (E), column D beside the result block's values (C),
 * each under a "StarScore engine check" label.
 */
export const ENGINE_CHECK = {
  indicatorColumn: "G",
  /** The live column the indicator table's check mirrors. */
  indicatorSource: "E",
  resultColumn: "D",
  resultSource: "C",
} as const;

/**
 * The final score's formula from the cells (or expressions) holding the scaled score, the number of
 * deductions and the bonus: rounded to 9 places first, since the sheet computes in doubles and
 * 69.995 must not be 69.99499… (scoring-rules.md). The Summary and the Plan sheet share it.
 */
export function finalScoreFormula(scaled: string, deductions: string, bonus: string): string {
  const R = RULE_NAMES;
  return `=ROUND(ROUND(MAX(0,MIN(${R.total},${scaled}-${deductions}*${R.deductionPoints}+${bonus})),9),2)`;
}

/** Passed (6.3.2): at least the pass mark, and fewer deductions than fail. */
export function passedExpression(final: string, deductions: string): string {
  return `AND(${final}>=${RULE_NAMES.passMark},${deductions}<${RULE_NAMES.failAtDeductions})`;
}

/** The grade label in the workbook's language, from the final score and whether it passed. */
export function gradeFormula(final: string, passed: string): string {
  const R = RULE_NAMES;
  return `=IF(${passed},IF(${final}>=${R.fiveStar},${R.labelFiveStar},IF(${final}>=${R.fourStar},${R.labelFourStar},IF(${final}>=${R.threeStar},${R.labelThreeStar},${R.labelQualified}))),${R.labelFail})`;
}

/** Row of each result field; the value sits in column C. */
export function resultRow(field: (typeof RESULT_FIELDS)[number]): number {
  return summaryRows().resultRow + RESULT_FIELDS.indexOf(field);
}

export function buildSummarySheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("summary");
  const { t } = ctx;
  s.value("A1", t("summaryTitle"), { style: "title" });
  s.formula("A2", `=${ctx.ref("info", `$B$${INFO_ROWS.organization}`)}&""`, ctx.assessment.organization, {
    style: "subtitle",
  });
  s.spec.merges.push("A1:F1", "A2:F2");
  s.headers(SUMMARY_HEADER_ROW, 1, [
    t("indicator"),
    t("name"),
    t("weight"),
    t("applicableMax"),
    t("itemScore"),
    t("attainment"),
  ]);
  writeIndicatorTable(ctx, s);
  writeResults(ctx, s);
  writeEngineCheck(ctx, s);
  const { rows } = summaryRows();
  const indicatorRows = rows.filter((r) => r.kind === "indicator");
  s.spec.chart = {
    kind: "barClustered",
    title: t("chartTitle"),
    categories: `B${FIRST_INDICATOR_ROW}:B${indicatorRows.at(-1)!.row}`,
    values: `F${FIRST_INDICATOR_ROW}:F${indicatorRows.at(-1)!.row}`,
    seriesName: t("attainment"),
    // Below the result block, inside the print area: the A4 page carries table, result and chart.
    from: `A${chartFirstRow()}`,
    to: `G${chartFirstRow() + CHART_ROWS}`,
  };
  s.widths({ A: 9, B: 40, C: 12, D: 10, E: 10, F: 10, [ENGINE_CHECK.indicatorColumn]: 12 });
  s.spec.print = {
    orientation: "portrait",
    fitToWidth: true,
    fitToHeight: true,
    area: `A1:F${chartFirstRow() + CHART_ROWS}`,
  };
  return s.build();
}

function writeIndicatorTable(ctx: LayoutContext, s: SheetBuilder): void {
  const { lang } = ctx;
  const c = ctx.columns;
  const scoring = (col: number) => ctx.ref("scoring", absColumnRange(col, FIRST_BODY_ROW, LAST_BODY_ROW));
  const { rows, totalRow } = summaryRows();
  const result = ctx.scoring?.result;
  for (const { kind, id, row } of rows) {
    if (kind === "indicator") {
      const indicator = SECONDARY_INDICATORS.find((i) => i.id === id)!;
      const cached = result?.indicators.find((i) => i.id === id);
      const byIndicator = `${scoring(c.indicator)},$A${row},${scoring(c.included)},1`;
      s.value(`A${row}`, id, { style: "label" });
      s.value(`B${row}`, indicator.name[lang]);
      s.value(`C${row}`, indicator.weight, { numFmt: FORMAT.points });
      s.formula(
        `D${row}`,
        `=SUMIFS(${scoring(c.points)},${byIndicator})`,
        cached && toNumber(cached.applicableMax),
        {
          numFmt: FORMAT.points,
        },
      );
      s.formula(`E${row}`, `=SUMIFS(${scoring(c.score)},${byIndicator})`, cached && toNumber(cached.score), {
        numFmt: FORMAT.score,
      });
      s.formula(
        `F${row}`,
        `=IF(D${row}=0,"",E${row}/D${row})`,
        cached && (cached.attainment ? toNumber(cached.attainment) : ""),
        {
          numFmt: FORMAT.ratio,
        },
      );
    } else {
      const primary = PRIMARY_INDICATORS.find((p) => p.id === id)!;
      const block = rows.filter(
        (r) => r.kind === "indicator" && SECONDARY_INDICATORS.find((i) => i.id === r.id)!.primary === id,
      );
      const span = (col: string) => `${col}${block[0]!.row}:${col}${block.at(-1)!.row}`;
      s.value(`B${row}`, `${primary.name[lang]} ${ctx.t("subtotal")}`, { style: "total" });
      subtotal(s, row, span, result && block.map((b) => result.indicators.find((i) => i.id === b.id)!));
    }
  }
  const subtotals = rows.filter((r) => r.kind === "subtotal").map((r) => r.row);
  s.value(`B${totalRow}`, ctx.t("total"), { style: "total" });
  subtotal(s, totalRow, (col) => subtotals.map((r) => `${col}${r}`).join(","), result?.indicators);
}

function subtotal(
  s: SheetBuilder,
  row: number,
  span: (col: string) => string,
  indicators:
    | {
        max: Parameters<typeof toNumber>[0];
        applicableMax: Parameters<typeof toNumber>[0];
        score: Parameters<typeof toNumber>[0];
      }[]
    | undefined,
): void {
  const total = (pick: (i: NonNullable<typeof indicators>[number]) => Parameters<typeof toNumber>[0]) =>
    indicators?.reduce((acc, i) => acc + toNumber(pick(i)), 0);
  s.formula(
    `C${row}`,
    `=SUM(${span("C")})`,
    total((i) => i.max),
    { style: "total", numFmt: FORMAT.points },
  );
  s.formula(
    `D${row}`,
    `=SUM(${span("D")})`,
    total((i) => i.applicableMax),
    { style: "total", numFmt: FORMAT.points },
  );
  s.formula(
    `E${row}`,
    `=SUM(${span("E")})`,
    total((i) => i.score),
    { style: "total", numFmt: FORMAT.score },
  );
  const cachedRatio =
    indicators && total((i) => i.applicableMax)
      ? total((i) => i.score)! / total((i) => i.applicableMax)!
      : "";
  s.formula(`F${row}`, `=IF(D${row}=0,"",E${row}/D${row})`, indicators && cachedRatio, {
    style: "total",
    numFmt: FORMAT.ratio,
  });
}

function writeResults(ctx: LayoutContext, s: SheetBuilder): void {
  const { t } = ctx;
  const c = ctx.columns;
  const r = resultRow;
  const { totalRow } = summaryRows();
  const result = ctx.scoring?.result;
  const scoring = (col: number) => ctx.ref("scoring", absColumnRange(col, FIRST_BODY_ROW, LAST_BODY_ROW));
  const N = RESULT_NAMES;
  const R = RULE_NAMES;
  const num = (v: Parameters<typeof toNumber>[0] | undefined) => v && toNumber(v);
  const failBelow =
    result && (result.reasons.find((x) => x.code === "below-pass-mark") ? ctx.t("failBelow") : "");
  const rows: [(typeof RESULT_FIELDS)[number], string, CellValue | undefined, string | undefined, string?][] =
    [
      ["rawScore", `=E${totalRow}`, num(result?.rawScore), N.rawScore, FORMAT.score],
      ["applicableTotal", `=D${totalRow}`, num(result?.applicableTotal), N.applicableTotal, FORMAT.points],
      [
        "scaledScore",
        `=C${r("rawScore")}/C${r("applicableTotal")}*${R.total}`,
        num(result?.scaledScore),
        N.scaledScore,
        "0.0000",
      ],
      ["deductions", `=${SPECIAL_NAMES.deductionCount}`, result?.deductionCount, N.deductions, "0"],
      [
        "bonus",
        `=MIN(${SPECIAL_NAMES.bonusClaimed},${R.bonusCap})`,
        num(result?.bonus) ?? (result ? 0 : undefined),
        N.bonus,
        FORMAT.score,
      ],
      [
        "finalScore",
        finalScoreFormula(`C${r("scaledScore")}`, `C${r("deductions")}`, `C${r("bonus")}`),
        num(result?.finalScore) ?? (result ? 0 : undefined),
        N.finalScore,
        FORMAT.score,
      ],
      [
        "grade",
        gradeFormula(`C${r("finalScore")}`, `C${r("passed")}`),
        result?.gradeLabel[ctx.lang],
        N.grade,
      ],
      [
        "passed",
        `=${passedExpression(`C${r("finalScore")}`, `C${r("deductions")}`)}`,
        result?.passed,
        N.passed,
      ],
      [
        "failBelow",
        `=IF(C${r("finalScore")}<${R.passMark},"${t("failBelow")} < "&${R.passMark},"")`,
        result && (failBelow ? `${t("failBelow")} < ${RULES.passMark}` : ""),
        undefined,
      ],
      [
        "failDeductions",
        `=IF(C${r("deductions")}>=${R.failAtDeductions},"${t("failDeductions")} ≥ "&${R.failAtDeductions},"")`,
        result &&
          (result.deductionCount >= RULES.failAtDeductions
            ? `${t("failDeductions")} ≥ ${RULES.failAtDeductions}`
            : ""),
        undefined,
      ],
      [
        "complete",
        `=COUNTIFS(${scoring(c.included)},1,${scoring(c.count)},0)=0`,
        result?.complete,
        N.complete,
      ],
      [
        "completeness",
        `=IF(SUM(${scoring(c.included)})=0,"",1-COUNTIFS(${scoring(c.included)},1,${scoring(c.count)},0)/SUM(${scoring(c.included)}))`,
        result && completeness(result.items),
        undefined,
        FORMAT.ratio,
      ],
    ];
  for (const [field, formula, cached, name, numFmt] of rows) {
    const row = r(field);
    s.value(`A${row}`, t(field), { style: "label" });
    s.spec.merges.push(`A${row}:B${row}`);
    const style = field === "finalScore" || field === "grade" ? "grade" : "result";
    s.formula(`C${row}`, formula, cached, { style, ...(numFmt && { numFmt }) });
    if (name) s.define(name, `C${row}`);
  }
}

/** The engine check's labels and empty, formatted cells (see ENGINE_CHECK). */
function writeEngineCheck(ctx: LayoutContext, s: SheetBuilder): void {
  const { rows, totalRow, resultRow: firstResultRow } = summaryRows();
  const { indicatorColumn: g, resultColumn: d } = ENGINE_CHECK;
  s.value(`${g}${SUMMARY_HEADER_ROW}`, ctx.t("engineCheck"), { style: "muted" });
  for (const row of [...rows.map((r) => r.row), totalRow])
    s.value(`${g}${row}`, null, { numFmt: FORMAT.score });
  s.value(`${d}${firstResultRow - 1}`, ctx.t("engineCheck"), { style: "muted" });
  const formats: Partial<Record<ResultField, string>> = {
    rawScore: FORMAT.score,
    applicableTotal: FORMAT.points,
    scaledScore: "0.0000",
    deductions: "0",
    bonus: FORMAT.score,
    finalScore: FORMAT.score,
    completeness: FORMAT.ratio,
  };
  for (const field of RESULT_FIELDS) {
    const numFmt = formats[field];
    if (numFmt) s.value(`${d}${resultRow(field)}`, null, { numFmt });
  }
}

function completeness(items: readonly { excluded: boolean; entries: number }[]): number | "" {
  const applicable = items.filter((i) => !i.excluded);
  return applicable.length ? applicable.filter((i) => i.entries > 0).length / applicable.length : "";
}
