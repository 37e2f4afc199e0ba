import { hasErrors } from "../core/issues";
import { toResultJson } from "../core/report";
import { scoreAssessment } from "../core/score";
import type { Lang } from "../spec/types";
import { EXIT } from "./errors";
import { readAssessmentFile } from "./files";
import { renderReport } from "./report-text";

export interface ScoreOptions {
  json?: boolean;
  lang: Lang;
}

/** `starscore score FILE.json`: exit 0 when complete and free of errors, 1 otherwise. */
export function scoreCommand(path: string, options: ScoreOptions, write: (text: string) => void): number {
  const assessment = readAssessmentFile(path, options.lang);
  const scoring = scoreAssessment(assessment);
  write(
    options.json
      ? JSON.stringify(toResultJson(assessment, scoring, options.lang), null, 2)
      : renderReport(scoring, options.lang),
  );
  return scoring.result.complete && !hasErrors(scoring.issues) ? EXIT.ok : EXIT.invalid;
}
