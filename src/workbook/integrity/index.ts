/**
 * The workbook's integrity (issue "trust"): did anyone change what StarScore wrote? Browser-safe;
 * the .xlsx adapter (exceljs-view.ts) is imported on its own, by the CLI only.
 */
export { checkIntegrity, INTEGRITY_CODES, LAYOUT_CHANGES } from "./check";
export type { IntegrityCode, IntegrityFinding } from "./check";
export { catalogueFingerprint, canonicalJson, FINGERPRINT_LABEL, FINGERPRINT_NAME } from "./fingerprint";
export { normalizeFormula, sameFormula, shiftRows } from "./formula";
export { sha256 } from "./sha256";
export { expectedLayout, verifyWorkbook, type VerifyResult } from "./verify";
export { layoutView, type SheetView, type WorkbookView } from "./view";
