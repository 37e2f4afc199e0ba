import type { Command } from "commander";
import type { Lang } from "../spec/types";
import {
  checkWorkbookFinalisation,
  finalisationFailed,
  finalisationJson,
  finalisationText,
  reviewJson,
  reviewText,
} from "../workbook/audit/verify";
import type { IntegrityFinding } from "../workbook/integrity/findings";
import { verifyWorkbook } from "../workbook/integrity/verify";
import type { CommandContext } from "./context";
import { EXIT, UserError } from "./errors";
import { readNonEmptyFile } from "./files";
import { renderTable } from "./table";

export interface VerifyOptions {
  json?: boolean;
  lang: Lang;
}

/**
 * `starscore verify workbook.xlsx`: is the workbook what StarScore wrote? Formulas overwritten or
 * edited, catalogue text or points changed, the rules sheet changed, defined names missing or
 * moved, the catalogue and rules fingerprint missing or another version's, the Summary's figures
 * not the engine's (src/workbook/integrity); and the review state (draft, finalised, approved,
 * returned), with entries changed since finalisation or approval (src/workbook/audit). Exit 0 when
 * nothing is found, 1 when anything is, 2 when the file cannot be read as a StarScore workbook.
 */
export async function verifyCommand(
  path: string,
  options: VerifyOptions,
  write: (text: string) => void,
): Promise<number> {
  const { lang } = options;
  const data = readNonEmptyFile(path);
  const { loadXlsxView } = await import("../workbook/integrity/exceljs-view");
  const loaded = await loadXlsxView(data);
  const cannotRead = { zh: `无法读取工作簿 ${path}：`, en: `Cannot read the workbook ${path}:` };
  if (!loaded.ok) throw new UserError(cannotRead, [loaded.error[lang]]);
  const result = verifyWorkbook(loaded.view);
  if (!result.ok)
    throw new UserError(
      cannotRead,
      result.problems.map((p) => p.message[lang]),
    );

  const findings = result.findings;
  // After finalisation (src/workbook/audit): entries or result changed since, the snapshot edited or gone.
  const finalisation = checkWorkbookFinalisation((name) => loaded.view.sheet(name));
  const clean = findings.length === 0 && !finalisationFailed(finalisation);
  if (options.json) {
    const json = {
      clean,
      findings: findings.map((f) => ({ cell: cellOf(f) ?? null, code: f.code, message: f.message[lang] })),
      review: reviewJson(finalisation),
      ...(finalisation.findings.length > 0 && { finalisation: finalisationJson(finalisation, lang) }),
    };
    write(JSON.stringify(json, null, 2));
  } else {
    write(render(path, findings, lang));
    write(reviewText(finalisation, lang));
    if (finalisation.findings.length > 0) write(finalisationText(finalisation, lang));
  }
  return clean ? EXIT.ok : EXIT.invalid;
}

/** "评分!N9" (as `score --json` names cells), "评分" for a whole sheet, undefined for neither. */
function cellOf(finding: IntegrityFinding): string | undefined {
  if (finding.sheet !== undefined && finding.ref !== undefined) return `${finding.sheet}!${finding.ref}`;
  return finding.sheet;
}

function render(path: string, findings: readonly IntegrityFinding[], lang: Lang): string {
  if (findings.length === 0) {
    return lang === "zh"
      ? `${path}：未发现问题。公式、目录、规则、名称与指纹均与 StarScore 生成的一致，汇总与引擎的计算一致。`
      : `${path}: nothing found. Its formulas, catalogue, rules, names and fingerprint are as StarScore wrote them, and the Summary agrees with the engine.`;
  }
  const header = lang === "zh" ? ["单元格", "问题", "说明"] : ["Cell", "Finding", "Message"];
  const table = renderTable(
    header,
    findings.map((f) => [cellOf(f) ?? "", f.code, f.message[lang]]),
    ["left", "left", "left"],
  );
  const count =
    lang === "zh"
      ? `${path}：发现 ${findings.length} 处与 StarScore 生成的不一致。`
      : `${path}: ${findings.length} finding${findings.length === 1 ? "" : "s"}: the workbook is not as StarScore wrote it.`;
  return `${count}\n\n${table}`;
}

export function registerVerify(program: Command, ctx: CommandContext): void {
  program
    .command("verify")
    .description(
      "check that a workbook's formulas, catalogue, rules and names are as StarScore wrote them / 检查工作簿的公式、目录、规则与名称是否被修改",
    )
    .argument("<workbook>", "workbook.xlsx")
    .option("--json", "print the findings as JSON")
    .addOption(ctx.langOption())
    .action(async (workbook: string, options: { json?: boolean; lang?: string }) => {
      ctx.setExit(
        await verifyCommand(workbook, { json: options.json, lang: ctx.lang(options.lang) }, ctx.io.out),
      );
    });
}
