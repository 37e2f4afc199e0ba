import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { libreOfficeProblem, recalculateInLibreOffice } from "../test/engine-proof/libreoffice";
import { buildWorkbookLayout } from "../src/workbook/layout";
import { writeXlsx } from "../src/workbook/xlsx/write";
import { randomAssessment } from "./random-assessment";

/** The cost of the live formulas: LibreOffice's full recalculation of a generated workbook. */
export interface RecalcFigure {
  evaluators: number;
  formulaCells: number;
  recalcSeconds: number | null;
  note?: string;
}

export async function recalcFigures(evaluatorCounts: number[]): Promise<RecalcFigure[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-bench-lo-"));
  const files: string[] = [];
  for (const n of evaluatorCounts) {
    const file = path.join(dir, `recalc-${n}.xlsx`);
    writeFileSync(
      file,
      await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: randomAssessment(n) })),
    );
    files.push(file);
  }
  const problem = libreOfficeProblem();
  if (problem)
    return evaluatorCounts.map((evaluators) => ({
      evaluators,
      formulaCells: 0,
      recalcSeconds: null,
      note: problem,
    }));
  const results = await recalculateInLibreOffice(files);
  return results.map((r, i) => ({
    evaluators: evaluatorCounts[i]!,
    formulaCells: r.formulaCells,
    recalcSeconds: r.loadError ? null : r.recalcSeconds,
    ...(r.loadError && { note: r.loadError }),
  }));
}
