import type { StarScoreHost } from "../actions/types";

/**
 * A StarScoreHost whose implementation arrives in a later chunk. The Office.js host brings the
 * scoring engine, the catalogue, the workbook layout and its readers and writer (more than the pane
 * itself): index.tsx loads it with import() so that the pane renders without waiting for it. Loading
 * starts at once; every call waits for it. A failed load (a dropped connection) rejects the calls
 * that waited, which the views show as errors, and the next call tries again.
 */
export function lazyHost(load: () => Promise<StarScoreHost>): StarScoreHost {
  let loading: Promise<StarScoreHost> | undefined;
  const host = (): Promise<StarScoreHost> => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  void host().catch(() => undefined);
  return {
    hasWorkbook: () => host().then((h) => h.hasWorkbook()),
    generate: (request, person) => host().then((h) => h.generate(request, person)),
    addEvaluator: (evaluator, options) => host().then((h) => h.addEvaluator(evaluator, options)),
    validate: (options) => host().then((h) => h.validate(options)),
    compute: (person) => host().then((h) => h.compute(person)),
    finalise: (person) => host().then((h) => h.finalise(person)),
    reopen: (person, reason) => host().then((h) => h.reopen(person, reason)),
    review: (person, verdict, comment) => host().then((h) => h.review(person, verdict, comment)),
    reviewReport: () => host().then((h) => h.reviewReport()),
    merge: (files, options) => host().then((h) => h.merge(files, options)),
    finaliseStatus: () => host().then((h) => h.finaliseStatus()),
    verify: (person) => host().then((h) => h.verify(person)),
    report: (person) => host().then((h) => h.report(person)),
    reportModel: () => host().then((h) => h.reportModel()),
    selectCell: (cell) => host().then((h) => h.selectCell(cell)),
    inspectSelection: () => host().then((h) => h.inspectSelection()),
    setEntry: (cell, value, person) => host().then((h) => h.setEntry(cell, value, person)),
    setNote: (cell, text, person) => host().then((h) => h.setNote(cell, text, person)),
    plan: (target) => host().then((h) => h.plan(target)),
    compare: (previous) => host().then((h) => h.compare(previous)),
    startFrom: (previous) => host().then((h) => h.startFrom(previous)),
    onChanged: (listener) => host().then((h) => h.onChanged(listener)),
    onSelectionChanged: (listener) => host().then((h) => h.onSelectionChanged(listener)),
  };
}
