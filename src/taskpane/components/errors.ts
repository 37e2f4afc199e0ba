import type { PaneIssue } from "../actions/types";
import { fmt, messages, type Lang } from "../i18n";
import { ActionError, LocalisedError, WorkbookExistsError } from "../errors";
import { officeErrorWords } from "../office-errors";

/** An error as the pane shows it: a sentence and, for some errors, a list (the sheets in the way). */
export interface ErrorDescription {
  /** Replaces the action's title when the error has a better one (WorkbookExistsError). */
  title?: string;
  text: string;
  /** Shown as a list before the text. */
  details: string[];
  /** The issues an action refused with (finalise: validation's errors), listed as Validate lists them. */
  issues: readonly PaneIssue[];
}

/** The whole description in one line, for the status line. */
export function errorSummary(description: ErrorDescription): string {
  return [...description.details, description.text].join(" ");
}

/**
 * Says what went wrong in the user's language, by the error's class (src/taskpane/errors.ts), and
 * never with a host's own message text:
 * - WorkbookExistsError: which sheets and names are in the way, and what to do instead;
 * - ActionError (StarScore's own refusals): its sentence, and the issues it carries;
 * - another LocalisedError (ReferencesAtRiskError): its sentence;
 * - an Office error: what its code means (office-errors.ts);
 * - a chunk that failed to load (webpack's ChunkLoadError, a name without a class to import): the
 *   connection;
 * - anything else: that something unexpected happened, and what to try.
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
    return { title: t.workbookExistsTitle, text: t.workbookExistsBody, details, issues: [] };
  }
  if (error instanceof ActionError) {
    return { text: error.localised[lang], details: [], issues: error.issues };
  }
  if (error instanceof LocalisedError) return { text: error.localised[lang], details: [], issues: [] };
  const office = officeErrorWords(error);
  if (office) return { text: office[lang], details: [], issues: [] };
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === "ChunkLoadError") return { text: t.errorLoad, details: [], issues: [] };
  return { text: t.errorUnexpected, details: [], issues: [] };
}
