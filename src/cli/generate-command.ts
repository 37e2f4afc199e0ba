import { Option, type Command } from "commander";
import { ASSESSMENT_FORMAT, type Assessment, type Evaluator, type Purpose } from "../assessment/schema";
import { toFixed } from "../core/exact";
import { nextAudit, type NextAuditType } from "../core/follow-up";
import { scoreAssessment } from "../core/score";
import { REPORT_WORDS } from "../report/words";
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
  /** The last audit: the new one starts from its organisation and team, and its deductions to verify. */
  previous?: string;
  /** With --previous: surveillance (default) or recertification. */
  type?: NextAuditType;
  purpose?: Purpose;
  /** The Plan sheet: default for self-assessments (LayoutOptions.plan). */
  plan?: boolean;
  /** The Report sheet (报告 / Report): never by default (LayoutOptions.report). */
  reportSheet?: boolean;
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
  if (
    options.previous !== undefined &&
    (options.from !== undefined || options.evaluators !== undefined || options.visits !== undefined)
  ) {
    throw new UserError({
      zh: "--previous 以上次审核的组织和评价组开始新的审核，不能与 --from、--evaluators 或 --visits 同时使用。",
      en: "--previous starts the next audit from the last one's organisation and team; it cannot be used with --from, --evaluators or --visits.",
    });
  }
  if (options.type !== undefined && options.previous === undefined) {
    throw new UserError({
      zh: "--type 只用于 --previous（监督评价或再认证）。",
      en: "--type is for --previous (surveillance or recertification).",
    });
  }
  const base = options.previous
    ? nextAudit(await loadAssessment(options.previous, lang), options.type)
    : options.from
      ? await loadAssessment(options.from, lang)
      : blankAssessment(lang, count(options.evaluators, "--evaluators"), count(options.visits, "--visits"));
  const assessment: Assessment = {
    ...base,
    ...(options.organization !== undefined && { organization: options.organization }),
    ...(options.purpose !== undefined && { purpose: options.purpose }),
  };
  const columns = assessment.evaluators.length;
  if (columns < 1 || columns > MAX_EVALUATORS) {
    throw new UserError({
      zh: `工作簿须有 1–${MAX_EVALUATORS} 个评价人列，而此处为 ${columns} 个。`,
      en: `A workbook has 1–${MAX_EVALUATORS} evaluator columns; this one would have ${columns}.`,
    });
  }
  const scoring = scoreAssessment(assessment);
  const { writeXlsx } = await import("../workbook/xlsx/write");
  const layout = buildWorkbookLayout({
    lang,
    assessment,
    scoring,
    plan: options.plan,
    ...(options.reportSheet && { report: { state: REPORT_WORDS.state.draft[lang], reviewer: "", date: "" } }),
  });
  const xlsx = await writeXlsx(layout);
  writeFileAtomic(options.output, xlsx, { force: options.force, inputs: [options.from, options.previous] });
  const { result } = scoring;
  const summary = options.from
    ? {
        zh: `；最终得分 ${toFixed(result.finalScore, RULES.decimals)}（${result.gradeLabel.zh}${result.complete ? "" : "，结果不完整"}）`,
        en: `; final score ${toFixed(result.finalScore, RULES.decimals)} (${result.gradeLabel.en}${result.complete ? "" : ", incomplete"})`,
      }
    : { zh: "", en: "" };
  const toVerify = assessment.followUp?.length ?? 0;
  const carried = options.previous
    ? {
        zh: `；${toVerify} 项上次审核的整改待验证（特别项工作表）`,
        en: `; ${toVerify} rectification${toVerify === 1 ? "" : "s"} from the last audit to verify (Special sheet)`,
      }
    : { zh: "", en: "" };
  const plan = layout.sheets.some((s) => s.key === "plan")
    ? { zh: "；含计划工作表", en: "; with the Plan sheet" }
    : { zh: "", en: "" };
  write(
    lang === "zh"
      ? `已生成 ${options.output}：${columns} 个评价人列${summary.zh}${carried.zh}${plan.zh}。`
      : `Wrote ${options.output}: ${columns} evaluator column${columns === 1 ? "" : "s"}${summary.en}${carried.en}${plan.en}.`,
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
    .option(
      "--previous <file>",
      "the last audit (JSON or .xlsx): start the next one from its organisation and team, with its deductions to verify",
    )
    .addOption(
      new Option("--type <type>", "with --previous: the next audit's type (default surveillance)").choices([
        "surveillance",
        "recertification",
      ]),
    )
    .option("--organization <name>", "the organisation assessed (受评组织)")
    .addOption(
      new Option("--purpose <purpose>", "certification (default) or self-assessment").choices([
        "certification",
        "self-assessment",
      ]),
    )
    .option("--plan", "add the Plan sheet (计划; default for a self-assessment)")
    .option("--no-plan", "leave the Plan sheet out")
    .option("--report-sheet", "add the Report sheet (报告: the assessment report, printable on A4)")
    .requiredOption("-o, --output <file>", "the workbook to write (.xlsx)")
    .option("--force", "overwrite the output file if it exists")
    .addOption(ctx.langOption("the workbook's language and the messages'"))
    .action(async (options: Omit<GenerateOptions, "lang"> & { lang?: string }) => {
      ctx.setExit(await generateCommand({ ...options, lang: ctx.lang(options.lang) }, ctx.io.out));
    });
}
