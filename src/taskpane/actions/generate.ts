import { ASSESSMENT_FORMAT, type Assessment } from "../../assessment/schema";
import { buildWorkbookLayout } from "../../workbook/layout";
import type { ApiSupport, RunBatch } from "../excel/host";
import { generateWorkbook } from "../excel/write-workbook";
import type { GenerateRequest } from "./types";

/** The blank assessment a new workbook starts from: the request's particulars, no entries. */
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
  };
}

/** generate: the layout of a blank assessment, written by generateWorkbook (which never overwrites). */
export async function generate(
  request: GenerateRequest,
  run: RunBatch,
  supports: ApiSupport,
): Promise<{ skipped: string[] }> {
  const layout = buildWorkbookLayout({ lang: request.lang, assessment: blankAssessment(request) });
  return generateWorkbook(layout, run, supports);
}
