import { generateWorkbook } from "../../src/taskpane/excel/write-workbook";
import type { WorkbookLayout } from "../../src/workbook/types";
import { FakeExcel, type FakeExcelOptions } from "./fake-excel";

/**
 * What generating a layout costs in requests, measured on the recording fake: the figures
 * `npm run bench` prints and the tests bound. Request bytes are the JSON Office.js would send for
 * each sync (see fake-excel.ts), the measure Excel on the web's 5 MB payload limit applies to.
 */
export interface RequestFigures {
  syncs: number;
  /** Bytes per sync, in order. */
  requestBytes: number[];
  largestRequestBytes: number;
  totalBytes: number;
  /** Queued operations over all syncs (property sets, method calls, loads, object instantiations). */
  operations: number;
}

export async function measureGenerate(
  layout: WorkbookLayout,
  options: FakeExcelOptions = { apiVersion: "1.9" },
): Promise<RequestFigures> {
  const excel = new FakeExcel(options);
  await generateWorkbook(layout, excel.run, excel.supports);
  return requestFigures(excel);
}

export function requestFigures(excel: FakeExcel): RequestFigures {
  const requestBytes = excel.requests.map((r) => r.bytes);
  return {
    syncs: excel.syncs,
    requestBytes,
    largestRequestBytes: Math.max(0, ...requestBytes),
    totalBytes: requestBytes.reduce((a, b) => a + b, 0),
    operations: excel.actions.length,
  };
}
