import { builtinTemplateParts, packDocx } from "../../report/builtin-template";
import type { ReportModel } from "../../report/model";
import { fillTemplate } from "../../report/template";

/**
 * The chunk the pane loads when the user asks for the .docx (report.ts reportDocx): docxtemplater,
 * PizZip and the built-in template, which packDocx(builtinTemplateParts(lang)) makes byte for byte
 * as templates/report-<lang>.docx is (test/report/builtin-report.test.ts): no asset to ship.
 */
export function builtinReportDocx(model: ReportModel): Uint8Array {
  const filled = fillTemplate(packDocx(builtinTemplateParts(model.lang)), model);
  // The built-in template has only the model's tags (test/report): a problem here is a bug.
  if (!filled.ok) throw new Error(filled.problems.map((p) => p.message.en).join("; "));
  return filled.docx;
}
