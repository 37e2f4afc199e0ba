import { buildWorkbookLayout } from "../src/workbook/layout";
import { measureGenerate, type RequestFigures } from "../test/fakes/measure";
import { blankAssessment } from "../src/cli/generate-command";

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
  }
  return rows;
}
