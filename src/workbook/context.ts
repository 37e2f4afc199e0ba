import type { Assessment } from "../assessment/schema";
import { checkEntry } from "../core/entries";
import type { Scoring } from "../core/score";
import type { Lang, Localised } from "../spec/types";
import { sheetRef } from "./address";
import { SHEET_NAMES, text } from "./labels";
import { scoringColumns, type ScoringColumns } from "./scoring-grid";
import { SheetBuilder } from "./sheet-builder";
import type { SheetKey, ValidationSpec } from "./types";

/** What every sheet builder needs: the language, the assessment, its scoring (for cached values), geometry. */
export interface LayoutOptions {
  lang: Lang;
  assessment: Assessment;
  /** When given, formula cells carry the engine's results as cached values. */
  scoring?: Scoring;
  /**
   * The Plan sheet (计划 / Plan). Default: for a self-assessment, and whenever the assessment has
   * plan targets (a workbook that had the sheet keeps it); not for a certification audit.
   */
  plan?: boolean;
  /**
   * The Report sheet (报告 / Report, issue 13): optional, never by default. Its figures are formulas;
   * the finalisation state, the reviewer and the date are the snapshot's (src/workbook/audit/review.ts),
   * written as text when the sheet is written or refreshed.
   */
  report?: boolean | ReportSheetState;
}

/** What the Report sheet prints of the review state: a line, the reviewer, the date to sign. */
export interface ReportSheetState {
  state: string;
  reviewer: string;
  date: string;
}

/** Whether the layout has a Report sheet (see LayoutOptions.report). */
export const hasReportSheet = (options: Pick<LayoutOptions, "report">): boolean =>
  options.report !== undefined && options.report !== false;

/** Whether the layout has a Plan sheet (see LayoutOptions.plan). */
export function hasPlanSheet(options: Pick<LayoutOptions, "assessment" | "plan">): boolean {
  return (
    options.plan ??
    (options.assessment.purpose === "self-assessment" || options.assessment.planTargets !== undefined)
  );
}

export interface LayoutContext {
  lang: Lang;
  t: ReturnType<typeof text>;
  assessment: Assessment;
  scoring?: Scoring;
  sheetNames: Record<SheetKey, string>;
  columns: ScoringColumns;
  /** A new builder for one of the sheets. */
  sheet: (key: SheetKey) => SheetBuilder;
  /** An absolute reference on another sheet: ref("scoring", "$A$5:$A$71"). */
  ref: (key: SheetKey, a1: string) => string;
  /** Evaluator k's entry for an item when it is valid, else "" (what the hidden valid cells compute). */
  validEntry: (code: string, k: number) => number | "";
  /** The Report sheet's review state, when it has one (LayoutOptions.report). */
  report?: ReportSheetState;
  /** A dropdown from one of the Rules sheet's lists, with a stop alert in both languages. */
  listRule: (range: string, list: string, allowBlank: boolean, error: Localised) => ValidationSpec;
}

export function layoutContext({ lang, assessment, scoring, report }: LayoutOptions): LayoutContext {
  const sheetNames = Object.fromEntries(
    Object.entries(SHEET_NAMES).map(([key, name]) => [key, name[lang]]),
  ) as Record<SheetKey, string>;
  return {
    lang,
    t: text(lang),
    assessment,
    scoring,
    sheetNames,
    columns: scoringColumns(assessment.evaluators.length),
    ...(typeof report === "object" && { report }),
    sheet: (key) => new SheetBuilder(key, sheetNames[key], scoring !== undefined),
    ref: (key, a1) => sheetRef(sheetNames[key], a1),
    listRule: (range, list, allowBlank, error) => ({
      range,
      kind: "list",
      formula1: `=${sheetRef(sheetNames.rules, list)}`,
      allowBlank,
      errorTitle: "StarScore",
      error: `${error.zh}\n${error.en}`,
    }),
    validEntry: (code, k) => {
      const value = assessment.scores[code]?.[k];
      return typeof value === "number" && checkEntry(value, assessment.step).ok ? value : "";
    },
  };
}
