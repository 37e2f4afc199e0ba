/* global Office */

/**
 * The part of the Excel JavaScript API the writer uses, as structural types. Excel's own
 * RequestContext satisfies them (generateWorkbook's `run = Excel.run` default checks that at
 * compile time), and so does the recording fake the tests and the in-page fake host use. Leaf types
 * (alignments, validation rules, protection options) are Excel's own.
 */

/** What a cell receives: a number, a Boolean, text ("'" first, see cell-content.ts) or a formula. */
export type CellInput = string | number | boolean | null;
/**
 * A 2D array matching the range, or one value applied to every cell of the range (Excel accepts a
 * single value for values, formulas, formulasR1C1 and numberFormat, though Office's typings only
 * declare the array form).
 */
export type RangeInput = CellInput | CellInput[][];

export interface HostContext {
  workbook: HostWorkbook;
  application: HostApplication;
  sync(): Promise<unknown>;
}

export interface HostApplication {
  /** ExcelApi 1.6. */
  suspendApiCalculationUntilNextSync(): void;
  /** ExcelApi 1.9. */
  suspendScreenUpdatingUntilNextSync(): void;
}

export interface HostWorkbook {
  worksheets: HostWorksheetCollection;
  names: HostNameCollection;
}

export interface HostWorksheetCollection {
  readonly items: { readonly name: string }[];
  load(propertyNames: string): unknown;
  add(name: string): HostWorksheet;
  getItemOrNullObject(name: string): HostNullable;
}

export interface HostNameCollection {
  readonly items: { readonly name: string }[];
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
  getRange(address: string): HostRange;
  activate(): void;
  readonly freezePanes: {
    freezeAt(frozenRange: string): void;
    freezeRows(count?: number): void;
    freezeColumns(count?: number): void;
  };
  readonly protection: {
    protect(options?: Excel.WorksheetProtectionOptions, password?: string): void;
  };
  readonly charts: {
    add(type: "BarClustered", sourceData: HostRange, seriesBy?: "Auto" | "Columns" | "Rows"): HostChart;
  };
  /** ExcelApi 1.9. */
  readonly autoFilter: { apply(range: string): void };
  /** ExcelApi 1.9. */
  readonly pageLayout: HostPageLayout;
}

export interface HostPageLayout {
  orientation: Excel.PageLayout["orientation"];
  paperSize: Excel.PageLayout["paperSize"];
  zoom: Excel.PageLayoutZoomOptions;
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
    rule: HostValidationRule;
    errorAlert: Excel.DataValidationErrorAlert;
    prompt: Excel.DataValidationPrompt;
    ignoreBlanks: boolean;
  };
  readonly conditionalFormats: { add(type: "Custom"): HostConditionalFormat };
  merge(across?: boolean): void;
}

/** Excel.DataValidationRule, the kinds the layout uses; a list's source may be a range. */
export interface HostValidationRule {
  list?: { inCellDropDown: boolean; source: string | HostRange };
  custom?: Excel.CustomDataValidation;
  decimal?: Excel.BasicDataValidation;
}

export interface HostRangeFormat {
  readonly fill: { color: string };
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

/** Excel.run, or the fake's run. */
export type RunBatch = <T>(batch: (context: HostContext) => Promise<T>) => Promise<T>;

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
