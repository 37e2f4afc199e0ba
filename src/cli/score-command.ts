import type { Command } from "commander";
import { hasErrors } from "../core/issues";
import { agreementOf } from "../core/agreement";
import { toResultJson, type ResultJson } from "../core/report";
import { scoreAssessment } from "../core/score";
import type { Lang } from "../spec/types";
import type { ReadIssueCode } from "../workbook/read/issues";
import type { CommandContext } from "./context";
import { EXIT } from "./errors";
import { loadAssessmentWithIssues } from "./files";
import { renderReport } from "./report-text";

export interface ScoreOptions {
  json?: boolean;
  lang: Lang;
}

type IssueJson = ResultJson["issues"][number];

/** `score --json`: the engine's result, the workbook's unreadable entry cells first among its issues. */
export type ScoreJson = Omit<ResultJson, "issues"> & {
  issues: (IssueJson | (Omit<IssueJson, "code"> & { code: ReadIssueCode; cell: string }))[];
};

/**
 * `starscore score FILE`: FILE is an assessment (JSON) or a StarScore workbook (.xlsx), told apart
 * by content. Exit 0 when complete and free of errors, 1 otherwise. A workbook's entry cell that is
 * not a number (text, an error, a date) is an issue like any other, with its cell, and scores as blank.
 */
export async function scoreCommand(
  path: string,
  options: ScoreOptions,
  write: (text: string) => void,
): Promise<number> {
  const { assessment, readIssues } = await loadAssessmentWithIssues(path, options.lang);
  const scoring = scoreAssessment(assessment);
  if (options.json) {
    const result = toResultJson(assessment, scoring, options.lang);
    const json: ScoreJson = {
      ...result,
      issues: [
        ...readIssues.map((i) => ({
          code: i.code,
          severity: i.severity,
          item: i.item,
          evaluator: assessment.evaluators[i.evaluator]?.name,
          evaluatorIndex: i.evaluator,
          field: i.field,
          cell: `${i.sheet}!${i.ref}`,
          message: i.message[options.lang],
        })),
        ...result.issues,
      ],
    };
    write(JSON.stringify(json, null, 2));
  } else {
    write(renderReport(scoring, options.lang, readIssues, agreementOf(assessment, scoring)));
  }
  const ok = scoring.result.complete && !hasErrors(scoring.issues) && readIssues.length === 0;
  return ok ? EXIT.ok : EXIT.invalid;
}

export function registerScore(program: Command, ctx: CommandContext): void {
  program
    .command("score")
    .description("score an assessment file (JSON) or workbook (.xlsx) / 计算评估文件或评分工作簿的得分")
    .argument("<file>", "assessment.json or workbook.xlsx")
    .option("--json", "print the result as JSON")
    .addOption(ctx.langOption())
    .action(async (file: string, options: { json?: boolean; lang?: string }) => {
      ctx.setExit(await scoreCommand(file, { json: options.json, lang: ctx.lang(options.lang) }, ctx.io.out));
    });
}
