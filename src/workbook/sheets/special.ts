import type { Deduction } from "../../assessment/schema";
import { DEDUCTION_CATEGORIES } from "../../spec";
import { cellRef } from "../address";
import type { LayoutContext } from "../context";
import { TEXT } from "../labels";
import { RULE_NAMES, SPECIAL_NAMES } from "../names";
import type { BuiltSheet } from "../sheet-builder";
import { OUTCOME_OPTIONS } from "../read/lookup";
import { LISTS } from "./rules";

/**
 * 特别项 Special: the deductions table and the bonus table, each with blank rows to fill in and a
 * count, then the last audit's rectifications to verify (issue 14: they score nothing; the auditor
 * records each one's outcome). A deduction row counts when its category or description is filled in: a hidden helper
 * beside each row says so (1/0), and the count is its SUM, so no formula needs array evaluation
 * (docs/workbook.md, "How the formulas compute").
 */
export const SPECIAL_LAYOUT = {
  deductionHeaderRow: 4,
  firstDeductionRow: 5,
  /** Columns A–H: no., category, description, item, evidence, rectification, deadline, status. */
  deductionColumns: [
    "number",
    "category",
    "description",
    "item",
    "evidence",
    "rectification",
    "deadline",
    "status",
  ],
  /** Hidden helper beside each deduction row: 1 when its category or description is filled in. */
  countedColumn: "I",
} as const;

export function deductionRowCount(deductions: number): number {
  return Math.max(20, deductions + 10);
}

export function bonusRowCount(bonuses: number): number {
  return Math.max(5, bonuses + 3);
}

export function followUpRowCount(followUps: number): number {
  return Math.max(5, followUps + 3);
}

/** Rows of the follow-up table (the third), after the deduction and bonus tables. */
export function followUpRows(deductionRows: number, bonusRowsCount: number) {
  const { firstBonusRow } = bonusRows(deductionRows);
  const followUpTitleRow = firstBonusRow + bonusRowsCount + 2;
  return {
    followUpTitleRow,
    followUpHeaderRow: followUpTitleRow + 1,
    firstFollowUpRow: followUpTitleRow + 2,
  };
}

/** Rows of the bonus table, derived from the number of deduction rows. */
export function bonusRows(deductionRows: number) {
  const deductionCountRow = SPECIAL_LAYOUT.firstDeductionRow + deductionRows;
  const bonusTitleRow = deductionCountRow + 2;
  return {
    deductionCountRow,
    bonusTitleRow,
    bonusHeaderRow: bonusTitleRow + 1,
    firstBonusRow: bonusTitleRow + 2,
  };
}

export function buildSpecialSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("special");
  const { assessment: a, lang, t } = ctx;
  const deductions = a.deductions ?? [];
  const bonuses = a.bonus ?? [];
  const dRows = deductionRowCount(deductions.length);
  const bRows = bonusRowCount(bonuses.length);
  const { deductionCountRow, bonusTitleRow, bonusHeaderRow, firstBonusRow } = bonusRows(dRows);
  const first = SPECIAL_LAYOUT.firstDeductionRow;
  const last = first + dRows - 1;

  s.value("A1", t("title"), { style: "title" }).value("A3", t("deductionsTitle"), { style: "subtitle" });
  s.spec.merges.push("A1:H1", "A3:H3");
  s.headers(SPECIAL_LAYOUT.deductionHeaderRow, 1, [
    t("number"),
    t("category"),
    t("description"),
    t("relatedItem"),
    t("evidence"),
    t("rectification"),
    t("deadline"),
    t("status"),
  ]);
  const counted = SPECIAL_LAYOUT.countedColumn;
  s.value(`${counted}${SPECIAL_LAYOUT.deductionHeaderRow}`, t("countedHelper"), { style: "muted" });
  for (let i = 0; i < dRows; i++) writeDeductionRow(s, first + i, i, deductions[i], lang);
  s.value(cellRef(2, deductionCountRow), t("deductionCount"), { style: "total" });
  s.formula(cellRef(3, deductionCountRow), `=SUM(${counted}${first}:${counted}${last})`, deductions.length, {
    style: "total",
  });
  s.define(SPECIAL_NAMES.deductionCount, cellRef(3, deductionCountRow));

  s.value(`A${bonusTitleRow}`, t("bonusTitle"), { style: "subtitle" });
  s.spec.merges.push(`A${bonusTitleRow}:H${bonusTitleRow}`);
  s.headers(bonusHeaderRow, 1, [t("number"), t("bonusPoints"), t("bonusReason")]);
  const lastBonus = firstBonusRow + bRows - 1;
  for (let i = 0; i < bRows; i++) {
    const row = firstBonusRow + i;
    const bonus = bonuses[i];
    s.value(`A${row}`, i + 1);
    s.input(`B${row}`, bonus?.points ?? null, { numFmt: "0.00" });
    s.input(`C${row}`, bonus?.reason ?? null, { style: "inputText" });
    s.spec.merges.push(`C${row}:H${row}`);
  }
  const claimedRow = lastBonus + 1;
  const points = `B${firstBonusRow}:B${lastBonus}`;
  const claimed =
    ctx.scoring?.result && bonuses.filter((b) => b.points > 0).reduce((acc, b) => acc + b.points, 0);
  s.value(`A${claimedRow}`, t("bonusClaimed"), { style: "total" });
  s.formula(`B${claimedRow}`, `=SUMIF(${points},">0")`, claimed, { style: "total", numFmt: "0.00" });
  s.define(SPECIAL_NAMES.bonusClaimed, `B${claimedRow}`);

  const followUp = writeFollowUpTable(ctx, s, dRows, bRows);

  s.spec.validations.push(
    ctx.listRule(`B${followUp.first}:B${followUp.last}`, LISTS.category, true, {
      zh: "请从列表中选择特别扣分项类别。",
      en: "Choose the deduction's category from the list.",
    }),
    ctx.listRule(`G${followUp.first}:G${followUp.last}`, LISTS.outcome, true, {
      zh: "请选择“已验证”或“未落实”；尚未验证的留空。",
      en: 'Choose "Verified" or "Not verified"; leave it blank until verified.',
    }),
    ctx.listRule(`B${first}:B${last}`, LISTS.category, true, {
      zh: "请从列表中选择特别扣分项类别。",
      en: "Choose the deduction's category from the list.",
    }),
    ctx.listRule(`H${first}:H${last}`, LISTS.status, true, {
      zh: "请选择整改状态。",
      en: "Choose the rectification status.",
    }),
    {
      range: points,
      kind: "custom",
      formula1: `=AND(ISNUMBER(B${firstBonusRow}),B${firstBonusRow}>0,SUM($${points.replace(":", ":$").replace(/([A-Z])(\d)/g, "$1$$$2")})<=${RULE_NAMES.bonusCap})`,
      allowBlank: true,
      errorTitle: "StarScore",
      error: "加分须大于 0，且合计不超过 1 分。\nBonus points must be above 0 and total at most 1.",
    },
  );
  s.widths({ A: 6, B: 22, C: 36, D: 10, E: 24, F: 30, G: 12, H: 10 });
  s.spec.columns.push({ col: counted, width: 8, hidden: true });
  s.spec.freeze = { rows: SPECIAL_LAYOUT.deductionHeaderRow, columns: 0 };
  s.spec.print = { orientation: "landscape", fitToWidth: true };
  return s.build();
}

/**
 * The third table: the last audit's special deductions carried into this audit (followUp), with
 * their rectification and deadline, an outcome to record (a list: verified / not verified) and a
 * note. Every cell is an input: the auditor may correct what was carried, or add one by hand.
 */
function writeFollowUpTable(
  ctx: LayoutContext,
  s: ReturnType<LayoutContext["sheet"]>,
  deductionRows: number,
  bonusRowsCount: number,
): { first: number; last: number } {
  const { lang, t } = ctx;
  const entries = ctx.assessment.followUp ?? [];
  const rows = followUpRowCount(entries.length);
  const { followUpTitleRow, followUpHeaderRow, firstFollowUpRow } = followUpRows(
    deductionRows,
    bonusRowsCount,
  );
  const last = firstFollowUpRow + rows - 1;
  s.value(`A${followUpTitleRow}`, t("followUpTitle"), { style: "subtitle" });
  s.spec.merges.push(`A${followUpTitleRow}:H${followUpTitleRow}`);
  s.headers(followUpHeaderRow, 1, [
    t("number"),
    t("category"),
    t("description"),
    t("relatedItem"),
    t("rectification"),
    t("deadline"),
    t("outcome"),
    t("followUpNote"),
  ]);
  for (let i = 0; i < rows; i++) {
    const row = firstFollowUpRow + i;
    const entry = entries[i];
    const category = entry && DEDUCTION_CATEGORIES.find((c) => c.id === entry.category)!.label[lang];
    const outcome = entry?.outcome && OUTCOME_OPTIONS.find((o) => o.id === entry.outcome)!.label[lang];
    s.value(`A${row}`, i + 1);
    s.input(`B${row}`, category ?? null, { style: "inputText" });
    s.input(`C${row}`, entry?.description ?? null, { style: "inputText" });
    s.input(`D${row}`, entry?.item ?? null, { style: "inputText" });
    s.input(`E${row}`, entry?.rectification ?? null, { style: "inputText" });
    s.input(`F${row}`, entry?.deadline ?? null, { style: "inputText" });
    s.input(`G${row}`, outcome ?? null, { style: "inputText" });
    s.input(`H${row}`, entry?.note ?? null, { style: "inputText" });
  }
  const countRow = last + 1;
  s.value(cellRef(2, countRow), t("followUpVerified"), { style: "total" });
  s.formula(
    cellRef(3, countRow),
    `=COUNTIFS(G${firstFollowUpRow}:G${last},${RULE_NAMES.verified})`,
    entries.filter((e) => e.outcome === "verified").length,
    { style: "total" },
  );
  s.define(SPECIAL_NAMES.followUpVerified, cellRef(3, countRow));
  return { first: firstFollowUpRow, last };
}

function writeDeductionRow(
  s: ReturnType<LayoutContext["sheet"]>,
  row: number,
  index: number,
  deduction: Deduction | undefined,
  lang: "zh" | "en",
): void {
  const category = deduction && DEDUCTION_CATEGORIES.find((c) => c.id === deduction.category)!.label[lang];
  const status =
    deduction?.status && (deduction.status === "open" ? TEXT.statusOpen : TEXT.statusClosed)[lang];
  s.value(`A${row}`, index + 1);
  s.input(`B${row}`, category ?? null, { style: "inputText" });
  s.input(`C${row}`, deduction?.description ?? null, { style: "inputText" });
  s.input(`D${row}`, deduction?.item ?? null, { style: "inputText" });
  s.input(`E${row}`, deduction?.evidence ?? null, { style: "inputText" });
  s.input(`F${row}`, deduction?.rectification ?? null, { style: "inputText" });
  s.input(`G${row}`, deduction?.deadline ?? null, { style: "inputText" });
  s.input(`H${row}`, status ?? null, { style: "inputText" });
  // Same row only: LEN of one cell, which every engine evaluates without array evaluation.
  s.formula(
    `${SPECIAL_LAYOUT.countedColumn}${row}`,
    `=IF(LEN(B${row})+LEN(C${row})>0,1,0)`,
    (category?.length ?? 0) + (deduction?.description.length ?? 0) > 0 ? 1 : 0,
  );
}
