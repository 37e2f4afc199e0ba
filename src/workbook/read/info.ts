import type { Assessment, Purpose } from "../../assessment/schema";
import { ASSESSMENT_TYPES, RULES } from "../../spec";
import type { TextKey } from "../labels";
import { INFO_ROWS, LAYOUT_VERSION } from "../sheets/info";
import type { SheetReader } from "./cells";
import { readDate } from "./dates";
import { idOfLabel, isLabel, PURPOSE_OPTIONS } from "./lookup";
import { MESSAGES } from "./messages";

/** 封面 Info: the organisation, assessment type, dates and step, each beside its label in column A. */
export type InfoFields = Pick<
  Assessment,
  "organization" | "type" | "step" | "dates" | "leadAuditor" | "purpose"
> & {
  /**
   * The layout version the workbook was made with: the number beside the "Layout version" label;
   * 0 when there is no such label (a workbook made before the layout was versioned) or no number.
   */
  layoutVersion: number;
  /** The catalogue and rules fingerprint beside its label (row 12); "" when there is none. */
  fingerprint: string;
};

const FIELDS = {
  organization: ["organisation", INFO_ROWS.organization],
  type: ["assessmentType", INFO_ROWS.type],
  startDate: ["startDate", INFO_ROWS.startDate],
  endDate: ["endDate", INFO_ROWS.endDate],
  step: ["step", INFO_ROWS.step],
  layoutVersion: ["layoutVersion", INFO_ROWS.layoutVersion],
  leadAuditor: ["leadAuditor", INFO_ROWS.leadAuditor],
  purpose: ["purpose", INFO_ROWS.purpose],
} as const satisfies Record<string, readonly [TextKey, number]>;

/** The row labelled `key` in column A (either language), else the row the layout puts it on. */
function rowOf(sheet: SheetReader, [key, fallback]: readonly [TextKey, number]): number {
  const last = Math.min(sheet.lastRow, 40);
  for (let row = 1; row <= last; row++) if (isLabel(sheet.label(row, 1), key)) return row;
  return fallback;
}

export type InfoField = keyof typeof FIELDS;

/** The row of each field on the Info sheet (the value is in column B). */
export function infoRows(sheet: SheetReader): Record<InfoField, number> {
  return Object.fromEntries(
    Object.entries(FIELDS).map(([field, spec]) => [field, rowOf(sheet, spec)]),
  ) as Record<InfoField, number>;
}

export function readInfo(sheet: SheetReader): InfoFields | undefined {
  const rows = infoRows(sheet);
  const value = 2;

  const version = sheet.at(rows.layoutVersion, value);
  if (version.kind === "number" && version.value > LAYOUT_VERSION) {
    return sheet.fail(MESSAGES.newerLayout(version.value, LAYOUT_VERSION), rows.layoutVersion, value);
  }
  const labelled = isLabel(sheet.label(rows.layoutVersion, 1), "layoutVersion");
  const layoutVersion =
    labelled && version.kind === "number" && Number.isInteger(version.value) && version.value > 0
      ? version.value
      : 0;

  const organization = sheet.text(rows.organization, value) ?? "";
  const typeText = sheet.label(rows.type, value);
  const type = idOfLabel(typeText, ASSESSMENT_TYPES);
  if (!type) sheet.fail(MESSAGES.badType(sheet.cellName(rows.type, value), typeText), rows.type, value);
  const stepText = sheet.label(rows.step, value);
  const step = RULES.steps.find((s) => String(s) === stepText);
  if (step === undefined)
    sheet.fail(MESSAGES.badStep(sheet.cellName(rows.step, value), stepText), rows.step, value);
  // Older layouts had the team table where the lead auditor now is: only a labelled row counts.
  const fingerprintRow = rowOf(sheet, ["fingerprint", INFO_ROWS.fingerprint]);
  const fingerprint = isLabel(sheet.label(fingerprintRow, 1), "fingerprint")
    ? (sheet.text(fingerprintRow, value) ?? "").trim()
    : "";
  const leadAuditor = isLabel(sheet.label(rows.leadAuditor, 1), "leadAuditor")
    ? (sheet.text(rows.leadAuditor, value) ?? "")
    : "";
  const start = readDate(sheet, rows.startDate, value);
  const end = readDate(sheet, rows.endDate, value);
  const purpose = readPurpose(sheet, rows.purpose);
  if (!type || step === undefined || purpose === null) return undefined;
  const dates = { ...(start !== undefined && { start }), ...(end !== undefined && { end }) };
  return {
    organization,
    type,
    step,
    ...(Object.keys(dates).length > 0 && { dates }),
    ...(leadAuditor !== "" && { leadAuditor }),
    // Certification is the default: it reads back as no purpose, as a file without one means it.
    ...(purpose === "self-assessment" && { purpose }),
    layoutVersion,
    fingerprint,
  };
}

/**
 * The purpose beside its label (workbooks before it have none: certification); null when the cell
 * holds something that is not one of the purposes (reported). Blank is certification.
 */
function readPurpose(sheet: SheetReader, row: number): Purpose | undefined | null {
  if (!isLabel(sheet.label(row, 1), "purpose")) return undefined;
  const text = sheet.label(row, 2);
  if (text === "") return undefined;
  const purpose = idOfLabel(text, PURPOSE_OPTIONS);
  if (purpose) return purpose;
  sheet.fail(MESSAGES.badPurpose(sheet.cellName(row, 2), text), row, 2);
  return null;
}
