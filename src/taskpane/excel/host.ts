/* global Office */

/**
 * The part of the Excel JavaScript API the writer and the task pane's actions use, as structural
 * types. Excel's own RequestContext satisfies them (generateWorkbook's `run = Excel.run` default
 * checks that at compile time), and so does the recording fake the tests and the in-page fake host
 * use. Leaf types (alignments, validation rules, protection options) are Excel's own.
 */

/** What a cell receives: a number, a Boolean, text ("'" first, see cell-content.ts) or a formula. */
export type CellInput = string | number | boolean | null;
/**
 * What Range.values, formulas, formulasR1C1 and numberFormat take: a 2D array of exactly the
 * range's rows and columns, as @types/office-js declares them (`values: any[][]`, ExcelApi 1.1).
 * Never one value for a block: the reference once said a single value "will be applied to all
 * cells", the sentence is gone from today's reference and typings, and office-js-docs-reference#578
 * reports `formulas`/`values` set with one value stopping the add-in.
 */
export type RangeInput = CellInput[][];

/**
 * Excel.RunOptions (@types/office-js `interface RunOptions extends OfficeExtension.RunOptions`):
 * - delayForCellEdit: the batch waits while the user is editing a cell instead of failing with
 *   InvalidOperation (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 *   Neither the typings nor the reference (office-js-docs-reference excel.runoptions.yml, remarks
 *   empty) give it a requirement set: it is read by the office.js library itself (served current
 *   from Microsoft's CDN), so it is passed without a guard; a host that predates it runs the batch
 *   as without it.
 * - mergeUndoGroup: every sync of the run is one entry of the user's undo stack (ExcelApi 1.20,
 *   MERGE_UNDO_API); a run that uses an API without undo support then fails with UndoNotSupported
 *   (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
 */
export interface RunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

export const MERGE_UNDO_API = "1.20";

export interface HostContext {
  workbook: HostWorkbook;
  application: HostApplication;
  sync(): Promise<unknown>;
}

export interface HostApplication {
  /**
   * ExcelApi 1.1 to read ("Automatic", "AutomaticExceptTables", "Manual"): a runtime setting, not
   * saved in the workbook. In Manual mode formula results stay as they were until a recalculation.
   */
  readonly calculationMode: string;
  load(propertyNames: string): unknown;
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface HostWorkbook {
  worksheets: HostWorksheetCollection;
  names: HostNameCollection;
  /** ExcelApi 1.7. */
  getActiveCell(): HostDataRange;
}

export interface HostWorksheetCollection {
  readonly items: { readonly name: string; readonly visibility: Excel.Worksheet["visibility"] }[];
  load(propertyNames: string): unknown;
  add(name: string): HostWorksheet;
  getItem(name: string): HostWorksheet;
  /**
   * A null object when there is no such sheet. Objects reached from a null object (its used range,
   * its protection) are null objects too, so a batch may ask after sheets that may not exist.
   */
  getItemOrNullObject(name: string): HostWorksheet;
}

export interface HostNameCollection {
  /** `formula` (ExcelApi 1.7): "='汇总'!$C$30". */
  readonly items: { readonly name: string; readonly formula: string }[];
  load(propertyNames: string): unknown;
  /** ExcelApi 1.4; the reference is a formula, "='Sheet'!$A$1". */
  add(name: string, reference: string, comment?: string): unknown;
  getItemOrNullObject(name: string): HostNullable;
}

/** An object that may not exist (getItemOrNullObject); deletable. */
export interface HostNullable {
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
  delete(): void;
}

export interface HostWorksheet {
  visibility: Excel.Worksheet["visibility"];
  /** Loaded to read; setting it renames the sheet. */
  name: string;
  readonly isNullObject: boolean;
  load(propertyNames: string): unknown;
  delete(): void;
  getRange(address: string): HostRange;
  /** ExcelApi 1.4: the used range, or a null object when the sheet holds nothing. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostDataRange;
  activate(): void;
  readonly freezePanes: {
    freezeAt(frozenRange: string): void;
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
  };
  readonly protection: HostWorksheetProtection;
  /** ExcelApi 1.7. */
  readonly onChanged: HostChangedEventSource;
  /** ExcelApi 1.7. */
  readonly onSelectionChanged: HostSelectionEventSource;
  readonly charts: {
    add(type: "BarClustered", sourceData: HostRange, seriesBy?: "Auto" | "Columns" | "Rows"): HostChart;
  };
  /** ExcelApi 1.9. */
  readonly autoFilter: { apply(range: string): void };
  /** ExcelApi 1.9. */
  readonly pageLayout: HostPageLayout;
}

export interface HostWorksheetProtection {
  readonly protected: boolean;
  readonly options: Excel.WorksheetProtectionOptions;
  load(propertyNames: string): unknown;
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  unprotect(password?: string): void;
}

/** worksheet.onChanged; the handler runs after Excel has applied the change. */
export interface HostChangedEventSource {
  add(handler: (args?: HostChangedEventArgs) => Promise<unknown>): HostEventRegistration;
}

/** worksheet.onSelectionChanged: the pane reads nothing of its arguments. */
export interface HostSelectionEventSource {
  add(handler: () => Promise<unknown>): HostEventRegistration;
}

/**
 * What the pane reads of Excel.WorksheetChangedEventArgs:
 * - source, ExcelApi 1.7: "Local" for this user's edits and this add-in's writes, "Remote" for a
 *   co-author's ("Events and coauthoring", learn.microsoft.com/office/dev/add-ins/excel/
 *   excel-add-ins-events);
 * - triggerSource, ExcelApi 1.14 (read only where supported): "ThisLocalAddin" when this add-in's
 *   own request made the change.
 */
export interface HostChangedEventArgs {
  /** ExcelApi 1.7: the changed range, "B7". */
  readonly address?: string;
  readonly source?: string;
  readonly triggerSource?: string;
}

/** ExcelApi 1.14: WorksheetChangedEventArgs.triggerSource. */
export const TRIGGER_SOURCE_API = "1.14";

export interface HostEventRegistration {
  /** Queues the handler's removal: it takes effect at the next sync of the context it was added in. */
  remove(): void;
}

export interface HostPageLayout {
  orientation: Excel.PageLayout["orientation"];
  paperSize: Excel.PageLayout["paperSize"];
  zoom: Excel.PageLayoutZoomOptions;
  /** ExcelApi 1.9: the margins, in points (Excel.PageLayout.topMargin, …). */
  topMargin: number;
  bottomMargin: number;
  leftMargin: number;
  rightMargin: number;
  headerMargin: number;
  footerMargin: number;
  setPrintArea(printArea: string): void;
  setPrintTitleRows(printTitleRows: string): void;
}

export interface HostRange {
  values: RangeInput;
  formulasR1C1: RangeInput;
  numberFormat: RangeInput;
  /** ExcelApi 1.2. */
  columnHidden: boolean;
  readonly format: HostRangeFormat;
  readonly dataValidation: {
    /** Written only; what StarScore writes is the narrower HostValidationRule. */
    get rule(): Excel.DataValidationRule;
    set rule(value: HostValidationRule);
    errorAlert: Excel.DataValidationErrorAlert;
    prompt: Excel.DataValidationPrompt;
    ignoreBlanks: boolean;
  };
  readonly conditionalFormats: { add(type: "Custom"): HostConditionalFormat };
  merge(across?: boolean): void;
  select(): void;
  /** ExcelApi 1.4: the used part of the range, or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostDataRange;
}

/**
 * A range read through load(): its address ("'评分'!A1:GZ80") and, per cell, the value Excel shows
 * (a formula's result), its type ("Double", "String", "Boolean", "Error", "Empty", …) and its
 * number format. Named apart from HostRange, whose values are what the writer sends.
 */
export interface HostDataRange {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly values: unknown[][];
  readonly valueTypes: string[][];
  readonly numberFormat: unknown[][];
  load(propertyNames: string): unknown;
  readonly worksheet: HostWorksheet;
  getEntireRow(): HostDataRange;
  getUsedRangeOrNullObject(valuesOnly?: boolean): HostDataRange;
}

/**
 * Excel.DataValidationRule, the kinds the layout uses. A list's source is always the string form,
 * "='规则'!$L$5:$L$7" (guards.ts says why).
 */
export interface HostValidationRule {
  list?: { inCellDropDown: boolean; source: string };
  custom?: Excel.CustomDataValidation;
  decimal?: Excel.BasicDataValidation;
}

export interface HostRangeFormat {
  readonly fill: { color: string; clear(): void };
  readonly font: { bold: boolean; italic: boolean; size: number; color: string };
  readonly borders: {
    getItem(
      index: "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal",
    ): {
      style: Excel.RangeBorder["style"];
      weight: Excel.RangeBorder["weight"];
      color: string;
    };
  };
  readonly protection: { locked: boolean };
  wrapText: boolean;
  horizontalAlignment: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment: Excel.RangeFormat["verticalAlignment"];
  /** Points. */
  columnWidth: number;
  /** Points. */
  rowHeight: number;
}

export interface HostConditionalFormat {
  stopIfTrue: boolean;
  readonly custom: {
    readonly rule: { formula: string };
    readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  };
}

export interface HostChart {
  name: string;
  readonly title: { text: string };
  readonly legend: { visible: boolean };
  readonly series: { getItemAt(index: number): HostChartSeries };
  readonly axes: {
    readonly categoryAxis: { reversePlotOrder: boolean };
    readonly valueAxis: { minimum: number; maximum: number; numberFormat: string };
  };
  setPosition(startCell: string, endCell?: string): void;
}

export interface HostChartSeries {
  name: string;
  /** ExcelApi 1.7. */
  gapWidth: number;
  readonly format: { readonly fill: { setSolidColor(color: string): void } };
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: HostRange): void;
}

/** Excel.run (with Excel.RunOptions when given), or the fake's run. */
export type RunBatch = <T>(batch: (context: HostContext) => Promise<T>, options?: RunOptions) => Promise<T>;

/** Whether the host implements a requirement set version of ExcelApi, e.g. "1.9". */
export type ApiSupport = (version: string) => boolean;

/** Office.context.requirements.isSetSupported("ExcelApi", version); false outside Office. */
export const officeApiSupport: ApiSupport = (version) => {
  try {
    return typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);
  } catch {
    return false;
  }
};
