import type { Localised } from "../spec/types";
import type { PaneIssue } from "./actions/types";

/**
 * The errors the pane's host throws and its views tell apart, by class. They live here, apart from
 * the Office.js host (which index.tsx loads lazily, in its own chunk) and imported by both the host
 * and the views: webpack puts a module that the initial chunk imports into the initial chunk once,
 * and the lazy chunk uses that same module instance, so `instanceof` holds across the two chunks.
 * (The views used to compare `error.name` with strings for fear of two copies of the class.) No
 * Office globals and no host code here: the initial chunk stays small.
 */

/** An error with a message in both languages, for the pane to show as it is. */
export class LocalisedError extends Error {
  constructor(
    readonly localised: Localised,
    message: string = localised.en,
  ) {
    super(message);
  }
}

/**
 * An action that cannot go on with the workbook as it is (compute or add an evaluator on a
 * workbook that cannot be read, an entry cell that would be lost): why, in both languages, and
 * the issues with their cells, for the pane to list like validate's.
 */
export class ActionError extends LocalisedError {
  override readonly name = "ActionError";

  constructor(
    localised: Localised,
    readonly issues: readonly PaneIssue[] = [],
  ) {
    super(localised, [localised.en, ...issues.map((i) => i.message.en)].join("\n"));
  }
}

/**
 * Generating never overwrites: when the workbook already has a sheet with one of StarScore's sheet
 * names (in either language) or one of its defined names, nothing is written and this is thrown.
 */
export class WorkbookExistsError extends Error {
  override readonly name = "WorkbookExistsError";

  constructor(
    /** The workbook's sheets whose names StarScore uses, as the workbook spells them. */
    readonly sheets: readonly string[],
    /** The workbook's defined names that StarScore defines. */
    readonly names: readonly string[] = [],
  ) {
    super(
      `The workbook already has ${[
        sheets.length > 0 && `sheets named ${sheets.join(", ")}`,
        names.length > 0 && `names ${names.join(", ")}`,
      ]
        .filter(Boolean)
        .join(" and ")}: StarScore writes nothing over them.`,
    );
  }
}

/**
 * Adding an evaluator rebuilds StarScore's sheets: formulas and names of the user's own that refer
 * to them would show #REF! afterwards (deleting a sheet breaks every reference to it). Thrown, with
 * nothing written, unless the user chose to rebuild anyway.
 */
export class ReferencesAtRiskError extends LocalisedError {
  override readonly name = "ReferencesAtRiskError";

  constructor(
    /** "Sheet1!B3", or a defined name, that refers to StarScore's sheets. */
    readonly references: readonly string[],
    /** The user's sheets too large to search whole: they may refer to StarScore's sheets too. */
    readonly unchecked: readonly string[] = [],
  ) {
    // A list reads "A、B" in Chinese and "A, B" in English.
    const shown = (separator: string) =>
      references.slice(0, 10).join(separator) + (references.length > 10 ? `${separator}…` : "");
    const n = references.length;
    super({
      zh: [
        n > 0 && `工作簿中有 ${n} 处您自己的公式或名称引用了 StarScore 的工作表（${shown("、")}）。`,
        unchecked.length > 0 &&
          `工作表 ${unchecked.join("、")} 太大，无法全部检查，其中的公式也可能引用了 StarScore 的工作表。`,
        "添加评价人会重建 StarScore 的工作表，引用它们的公式将变为 #REF!。",
      ]
        .filter(Boolean)
        .join(""),
      en: [
        n > 0 &&
          `${n} formula${n === 1 ? "" : "s"} or name${n === 1 ? "" : "s"} of your own refer to StarScore's sheets (${shown(", ")}).`,
        unchecked.length > 0 &&
          `The sheet${unchecked.length === 1 ? "" : "s"} ${unchecked.join(", ")} ${unchecked.length === 1 ? "is" : "are"} too large to check whole and may refer to them too.`,
        "Adding an evaluator rebuilds StarScore's sheets, and formulas referring to them would show #REF!.",
      ]
        .filter(Boolean)
        .join(" "),
    });
  }
}
