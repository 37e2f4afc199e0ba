import { buildWorkbookLayout } from "../../workbook/layout";
import type { HostContext } from "../excel/host";
import { assess, marksOf, standIn } from "./assess";
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
 * fine their look back (nothing is sent when nothing changes).
 */
export async function validateWorkbook(context: HostContext): Promise<ValidationReport> {
  const { snapshot, store } = await loadWorkbook(context, INPUT_SHEETS);
  const assessed = assess(snapshot);
  const assessment = assessed.ok ? assessed.read.assessment : standIn(snapshot);
  const plan = planHighlights({
    marks: marksOf(assessed.places, assessed.issues),
    previous: store,
    places: assessed.places,
    restoreFill: () => layoutFills(buildWorkbookLayout({ lang: snapshot.lang, assessment }), assessment),
    hasStore: snapshot.sheets.rules !== undefined,
  });
  const failed = await writeBack(context, snapshot, plan);
  return report(failed ? [...assessed.issues, failed] : assessed.issues);
}
