/**
 * The Report sheet's formulas proven in Gnumeric (`ssconvert --recalc`, one process per workbook:
 * gnumeric.ts), which gives no array evaluation inside SUMPRODUCT. The proof itself, shared with
 * LibreOffice, is in report-sheet-proof.ts. Needs Gnumeric: no skipping, `.ci/run` installs it.
 */
import { GNUMERIC } from "./gnumeric";
import { proveReportSheet } from "./report-sheet-proof";

proveReportSheet(GNUMERIC);
