import type { ConditionalFormatSpec, SheetSpec, ValidationSpec } from "../../workbook/types";
import type { HostRange, HostValidationRule, HostWorksheet } from "./host";

/**
 * Data validation (ExcelApi 1.8) and custom-formula conditional formats (ExcelApi 1.6). Formulas
 * stay in A1: Excel reads them relative to the range's top-left cell, as the layout writes them.
 */

/** A sheet-qualified reference of the workbook being written ("='规则'!$H$5:$H$6") as a range. */
export type RangeLookup = (reference: string) => HostRange | undefined;

export function writeValidations(sheet: HostWorksheet, spec: SheetSpec, lookup: RangeLookup): void {
  for (const v of spec.validations) {
    const validation = sheet.getRange(v.range).dataValidation;
    validation.rule = validationRule(v, lookup);
    validation.ignoreBlanks = v.allowBlank;
    validation.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
    if (v.prompt) validation.prompt = { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt };
  }
}

export function validationRule(v: ValidationSpec, lookup: RangeLookup): HostValidationRule {
  switch (v.kind) {
    case "list":
      // A list's source is documented as a Range or a comma-separated list: pass the range itself.
      return { list: { inCellDropDown: true, source: lookup(v.formula1) ?? v.formula1 } };
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
 * Excel adds each conditional format at the top of the sheet's priority order, so adding the
 * layout's rules last-first leaves the first one on top, where its stopIfTrue guards the others.
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
