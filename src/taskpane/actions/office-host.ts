/* global Excel */
import { officeApiSupport, type ApiSupport, type HostContext, type RunBatch } from "../excel/host";
import { addEvaluator } from "./add-evaluator";
import { loadPersonName, type AuditBy } from "./audit-log";
import { selectCell, setEntry } from "./cells";
import { computeWorkbook } from "./compute";
import { subscribe, type RunIn } from "./events";
import { finaliseStatus, finaliseWorkbook, reopenWorkbook, reviewWorkbook } from "./finalise";
import { generate } from "./generate";
import { inspectSelection } from "./inspect";
import { INPUT_SHEETS } from "./sheets";
import type { StarScoreHost } from "./types";
import { validateWorkbook } from "./validate";
import { verifyInPane } from "./verify";
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
  /** Who the audit log names: by default the name the pane remembers (audit-log.ts). */
  person?: () => string;
  /** The audit log's clock. */
  now?: () => Date;
}

const excelRun: RunBatch = (batch) => Excel.run(batch);
// The context is the Excel.RequestContext an earlier Excel.run gave: HostContext is its structural type.
const excelRunIn: RunIn = (context, batch) => Excel.run(context as unknown as Excel.RequestContext, batch);

export function createOfficeHost(options: OfficeHostOptions = {}): StarScoreHost {
  const run = options.run ?? excelRun;
  const runIn = options.runIn ?? excelRunIn;
  const supports = options.supports ?? officeApiSupport;
  const person = options.person ?? loadPersonName;
  const by = (name = person()): AuditBy => ({ person: name, ...(options.now && { now: options.now }) });
  return {
    hasWorkbook: () => run(hasWorkbook),
    generate: (request) => generate(request, run, supports, by()),
    addEvaluator: (evaluator) => run((context) => addEvaluator(context, supports, evaluator, by())),
    validate: (opts) => run((context) => validateWorkbook(context, opts?.log === false ? undefined : by())),
    compute: () => run((context) => computeWorkbook(context, by())),
    finalise: (name) => run((context) => finaliseWorkbook(context, by(name))),
    reopen: (name, reason) => run((context) => reopenWorkbook(context, by(name), reason)),
    review: (name, verdict, comment) => run((context) => reviewWorkbook(context, by(name), verdict, comment)),
    finaliseStatus: () => run(finaliseStatus),
    verify: () => run(verifyInPane),
    selectCell: (cell) => run((context) => selectCell(context, cell)),
    inspectSelection: () => run(inspectSelection),
    setEntry: (cell, value) => run((context) => setEntry(context, cell, value)),
    onChanged: (listener) => subscribe(run, runIn, INPUT_SHEETS, "onChanged", listener),
    onSelectionChanged: (listener) => subscribe(run, runIn, ["scoring"], "onSelectionChanged", listener),
  };
}

/** Whether any of StarScore's sheets (either language) is in the workbook: generate would refuse. */
async function hasWorkbook(context: HostContext): Promise<boolean> {
  const { worksheets } = context.workbook;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.some((s) => isStarScoreSheet(s.name));
}
