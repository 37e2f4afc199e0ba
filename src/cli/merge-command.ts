import path from "node:path";
import type { Command } from "commander";
import { scoreAssessment } from "../core/score";
import type { Lang } from "../spec/types";
import { auditRow, localIsoTime, readAuditRows, SUMMARIES, type AuditRow } from "../workbook/audit/log";
import { checkWorkbookFinalisation } from "../workbook/audit/verify";
import { SHEET_NAMES } from "../workbook/labels";
import { buildWorkbookLayout } from "../workbook/layout";
import { mergeAssessments, type MergeConflict, type MergeSource, type MergeWarning } from "../workbook/merge";
import type { CommandContext } from "./context";
import { EXIT, UserError } from "./errors";
import { readNonEmptyFile, readWorkbookData } from "./files";
import { writeFileAtomic } from "./output";
import { renderTable } from "./table";

export interface MergeOptions {
  output: string;
  force?: boolean;
  json?: boolean;
  /** Who merges, for the audit log's row. */
  by?: string;
  lang: Lang;
}

/**
 * `starscore merge LEAD.xlsx OTHER.xlsx [MORE.xlsx …] -o OUT.xlsx`: the evaluators' workbooks into
 * one (src/workbook/merge.ts says how). OUT is a new workbook in the lead's language with the merged
 * assessment and the lead's audit log, plus a "merge" row. Exit 0 when merged; 1 with conflicts,
 * every one listed and nothing written; 2 when a file is not a StarScore workbook, has another
 * catalogue and rules fingerprint, holds an entry cell that is not a number, or the lead's is
 * finalised (reopen it first), and when OUT is an input or exists (without --force).
 */
export async function mergeCommand(
  files: readonly string[],
  options: MergeOptions,
  write: (text: string) => void,
): Promise<number> {
  const { lang } = options;
  const inputs = files.map((file) => path.resolve(file));
  if (inputs.includes(path.resolve(options.output))) {
    throw new UserError({
      zh: `输出文件 ${options.output} 是要合并的工作簿之一：不会覆盖它。请另选输出文件名。`,
      en: `The output ${options.output} is one of the workbooks to merge: it is not overwritten. Choose another name.`,
    });
  }
  const loaded = [];
  for (const [i, file] of files.entries()) loaded.push(await loadSource(file, lang, i === 0));
  const lead = loaded[0]!;
  if (lead.finalised) {
    throw new UserError({
      zh: `${files[0]} 已定稿：合并会改变已定稿的录入内容。请先在任务窗格中重新开放它。`,
      en: `${files[0]} is finalised: a merge would change its finalised entries. Reopen it in the task pane first.`,
    });
  }
  const result = mergeAssessments(loaded.map((l) => l.source));
  if (!result.ok && result.refused.length > 0) {
    throw new UserError(
      { zh: "无法合并：", en: "Cannot merge:" },
      result.refused.map((r) => r[lang]),
    );
  }
  if (!result.ok) {
    if (options.json) {
      write(
        JSON.stringify(
          {
            merged: false,
            conflicts: result.conflicts.map(conflictJson(lang)),
            ...warningsJson(result.warnings, lang),
          },
          null,
          2,
        ),
      );
    } else {
      write(renderConflicts(result.conflicts, options.output, lang));
      for (const w of result.warnings) write(w.message[lang]);
    }
    return EXIT.invalid;
  }

  const { assessment } = result;
  const names = files.slice(1).map((file) => path.basename(file));
  const summary = SUMMARIES.merge(
    names,
    result.taken.entries,
    result.taken.notes,
    result.added.map((e) => e.name),
  );
  const row = auditRow(
    { time: localIsoTime(), person: options.by ?? "", action: "merge", summary: summary[lead.lang] },
    lead.lang,
  );
  const scoring = scoreAssessment(assessment);
  const layout = buildWorkbookLayout({ lang: lead.lang, assessment, scoring, audit: [...lead.audit, row] });
  // The workbook libraries load when a command reads or writes a workbook (src/cli/index.ts).
  const { writeXlsx } = await import("../workbook/xlsx/write");
  writeFileAtomic(options.output, await writeXlsx(layout), { force: options.force, inputs: [...files] });

  if (options.json) {
    write(
      JSON.stringify(
        {
          merged: true,
          output: options.output,
          evaluators: assessment.evaluators,
          added: result.added,
          taken: result.taken,
          ...warningsJson(result.warnings, lang),
        },
        null,
        2,
      ),
    );
  } else {
    write(
      lang === "zh"
        ? `已将 ${files.length} 个工作簿合并为 ${options.output}：取入 ${result.taken.entries} 个评分、${result.taken.notes} 条备注；${assessment.evaluators.length} 个评价人列${result.added.length > 0 ? `（新增 ${result.added.map((e) => e.name).join("、")}）` : ""}。`
        : `Merged ${files.length} workbooks into ${options.output}: ${result.taken.entries} entries and ${result.taken.notes} notes taken; ${assessment.evaluators.length} evaluator columns${result.added.length > 0 ? ` (added: ${result.added.map((e) => e.name).join(", ")})` : ""}.`,
    );
    for (const w of result.warnings) write(w.message[lang]);
    if (lead.otherSheets.length > 0) write(otherSheetsWarning(files[0]!, lead.otherSheets)[lang]);
  }
  return EXIT.ok;
}

interface Loaded {
  source: MergeSource;
  lang: Lang;
  audit: AuditRow[];
  finalised: boolean;
  otherSheets: string[];
}

/**
 * A StarScore workbook as a merge source; anything else, or an entry cell that is not a number, is
 * refused. The lead's is also read for its audit log and finalisation.
 */
async function loadSource(file: string, lang: Lang, lead: boolean): Promise<Loaded> {
  const data = readNonEmptyFile(file);
  const read = await readWorkbookData(file, data, lang);
  if (read.issues.length > 0) {
    throw new UserError(
      {
        zh: `${file} 中有无法作为评分读取的单元格，合并会丢失它们。请先修正：`,
        en: `${file} has entry cells that cannot be read as entries; a merge would lose them. Fix them first:`,
      },
      read.issues.map((i) => `${i.sheet}!${i.ref}: ${i.message[lang]}`),
    );
  }
  // The lead's audit log goes on in the merged workbook, and a finalised lead is refused.
  const { loadXlsxView } = await import("../workbook/integrity/exceljs-view");
  const view = lead ? await loadXlsxView(data) : undefined;
  const sheet = view?.ok ? (name: string) => view.view.sheet(name) : () => undefined;
  const auditGrid = sheet(SHEET_NAMES.audit.zh) ?? sheet(SHEET_NAMES.audit.en);
  const state = lead ? checkWorkbookFinalisation(sheet).state : "draft";
  return {
    source: {
      file: path.basename(file),
      assessment: read.assessment,
      layoutVersion: read.layoutVersion,
      fingerprint: read.fingerprint,
      locator: read.locator,
    },
    lang: read.lang,
    audit: auditGrid ? readAuditRows(auditGrid) : [],
    finalised: state === "finalised",
    otherSheets: read.otherSheets,
  };
}

const conflictJson = (lang: Lang) => (c: MergeConflict) => ({
  kind: c.kind,
  item: c.item,
  ...(c.evaluator && { evaluator: c.evaluator.name, evaluatorKind: c.evaluator.kind }),
  a: { file: c.a.file, cell: c.a.cell ?? null, value: c.a.value },
  b: { file: c.b.file, cell: c.b.cell ?? null, value: c.b.value },
  message: c.message[lang],
});

function warningsJson(warnings: readonly MergeWarning[], lang: Lang) {
  return {
    warnings: warnings.map((w) => ({
      file: w.file,
      differs: w.differs,
      ...(w.fields && { fields: w.fields }),
      message: w.message[lang],
    })),
  };
}

function renderConflicts(conflicts: readonly MergeConflict[], output: string, lang: Lang): string {
  const cell = (s: MergeConflict["a"]) => `${s.file}${s.cell ? ` ${s.cell}` : ""}: ${s.value}`;
  const header =
    lang === "zh" ? ["项目", "评价人", "其一", "其二"] : ["Item", "Evaluator", "One file", "The other"];
  const rows = conflicts.map((c) => [
    c.item,
    c.evaluator ? c.evaluator.name : lang === "zh" ? "（备注）" : "(notes)",
    cell(c.a),
    cell(c.b),
  ]);
  const count =
    lang === "zh"
      ? `合并未完成：${conflicts.length} 处冲突（同一评价人、同一项目在两个文件中有不同的值），未写入 ${output}。请在其中一个文件中改正后重新合并。`
      : `Not merged: ${conflicts.length} conflict${conflicts.length === 1 ? "" : "s"} (the same evaluator and item with different values in two files); ${output} was not written. Correct one of the files and merge again.`;
  return `${count}\n\n${renderTable(header, rows, ["left", "left", "left", "left"])}`;
}

function otherSheetsWarning(file: string, sheets: readonly string[]) {
  return {
    zh: `${file} 中不属于 StarScore 的工作表（${sheets.join("、")}）未带入合并结果。`,
    en: `${file}'s sheets that are not StarScore's (${sheets.join(", ")}) are not in the merged workbook.`,
  };
}

export function registerMerge(program: Command, ctx: CommandContext): void {
  program
    .command("merge")
    .description(
      "merge the evaluators' workbooks into the lead auditor's / 将各评价人的工作簿合并到审查组长的工作簿",
    )
    .argument(
      "<lead>",
      "the lead auditor's workbook (.xlsx): its Info, exclusions, special items and team order are kept",
    )
    .argument("<others...>", "the evaluators' workbooks (.xlsx)")
    .requiredOption("-o, --output <file>", "the merged workbook to write (.xlsx)")
    .option("--force", "overwrite the output file if it exists (never an input)")
    .option("--by <name>", "who merges, for the audit log")
    .option("--json", "print the result (or the conflicts) as JSON")
    .addOption(ctx.langOption("the messages' (the workbook keeps the lead's)"))
    .action(
      async (lead: string, others: string[], options: Omit<MergeOptions, "lang"> & { lang?: string }) => {
        ctx.setExit(
          await mergeCommand([lead, ...others], { ...options, lang: ctx.lang(options.lang) }, ctx.io.out),
        );
      },
    );
}
