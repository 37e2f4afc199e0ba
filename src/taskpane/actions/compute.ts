import { toResultJson } from "../../core/report";
import { SUMMARIES } from "../../workbook/audit/log";
import { buildWorkbookLayout } from "../../workbook/layout";
import type { HostContext } from "../excel/host";
import { assess, marksOf } from "./assess";
import { auditEntry, auditWrite, joinWrites, queueAuditEnd, type AuditBy } from "./audit-log";
import { ActionError } from "./errors";
import { layoutFills, planHighlights } from "./highlights";
import { engineCheckWrites, engineIssues } from "./integrity";
import { loadWorkbook } from "./load";
import { INPUT_SHEETS } from "./sheets";
import type { ComputeReport } from "./types";
import { writeBack } from "./write-back";

/**
 * compute: one run, two syncs whatever the number of evaluators. Sync 1 reads the inputs and the
 * live formula results (the Scoring sheet's, the Summary's indicator table and Result_* block); the
 * engine scores the inputs; every figure the sheet shows is compared with the engine's
 * (integrity.ts). Sync 2 writes the engine's figures into the Summary's engine-check column
 * (values only) and the highlights (issues and integrity differences alike), and, given `audit`,
 * the audit log's row ("87.46 三星级").
 */
export async function computeWorkbook(context: HostContext, audit?: AuditBy): Promise<ComputeReport> {
  const loaded = await loadWorkbook(context, [...INPUT_SHEETS, "summary"], queueAuditEnd);
  const { snapshot, store, also: auditEnd } = loaded;
  const assessed = assess(snapshot);
  if (!assessed.ok) {
    throw new ActionError(
      {
        zh: "无法读取工作簿中的评估，因此无法计算得分。请先修正以下问题。",
        en: "The assessment in this workbook cannot be read, so it cannot be scored. Fix these first.",
      },
      assessed.issues,
    );
  }
  const { read, scoring } = assessed;
  // The layout built with the engine's figures: the expected value of every formula, and the look of every cell.
  const layout = buildWorkbookLayout({ lang: read.lang, assessment: read.assessment, scoring });
  const integrity = engineIssues(snapshot, layout);
  const plan = planHighlights({
    marks: marksOf(assessed.places, [
      ...assessed.issues,
      ...integrity.map((i) => ({ cell: i.cell, severity: "error" as const })),
    ]),
    previous: store,
    places: assessed.places,
    restoreFill: () => layoutFills(layout, read.assessment),
    hasStore: snapshot.sheets.rules !== undefined,
  });
  const summary = snapshot.sheets.summary;
  const grade = scoring.result.gradeLabel;
  const final = toResultJson(read.assessment, scoring, read.lang).finalScore;
  const log =
    audit &&
    auditWrite(
      snapshot,
      auditEnd,
      auditEntry(audit, "compute", SUMMARIES.compute(final, grade, integrity.length), read.lang),
    );
  const failed = await writeBack(
    context,
    snapshot,
    plan,
    joinWrites(
      summary && {
        sheets: ["summary"],
        queue: () => {
          for (const { address, values } of engineCheckWrites(layout))
            summary.worksheet.getRange(address).values = values;
        },
      },
      log,
    ),
  );
  return {
    result: {
      zh: toResultJson(read.assessment, scoring, "zh"),
      en: toResultJson(read.assessment, scoring, "en"),
    },
    issues: failed ? [...assessed.issues, failed] : assessed.issues,
    integrity,
  };
}
