import { toResultJson } from "../../core/report";
import { SUMMARIES } from "../../workbook/audit/log";
import type { HostContext } from "../excel/host";
import { assess, marksOf } from "./assess";
import { auditEntry, auditWrite, queueAuditEnd, type AuditBy } from "./audit-log";
import { planHighlights } from "./highlights";
import { loadWorkbook } from "./load";
import { report } from "./pane-issues";
import { INPUT_SHEETS } from "./sheets";
import type { ValidationReport } from "./types";
import { NO_HIGHLIGHTS, writeBack } from "./write-back";

/**
 * validate: one run, two syncs whatever the number of evaluators. Sync 1 reads the input sheets'
 * used ranges, their protection and the highlight store; the reader and the engine find the
 * issues.
 *
 * - In the background (`write: false`, auto-validation after the user's edit) that is all: nothing
 *   is written, so the user's next Ctrl+Z still undoes their own edit and not a write of ours
 *   (every API write is an entry on the user's undo stack, learn.microsoft.com/office/dev/add-ins/
 *   excel/excel-add-ins-undo-capabilities), and two people with the pane open on one workbook do
 *   not write over each other. The sheet's own conditional formats mark invalid entries and
 *   unscored items live meanwhile.
 * - Explicitly (the Validate button): sync 2 writes the highlight store (values into unlocked
 *   cells, no protection lifted: highlights.ts) and, given `audit`, the audit log's row ("12
 *   errors, 3 warnings"); nothing is sent when neither changes.
 */
export async function validateWorkbook(
  context: HostContext,
  options: { audit?: AuditBy; write: boolean },
): Promise<ValidationReport> {
  const { snapshot, store, also: auditEnd } = await loadWorkbook(context, INPUT_SHEETS, queueAuditEnd);
  const assessed = assess(snapshot);
  const found = report(assessed.issues);
  // Scoring's progress and the score as it stands (the Validate and Finalise views show them).
  const figures = (shown: ValidationReport): ValidationReport => {
    if (!assessed.ok) return shown;
    const { items, gradeLabel } = assessed.scoring.result;
    const applicable = items.filter((i) => !i.excluded);
    return {
      ...shown,
      progress: { scored: applicable.filter((i) => i.entries > 0).length, applicable: applicable.length },
      result: {
        finalScore: toResultJson(assessed.read.assessment, assessed.scoring, snapshot.lang).finalScore,
        gradeLabel,
      },
    };
  };
  if (!options.write) return figures(found);
  const marks = marksOf(assessed.places, assessed.issues);
  const plan = planHighlights({ marks, previous: store, places: assessed.places });
  const log =
    options.audit &&
    auditWrite(
      snapshot,
      auditEnd,
      auditEntry(options.audit, "validate", SUMMARIES.validate(found.errors, found.warnings), snapshot.lang),
    );
  const failed = await writeBack(context, snapshot, store, plan, log);
  const notes = [...(failed ? [failed] : []), ...(!store.present && marks.length > 0 ? [NO_HIGHLIGHTS] : [])];
  return figures(notes.length > 0 ? report([...assessed.issues, ...notes]) : found);
}
