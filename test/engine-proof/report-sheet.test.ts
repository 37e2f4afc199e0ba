/**
 * The Report sheet's formulas proven in LibreOffice Calc (headless, over UNO: libreoffice.ts), one
 * soffice for all the cases. The proof itself, shared with Gnumeric, is in report-sheet-proof.ts.
 * Needs LibreOffice: no skipping, `.ci/run` installs it.
 */
import { LIBREOFFICE } from "./libreoffice";
import { proveReportSheet } from "./report-sheet-proof";

proveReportSheet(LIBREOFFICE);
