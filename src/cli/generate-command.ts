import type { Command } from "commander";
import { ASSESSMENT_FORMAT, type Assessment, type Evaluator } from "../assessment/schema";
import { toFixed } from "../core/exact";
import { scoreAssessment } from "../core/score";
import { RULES } from "../spec/rules";
import type { Lang } from "../spec/types";
import { TEXT } from "../workbook/labels";
import { buildWorkbookLayout } from "../workbook/layout";
import { MAX_EVALUATORS } from "../workbook/scoring-grid";
import type { CommandContext } from "./context";
import { EXIT, UserError } from "./errors";
import { loadAssessment } from "./files";
import { writeFileAtomic } from "./output";

export interface GenerateOptions {
  from?: string;
  evaluators?: string;
  visits?: string;
  organization?: string;
  output: string;
  force?: boolean;
  lang: Lang;
}

/**
 * `starscore generate`: a scoring workbook for an assessment file (or workbook), or a blank one with
 * N auditor and/or N visit columns. Every formula carries the engine's result as its cached value,
 * so a viewer that does not recalculate still shows the figures; Excel recalculates on open.
 */
export async function generateCommand(
  options: GenerateOptions,
  write: (text: string) => void,
): Promise<number> {
  const { lang } = options;
  if (options.from !== undefined && (options.evaluators !== undefined || options.visits !== undefined)) {
    throw new UserError({
      zh: "--evaluators 和 --visits 只用于生成空白工作簿，不能与 --from 同时使用。",
      en: "--evaluators and --visits are for a blank workbook; they cannot be used with --from.",
    });
  }
  const base = options.from
    ? await loadAssessment(options.from, lang)
    : blankAssessment(lang, count(options.evaluators, "--evaluators"), count(options.visits, "--visits"));
  const assessment =
    options.organization === undefined ? base : { ...base, organization: options.organization };
  const columns = assessment.evaluators.length;
  if (columns < 1 || columns > MAX_EVALUATORS) {
    throw new UserError({
      zh: `工作簿须有 1–${MAX_EVALUATORS} 个评价人列，而此处为 ${columns} 个。`,
      en: `A workbook has 1–${MAX_EVALUATORS} evaluator columns; this one would have ${columns}.`,
    });
  }
  const scoring = scoreAssessment(assessment);
  const { writeXlsx } = await import("../workbook/xlsx/write");
  const xlsx = await writeXlsx(buildWorkbookLayout({ lang, assessment, scoring }));
  writeFileAtomic(options.output, xlsx, { force: options.force, inputs: [options.from] });
  const { result } = scoring;
  const summary = options.from
    ? {
        zh: `；最终得分 ${toFixed(result.finalScore, RULES.decimals)}（${result.gradeLabel.zh}${result.complete ? "" : "，结果不完整"}）`,
        en: `; final score ${toFixed(result.finalScore, RULES.decimals)} (${result.gradeLabel.en}${result.complete ? "" : ", incomplete"})`,
      }
    : { zh: "", en: "" };
  write(
    lang === "zh"
      ? `已生成 ${options.output}：${columns} 个评价人列${summary.zh}。`
      : `Wrote ${options.output}: ${columns} evaluator column${columns === 1 ? "" : "s"}${summary.en}.`,
  );
  return EXIT.ok;
}

/** A blank assessment: "审核员 1…" / "Auditor 1…" columns, then "暗访 1…" / "Visit 1…"; one auditor by default. */
export function blankAssessment(lang: Lang, auditors?: number, visits?: number): Assessment {
  const named = (kind: Evaluator["kind"], n: number): Evaluator[] =>
    Array.from({ length: n }, (_, i) => ({ name: `${TEXT[kind][lang]} ${i + 1}`, kind }));
  const evaluators =
    auditors === undefined && visits === undefined
      ? named("auditor", 1)
      : [...named("auditor", auditors ?? 0), ...named("visit", visits ?? 0)];
  return {
    format: ASSESSMENT_FORMAT,
    organization: "",
    type: "initial",
    step: RULES.defaultStep,
    evaluators,
    scores: {},
  };
}

function count(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  if (/^\d+$/.test(value.trim()) && Number(value) <= MAX_EVALUATORS) return Number(value);
  throw new UserError({
    zh: `${option} 须为 0–${MAX_EVALUATORS} 的整数，而不是“${value}”。`,
    en: `${option} must be a whole number from 0 to ${MAX_EVALUATORS}, not "${value}".`,
  });
}

export function registerGenerate(program: Command, ctx: CommandContext): void {
  program
    .command("generate")
    .description("write a scoring workbook (.xlsx) / 生成评分工作簿（.xlsx）")
    .option("--from <file>", "the assessment to lay out (JSON or .xlsx); without it, a blank workbook")
    .option("--evaluators <n>", "blank workbook: number of auditor columns (default 1 when no --visits)")
    .option("--visits <n>", "blank workbook: number of mystery-shopper visit columns")
    .option("--organization <name>", "the organisation assessed (受评组织)")
    .requiredOption("-o, --output <file>", "the workbook to write (.xlsx)")
    .option("--force", "overwrite the output file if it exists")
    .addOption(ctx.langOption("the workbook's language and the messages'"))
    .action(async (options: Omit<GenerateOptions, "lang"> & { lang?: string }) => {
      ctx.setExit(await generateCommand({ ...options, lang: ctx.lang(options.lang) }, ctx.io.out));
    });
}
