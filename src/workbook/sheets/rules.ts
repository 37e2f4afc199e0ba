import { BANDS, DEDUCTION_CATEGORIES, ASSESSMENT_TYPES, GRADES, RULES } from "../../spec";
import type { GradeId } from "../../spec/types";
import { absRef, cellRef } from "../address";
import type { LayoutContext } from "../context";
import { TEXT } from "../labels";
import { RULE_NAMES } from "../names";
import { OUTCOME_OPTIONS, PURPOSE_OPTIONS } from "../read/lookup";
import { RULE_PARAGRAPHS } from "../rules-text";
import type { BuiltSheet } from "../sheet-builder";

/**
 * 规则 Rules: the rule constants the formulas read (as named cells), the grade table, Appendix C's
 * bands, the rules in words, and the dropdown lists. A reviewer sees here how every number is made.
 */
const LIST_HEADER_ROW = 4;
const LIST_FIRST_ROW = 5;
const LIST_COLUMNS = {
  applicable: 8,
  kind: 9,
  category: 10,
  status: 11,
  type: 12,
  step: 13,
  bandFrom: 14,
  outcome: 15,
  purpose: 16,
} as const;

function listRef(column: number, length: number): string {
  return `${absRef(column, LIST_FIRST_ROW)}:${absRef(column, LIST_FIRST_ROW + length - 1)}`;
}

/** Dropdown sources on the Rules sheet (absolute, without the sheet name). */
export const LISTS = {
  applicable: listRef(LIST_COLUMNS.applicable, 2),
  kind: listRef(LIST_COLUMNS.kind, 2),
  category: listRef(LIST_COLUMNS.category, DEDUCTION_CATEGORIES.length),
  status: listRef(LIST_COLUMNS.status, 2),
  type: listRef(LIST_COLUMNS.type, ASSESSMENT_TYPES.length),
  step: listRef(LIST_COLUMNS.step, RULES.steps.length),
  /**
   * Appendix C's bands by their lower bounds, ascending: MATCH(percent, this, 1) is the band number,
   * a boundary in the higher band and 100 in band 5 (the agreement columns of the Scoring sheet).
   */
  bandFrom: listRef(LIST_COLUMNS.bandFrom, BANDS.length),
  outcome: listRef(LIST_COLUMNS.outcome, OUTCOME_OPTIONS.length),
  purpose: listRef(LIST_COLUMNS.purpose, PURPOSE_OPTIONS.length),
};

const GRADE_NAMES: Record<GradeId, { label: string; min?: string }> = {
  "five-star": { label: RULE_NAMES.labelFiveStar, min: RULE_NAMES.fiveStar },
  "four-star": { label: RULE_NAMES.labelFourStar, min: RULE_NAMES.fourStar },
  "three-star": { label: RULE_NAMES.labelThreeStar, min: RULE_NAMES.threeStar },
  qualified: { label: RULE_NAMES.labelQualified, min: RULE_NAMES.passMark },
  fail: { label: RULE_NAMES.labelFail },
};

export function buildRulesSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("rules");
  const { lang, t } = ctx;
  s.value("A1", t("rulesTitle"), { style: "title" }).value("A2", t("spec"), { style: "subtitle" });
  s.spec.merges.push("A1:F1", "A2:F2");

  let row = 4;
  s.headers(row++, 1, [t("constantsTitle"), t("value")]);
  const constants: [string, string, number][] = [
    [RULE_NAMES.total, lang === "zh" ? "满分" : "Total points", RULES.total],
    [RULE_NAMES.passMark, lang === "zh" ? "合格线（含）" : "Pass mark (inclusive)", RULES.passMark],
    [
      RULE_NAMES.failAtDeductions,
      lang === "zh" ? "不合格的特别扣分项数（含）" : "Deductions that fail (or more)",
      RULES.failAtDeductions,
    ],
    [
      RULE_NAMES.deductionPoints,
      lang === "zh" ? "每个特别扣分项扣分" : "Points per deduction",
      RULES.deductionPoints,
    ],
    [RULE_NAMES.bonusCap, lang === "zh" ? "特别加分上限" : "Bonus cap", RULES.bonusCap],
  ];
  for (const [name, label, value] of constants) {
    s.value(cellRef(1, row), label, { style: "label" })
      .value(cellRef(2, row), value)
      .define(name, cellRef(2, row));
    row++;
  }

  row++;
  s.headers(row++, 1, [t("gradesTitle"), t("minScore")]);
  for (const grade of GRADES) {
    const names = GRADE_NAMES[grade.id];
    s.value(cellRef(1, row), grade.label[lang], { style: "label" }).define(names.label, cellRef(1, row));
    if (grade.min !== null && names.min !== RULE_NAMES.passMark) {
      s.value(cellRef(2, row), grade.min).define(names.min!, cellRef(2, row));
    } else if (grade.min !== null) {
      s.formula(cellRef(2, row), `=${RULE_NAMES.passMark}`, grade.min);
    } else {
      s.value(cellRef(2, row), lang === "zh" ? "< 70 或 ≥ 5 个特别扣分项" : "< 70 or ≥ 5 deductions");
    }
    row++;
  }

  row++;
  s.value(cellRef(1, row++), t("bandsTitle"), { style: "header" });
  s.headers(row++, 1, [t("band"), t("descriptor")]);
  for (const band of BANDS) {
    const label = `${band.from}%–${band.to}%`;
    s.value(cellRef(1, row), label, { style: "label" });
    s.value(cellRef(2, row), band.descriptors[lang].join("\n"), { style: "wrap" });
    s.spec.merges.push(`B${row}:F${row}`);
    row++;
  }

  row++;
  for (const paragraph of RULE_PARAGRAPHS) {
    s.value(cellRef(1, row), paragraph.heading[lang], { style: "label" });
    s.value(cellRef(2, row), paragraph.body[lang], { style: "wrap" });
    s.spec.merges.push(`B${row}:F${row}`);
    row++;
  }

  writeLists(ctx, s);
  s.widths({
    A: 26,
    B: 24,
    C: 24,
    D: 24,
    E: 24,
    F: 24,
    G: 3,
    H: 10,
    I: 10,
    J: 26,
    K: 10,
    L: 22,
    M: 8,
    N: 12,
    O: 18,
    P: 18,
  });
  s.spec.print = { orientation: "portrait", fitToWidth: true, area: `A1:F${row}` };
  return s.build();
}

function writeLists(ctx: LayoutContext, s: ReturnType<LayoutContext["sheet"]>): void {
  const { lang, t } = ctx;
  const lists: [number, string, (string | number)[]][] = [
    [LIST_COLUMNS.applicable, t("applicable"), [TEXT.yes[lang], TEXT.notApplicable[lang]]],
    [LIST_COLUMNS.kind, t("kind"), [TEXT.auditor[lang], TEXT.visit[lang]]],
    [LIST_COLUMNS.category, t("category"), DEDUCTION_CATEGORIES.map((c) => c.label[lang])],
    [LIST_COLUMNS.status, t("status"), [TEXT.statusOpen[lang], TEXT.statusClosed[lang]]],
    [LIST_COLUMNS.type, t("assessmentType"), ASSESSMENT_TYPES.map((a) => a.label[lang])],
    [LIST_COLUMNS.step, t("step"), [...RULES.steps]],
    [LIST_COLUMNS.bandFrom, t("bandFrom"), BANDS.map((b) => b.from)],
    [LIST_COLUMNS.outcome, t("outcome"), OUTCOME_OPTIONS.map((o) => o.label[lang])],
    [LIST_COLUMNS.purpose, t("purpose"), PURPOSE_OPTIONS.map((o) => o.label[lang])],
  ];
  for (const [column, header, values] of lists) {
    s.value(cellRef(column, LIST_HEADER_ROW), header, { style: "header" });
    values.forEach((value, i) => s.value(cellRef(column, LIST_FIRST_ROW + i), value));
  }
  s.define(RULE_NAMES.notApplicable, cellRef(LIST_COLUMNS.applicable, LIST_FIRST_ROW + 1));
  s.define(RULE_NAMES.verified, cellRef(LIST_COLUMNS.outcome, LIST_FIRST_ROW));
}
