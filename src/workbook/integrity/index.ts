/**
 * The workbook's integrity (issue "trust"): did anyone change what StarScore wrote? Browser-safe;
 * the .xlsx adapter (exceljs-view.ts) is imported on its own, by the CLI only.
 */
export { checkAsWritten } from "./check";
export { checkAgainstEngine, type ValueDifference } from "./engine";
export { INTEGRITY_CODES, type IntegrityCode, type IntegrityFinding } from "./findings";
export { LAYOUT_CHANGES } from "./version";
export { catalogueFingerprint, canonicalJson, FINGERPRINT_LABEL, FINGERPRINT_NAME } from "./fingerprint";
export { normaliseFormula, sameFormula, shiftRows } from "./formula";
export { sha256 } from "./sha256";
export { expectedLayout, verifyWorkbook, type VerifyResult } from "./verify";
export { layoutView, type SheetView, type WorkbookView } from "./view";
