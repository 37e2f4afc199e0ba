import { blankAssessment } from "../src/cli/generate-command";
import { buildWorkbookLayout } from "../src/workbook/layout";
import type { FakeExcel } from "../test/fakes/fake-excel";
import { measureGenerate, requestFigures, type RequestFigures } from "../test/fakes/measure";
import { workbookOf } from "../test/taskpane/actions/fixture";
import { randomAssessment } from "./random-assessment";

/** context.sync() calls and request bytes of each add-in action, on the recording fake Excel. */
export interface RequestRow {
  action: string;
  evaluators: number;
  figures: RequestFigures;
}

export async function requestRows(evaluatorCounts: number[]): Promise<RequestRow[]> {
  const rows: RequestRow[] = [];
  for (const n of evaluatorCounts) {
    const layout = buildWorkbookLayout({ lang: "zh", assessment: blankAssessment("zh", n) });
    rows.push({ action: "generate", evaluators: n, figures: await measureGenerate(layout) });
    for (const action of ["validate", "compute"] as const) {
      const { excel, host } = await workbookOf(randomAssessment(n));
      rows.push({ action, evaluators: n, figures: await measured(excel, () => host[action]()) });
    }
  }
  return rows;
}

/** The requests one action sends: the fake's record from before the action to after it. */
async function measured(excel: FakeExcel, action: () => Promise<unknown>): Promise<RequestFigures> {
  const before = { syncs: excel.syncs, requests: excel.requests.length, actions: excel.actions.length };
  await action();
  const after = requestFigures(excel);
  const requestBytes = excel.requests.slice(before.requests).map((r) => r.bytes);
  return {
    syncs: after.syncs - before.syncs,
    requestBytes,
    largestRequestBytes: Math.max(0, ...requestBytes),
    totalBytes: requestBytes.reduce((a, b) => a + b, 0),
    operations: after.operations - before.actions,
  };
}
