import type { Command } from "commander";
import path from "node:path";
import type { Assessment } from "../assessment/schema";
import { scoreAssessment } from "../core/score";
import { NO_WORKBOOK, reportModel, type WorkbookState } from "../report/model";
import { tagRows, typeWord } from "../report/tags";
import type { Lang } from "../spec/types";
import { reviewStateOf } from "../workbook/audit/review";
import { readSnapshot, SNAPSHOT_SHEET } from "../workbook/audit/snapshot";
import { isCompoundFile, isZip } from "../workbook/xlsx/signature";
import type { CommandContext } from "./context";
import { EXIT, UserError } from "./errors";
import {
  looksLikeJson,
  readAssessmentFile,
  readInputFile,
  readNonEmptyFile,
  readWorkbookData,
} from "./files";
import { refuseExisting, writeFileAtomic } from "./output";
import { docxToPdf, findSoffice, NO_SOFFICE } from "./pdf";
import { renderTable } from "./table";

export interface ReportOptions {
  output: string;
  template?: string;
  /** The report's language; else the workbook's, else `lang`. */
  reportLang?: Lang;
  /** The messages' language. */
  lang: Lang;
  force?: boolean;
  env: NodeJS.ProcessEnv;
}

/** The built-in templates (templates/report-zh.docx, report-en.docx), from src/cli or lib/cli alike. */
const TEMPLATES = path.resolve(__dirname, "..", "..", "templates");

/**
 * `starscore report FILE -o report.docx|report.pdf`: the assessment report, from the built-in
 * template or the body's own (`--template`), filled from the same exact result `score` gives. FILE
 * is an assessment (JSON) or a workbook; a workbook gives its language and its finalisation state.
 * A template with a tag the report does not have is refused with every such tag and where it is;
 * nothing is written then, nor when any step fails.
 */
export async function reportCommand(
  file: string,
  options: ReportOptions,
  write: (text: string) => void,
): Promise<number> {
  const { lang } = options;
  if (!options.force) refuseExisting(options.output, [file, options.template]);
  const format = outputFormat(options.output);
  const soffice = format === "pdf" ? findSoffice(options.env.PATH) : undefined;
  if (format === "pdf" && !soffice) throw new UserError(NO_SOFFICE);

  const source = await loadReportSource(file, lang);
  const reportLang = options.reportLang ?? source.lang ?? lang;
  // docxtemplater and pizzip load when a report is made, not for every command (src/cli/index.ts).
  const [{ builtinTemplateName }, { fillTemplate }] = await Promise.all([
    import("../report/builtin-template"),
    import("../report/template"),
  ]);
  const template = options.template
    ? readNonEmptyFile(options.template)
    : readInputFile(path.join(TEMPLATES, builtinTemplateName(reportLang)));
  const model = reportModel(
    source.assessment,
    scoreAssessment(source.assessment),
    source.workbook,
    reportLang,
  );
  const filled = fillTemplate(template, model);
  if (!filled.ok) {
    const name = options.template ?? builtinTemplateName(reportLang);
    throw new UserError(
      {
        zh: `模板 ${name} 有 ${filled.problems.length} 处问题，未写入任何文件（可用的标签见 starscore report --tags）：`,
        en: `The template ${name} has ${filled.problems.length} problem${filled.problems.length === 1 ? "" : "s"}; nothing was written (starscore report --tags lists the tags):`,
      },
      filled.problems.map((p) => `${p.where[lang] ? `${p.where[lang]}: ` : ""}${p.message[lang]}`),
    );
  }
  const data =
    format === "pdf" ? await docxToPdf(filled.docx, soffice!, options.env) : Buffer.from(filled.docx);
  writeFileAtomic(options.output, data, { force: options.force, inputs: [file, options.template] });
  write(
    lang === "zh"
      ? `已写入 ${options.output}：${model.organization}，最终得分 ${model.finalScore}，${model.gradeLabel}。`
      : `Wrote ${options.output}: ${model.organization}, final score ${model.finalScore}, ${model.gradeLabel}.`,
  );
  return EXIT.ok;
}

function outputFormat(output: string): "docx" | "pdf" {
  const ext = path.extname(output).toLowerCase();
  if (ext === ".docx") return "docx";
  if (ext === ".pdf") return "pdf";
  throw new UserError({
    zh: `输出文件 ${output} 须以 .docx（Word 文档）或 .pdf 结尾。`,
    en: `The output ${output} must end in .docx (a Word document) or .pdf.`,
  });
}

interface ReportSource {
  assessment: Assessment;
  /** The workbook's language; undefined for an assessment file. */
  lang?: Lang;
  workbook: WorkbookState;
}

/**
 * The assessment and, from a workbook, its language and finalisation state (the snapshot sheet).
 * Every entry cell must be readable: a report from entries read as blank would be wrong.
 */
async function loadReportSource(file: string, lang: Lang): Promise<ReportSource> {
  const data = readNonEmptyFile(file);
  const workbook = isZip(data) || isCompoundFile(data) || (!looksLikeJson(data) && /\.xls[xm]?$/i.test(file));
  if (!workbook) return { assessment: await readAssessmentFile(file, lang), workbook: NO_WORKBOOK };
  // readWorkbookData checks the package (size, zip bombs) before anything reads it further.
  const read = await readWorkbookData(file, data, lang);
  if (read.issues.length > 0) {
    throw new UserError(
      {
        zh: `无法从 ${file} 生成报告：以下录入无法读取。`,
        en: `Cannot make a report from ${file}: these entries cannot be read.`,
      },
      read.issues.map((i) => i.message[lang]),
    );
  }
  const { loadXlsxView } = await import("../workbook/integrity/exceljs-view");
  const view = await loadXlsxView(data);
  const snapshot = view.ok ? view.view.sheet(SNAPSHOT_SHEET) : undefined;
  const records = snapshot ? readSnapshot(snapshot).records : [];
  return {
    assessment: read.assessment,
    lang: read.lang,
    workbook: { review: reviewStateOf(records) },
  };
}

/** `starscore report --tags`: every tag, its type, what it is and an example. */
export function tagsText(lang: Lang): string {
  const header = lang === "zh" ? ["标签", "类型", "含义", "示例"] : ["Tag", "Type", "What it is", "Example"];
  const rows = tagRows(lang).map((r) => [r.tag, typeWord(r.type, lang), r.description, r.example]);
  const note =
    lang === "zh"
      ? "列表的字段（如 deductions[].description）在循环内写作 {description}：{#deductions}{description}{/deductions}。条件：{#passed}…{/passed}、{^passed}…{/passed}。详见 docs/report.md。"
      : "A list's fields (such as deductions[].description) are written {description} inside its loop: {#deductions}{description}{/deductions}. Conditions: {#passed}…{/passed}, {^passed}…{/passed}. See docs/report.md.";
  return `${renderTable(header, rows, ["left", "left", "left", "left"])}\n\n${note}`;
}

export function registerReport(program: Command, ctx: CommandContext): void {
  program
    .command("report")
    .description("write the assessment report (.docx or .pdf) / 生成审查报告（Word 文档或 PDF）")
    .argument("[file]", "assessment.json or workbook.xlsx")
    .option("-o, --output <file>", "the report to write: report.docx, or report.pdf (through LibreOffice)")
    .option("--template <file>", "the certification body's own template (.docx with docxtemplater tags)")
    .option("--tags", "print every tag a template may use")
    .option("--force", "overwrite the output file if it exists")
    .addOption(ctx.langOption("also the report's language (default: the workbook's)"))
    .action(
      async (
        file: string | undefined,
        options: { output?: string; template?: string; tags?: boolean; force?: boolean; lang?: string },
      ) => {
        const lang = ctx.lang(options.lang);
        if (options.tags) {
          ctx.io.out(tagsText(lang));
          ctx.setExit(EXIT.ok);
          return;
        }
        if (!file || !options.output) {
          throw new UserError({
            zh: "用法：starscore report FILE -o report.docx [--template T.docx] [--lang zh|en] [--force]，或 starscore report --tags。",
            en: "Usage: starscore report FILE -o report.docx [--template T.docx] [--lang zh|en] [--force], or starscore report --tags.",
          });
        }
        const reportLang = options.lang === "zh" || options.lang === "en" ? options.lang : undefined;
        ctx.setExit(
          await reportCommand(
            file,
            {
              output: options.output,
              template: options.template,
              reportLang,
              lang,
              force: options.force,
              env: ctx.io.env,
            },
            ctx.io.out,
          ),
        );
      },
    );
}
