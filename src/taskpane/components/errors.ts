import { fmt, messages, type Lang } from "../i18n";
import type { Localised } from "../../spec/types";

/** An error as the pane shows it: a sentence and, for some errors, a list (the sheets in the way). */
export interface ErrorDescription {
  /** Replaces the action's title when the error has a better one (WorkbookExistsError). */
  title?: string;
  text: string;
  /** Shown as a list before the text. */
  details: string[];
}

/** The whole description in one line, for the status area. */
export function errorSummary(description: ErrorDescription): string {
  return [...description.details, description.text].join(" ");
}

function isLocalised(value: unknown): value is Localised {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Localised).zh === "string" &&
    typeof (value as Localised).en === "string"
  );
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/**
 * Says what went wrong in the user's language. Recognised by shape rather than by class, so that
 * the pane does not depend on the Office.js implementation's modules:
 * - WorkbookExistsError (name "WorkbookExistsError", `sheets`, `names`): which sheets and names
 *   are in the way, and what to do instead;
 * - an error carrying `localised: { zh, en }` (as the CLI's UserError does): that text;
 * - anything else: a generic sentence with the error's own message (Office's errors are localised
 *   by Office already).
 */
export function describeError(error: unknown, lang: Lang): ErrorDescription {
  const t = messages[lang];
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  if (record.name === "WorkbookExistsError") {
    const sheets = strings(record.sheets);
    const names = strings(record.names);
    const details = [
      ...(sheets.length ? [fmt(t.workbookExistsSheets, { list: sheets.join(t.listSeparator) })] : []),
      ...(names.length ? [fmt(t.workbookExistsNames, { list: names.join(t.listSeparator) })] : []),
    ];
    return { title: t.workbookExistsTitle, text: t.workbookExistsBody, details };
  }
  if (isLocalised(record.localised)) {
    return { text: record.localised[lang], details: strings(record.details) };
  }
  const message =
    typeof record.message === "string" && record.message.trim()
      ? record.message.trim()
      : typeof error === "string" && error.trim()
        ? error.trim()
        : t.errorUnknown;
  return { text: fmt(t.errorGeneric, { message }), details: [] };
}
