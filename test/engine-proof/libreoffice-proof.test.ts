/**
 * The workbook's formulas proven in LibreOffice Calc (headless, over UNO: libreoffice.ts), one
 * soffice for the whole sample. The proof itself, shared with Gnumeric, is in proof.ts. Needs
 * LibreOffice: no skipping, `.ci/run` installs it.
 */
import { LIBREOFFICE } from "./libreoffice";
import { proveInEngine } from "./proof";

proveInEngine(LIBREOFFICE);
