/**
 * The workbook's formulas proven in Gnumeric (`ssconvert --recalc`: gnumeric.ts), which, unlike
 * LibreOffice and like Apache POI, gives no array evaluation inside SUMPRODUCT. The proof itself,
 * shared with LibreOffice, is in proof.ts. Needs Gnumeric: no skipping, `.ci/run` installs it.
 */
import { GNUMERIC } from "./gnumeric";
import { proveInEngine } from "./proof";

proveInEngine(GNUMERIC);
