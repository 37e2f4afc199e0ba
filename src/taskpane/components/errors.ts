import { fmt, messages, type Lang } from "../i18n";
import { LocalisedError, WorkbookExistsError } from "../errors";

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

/**
 * Says what went wrong in the user's language, by the error's class (src/taskpane/errors.ts):
 * - WorkbookExistsError: which sheets and names are in the way, and what to do instead;
 * - a LocalisedError (ActionError, ReferencesAtRiskError): its text;
 * - anything else: a generic sentence with the error's own message (Office's errors are localised
 *   by Office already).
 */
export function describeError(error: unknown, lang: Lang): ErrorDescription {
  const t = messages[lang];
  if (error instanceof WorkbookExistsError) {
    const details = [
      ...(error.sheets.length
        ? [fmt(t.workbookExistsSheets, { list: error.sheets.join(t.listSeparator) })]
        : []),
      ...(error.names.length
        ? [fmt(t.workbookExistsNames, { list: error.names.join(t.listSeparator) })]
        : []),
    ];
    return { title: t.workbookExistsTitle, text: t.workbookExistsBody, details };
  }
  if (error instanceof LocalisedError) return { text: error.localised[lang], details: [] };
  const record = (typeof error === "object" && error !== null ? error : {}) as Record<string, unknown>;
  const message =
    typeof record.message === "string" && record.message.trim()
      ? record.message.trim()
      : typeof error === "string" && error.trim()
        ? error.trim()
        : t.errorUnknown;
  return { text: fmt(t.errorGeneric, { message }), details: [] };
}
