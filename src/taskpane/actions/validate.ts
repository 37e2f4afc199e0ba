import { SUMMARIES } from "../../workbook/audit/log";
import { buildWorkbookLayout } from "../../workbook/layout";
import type { HostContext } from "../excel/host";
import { assess, marksOf, standIn } from "./assess";
import { auditEntry, auditWrite, queueAuditEnd, type AuditBy } from "./audit-log";
import { layoutFills, planHighlights } from "./highlights";
import { loadWorkbook } from "./load";
import { report } from "./pane-issues";
import { INPUT_SHEETS } from "./sheets";
import type { ValidationReport } from "./types";
import { writeBack } from "./write-back";

/**
 * validate: one run, two syncs whatever the number of evaluators. Sync 1 reads the input sheets'
 * used ranges, their protection and the remembered highlights; the reader and the engine find the
 * issues; sync 2 highlights the cells at fault and gives the cells highlighted before that are now
 * fine their look back (nothing is sent when nothing changes). Given `audit`, sync 2 also appends
 * the audit log's row ("12 errors, 3 warnings"), so a clean workbook then takes 2 syncs too.
 */
export async function validateWorkbook(context: HostContext, audit?: AuditBy): Promise<ValidationReport> {
  const { snapshot, store, also: auditEnd } = await loadWorkbook(context, INPUT_SHEETS, queueAuditEnd);
  const assessed = assess(snapshot);
  const assessment = assessed.ok ? assessed.read.assessment : standIn(snapshot);
  const plan = planHighlights({
    marks: marksOf(assessed.places, assessed.issues),
    previous: store,
    places: assessed.places,
    restoreFill: () => layoutFills(buildWorkbookLayout({ lang: snapshot.lang, assessment }), assessment),
    hasStore: snapshot.sheets.rules !== undefined,
  });
  const found = report(assessed.issues);
  const log =
    audit &&
    auditWrite(
      snapshot,
      auditEnd,
      auditEntry(audit, "validate", SUMMARIES.validate(found.errors, found.warnings), snapshot.lang),
    );
  const failed = await writeBack(context, snapshot, plan, log);
  return failed ? report([...assessed.issues, failed]) : found;
}
