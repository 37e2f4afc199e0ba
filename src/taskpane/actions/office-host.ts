/* global Excel */
import { officeApiSupport, type ApiSupport, type HostContext, type RunBatch } from "../excel/host";
import { addEvaluator } from "./add-evaluator";
import { loadPersonName, type AuditBy } from "./audit-log";
import { selectCell, setEntry, setNote } from "./cells";
import { computeWorkbook } from "./compute";
import { subscribe, type RunIn } from "./events";
import { runner } from "./run";
import { finaliseStatus, finaliseWorkbook, reopenWorkbook, reviewWorkbook } from "./finalise";
import { generate } from "./generate";
import { inspectSelection } from "./inspect";
import { readChosenFile } from "./chosen-file";
import { nextAudit } from "../../core/follow-up";
import { compareWorkbook, planWorkbook } from "./plan";
import { INPUT_SHEETS } from "./sheets";
import type { StarScoreHost } from "./types";
import { validateWorkbook } from "./validate";
import { reviewReport } from "./review";
import { mergeWorkbooks, readFiles } from "./merge";
import { verifyInPane } from "./verify";
import { reportModelInPane, reportSheet } from "./report";
import { isStarScoreSheet } from "../../workbook/sheet-names";

/**
 * The task pane's actions on Office.js: each one Excel.run (validate and compute: two syncs
 * whatever the number of evaluators). `run`, `runIn` and `supports` default to Excel.run,
 * Excel.run(context, …) and the host's requirement sets; the tests and the in-page fake host pass
 * the recording fake's.
 */
export interface OfficeHostOptions {
  run?: RunBatch;
  runIn?: RunIn;
  supports?: ApiSupport;
  /** Who the audit log names when an action is given no name: the name the pane remembers (audit-log.ts). */
  person?: () => string;
  /** The audit log's clock. */
  now?: () => Date;
}

const excelRun: RunBatch = (batch, options) => (options ? Excel.run(options, batch) : Excel.run(batch));
// The context is the Excel.RequestContext an earlier Excel.run gave: HostContext is its structural type.
const excelRunIn: RunIn = (context, batch) => Excel.run(context as unknown as Excel.RequestContext, batch);

export function createOfficeHost(options: OfficeHostOptions = {}): StarScoreHost {
  const base = options.run ?? excelRun;
  const runIn = options.runIn ?? excelRunIn;
  const supports = options.supports ?? officeApiSupport;
  const person = options.person ?? loadPersonName;
  const by = (name = person()): AuditBy => ({ person: name, ...(options.now && { now: options.now }) });
  // How each action runs: run.ts (cell edit, undo group, the active workbook switching).
  const read = runner(base, supports, "read");
  const edit = runner(base, supports, "edit");
  const structure = runner(base, supports, "structure");
  return {
    hasWorkbook: () => read(hasWorkbook),
    generate: (request, name) => generate(request, structure, supports, by(name)),
    addEvaluator: (evaluator, opts) =>
      structure((context) => addEvaluator(context, supports, evaluator, by(opts?.person), opts)),
    validate: (opts) =>
      opts?.background
        ? read((context) => validateWorkbook(context, { write: false }))
        : edit((context) => validateWorkbook(context, { audit: by(opts?.person), write: true })),
    compute: (name) => edit((context) => computeWorkbook(context, by(name))),
    finalise: (name) => structure((context) => finaliseWorkbook(context, by(name))),
    reopen: (name, reason) => structure((context) => reopenWorkbook(context, by(name), reason)),
    review: (name, verdict, comment) =>
      structure((context) => reviewWorkbook(context, by(name), verdict, comment)),
    reviewReport: () => read(reviewReport),
    // The files are read (the reader, a chunk of its own) before the run: no batch waits on them.
    merge: async (files, opts) => {
      const read = await readFiles(files, "zh");
      return structure((context) => mergeWorkbooks(context, supports, read, by(opts?.person), opts));
    },
    finaliseStatus: () => read(finaliseStatus),
    // Logged when the pane says who checks (it always does); a bare verify() only reads.
    verify: (name) =>
      name === undefined
        ? read((context) => verifyInPane(context))
        : edit((context) => verifyInPane(context, by(name))),
    report: (name) => structure((context) => reportSheet(context, supports, by(name))),
    reportModel: () => read(reportModelInPane),
    selectCell: (cell) => read((context) => selectCell(context, cell)),
    inspectSelection: () => read(inspectSelection),
    setEntry: (cell, value, name) =>
      edit((context) => setEntry(context, cell, value, name === undefined ? undefined : by(name))),
    setNote: (cell, text, name) =>
      edit((context) => setNote(context, cell, text, name === undefined ? undefined : by(name))),
    plan: (target) => read((context) => planWorkbook(context, target)),
    // The chosen file is read before Excel.run: Excel waits for nothing but the one sync.
    compare: async (previous) => {
      const assessment = await readChosenFile(previous);
      return read((context) => compareWorkbook(context, { name: previous.name, assessment }));
    },
    startFrom: async (previous) => nextAudit(await readChosenFile(previous)),
    onChanged: (listener) => subscribe(read, runIn, supports, INPUT_SHEETS, "onChanged", listener),
    onSelectionChanged: (listener) =>
      subscribe(read, runIn, supports, ["scoring"], "onSelectionChanged", listener),
  };
}

/** Whether any of StarScore's sheets (either language) is in the workbook: generate would refuse. */
async function hasWorkbook(context: HostContext): Promise<boolean> {
  const { worksheets } = context.workbook;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.some((s) => isStarScoreSheet(s.name));
}
