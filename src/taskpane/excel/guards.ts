import type { ConditionalFormatSpec, SheetSpec, ValidationSpec } from "../../workbook/types";
import type { HostValidationRule, HostWorksheet } from "./host";

/**
 * Data validation (ExcelApi 1.8) and custom-formula conditional formats (ExcelApi 1.6). Formulas
 * stay in A1: Excel reads them relative to the range's top-left cell, as the layout writes them.
 */

export function writeValidations(sheet: HostWorksheet, spec: SheetSpec): void {
  for (const v of spec.validations) {
    const validation = sheet.getRange(v.range).dataValidation;
    validation.rule = validationRule(v);
    validation.ignoreBlanks = v.allowBlank;
    validation.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
    if (v.prompt) validation.prompt = { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt };
  }
}

export function validationRule(v: ValidationSpec): HostValidationRule {
  switch (v.kind) {
    case "list":
      // The string form, "='规则'!$L$5:$L$7", as Microsoft's own examples pass it. The typings also
      // allow a Range (`source: string | Range`), but a Range failed with InvalidArgument at
      // ListDataValidation.source on builds of the ExcelApi 1.8 era (office-js#277,
      // office-js-docs-pr#492; office-js-snippets#307 switched its sample to a string meanwhile).
      return { list: { inCellDropDown: true, source: v.formula1 } };
    case "custom":
      return { custom: { formula: v.formula1 } };
    case "decimal":
      return {
        decimal:
          v.formula2 === undefined
            ? { operator: "GreaterThanOrEqualTo", formula1: v.formula1 }
            : { operator: "Between", formula1: v.formula1, formula2: v.formula2 },
      };
  }
}

/**
 * Excel adds each conditional format at the top of the priority order ("Adds a new conditional
 * format to the collection at the first/top priority", ConditionalFormatCollection.add,
 * @types/office-js), so adding the layout's rules last-first leaves the first one on top, where
 * its stopIfTrue guards the others: the highlight rules (src/workbook/highlight-marks.ts) above
 * the layout's own. The .xlsx writer numbers the same order 1, 2, ….
 */
export function writeConditionalFormats(sheet: HostWorksheet, spec: SheetSpec): void {
  for (const cf of [...spec.conditionalFormats].reverse()) addConditionalFormat(sheet, cf);
}

function addConditionalFormat(sheet: HostWorksheet, cf: ConditionalFormatSpec): void {
  const format = sheet.getRange(cf.range).conditionalFormats.add("Custom");
  format.custom.rule.formula = cf.formula;
  format.custom.format.fill.color = `#${cf.fill}`;
  if (cf.fontColor) format.custom.format.font.color = `#${cf.fontColor}`;
  if (cf.stopIfTrue) format.stopIfTrue = true;
}

/** "='Sheet'!$A$1:$A$4" or "=Sheet!A1" → sheet name and address; undefined for anything else. */
export function splitReference(reference: string): { sheet: string; address: string } | undefined {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!=]+))!(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)$/i.exec(
    reference,
  );
  if (!match) return undefined;
  return { sheet: match[1]?.replace(/''/g, "'") ?? match[2]!, address: match[3]! };
}
