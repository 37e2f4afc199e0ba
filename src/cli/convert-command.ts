import { Option, type Command } from "commander";
import type { EvaluatorKind } from "../assessment/schema";
import { scoreAssessment } from "../core/score";
import type { Lang, Localised } from "../spec/types";
import { applyChange, type WorkbookChange, type WorkbookState } from "../workbook/changes";
import { buildWorkbookLayout } from "../workbook/layout";
import { LAYOUT_VERSION } from "../workbook/sheets/info";
import { isCompoundFile, isZip } from "../workbook/xlsx/signature";
import type { CommandContext } from "./context";
import { EXIT, UserError } from "./errors";
import { looksLikeJson, readInputFile, readWorkbookData } from "./files";
import { writeFileAtomic } from "./output";

export interface ConvertOptions {
  output: string;
  force?: boolean;
  /** The language of the messages. */
  lang: Lang;
  /** The new workbook's language: the --lang option; the workbook's own when not given. */
  workbookLang?: Lang;
  addEvaluator?: string;
  kind?: string;
  /** 1-based, as the option is typed. */
  removeEvaluator?: string;
}

/**
 * `starscore convert workbook.xlsx -o out.xlsx`: the workbook read back and written afresh in the
 * current layout (an older layout is upgraded), optionally in the other language, with an
 * evaluator column removed (--remove-evaluator N, counted from 1) and/or one added at the end
 * (--add-evaluator NAME --kind auditor|visit). A removal refers to the columns as they are in the
 * input, and is applied before an addition. Everything the workbook holds as an assessment is
 * carried over (docs/assessment-format.md, "Through a workbook"); a cell that could not be carried
 * (an entry that is not a number) stops the command, naming the cell, as `export` does.
 */
export async function convertCommand(
  input: string,
  options: ConvertOptions,
  write: (text: string) => void,
): Promise<number> {
  const { lang } = options;
  const changes = requestedChanges(options);
  const data = readInputFile(input);
  if (!isZip(data) && !isCompoundFile(data) && looksLikeJson(data)) {
    throw new UserError({
      zh: `${input} 是评估文件（JSON），不是工作簿：请用 starscore generate --from ${input} 生成工作簿。`,
      en: `${input} is an assessment file (JSON), not a workbook: use starscore generate --from ${input} to make one.`,
    });
  }
  const read = await readWorkbookData(input, data, lang);
  if (read.issues.length > 0) {
    throw new UserError(
      {
        zh: `无法转换 ${input}：以下单元格不是数字，转换后会丢失。请先修正：`,
        en: `Cannot convert ${input}: these cells are not numbers and would be lost. Fix them first:`,
      },
      read.issues.map((i) => i.message[lang]),
    );
  }

  const original: WorkbookState = {
    assessment: read.assessment,
    lang: read.lang,
    layoutVersion: read.layoutVersion,
  };
  let state = original;
  const done: Localised[] = [];
  for (const change of changes) {
    const result = applyChange(state, change);
    if (!result.ok) throw new UserError(result.error);
    state = result.state;
    done.push(result.done);
  }
  // Every conversion writes the current layout; say so when the workbook's was older.
  const upgrade = applyChange(original, { kind: "upgrade" });
  if (upgrade.ok && original.layoutVersion < LAYOUT_VERSION) done.push(upgrade.done);

  const { assessment } = state;
  const { writeXlsx } = await import("../workbook/xlsx/write");
  const xlsx = await writeXlsx(
    buildWorkbookLayout({ lang: state.lang, assessment, scoring: scoreAssessment(assessment) }),
  );
  writeFileAtomic(options.output, xlsx, { force: options.force, inputs: [input] });

  const columns = assessment.evaluators.length;
  const language = {
    zh: state.lang === "zh" ? "中文" : "英文",
    en: state.lang === "zh" ? "Chinese" : "English",
  };
  const lines = [
    lang === "zh"
      ? `已写入 ${options.output}：${columns} 个评价人列，${language.zh}，版式版本 ${LAYOUT_VERSION}。`
      : `Wrote ${options.output}: ${columns} evaluator column${columns === 1 ? "" : "s"}, ${language.en}, layout version ${LAYOUT_VERSION}.`,
    ...done.map((d) => `  ${d[lang]}`),
  ];
  if (read.otherSheets.length > 0) {
    const names = read.otherSheets.map((n) => JSON.stringify(n)).join(lang === "zh" ? "、" : ", ");
    lines.push(
      lang === "zh"
        ? `  注意：工作表 ${names} 不是 StarScore 的工作表，没有带到新工作簿中。`
        : `  Note: the sheet${read.otherSheets.length === 1 ? "" : "s"} ${names} ${read.otherSheets.length === 1 ? "is" : "are"} not StarScore's and ${read.otherSheets.length === 1 ? "was" : "were"} not carried over.`,
    );
  }
  write(lines.join("\n"));
  return EXIT.ok;
}

/** The changes the options ask for, in the order they apply; mistakes in the options are usage errors. */
function requestedChanges(options: ConvertOptions): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  if (options.removeEvaluator !== undefined) {
    const text = options.removeEvaluator.trim();
    if (!/^\d+$/.test(text) || Number(text) < 1) {
      throw new UserError({
        zh: `--remove-evaluator 须为评价人列的序号（从 1 起），而不是“${options.removeEvaluator}”。`,
        en: `--remove-evaluator takes an evaluator column's number (from 1), not "${options.removeEvaluator}".`,
      });
    }
    changes.push({ kind: "remove-evaluator", index: Number(text) - 1 });
  }
  if (options.kind !== undefined && options.addEvaluator === undefined) {
    throw new UserError({
      zh: "--kind 只与 --add-evaluator 一起使用。",
      en: "--kind goes with --add-evaluator.",
    });
  }
  if (options.addEvaluator !== undefined) {
    const kind = (options.kind ?? "auditor") as EvaluatorKind;
    changes.push({ kind: "add-evaluator", evaluator: { name: options.addEvaluator, kind } });
  }
  if (options.workbookLang !== undefined) changes.push({ kind: "language", lang: options.workbookLang });
  return changes;
}

export function registerConvert(program: Command, ctx: CommandContext): void {
  program
    .command("convert")
    .description(
      "rewrite a workbook in the current layout: upgrade, switch language, add or remove an evaluator / 转换工作簿（升级版式、切换语言、增删评价人）",
    )
    .argument("<workbook>", "workbook.xlsx")
    .requiredOption("-o, --output <file>", "the workbook to write (.xlsx)")
    .addOption(ctx.langOption("the new workbook's language and the messages'; default: the workbook's own"))
    .option("--add-evaluator <name>", "add an evaluator column at the end")
    .addOption(
      new Option("--kind <kind>", "the added column's kind: auditor (default) | visit").choices([
        "auditor",
        "visit",
      ]),
    )
    .option(
      "--remove-evaluator <n>",
      "remove evaluator column n (from 1, as in the input); before an addition",
    )
    .option("--force", "overwrite the output file if it exists")
    .action(
      async (
        workbook: string,
        options: {
          output: string;
          force?: boolean;
          lang?: string;
          addEvaluator?: string;
          kind?: string;
          removeEvaluator?: string;
        },
      ) => {
        const lang = ctx.lang(options.lang);
        const workbookLang = options.lang === "zh" || options.lang === "en" ? options.lang : undefined;
        ctx.setExit(await convertCommand(workbook, { ...options, lang, workbookLang }, ctx.io.out));
      },
    );
}
