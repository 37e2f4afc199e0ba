import type { Localised } from "../../spec/types";
import type { PaneIssue } from "./types";

/**
 * An action that cannot go on with the workbook as it is (compute or add an evaluator on a
 * workbook that cannot be read, an entry cell that would be lost): why, in both languages, and
 * the issues with their cells, for the pane to list like validate's.
 */
export class ActionError extends Error {
  override readonly name = "ActionError";

  constructor(
    readonly localised: Localised,
    readonly issues: readonly PaneIssue[] = [],
  ) {
    super([localised.en, ...issues.map((i) => i.message.en)].join("\n"));
  }
}
