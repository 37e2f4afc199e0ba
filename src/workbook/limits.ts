/**
 * Limits of the workbook that the task pane's forms check before anything reaches Excel. A module
 * of its own, with no imports, so that the pane's first chunk can take it without the catalogue
 * (scoring-grid.ts, which uses it, imports the whole of src/spec).
 */

/** The most evaluator columns the Scoring sheet lays out. */
export const MAX_EVALUATORS = 200;
