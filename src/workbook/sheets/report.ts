import { toNumber } from "../../core/exact";
import { isExcludable } from "../../core/exclusions";
import type { Localised } from "../../spec/types";
import { absColumnRange, cellRef, columnLetter } from "../address";
import type { LayoutContext } from "../context";
import { FINGERPRINT_NAME } from "../integrity/fingerprint";
import { RESULT_NAMES, RULE_NAMES, SPECIAL_NAMES } from "../names";
import {
  BIAS_ROW,
  COVERAGE_ROW,
  EVALUATOR_MEAN_ROW,
  FIRST_BODY_ROW,
  HEADER_ROW,
  ITEMS_SCORED_ROW,
  KIND_ROW,
  LAST_BODY_ROW,
  scoringRows,
  TOTAL_ROW,
} from "../scoring-grid";
import type { BuiltSheet } from "../sheet-builder";
import type { CellValue } from "../types";
import { INFO_ROWS } from "./info";
import { FORMAT } from "./scoring";
import {
  bonusRowCount,
  bonusRows,
  deductionRowCount,
  followUpRowCount,
  followUpRows,
  SPECIAL_LAYOUT,
} from "./special";
import { resultRow, summaryRows } from "./summary";

/**
 * 报告 / Report (issue 13): the assessment report as a sheet, laid out to print on A4 portrait in
 * one or two pages, so it prints from Excel, WPS or LibreOffice without the add-in. Optional
 * (LayoutOptions.report): `starscore generate --report-sheet` writes it, the pane's "report" action
 * adds or refreshes it, and a workbook without it stays valid at the same layout version.
 *
 * Every figure is a live classic formula over the other sheets: the Info fields, the Scoring sheet's
 * per-evaluator rows (total, coverage, mean, bias), the Summary's indicator table and the Result_*
 * names, the Special sheet's tables. The lists (exclusions, deductions, bonus, follow-ups) have a
 * fixed number of rows each (REPORT_LIST_ROWS, at most the Special tables' smallest sizes, so a row
 * never reaches past its table), and say when the workbook holds more. Exclusions are
 * found without array evaluation: a hidden helper column numbers the Scoring rows that have a reason
 * (a running MAX over the rows above), and each report row looks up its number with MATCH.
 *
 * The one constant beside the labels is the finalisation and review state, which lives in the
 * snapshot (src/workbook/audit/review.ts) and is written when the sheet is written or refreshed.
 */
export const REPORT_LIST_ROWS = { exclusions: 6, deductions: 8, bonus: 3, followUps: 5 } as const;

/** Columns A–H are printed; J holds the exclusions' hidden running number. */
export const REPORT_HELPER_COLUMN = "J";
/**
 * The helper column's rows: J1 stands for the Scoring sheet's first body row, and so on. Only the
 * rows that may be excluded have a formula; a Report sheet written by an earlier build of this
 * layout has one on every row, and is StarScore's all the same (taskpane/actions/report-state.ts).
 */
export const REPORT_HELPER_ROWS = LAST_BODY_ROW - FIRST_BODY_ROW + 1;

const both = (zh: string, en: string): Localised => ({ zh, en });

export const REPORT_SHEET_WORDS = {
  title: both("商品售后服务认证审查报告", "After-sales service certification: assessment report"),
  basis: both(
    "依据 CTS-DNISC0301-2025《商品售后服务评价体系》（GB/T 27922-2011）",
    "Under CTS-DNISC0301-2025, the after-sales service rating system (GB/T 27922-2011)",
  ),
  assessment: both("1  评价概况", "1  The assessment"),
  organization: both("受评组织", "Organisation"),
  type: both("评价类型", "Assessment type"),
  modes: both("认证模式", "Certification modes"),
  dates: both("评价日期", "Dates"),
  to: both(" 至 ", " to "),
  leadAuditor: both("审查组长", "Lead auditor"),
  state: both("定稿状态", "Finalisation"),
  team: both("评价组与评价一致性", "The team and their agreement"),
  name: both("姓名 / 名称", "Name"),
  kind: both("类型", "Kind"),
  total: both("个人总分", "Own total"),
  itemsScored: both("已评项目", "Items scored"),
  coverage: both("覆盖率", "Coverage"),
  mean: both("平均达成率", "Mean %"),
  bias: both("偏差", "Bias"),
  result: both("2  评价结论", "2  The result"),
  finalScore: both("最终得分", "Final score"),
  grade: both("等级", "Grade"),
  conclusion: both("结论", "Conclusion"),
  passed: both("通过", "Passed"),
  notPassed: both("未通过", "Not passed"),
  failReasons: both("不合格原因", "Why it fails"),
  rawScore: both("实际得分", "Raw score"),
  applicableTotal: both("涉及项总分值", "Applicable total"),
  scaledScore: both("换算得分（满分 100）", "Scaled score (out of 100)"),
  deductions: both("特别扣分项数", "Special deductions"),
  bonus: both("特别加分（计入，上限 1 分）", "Bonus (applied, at most 1)"),
  complete: both("评分完整", "Scoring complete"),
  yes: both("是", "Yes"),
  no: both("否（有适用项目未录入，得分不是最终结果）", "No (an applicable item has no entry: not final)"),
  indicators: both("3  二级指标得分", "3  Scores by indicator"),
  clause: both("条款", "Clause"),
  indicator: both("二级指标", "Indicator"),
  weight: both("权重", "Weight"),
  applicableMax: both("适用分值", "Applicable"),
  score: both("得分", "Score"),
  attainment: both("达成率", "Attainment"),
  exclusions: both("4  删减（不适用）及原因", "4  Exclusions (not applicable) and why"),
  code: both("项目", "Item"),
  content: both("内容", "Content"),
  reason: both("原因", "Reason"),
  special: both("5  特别扣分项与整改要求", "5  Special deductions and the rectification required"),
  number: both("序号", "No."),
  description: both("描述", "Description"),
  category: both("类别", "Category"),
  item: both("关联项目", "Item"),
  rectification: both("整改要求", "Rectification"),
  deadline: both("期限", "Deadline"),
  status: both("状态", "Status"),
  bonusSection: both("6  特别加分", "6  Bonus"),
  points: both("分值", "Points"),
  followUps: both("7  上次审核整改的验证", "7  Rectifications from the last audit"),
  outcome: both("验证结果", "Outcome"),
  note: both("说明", "Note"),
  notChecked: both("待验证", "To verify"),
  verifiedCount: both("已验证", "Verified"),
  of: both(" / 共 ", " of "),
  more: both("另有更多条目，见工作表 ", "More entries: see the sheet "),
  none: both("无", "None"),
  signatures: both("8  签字", "8  Signatures"),
  reviewer: both("复核人", "Reviewer"),
  date: both("日期", "Date"),
  fingerprint: both("目录与规则指纹 ", "Catalogue and rules fingerprint "),
} as const;

const W = REPORT_SHEET_WORDS;

export function buildReportSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("report");
  const t = (l: Localised) => l[ctx.lang];
  const span = (row: number, from = "A", to = "H") => s.spec.merges.push(`${from}${row}:${to}${row}`);
  const info = (row: number) => ctx.ref("info", `$B$${row}`);
  let row = 1;

  s.value("A1", t(W.title), { style: "title" });
  span(1);
  s.value("A2", t(W.basis), { style: "muted" });
  span(2);
  s.formula("A3", `=${info(INFO_ROWS.organization)}&""`, ctx.assessment.organization, { style: "subtitle" });
  span(3);
  row = 5;

  // 1 The assessment.
  const section = (label: Localised) => {
    s.value(`A${row}`, t(label), { style: "header" });
    span(row);
    row++;
  };
  const fact = (label: Localised, formula: string | null, cached: CellValue | undefined, value?: string) => {
    s.value(`A${row}`, t(label), { style: "label" });
    span(row, "A", "B");
    if (formula === null) s.value(`C${row}`, value ?? "", { style: "wrap" });
    else s.formula(`C${row}`, formula, cached, { style: "wrap" });
    span(row, "C", "H");
    row++;
  };
  section(W.assessment);
  const a = ctx.assessment;
  fact(W.organization, `=${info(INFO_ROWS.organization)}&""`, a.organization);
  fact(W.type, `=${info(INFO_ROWS.type)}&""`, undefined);
  const modesRow = row;
  fact(W.modes, `=${info(INFO_ROWS.modes)}&""`, undefined);
  const start = info(INFO_ROWS.startDate);
  const end = info(INFO_ROWS.endDate);
  const date = (ref: string) => `IF(ISNUMBER(${ref}),TEXT(${ref},"yyyy-mm-dd"),${ref}&"")`;
  fact(
    W.dates,
    `=${date(start)}&IF(AND(${start}<>"",${end}<>""),"${t(W.to)}","")&${date(end)}`,
    a.dates?.start && a.dates.end ? `${a.dates.start}${t(W.to)}${a.dates.end}` : undefined,
  );
  fact(W.leadAuditor, `=${info(INFO_ROWS.leadAuditor)}&""`, a.leadAuditor ?? "");
  fact(W.state, null, undefined, ctx.report?.state ?? "");

  // The team: each evaluator column's name, kind, total, items scored, coverage, mean and bias.
  row++;
  s.value(`A${row}`, t(W.team), { style: "subtitle" });
  span(row);
  row++;
  s.value(`A${row}`, t(W.name), { style: "header" });
  span(row, "A", "B");
  s.headers(row, 3, [t(W.kind), t(W.total), t(W.itemsScored), t(W.coverage), t(W.mean), t(W.bias)]);
  row++;
  const result = ctx.scoring?.result;
  a.evaluators.forEach((evaluator, k) => {
    const col = ctx.columns.evaluator(k);
    const at = (r: number) => ctx.ref("scoring", cellRef(col, r).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"));
    const e = result?.evaluators[k];
    s.formula(`A${row}`, `=${at(HEADER_ROW)}&""`, evaluator.name);
    span(row, "A", "B");
    s.formula(`C${row}`, `=${at(KIND_ROW)}&""`, ctx.t(evaluator.kind));
    s.formula(`D${row}`, `=${at(TOTAL_ROW)}`, e && toNumber(e.total), { numFmt: FORMAT.score });
    s.formula(`E${row}`, `=${at(ITEMS_SCORED_ROW)}`, e?.itemsScored, { numFmt: "0" });
    s.formula(`F${row}`, `=${at(COVERAGE_ROW)}`, e && (e.coverage === null ? "" : toNumber(e.coverage)), {
      numFmt: FORMAT.ratio,
    });
    s.formula(`G${row}`, `=${at(EVALUATOR_MEAN_ROW)}`, undefined, { numFmt: FORMAT.mean });
    s.formula(`H${row}`, `=${at(BIAS_ROW)}`, undefined, { numFmt: FORMAT.bias });
    row++;
  });

  // 2 The result: the Result_* names, the conclusion and every fail reason (the Summary's cells).
  row++;
  section(W.result);
  const N = RESULT_NAMES;
  const summary = (field: Parameters<typeof resultRow>[0]) => ctx.ref("summary", `$C$${resultRow(field)}`);
  const figure = (label: Localised, formula: string, cached: CellValue | undefined, numFmt?: string) => {
    s.value(`A${row}`, t(label), { style: "label" });
    span(row, "A", "B");
    const big = label === W.finalScore || label === W.grade;
    s.formula(`C${row}`, formula, cached, { style: big ? "grade" : "result", ...(numFmt && { numFmt }) });
    span(row, "C", "D");
    row++;
  };
  const num = (v: Parameters<typeof toNumber>[0] | undefined) => (v === undefined ? undefined : toNumber(v));
  figure(W.finalScore, `=${N.finalScore}`, num(result?.finalScore), FORMAT.score);
  figure(W.grade, `=${N.grade}`, result?.gradeLabel[ctx.lang]);
  figure(
    W.conclusion,
    `=IF(${N.passed},"${t(W.passed)}","${t(W.notPassed)}")`,
    result && t(result.passed ? W.passed : W.notPassed),
  );
  const fails = `${summary("failBelow")}&IF(AND(${summary("failBelow")}<>"",${summary("failDeductions")}<>""),"; ","")&${summary("failDeductions")}`;
  s.value(`A${row}`, t(W.failReasons), { style: "label" });
  span(row, "A", "B");
  s.formula(`C${row}`, `=IF(${N.passed},"—",${fails})`, undefined, { style: "text" });
  span(row, "C", "H");
  row++;
  figure(W.rawScore, `=${N.rawScore}`, num(result?.rawScore), FORMAT.score);
  figure(W.applicableTotal, `=${N.applicableTotal}`, num(result?.applicableTotal), FORMAT.points);
  figure(W.scaledScore, `=${N.scaledScore}`, num(result?.scaledScore), FORMAT.score);
  figure(W.deductions, `=${N.deductions}`, result?.deductionCount, "0");
  figure(W.bonus, `=${N.bonus}`, num(result?.bonus), FORMAT.score);
  figure(
    W.complete,
    `=IF(${N.complete},"${t(W.yes)}","${t(W.no)}")`,
    result && t(result.complete ? W.yes : W.no),
  );

  // 3 The indicator table: the Summary's rows, subtotals and total.
  row++;
  section(W.indicators);
  s.headers(row, 1, [
    t(W.clause),
    t(W.indicator),
    t(W.weight),
    t(W.applicableMax),
    t(W.score),
    t(W.attainment),
  ]);
  row++;
  const { rows: summaryTable, totalRow } = summaryRows();
  for (const { row: from, kind } of [...summaryTable, { row: totalRow, kind: "total" as const }]) {
    const at = (col: string) => ctx.ref("summary", `$${col}$${from}`);
    const style = kind === "indicator" ? undefined : "total";
    const id = summaryTable.find((r) => r.row === from && r.kind === "indicator")?.id;
    const cached = id ? result?.indicators.find((i) => i.id === id) : undefined;
    s.formula(`A${row}`, `=${at("A")}&""`, kind === "indicator" ? id : "", style && { style });
    s.formula(`B${row}`, `=${at("B")}&""`, undefined, style && { style });
    s.formula(`C${row}`, `=${at("C")}`, cached && toNumber(cached.max), {
      numFmt: FORMAT.points,
      ...(style && { style }),
    });
    s.formula(`D${row}`, `=${at("D")}`, cached && toNumber(cached.applicableMax), {
      numFmt: FORMAT.points,
      ...(style && { style }),
    });
    s.formula(`E${row}`, `=${at("E")}`, cached && toNumber(cached.score), {
      numFmt: FORMAT.score,
      ...(style && { style }),
    });
    s.formula(`F${row}`, `=${at("F")}`, undefined, { numFmt: FORMAT.ratio, ...(style && { style }) });
    row++;
  }

  // 4 Exclusions: the Scoring rows that are excluded, numbered by the hidden helper column. A row is
  // excluded when it may be (under 5.2.1–5.2.6) and is marked not applicable, with or without a
  // reason: what the engine excludes (src/core/exclusions.ts). A reason kept on a row that may not
  // be excluded (C7) is no exclusion, and an excludable row marked applicable is none either.
  row++;
  section(W.exclusions);
  s.headers(row, 1, [t(W.code), t(W.content)]);
  s.value(`C${row}`, t(W.reason), { style: "header" });
  span(row, "C", "H");
  row++;
  const c = ctx.columns;
  const h = REPORT_HELPER_COLUMN;
  const helperFirst = 1;
  const helperRange = `$${h}$${helperFirst}:$${h}$${helperFirst + REPORT_HELPER_ROWS - 1}`;
  for (const { id, row: scoringRow } of scoringRows()) {
    const i = scoringRow - FIRST_BODY_ROW;
    if (!isExcludable(id)) continue; // its helper cell stays empty: never numbered
    const flag = ctx.ref("scoring", `$${columnLetter(c.applicable)}$${scoringRow}`);
    const above = i === 0 ? "0" : `MAX($${h}$${helperFirst}:$${h}$${helperFirst + i - 1})`;
    s.formula(`${h}${helperFirst + i}`, `=IF(${flag}=${RULE_NAMES.notApplicable},${above}+1,"")`, undefined);
  }
  const scoringCol = (col: number) => ctx.ref("scoring", absColumnRange(col, FIRST_BODY_ROW, LAST_BODY_ROW));
  const lookUp = (col: number, k: number) =>
    `=IF(ISNA(MATCH(${k},${helperRange},0)),"",INDEX(${scoringCol(col)},MATCH(${k},${helperRange},0))&"")`;
  for (let k = 1; k <= REPORT_LIST_ROWS.exclusions; k++) {
    s.formula(`A${row}`, lookUp(c.code, k), undefined);
    s.formula(`B${row}`, lookUp(c.content, k), undefined, { style: "wrap" });
    s.formula(`C${row}`, lookUp(c.reason, k), undefined, { style: "wrap" });
    span(row, "C", "H");
    row++;
  }
  const more = (count: string, shown: number, sheet: "scoring" | "special") => {
    s.formula(
      `A${row}`,
      `=IF(${count}=0,"${t(W.none)}",IF(${count}>${shown},"${t(W.more)}${ctx.sheetNames[sheet]}",""))`,
      undefined,
      { style: "muted" },
    );
    span(row);
    row++;
  };
  more(`MAX(${helperRange})`, REPORT_LIST_ROWS.exclusions, "scoring");

  // 5 Special deductions: the Special sheet's first rows.
  row++;
  section(W.special);
  s.headers(row, 1, [t(W.number), t(W.description), t(W.category), t(W.item), t(W.rectification)]);
  span(row, "E", "F");
  s.headers(row, 7, [t(W.deadline), t(W.status)]);
  row++;
  const special = (col: string, r: number) => ctx.ref("special", `$${col}$${r}`);
  const listRow = (r: number, cols: Record<"B" | "C" | "D" | "E" | "G" | "H", string>, filled: string) => {
    const text = (col: string) => `=IF(${filled},${special(col, r)}&"","")`;
    s.formula(`A${row}`, `=IF(${filled},${special("A", r)},"")`, undefined);
    s.formula(`B${row}`, text(cols.B), undefined, { style: "wrap" });
    s.formula(`C${row}`, text(cols.C), undefined, { style: "wrap" });
    s.formula(`D${row}`, text(cols.D), undefined);
    s.formula(`E${row}`, text(cols.E), undefined, { style: "wrap" });
    span(row, "E", "F");
    s.formula(`G${row}`, text(cols.G), undefined);
    s.formula(`H${row}`, text(cols.H), undefined);
    row++;
  };
  const dRows = deductionRowCount(a.deductions?.length ?? 0);
  for (let i = 0; i < REPORT_LIST_ROWS.deductions; i++) {
    const r = SPECIAL_LAYOUT.firstDeductionRow + i;
    // Columns B–H: category, description, item, evidence, rectification, deadline, status.
    listRow(r, { B: "C", C: "B", D: "D", E: "F", G: "G", H: "H" }, `${special("I", r)}=1`);
  }
  more(SPECIAL_NAMES.deductionCount, REPORT_LIST_ROWS.deductions, "special");

  // 6 Bonus: points and reason, and what is applied.
  row++;
  section(W.bonusSection);
  s.headers(row, 1, [t(W.number), t(W.reason)]);
  span(row, "B", "F");
  s.value(`G${row}`, t(W.points), { style: "header" });
  row++;
  const bRows = bonusRowCount(a.bonus?.length ?? 0);
  const { firstBonusRow } = bonusRows(dRows);
  for (let i = 0; i < REPORT_LIST_ROWS.bonus; i++) {
    const r = firstBonusRow + i;
    const filled = `OR(ISNUMBER(${special("B", r)}),LEN(${special("C", r)})>0)`;
    s.formula(`A${row}`, `=IF(${filled},${special("A", r)},"")`, undefined);
    s.formula(`B${row}`, `=IF(${filled},${special("C", r)}&"","")`, undefined, { style: "wrap" });
    span(row, "B", "F");
    s.formula(`G${row}`, `=IF(${filled},${special("B", r)},"")`, undefined, { numFmt: FORMAT.score });
    row++;
  }
  s.value(`A${row}`, t(W.bonus), { style: "label" });
  span(row, "A", "F");
  s.formula(`G${row}`, `=${N.bonus}`, num(result?.bonus), { style: "total", numFmt: FORMAT.score });
  row++;

  // 7 The last audit's rectifications and what this audit found.
  row++;
  section(W.followUps);
  s.headers(row, 1, [t(W.number), t(W.description), t(W.category), t(W.item), t(W.rectification)]);
  span(row, "E", "F");
  s.headers(row, 7, [t(W.outcome), t(W.note)]);
  row++;
  const { firstFollowUpRow } = followUpRows(dRows, bRows);
  for (let i = 0; i < REPORT_LIST_ROWS.followUps; i++) {
    const r = firstFollowUpRow + i;
    const filled = `LEN(${special("B", r)})+LEN(${special("C", r)})>0`;
    listRow(r, { B: "C", C: "B", D: "D", E: "E", G: "G", H: "H" }, filled);
    // An outcome not yet recorded reads "to verify".
    s.formula(
      `G${row - 1}`,
      `=IF(${filled},IF(LEN(${special("G", r)})=0,"${t(W.notChecked)}",${special("G", r)}&""),"")`,
      undefined,
    );
  }
  // Every follow-up has a category (the Special sheet's list): COUNTA over the whole table's column.
  const fRows = followUpRowCount(a.followUp?.length ?? 0);
  const followUpCount = `COUNTA(${ctx.ref("special", `$B$${firstFollowUpRow}:$B$${firstFollowUpRow + fRows - 1}`)})`;
  more(followUpCount, REPORT_LIST_ROWS.followUps, "special");
  s.value(`A${row}`, t(W.verifiedCount), { style: "label" });
  span(row, "A", "B");
  s.formula(
    `C${row}`,
    `=IF(${followUpCount}=0,"${t(W.none)}",${SPECIAL_NAMES.followUpVerified}&"${t(W.of)}"&${followUpCount})`,
    undefined,
    { style: "result" },
  );
  span(row, "C", "H");
  row++;

  // 8 Signatures: the lead auditor's name, the reviewer and the date, with room to sign.
  row++;
  section(W.signatures);
  s.value(`A${row}`, t(W.leadAuditor), { style: "header" });
  span(row, "A", "C");
  s.value(`D${row}`, t(W.reviewer), { style: "header" });
  span(row, "D", "F");
  s.value(`G${row}`, t(W.date), { style: "header" });
  span(row, "G", "H");
  row++;
  const signRow = row;
  s.formula(`A${row}`, `=${info(INFO_ROWS.leadAuditor)}&""`, a.leadAuditor ?? "", { style: "text" });
  span(row, "A", "C");
  s.value(`D${row}`, ctx.report?.reviewer ?? "", { style: "text" });
  span(row, "D", "F");
  s.value(`G${row}`, ctx.report?.date ?? "", { style: "text" });
  span(row, "G", "H");
  row += 2;
  s.formula(`A${row}`, `="${t(W.fingerprint)}"&${FINGERPRINT_NAME}`, undefined, { style: "muted" });
  span(row);
  const last = row;

  s.widths({ A: 9, B: 32, C: 12, D: 11, E: 11, F: 12, G: 11, H: 11, [h]: 6 });
  s.spec.columns.find((col) => col.col === h)!.hidden = true;
  // The modes run to two lines in English; the signature row leaves room to sign.
  s.spec.rowHeights = { 1: 26, [modesRow]: 26, [signRow]: 42 };
  s.spec.print = {
    orientation: "portrait",
    fitToWidth: true,
    area: `A1:H${last}`,
    margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
  };
  return s.build();
}
