import type { Command } from "commander";
import type { Assessment } from "../assessment/schema";
import type { Lang } from "../spec/types";
import type { CommandContext } from "./context";
import { EXIT } from "./errors";
import { readWorkbookFile } from "./files";
import { writeFileAtomic } from "./output";

export interface ExportOptions {
  output: string;
  force?: boolean;
  lang: Lang;
}

/** `starscore export workbook.xlsx -o assessment.json`: the workbook's inputs as an assessment file. */
export async function exportCommand(
  workbook: string,
  options: ExportOptions,
  write: (text: string) => void,
): Promise<number> {
  const assessment = await readWorkbookFile(workbook, options.lang);
  writeFileAtomic(options.output, formatAssessment(assessment), { force: options.force, inputs: [workbook] });
  write(
    options.lang === "zh"
      ? `已导出 ${options.output}：${assessment.evaluators.length} 个评价人列。`
      : `Wrote ${options.output}: ${assessment.evaluators.length} evaluator column${assessment.evaluators.length === 1 ? "" : "s"}.`,
  );
  return EXIT.ok;
}

/**
 * JSON as people read it: two-space indents, and each item's entries on one line
 * (`"B1": [85, null, 95]`). Only arrays of numbers and nulls are folded; a raw newline never occurs
 * inside a JSON string, so text values are untouched.
 */
export function formatAssessment(assessment: Assessment): string {
  const json = JSON.stringify(assessment, null, 2);
  const folded = json.replace(
    /\[\n\s*((?:-?[\d.eE+-]+|null)(?:,\n\s*(?:-?[\d.eE+-]+|null))*)\n\s*\]/g,
    (_, values: string) => `[${values.split(/,\n\s*/).join(", ")}]`,
  );
  return folded + "\n";
}

export function registerExport(program: Command, ctx: CommandContext): void {
  program
    .command("export")
    .description("write a workbook's assessment as JSON / 将评分工作簿导出为评估文件（JSON）")
    .argument("<workbook>", "workbook.xlsx")
    .requiredOption("-o, --output <file>", "the assessment file to write (.json)")
    .option("--force", "overwrite the output file if it exists")
    .addOption(ctx.langOption())
    .action(async (workbook: string, options: { output: string; force?: boolean; lang?: string }) => {
      ctx.setExit(await exportCommand(workbook, { ...options, lang: ctx.lang(options.lang) }, ctx.io.out));
    });
}
