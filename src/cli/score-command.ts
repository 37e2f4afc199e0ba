import type { Command } from "commander";
import { hasErrors } from "../core/issues";
import { toResultJson, type ResultJson } from "../core/report";
import { scoreAssessment } from "../core/score";
import type { Lang } from "../spec/types";
import type { ReadIssueCode } from "../workbook/read/issues";
import type { CommandContext, Io } from "./context";
import { EXIT, UserError } from "./errors";
import { loadAssessmentWithIssues } from "./files";
import { expandInputs } from "./inputs";

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
  const scored = await scoreFile(path, options);
  write(scored.json ? JSON.stringify(scored.json, null, 2) : scored.report);
  return scored.code;
}

/** One file scored: its exit code and what `score` prints for it (the JSON with --json). */
type Scored = { code: number } & ({ json: ScoreJson; report?: never } | { json?: never; report: string });

async function scoreFile(path: string, options: ScoreOptions): Promise<Scored> {
  const { assessment, readIssues } = await loadAssessmentWithIssues(path, options.lang);
  const scoring = scoreAssessment(assessment);
  const ok = scoring.result.complete && !hasErrors(scoring.issues) && readIssues.length === 0;
  const code = ok ? EXIT.ok : EXIT.invalid;
  if (!options.json) {
    // The text report's modules are loaded only for it: --json does not need them (test/cli/batch.test.ts).
    const [{ renderReport }, { agreementOf }] = await Promise.all([
      import("./report-text"),
      import("../core/agreement"),
    ]);
    return {
      code,
      report: renderReport(scoring, options.lang, readIssues, agreementOf(assessment, scoring)),
    };
  }
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
  return { code, json };
}

/** What `score` prints for one file of several, and its exit code: `out` on stdout, `err` on stderr. */
export interface BatchOutcome {
  code: number;
  out?: string;
  err?: string;
}

/** One file of a batch scored; a file that cannot be scored is its error, never a stop. */
export async function scoreForBatch(file: string, options: ScoreOptions): Promise<BatchOutcome> {
  try {
    const scored = await scoreFile(file, options);
    return {
      code: scored.code,
      out: scored.json ? JSON.stringify({ file, ...scored.json }) : `== ${file} ==\n${scored.report}\n`,
    };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const message = error.localised[options.lang];
    return options.json
      ? { code: EXIT.usage, out: JSON.stringify({ file, error: { message, details: error.details } }) }
      : {
          code: EXIT.usage,
          err: [`== ${file} ==`, message, ...error.details.map((d) => `  ${d}`)].join("\n"),
        };
  }
}

/**
 * `starscore score A.xlsx B.json …` (or a folder, or a pattern): every file scored by this one
 * process, on the machine's cores (./score-pool.ts). With --json, one line of JSON per file
 * (NDJSON), in order, each with its `file`; a file that cannot be scored gives
 * `{file, error: {message, details}}` and the others go on. Without --json, each file's report under
 * its name, and the errors on stderr. Exit code: the worst file's.
 */
export async function scoreBatch(
  files: readonly string[],
  options: ScoreOptions,
  io: Pick<Io, "out" | "err" | "env">,
): Promise<number> {
  let worst: number = EXIT.ok;
  // Loaded for several files only: one file needs no threads (test/cli/batch.test.ts counts its modules).
  const { scoreInOrder } = await import("./score-pool");
  await scoreInOrder(files, options, io.env, scoreForBatch, (outcome) => {
    if (outcome.out !== undefined) io.out(outcome.out);
    if (outcome.err !== undefined) io.err(outcome.err);
    worst = Math.max(worst, outcome.code);
  });
  return worst;
}

export function registerScore(program: Command, ctx: CommandContext): void {
  program
    .command("score")
    .description("score an assessment file (JSON) or workbook (.xlsx) / 计算评估文件或评分工作簿的得分")
    .argument(
      "<files...>",
      "assessment.json or workbook.xlsx; several files, a folder or a pattern (*.xlsx) are scored in turn, one JSON line each with --json",
    )
    .option("--json", "print the result as JSON")
    .addOption(ctx.langOption())
    .action(async (names: string[], options: { json?: boolean; lang?: string }) => {
      const scoreOptions = { json: options.json, lang: ctx.lang(options.lang) };
      const { files, batch } = expandInputs(names);
      ctx.setExit(
        batch
          ? await scoreBatch(files, scoreOptions, ctx.io)
          : await scoreCommand(files[0]!, scoreOptions, ctx.io.out),
      );
    });
}
