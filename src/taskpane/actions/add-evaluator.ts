import type { Assessment, Evaluator } from "../../assessment/schema";
import type { Lang } from "../../spec/types";
import { readAuditRows, SUMMARIES } from "../../workbook/audit/log";
import { TEXT } from "../../workbook/labels";
import { buildWorkbookLayout } from "../../workbook/layout";
import { MAX_EVALUATORS } from "../../workbook/scoring-grid";
import type { ApiSupport, HostContext, HostDataRange } from "../excel/host";
import { rangeOrigin } from "../excel/office-grid";
import { cellRef, columnLetter, sheetRef } from "../../workbook/address";
import { writeLayout } from "../excel/write-workbook";
import { assess } from "./assess";
import { auditEntry, type AuditBy } from "./audit-log";
import { ActionError, ReferencesAtRiskError } from "./errors";
import { isFinalised, queueSnapshotSheet } from "./finalise";
import { loadWorkbook } from "./load";
import { errorCode } from "./run";
import { INPUT_SHEETS, PAYLOAD_TOO_LARGE } from "./sheets";
import { foldName as fold, isStarScoreSheet } from "../../workbook/sheet-names";
import { keptReportSheet, queueReportSheets, refuseForeignReportBeforeRebuild } from "./report-state";

/**
 * Adding an evaluator or visit column: the column count is the layout's geometry (every formula,
 * guard and hidden helper depends on it), so the workbook is read back (sync 1), and rebuilt with
 * the extra column in the same run (writeLayout's replace path: the old sheets go only once the
 * new ones are written). Every entry, note, exclusion, deduction and bonus is kept; so are the
 * Info fields. A workbook that cannot be read, or whose entry cells hold something other than
 * numbers (which the rebuilt workbook could not keep), is refused, naming the cells to fix. The
 * audit log is rebuilt with its rows and this action's own; a finalised assessment is refused
 * (its inputs are locked, and the rebuilt sheets would not be): reopen it first.
 */
export async function addEvaluator(
  context: HostContext,
  supports: ApiSupport,
  evaluator: Evaluator,
  audit?: AuditBy,
  choice: { breakReferences?: boolean } = {},
): Promise<void> {
  const { snapshot, listed } = await loadForRebuild(context);
  const finalised = isFinalised(listed.snapshotSheet);
  if (finalised) {
    throw new ActionError({
      zh: `评估已于 ${finalised.finalisedAt} 由 ${finalised.finalisedBy} 定稿，不能添加评价人。如需添加，请先在“定稿”页重新开放。`,
      en: `The assessment was finalised at ${finalised.finalisedAt} by ${finalised.finalisedBy}: no evaluator can be added. Reopen it on the Finalise tab first.`,
    });
  }
  const assessed = assess(snapshot);
  if (!assessed.ok || assessed.read.issues.length > 0) {
    throw new ActionError(
      {
        zh: "无法添加评价人：工作簿中有无法读取的单元格，重建时会丢失。请先修正以下单元格。",
        en: "Cannot add an evaluator: some cells of the workbook cannot be read and would be lost when it is rebuilt. Fix these cells first.",
      },
      assessed.ok
        ? assessed.issues.filter((i) => assessed.read.issues.some((r) => r.cell === i.cell))
        : assessed.issues,
    );
  }
  const { assessment, lang } = assessed.read;
  refuseForeignReportBeforeRebuild(listed.report, assessed.read, listed.snapshotSheet);
  if (assessment.evaluators.length >= MAX_EVALUATORS) {
    throw new ActionError({
      zh: `评价人已达上限（${MAX_EVALUATORS} 列）。`,
      en: `The workbook already has the most evaluator columns it can (${MAX_EVALUATORS}).`,
    });
  }
  const added = named(evaluator, assessment.evaluators, lang);
  const logGrid = snapshot.sheets.audit?.grid;
  const layout = buildWorkbookLayout({
    lang,
    assessment: withEvaluator(assessment, added),
    report: keptReportSheet(listed, lang),
    // The log is rebuilt with the rest (when the workbook has one): its rows, then this action's.
    ...(logGrid && {
      audit: [
        ...readAuditRows(logGrid),
        ...(audit
          ? [auditEntry(audit, "add-evaluator", SUMMARIES.addEvaluator(added.name, added.kind), lang)]
          : []),
      ],
    }),
  });
  await rebuildWith(context, supports, listed, layout, choice);
}

/** What a rebuild reads first: the input sheets and the log, the sheet and name lists, the snapshot sheet. */
export async function loadForRebuild(context: HostContext) {
  const { worksheets, names } = context.workbook;
  const { snapshot, also: listed } = await loadWorkbook(context, [...INPUT_SHEETS, "audit"], (reads) => {
    worksheets.load("items/name");
    names.load("items/name,items/formula");
    const snapshotSheet = queueSnapshotSheet(context, reads);
    // A sheet named 报告 / Report: the rebuild replaces it, so it must be StarScore's.
    const report = queueReportSheets(context, reads.present);
    return () => ({
      sheets: worksheets.items,
      names: names.items,
      snapshotSheet: snapshotSheet(),
      report: report(),
    });
  });
  return { snapshot, listed };
}

export type RebuildListing = Awaited<ReturnType<typeof loadForRebuild>>["listed"];

/**
 * The workbook rebuilt from `layout` (add an evaluator, merge): refused with ReferencesAtRiskError
 * when the user's own formulas or names refer to StarScore's sheets, unless `breakReferences`;
 * then writeLayout's replace path, in the same run.
 */
export async function rebuildWith(
  context: HostContext,
  supports: ApiSupport,
  listed: RebuildListing,
  layout: ReturnType<typeof buildWorkbookLayout>,
  choice: { breakReferences?: boolean },
): Promise<void> {
  const layoutNames = new Set(layout.names.map((n) => fold(n.name)));
  if (!choice.breakReferences) {
    const { references, unchecked } = await referencesToSheets(
      context,
      listed.sheets.map((s) => s.name),
      listed.names.filter((n) => !layoutNames.has(fold(n.name))),
    );
    if (references.length > 0 || unchecked.length > 0) throw new ReferencesAtRiskError(references, unchecked);
  }
  await writeLayout(context, layout, supports, {
    sheets: listed.sheets.filter((s) => isStarScoreSheet(s.name)).map((s) => s.name),
    names: listed.names
      .filter((n) => layoutNames.has(fold(n.name)))
      .map((n) => ({ name: n.name, formula: n.formula })),
    taken: listed.sheets.map((s) => s.name),
  });
}

/**
 * A visit added without a name gets the name the generate form gives one, in the workbook's
 * language: "暗访 n" / "Visit n", n its number among the visits (the next one no column has).
 * Without it the header cell stayed empty, and the pane and the messages numbered the column.
 */
export function named(evaluator: Evaluator, evaluators: readonly Evaluator[], lang: Lang): Evaluator {
  if (evaluator.kind !== "visit" || evaluator.name.trim() !== "") return evaluator;
  const taken = new Set(evaluators.map((e) => e.name.trim().toLocaleLowerCase()));
  let n = evaluators.filter((e) => e.kind === "visit").length + 1;
  while (taken.has(`${TEXT.visit[lang]} ${n}`.toLocaleLowerCase())) n++;
  return { ...evaluator, name: `${TEXT.visit[lang]} ${n}` };
}

/** The assessment with one more evaluator, blank for every item. */
export function withEvaluator(assessment: Assessment, evaluator: Evaluator): Assessment {
  return {
    ...assessment,
    evaluators: [...assessment.evaluators, { name: evaluator.name, kind: evaluator.kind }],
    scores: Object.fromEntries(
      Object.entries(assessment.scores).map(([code, row]) => [code, [...row, null]]),
    ),
  };
}

/**
 * The user's own formulas (on sheets that are not StarScore's) and defined names that refer to
 * StarScore's sheets: rebuilding renames those sheets out of the way and deletes them, and Excel
 * follows a rename but turns every reference to a deleted sheet into #REF! (test/fakes/fake-model.ts
 * models both). One more read sync, over the other sheets' used ranges within OTHER_SHEETS_AREA
 * (each under Excel's 5,000,000-cell read limit); a workbook of StarScore's sheets alone costs
 * nothing. A sheet that cannot be checked whole (content beyond the area, or an answer over Excel
 * on the web's 5 MB) is named as unchecked: the user chooses, nothing breaks unannounced.
 */
export async function referencesToSheets(
  context: HostContext,
  sheetNames: readonly string[],
  names: readonly { name: string; formula: string }[],
): Promise<{ references: string[]; unchecked: string[] }> {
  const ours = sheetNames.filter(isStarScoreSheet);
  const refersToOurs = (formula: string) => {
    const text = formula.toLocaleUpperCase("en-US");
    return ours.some((name) => {
      const upper = name.toLocaleUpperCase("en-US");
      return text.includes(`'${upper.replace(/'/g, "''")}'!`) || text.includes(`${upper}!`);
    });
  };
  const references = names.filter((n) => refersToOurs(n.formula)).map((n) => n.name);
  const others = sheetNames
    .filter((name) => !isStarScoreSheet(name))
    .map((name) => {
      const worksheet = context.workbook.worksheets.getItem(name);
      const used = worksheet.getRange(OTHER_SHEETS_AREA).getUsedRangeOrNullObject(true);
      used.load("address,formulas");
      const extent = worksheet.getUsedRangeOrNullObject(true);
      extent.load("address");
      return { name, used: used as HostDataRange & { readonly formulas: unknown[][] }, extent };
    });
  if (others.length === 0) return { references, unchecked: [] };
  try {
    await context.sync();
  } catch (error) {
    if (errorCode(error) !== PAYLOAD_TOO_LARGE) throw error;
    return { references, unchecked: others.map((o) => o.name) };
  }
  const unchecked: string[] = [];
  for (const { name, used, extent } of others) {
    if (!extent.isNullObject && extent.address !== used.address) unchecked.push(name);
    if (used.isNullObject) continue;
    const origin = rangeOrigin(used.address);
    used.formulas.forEach((row, r) =>
      row.forEach((formula, c) => {
        if (typeof formula === "string" && formula.startsWith("=") && refersToOurs(formula)) {
          references.push(sheetRef(name, cellRef(origin.column + c, origin.row + r)));
        }
      }),
    );
  }
  return { references, unchecked };
}

/** How much of each of the user's own sheets is searched: 4,800 rows × 1,024 columns, under 5,000,000 cells. */
const OTHER_SHEETS_AREA = `A1:${columnLetter(1_024)}4800`;
