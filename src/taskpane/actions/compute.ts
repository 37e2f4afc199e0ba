import { toResultJson } from "../../core/report";
import { SUMMARIES } from "../../workbook/audit/log";
import { buildWorkbookLayout } from "../../workbook/layout";
import type { HostContext } from "../excel/host";
import { assess, marksOf } from "./assess";
import { auditEntry, auditWrite, joinWrites, queueAuditEnd, type AuditBy } from "./audit-log";
import { MANUAL_CALCULATION, queueCalculationMode } from "./calculation";
import { unreadableError } from "./errors";
import { planHighlights } from "./highlights";
import { engineCheckWrites, engineIssues } from "./integrity";
import { loadWorkbook } from "./load";
import { INPUT_SHEETS } from "./sheets";
import type { ComputeReport } from "./types";
import { NO_HIGHLIGHTS, writeBack } from "./write-back";
import { disagreementEntries, exclusionsOf } from "./review";

/**
 * compute: one run, two syncs whatever the number of evaluators. Sync 1 reads the inputs, the live
 * formula results (the Scoring sheet's, the Summary's indicator table and Result_* block) and
 * Excel's calculation mode; the engine scores the inputs; every figure the sheet shows is compared
 * with the engine's (integrity.ts), unless Excel is in manual calculation (calculation.ts: the
 * results may be stale, so they are not compared and the pane says so). Sync 2 writes the
 * engine's figures into the Summary's engine-check column (values only), the highlight store
 * (issues and integrity differences alike) and, given `audit`, the audit log's row ("87.46 三星级"):
 * values into unlocked cells, no protection lifted (write-back.ts).
 */
export async function computeWorkbook(context: HostContext, audit?: AuditBy): Promise<ComputeReport> {
  const loaded = await loadWorkbook(context, [...INPUT_SHEETS, "summary"], (reads) => {
    const auditEnd = queueAuditEnd(reads);
    const calculation = queueCalculationMode(context);
    return () => ({ auditEnd: auditEnd(), calculation: calculation() });
  });
  const { snapshot, store, also } = loaded;
  const assessed = assess(snapshot);
  if (!assessed.ok) throw unreadableError({ zh: "无法计算得分", en: "it cannot be scored" }, assessed.issues);
  const { read, scoring } = assessed;
  // The layout built with the engine's figures: the expected value of every formula.
  const layout = buildWorkbookLayout({ lang: read.lang, assessment: read.assessment, scoring });
  const stale = also.calculation !== "automatic";
  const integrity = stale ? [] : engineIssues(snapshot, layout);
  const marks = marksOf(assessed.places, [
    ...assessed.issues,
    ...integrity.map((i) => ({ cell: i.cell, severity: "error" as const })),
  ]);
  const plan = planHighlights({ marks, previous: store, places: assessed.places });
  const summary = snapshot.sheets.summary;
  const grade = scoring.result.gradeLabel;
  const final = toResultJson(read.assessment, scoring, read.lang).finalScore;
  const log =
    audit &&
    auditWrite(
      snapshot,
      also.auditEnd,
      auditEntry(audit, "compute", SUMMARIES.compute(final, grade, integrity.length), read.lang),
    );
  const failed = await writeBack(
    context,
    snapshot,
    store,
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
  const notes = [
    ...(stale ? [MANUAL_CALCULATION] : []),
    ...(failed ? [failed] : []),
    ...(!store.present && marks.length > 0 ? [NO_HIGHLIGHTS] : []),
  ];
  const result = {
    zh: toResultJson(read.assessment, scoring, "zh"),
    en: toResultJson(read.assessment, scoring, "en"),
  };
  return {
    result,
    issues: [...assessed.issues, ...notes],
    integrity,
    exclusions: exclusionsOf(read.assessment),
    disagreements: disagreementEntries(read.assessment, result.en),
  };
}
