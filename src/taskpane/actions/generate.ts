import { ASSESSMENT_FORMAT, type Assessment } from "../../assessment/schema";
import { SUMMARIES } from "../../workbook/audit/log";
import { buildWorkbookLayout } from "../../workbook/layout";
import type { ApiSupport, RunBatch } from "../excel/host";
import { generateWorkbook } from "../excel/write-workbook";
import { auditEntry, type AuditBy } from "./audit-log";
import type { GenerateRequest } from "./types";

/**
 * The blank assessment a new workbook starts from: the request's particulars, no entries; started
 * from the previous audit, its purpose and its findings to verify (the Special sheet lists them).
 */
export function blankAssessment(request: GenerateRequest): Assessment {
  const dates = {
    ...(request.dates?.start && { start: request.dates.start }),
    ...(request.dates?.end && { end: request.dates.end }),
  };
  return {
    format: ASSESSMENT_FORMAT,
    organization: request.organization,
    type: request.type,
    step: request.step,
    ...(Object.keys(dates).length > 0 && { dates }),
    evaluators: request.evaluators.map((e) => ({ name: e.name, kind: e.kind })),
    scores: {},
    ...(request.purpose !== undefined && { purpose: request.purpose }),
    ...(request.followUp !== undefined && request.followUp.length > 0 && { followUp: request.followUp }),
  };
}

/**
 * generate: the layout of a blank assessment, written by generateWorkbook (which never overwrites).
 * Given `audit`, the audit log's first row is part of the layout: written in the same request.
 */
export async function generate(
  request: GenerateRequest,
  run: RunBatch,
  supports: ApiSupport,
  audit?: AuditBy,
): Promise<{ skipped: string[] }> {
  const summary = SUMMARIES.generate(request.evaluators.length);
  const layout = buildWorkbookLayout({
    lang: request.lang,
    assessment: blankAssessment(request),
    ...(request.plan !== undefined && { plan: request.plan }),
    ...(audit && { audit: [auditEntry(audit, "generate", summary, request.lang)] }),
  });
  return generateWorkbook(layout, run, supports);
}
