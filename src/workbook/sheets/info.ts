import { ASSESSMENT_TYPES, CERTIFICATION_MODES } from "../../spec";
import { VERSION } from "../../version";
import { cellRef, columnLetter, sheetRef } from "../address";
import type { LayoutContext } from "../context";
import { catalogueFingerprint, FINGERPRINT_LABEL, FINGERPRINT_NAME } from "../integrity/fingerprint";
import { SETTING_NAMES } from "../names";
import type { ValidationSpec } from "../types";
import { PURPOSE_OPTIONS } from "../read/lookup";
import { HEADER_ROW, KIND_ROW } from "../scoring-grid";
import type { BuiltSheet } from "../sheet-builder";
import { LISTS } from "./rules";

/**
 * The layout's version: raised whenever cells move, so older workbooks can be recognised and upgraded.
 * 2: the catalogue and rules fingerprint (row 12, StarScore_Fingerprint); the team table moved down a row.
 * 3: no formula needs array evaluation: the Special sheet's deduction count sums a hidden helper
 *    column (I) beside each row, and the Scoring sheet's items scored is a COUNTIFS.
 * 4: what the task pane writes after generating needs no protection lifted (highlight-marks.ts): the
 *    highlight store in the Rules sheet's unlocked columns Z–AC (StarScore_Marks) shown by two
 *    conditional formats at the top of each marked sheet; the Summary's engine-check cells and the
 *    audit log's columns unlocked; the Scoring sheet says in A3 how to sort it. Also (issue 14): the purpose
 *    (Info row 13; the team table moved to rows 16–17), the Special sheet's third table (the last
 *    audit's rectifications to verify), the Rules sheet's outcome and purpose lists, the optional Plan sheet. Also (issue 12): the lead auditor on Info
 *    row 14, the Scoring sheet's agreement columns and rows, Appendix C's lower bounds on Rules.
 */
export const LAYOUT_VERSION = 4;

/** Where the Info sheet keeps each field (column B). */
export const INFO_ROWS = {
  organization: 4,
  type: 5,
  modes: 6,
  startDate: 7,
  endDate: 8,
  step: 9,
  version: 10,
  layoutVersion: 11,
  fingerprint: 12,
  /** Certification audit or self-assessment (issue 14). */
  purpose: 13,
  /** The lead auditor (审查组长): one of the team's auditors, by name (issue 12). */
  leadAuditor: 14,
  /** The team table: its title on the row above. */
  teamHeader: 17,
} as const;

/** 封面 Info: the assessment's particulars and the evaluation team. */
export function buildInfoSheet(ctx: LayoutContext): BuiltSheet {
  const s = ctx.sheet("info");
  const { assessment: a, lang, t } = ctx;
  const R = INFO_ROWS;
  s.value("A1", t("title"), { style: "title" }).value("A2", t("spec"), { style: "subtitle" });
  s.spec.merges.push("A1:D1", "A2:D2");
  const typeLabel = ASSESSMENT_TYPES.find((x) => x.id === a.type)!.label[lang];
  const fields: [number, string][] = [
    [R.organization, t("organisation")],
    [R.type, t("assessmentType")],
    [R.modes, t("modes")],
    [R.startDate, t("startDate")],
    [R.endDate, t("endDate")],
    [R.step, t("step")],
    [R.version, t("version")],
    [R.layoutVersion, t("layoutVersion")],
    [R.purpose, t("purpose")],
  ];
  fields.forEach(([row, label]) => s.value(`A${row}`, label, { style: "label" }));
  s.input(`B${R.organization}`, a.organization, { style: "inputText" });
  s.input(`B${R.type}`, typeLabel, { style: "inputText" });
  s.value(`B${R.modes}`, CERTIFICATION_MODES[lang]);
  s.input(`B${R.startDate}`, a.dates?.start ?? null, { style: "inputText" });
  s.input(`B${R.endDate}`, a.dates?.end ?? null, { style: "inputText" });
  s.input(`B${R.step}`, a.step).define(SETTING_NAMES.step, `B${R.step}`);
  s.value(`B${R.version}`, VERSION);
  s.value(`B${R.layoutVersion}`, LAYOUT_VERSION);
  const purpose = PURPOSE_OPTIONS.find((p) => p.id === (a.purpose ?? "certification"))!;
  s.input(`B${R.purpose}`, purpose.label[lang], { style: "inputText" });
  s.value(`A${R.fingerprint}`, FINGERPRINT_LABEL[lang], { style: "label" });
  s.value(`B${R.fingerprint}`, catalogueFingerprint(LAYOUT_VERSION), { style: "muted" }).define(
    FINGERPRINT_NAME,
    `B${R.fingerprint}`,
  );

  s.value(`A${R.leadAuditor}`, t("leadAuditor"), { style: "label" });
  s.input(`B${R.leadAuditor}`, a.leadAuditor ?? null, { style: "inputText" });

  s.value(`A${R.teamHeader - 1}`, t("team"), { style: "header" });
  s.headers(R.teamHeader, 1, [t("column"), t("name"), t("kind")]);
  a.evaluators.forEach((evaluator, k) => {
    const row = R.teamHeader + 1 + k;
    const column = ctx.columns.evaluator(k);
    s.value(`A${row}`, columnLetter(column));
    s.formula(`B${row}`, `=${ctx.ref("scoring", cellRef(column, HEADER_ROW))}&""`, evaluator.name);
    s.formula(`C${row}`, `=${ctx.ref("scoring", cellRef(column, KIND_ROW))}&""`, t(evaluator.kind));
  });

  s.spec.validations.push(
    ctx.listRule(`B${R.type}`, LISTS.type, false, {
      zh: "请从列表中选择评价类型。",
      en: "Choose the assessment type from the list.",
    }),
    ctx.listRule(`B${R.step}`, LISTS.step, false, {
      zh: "评分步长只能是 1、5 或 10。",
      en: "The step must be 1, 5 or 10.",
    }),
    teamList(ctx),
    ctx.listRule(`B${R.purpose}`, LISTS.purpose, false, {
      zh: "请选择认证审核或自评。",
      en: "Choose Certification audit or Self-assessment.",
    }),
  );
  s.widths({ A: 22, B: 44, C: 14, D: 10 });
  s.spec.print = { orientation: "portrait", fitToWidth: true };
  return s.build();
}

/**
 * The lead auditor from a list of the team's names (the team table's name cells, so a renamed
 * evaluator is offered by their new name). Data validation cannot list the auditors alone without
 * array evaluation; the engine's validation says when the lead auditor is a visit or nobody on the
 * team (lead-auditor-visit, lead-auditor-unknown). Blank is allowed: the field is optional.
 */
function teamList(ctx: LayoutContext): ValidationSpec {
  const first = INFO_ROWS.teamHeader + 1;
  const last = INFO_ROWS.teamHeader + ctx.assessment.evaluators.length;
  return {
    range: `B${INFO_ROWS.leadAuditor}`,
    kind: "list",
    formula1: `=${sheetRef(ctx.sheetNames.info, `$B$${first}:$B$${Math.max(first, last)}`)}`,
    allowBlank: true,
    errorTitle: "StarScore",
    error: "请从评价组中选择审查组长。\nChoose the lead auditor from the evaluation team.",
  };
}
