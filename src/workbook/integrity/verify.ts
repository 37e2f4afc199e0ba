import type { Assessment } from "../../assessment/schema";
import { scoreAssessment } from "../../core/score";
import type { Lang } from "../../spec/types";
import type { ReportSheetState } from "../context";
import { buildWorkbookLayout } from "../layout";
import type { ReadProblem } from "../read/cells";
import type { WorkbookGeometry } from "../read/locator";
import { readWorkbookGrids } from "../read/workbook";
import { bonusRowCount, deductionRowCount, followUpRowCount } from "../sheets/special";
import type { WorkbookLayout } from "../types";
import { checkAsWritten } from "./check";
import type { IntegrityFinding } from "./findings";
import type { WorkbookView } from "./view";

/**
 * `starscore verify` and the pane's integrity check: the workbook's assessment is read back (its
 * inputs only), the layout StarScore would write for it is built in the workbook's language, with
 * the engine's figures as the formulas' values, and the workbook is compared with it.
 */
export type VerifyResult =
  | { ok: true; lang: Lang; assessment: Assessment; findings: IntegrityFinding[] }
  /** The workbook's assessment cannot be read (not a StarScore workbook, a header gone, …). */
  | { ok: false; problems: ReadProblem[] };

export function verifyWorkbook(view: WorkbookView): VerifyResult {
  // An optional sheet (Plan) is expected exactly when the workbook has it: an absent one is no finding.
  const read = readWorkbookGrids((name) => view.sheet(name), "en");
  if (!read.ok) return { ok: false, problems: read.problems };
  const expected = expectedLayout(read.assessment, read.lang, read.geometry);
  return { ok: true, lang: read.lang, assessment: read.assessment, findings: checkAsWritten(expected, view) };
}

/**
 * buildWorkbookLayout for the assessment, with the engine's figures as cached values; its Special
 * tables as long as the workbook's. The layout sizes those tables by the number of deductions and
 * bonus entries (20 rows, or 10 more than there are; 5, or 3 more), so a workbook generated with
 * 15 deductions of which 12 were then cleared still has its 25 rows: the Special sheet (and its
 * names) are laid out for as many entries as give the workbook's table sizes (the follow-up table's
 * too). Tables shorter than any layout makes are left as they are, for the check to report. The
 * Plan sheet and the Report sheet are laid out when the workbook has them, and only then.
 */
export function expectedLayout(
  assessment: Assessment,
  lang: Lang,
  geometry: WorkbookGeometry,
  /** The Report sheet with this state, whether the workbook has one or not (the pane's report action). */
  reportState?: ReportSheetState,
): WorkbookLayout {
  const plan = geometry.plan !== undefined;
  const report = reportState ?? geometry.report === true;
  const layout = buildWorkbookLayout({
    lang,
    assessment,
    scoring: scoreAssessment(assessment),
    plan,
    report,
  });
  const rows = (table: { firstRow: number; lastRow: number }) => table.lastRow - table.firstRow + 1;
  const deductions = entriesFor(rows(geometry.special.deductions), deductionRowCount);
  const bonus = entriesFor(rows(geometry.special.bonus), bonusRowCount);
  const followUp = geometry.special.followUp
    ? entriesFor(rows(geometry.special.followUp), followUpRowCount)
    : (assessment.followUp?.length ?? 0);
  if (deductions === undefined || bonus === undefined || followUp === undefined) return layout;
  if (
    deductionRowCount(deductions) === deductionRowCount(assessment.deductions?.length ?? 0) &&
    bonusRowCount(bonus) === bonusRowCount(assessment.bonus?.length ?? 0) &&
    followUpRowCount(followUp) === followUpRowCount(assessment.followUp?.length ?? 0)
  ) {
    return layout;
  }
  const shaped = buildWorkbookLayout({
    lang,
    assessment: {
      ...assessment,
      deductions: Array.from({ length: deductions }, () => ({ category: "law" as const, description: "-" })),
      bonus: Array.from({ length: bonus }, () => ({ points: 0.01, reason: "-" })),
      followUp: Array.from({ length: followUp }, () => ({ category: "law" as const, description: "-" })),
    },
    plan,
    report,
  });
  const special = shaped.sheets.find((s) => s.key === "special")!;
  // The Report sheet refers to the Special tables' rows: laid out for the same table sizes.
  const reportSheet = shaped.sheets.find((s) => s.key === "report");
  const onSpecial = (ref: string) => ref.startsWith(`'${special.name.replace(/'/g, "''")}'!`);
  return {
    ...layout,
    sheets: layout.sheets.map((s) =>
      s.key === "special" ? special : s.key === "report" && reportSheet ? reportSheet : s,
    ),
    names: layout.names.map((n) => (onSpecial(n.ref) ? shaped.names.find((m) => m.name === n.name)! : n)),
  };
}

/** The fewest entries for which the layout makes a table of `rows` rows; undefined when none does. */
function entriesFor(rows: number, rowCount: (entries: number) => number): number | undefined {
  for (let entries = 0; entries <= rows; entries++) if (rowCount(entries) === rows) return entries;
  return undefined;
}
