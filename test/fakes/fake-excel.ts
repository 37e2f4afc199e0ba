import type {
  ApiSupport,
  CellInput,
  HostDataRange,
  HostChangedEventArgs,
  HostEventRegistration,
  HostChangedEventSource,
  HostChart,
  HostChartSeries,
  HostConditionalFormat,
  HostContext,
  HostNameCollection,
  HostNullable,
  HostPageLayout,
  HostRange,
  HostRangeFormat,
  HostValidationRule,
  HostWorksheet,
  HostWorksheetCollection,
  HostWorksheetProtection,
  RangeInput,
  RunBatch,
  RunOptions,
} from "../../src/taskpane/excel/host";
import { cellRef, parseRef } from "../../src/workbook/address";
import { eventsOf, type FakeEventKind } from "./fake-events";
import {
  FakeWorkbookModel,
  FakeSheet,
  MAX_COLUMNS,
  parseAddress,
  sheetPrefix,
  type BorderEdge,
  type Bounds,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
  type FakeResult,
  type FakeValidation,
  type Side,
} from "./fake-model";
import { r1c1ToA1 } from "./r1c1-to-a1";

export { FakeWorkbookModel, FakeSheet, parseAddress } from "./fake-model";

/**
 * A recording fake of the Excel JavaScript API: the subset the writer uses (see
 * src/taskpane/excel/host.ts), with Office.js's batching. Calls on proxies only queue; sync() sends
 * the queue as one request, applies it to a workbook model in order and fills in what was loaded.
 * It records every request: its operations and its size, serialised the way Office.js serialises a
 * batch (Actions and ObjectPaths with their arguments, as JSON), the proxy for the payload limit of
 * Excel on the web (5 MB). Browser-safe TypeScript (no Node APIs): the in-page fake host bundles it.
 *
 * Like Excel: a failing operation fails its sync and stops the rest of that request; a property of
 * a requirement set above the host's version fails with ApiNotFound; a protected sheet takes values
 * only into its unlocked cells and no format, validation, filter or chart changes (page setup still
 * works); text that looks like a number or Boolean becomes one, "=…" becomes a formula, "'…" stays
 * text, "#REF!" and the other error literals become errors.
 *
 * Reading: load() queues a query whose result is taken where it stands in the request and is
 * readable after the sync; reading before that throws PropertyNotLoaded. getItemOrNullObject and
 * getUsedRangeOrNullObject give null objects, and whatever is reached from a null object is one
 * too (its loads give isNullObject true), so one request can ask after sheets that may not exist.
 * A formula reads as the result a test gave it (fake-values.ts), or blank: the fake does not
 * calculate. Events (worksheet.onChanged, onSelectionChanged) register with the event hub of
 * fake-events.ts; the active cell is the hub's selection.
 */
export interface FakeExcelOptions {
  /** Highest ExcelApi version the fake implements, "1.8" by default (the add-in's minimum). */
  apiVersion?: string;
  /** Sheets the workbook already has; a new workbook has "Sheet1". */
  sheets?: string[];
  /** Workbook-scope names the workbook already has. */
  names?: string[];
  /** Makes an operation fail when it is applied (an injected host error). */
  failOn?: (action: RecordedAction) => boolean;
  /**
   * What the objects reached from a null worksheet are: null objects too ("propagate", the
   * default), or errors when the request runs ("refuse"), for code that must work either way.
   */
  nullObjects?: "propagate" | "refuse";
  /**
   * Which of Microsoft's platforms the fake stands for (default "desktop": Windows and Mac). It
   * picks the column of the undo page's table (UNDO_TABLE) and, for "web", Excel on the web's
   * 5 MB request and response limit (learn.microsoft.com/office/dev/add-ins/concepts/
   * resource-limits-and-performance-optimization, "Excel add-ins": "Excel on the web has a payload
   * size limit for requests and responses of 5MB").
   */
  platform?: "desktop" | "web";
}

/**
 * An error as Office.js rejects with one (OfficeExtension.Error): a `code` from Excel.ErrorCodes
 * and a message. The message starts with the code, so tests can match either.
 */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

/** Excel on the web's limit for a request's and a response's payload (see FakeExcelOptions.platform). */
export const WEB_PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/**
 * "A range is limited to 5,000,000 cells for read operations. When a read exceeds this limit, the
 * API will either return null or throw an error" (resource-limits-and-performance-optimization).
 */
export const READ_CELL_LIMIT = 5_000_000;

/**
 * The undo page's table, as it is: learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-undo-capabilities, "Unsupported APIs" (office-js-docs-pr, ms.date 09/09/2025):
 * API, "Supported in Excel on the web", "Supported in Excel on Windows and Excel on Mac". "If you
 * call an unsupported API in your add-in, the user's undo stack is cleared starting from that API
 * call": a "No" in the fake's platform's column clears it. Every other API supports undo ("Most
 * Excel JavaScript APIs do support undo actions").
 */
export const UNDO_TABLE: readonly (readonly [api: string, web: "Yes" | "No", desktop: "Yes" | "No"])[] = [
  ["AllowEditRange.address", "No", "No"],
  ["AllowEditRange.delete", "No", "No"],
  ["AllowEditRange.pauseProtection", "No", "No"],
  ["AllowEditRange.setPassword", "No", "No"],
  ["AllowEditRange.title", "No", "No"],
  ["AllowEditRangeCollection.add", "No", "No"],
  ["AllowEditRangeCollection.pauseProtection", "No", "No"],
  ["Chart.categoryLabelLevel", "No", "No"],
  ["Chart.seriesNameLevel", "No", "No"],
  ["ChartPivotOptions.showAxisFieldButtons", "No", "Yes"],
  ["ChartPivotOptions.showLegendFieldButtons", "No", "Yes"],
  ["ChartPivotOptions.showReportFilterFieldButtons", "No", "Yes"],
  ["ChartPivotOptions.showValueFieldButtons", "No", "Yes"],
  ["ChartTrendlineLabel.formula", "No", "Yes"],
  ["DataConnectionCollection.refreshAll", "No", "No"],
  ["DocumentProperties.author", "No", "Yes"],
  ["DocumentProperties.category", "No", "Yes"],
  ["DocumentProperties.comments", "No", "Yes"],
  ["DocumentProperties.company", "No", "Yes"],
  ["DocumentProperties.keywords", "No", "Yes"],
  ["DocumentProperties.manager", "No", "Yes"],
  ["DocumentProperties.revisionNumber", "No", "Yes"],
  ["DocumentProperties.subject", "No", "Yes"],
  ["DocumentProperties.title", "No", "Yes"],
  ["LinkedWorkbook.refresh", "No", "No"],
  ["LinkedWorkbookCollection.refreshAll", "No", "No"],
  ["NamedItem.comment", "No", "Yes"],
  ["PivotTableStyle.delete", "No", "Yes"],
  ["PivotTableStyle.duplicate", "No", "Yes"],
  ["PivotTableStyle.name", "No", "Yes"],
  ["PivotTableStyleCollection.add", "No", "Yes"],
  ["PivotTableStyleCollection.setDefault", "No", "Yes"],
  ["Query.delete", "No", "Yes"],
  ["Query.refresh", "No", "Yes"],
  ["QueryCollection.refreshAll", "No", "Yes"],
  ["Slicer.name", "No", "Yes"],
  ["Slicer.nameInFormula", "No", "Yes"],
  ["SlicerStyle.delete", "No", "Yes"],
  ["SlicerStyle.duplicate", "No", "Yes"],
  ["SlicerStyle.name", "No", "Yes"],
  ["SlicerStyleCollection.add", "No", "Yes"],
  ["SlicerStyleCollection.setDefault", "No", "Yes"],
  ["Style.addIndent", "No", "Yes"],
  ["Style.autoIndent", "No", "Yes"],
  ["Style.formulaHidden", "No", "Yes"],
  ["Style.horizontalAlignment", "No", "Yes"],
  ["Style.includeAlignment", "No", "Yes"],
  ["Style.includeBorder", "No", "Yes"],
  ["Style.includeFont", "No", "Yes"],
  ["Style.includeNumber", "No", "Yes"],
  ["Style.includePatterns", "No", "Yes"],
  ["Style.includeProtection", "No", "Yes"],
  ["Style.indentLevel", "No", "Yes"],
  ["Style.locked", "No", "Yes"],
  ["Style.numberFormat", "No", "Yes"],
  ["Style.numberFormatLocal", "No", "Yes"],
  ["Style.orientation", "No", "Yes"],
  ["Style.readingOrder", "No", "Yes"],
  ["Style.shrinkToFit", "No", "Yes"],
  ["Style.textOrientation", "No", "Yes"],
  ["Style.verticalAlignment", "No", "Yes"],
  ["Style.wrapText", "No", "Yes"],
  ["TableStyle.delete", "No", "Yes"],
  ["TableStyle.duplicate", "No", "Yes"],
  ["TableStyle.name", "No", "Yes"],
  ["TableStyleCollection.add", "No", "Yes"],
  ["TableStyleCollection.setDefault", "No", "Yes"],
  ["TimelineStyle.delete", "No", "Yes"],
  ["TimelineStyle.duplicate", "No", "Yes"],
  ["TimelineStyle.name", "No", "Yes"],
  ["TimelineStyleCollection.add", "No", "Yes"],
  ["TimelineStyleCollection.setDefault", "No", "Yes"],
  ["Workbook.close", "No", "No"],
  ["Workbook.insertWorksheetsFromBase64", "No", "No"],
  ["Workbook.save", "No", "No"],
  ["WorkbookProtection.protect", "No", "No"],
  ["WorkbookProtection.unprotect", "No", "No"],
  ["Worksheet.copy", "No", "No"],
  ["Worksheet.delete", "No", "No"],
  ["Worksheet.name", "Yes", "No"],
  ["Worksheet.standardWidth", "No", "Yes"],
  ["Worksheet.position", "Yes", "No"],
  ["Worksheet.visibility", "Yes", "No"],
  ["WorksheetCollection.addFromBase64", "No", "No"],
  ["WorksheetProtection.pauseProtection", "No", "No"],
  ["WorksheetProtection.protect", "No", "No"],
  ["WorksheetProtection.resumeProtection", "No", "No"],
  ["WorksheetProtection.setPassword", "No", "No"],
  ["WorksheetProtection.unprotect", "No", "No"],
  ["WorksheetProtection.updateOptions", "No", "No"],
];

const UNDO_SUPPORT = new Map(UNDO_TABLE.map(([api, web, desktop]) => [api, { web, desktop }]));

/** Whether calling `api` clears the user's undo stack on `platform` (UNDO_TABLE). */
export function clearsUndo(api: string, platform: "desktop" | "web"): boolean {
  return UNDO_SUPPORT.get(api)?.[platform] === "No";
}

/**
 * Which calls are no entry on the user's undo stack: selecting, activating, (un)registering event
 * handlers, suspending calculation or screen updating (loads are none either).
 * Every other method call and property set of a sync makes the sync an entry ("each
 * `context.sync()` call creates an undo record", Excel.RunOptions.mergeUndoGroup, @types/office-js).
 * The list is the fake's assumption: the undo page names what clears the stack, not what is
 * recorded on it.
 */
const NOT_EDITS = new Set([
  "Range.select",
  "Worksheet.activate",
  "EventSource.add",
  "EventSource.remove",
  "Application.suspendApiCalculationUntilNextSync",
  "Application.suspendScreenUpdatingUntilNextSync",
]);

/**
 * The calls that throw when another workbook gains focus while they run (desktop, several
 * workbooks open), with the error each throws: learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-troubleshooting, "API limitations when the active workbook switches".
 */
export const WORKBOOK_SWITCH_ERRORS: Record<string, string> = {
  "Chart.activate": "GeneralException",
  "Range.select": "GeneralException",
  "Table.clearFilters": "GeneralException",
  "Workbook.getActiveCell": "InvalidSelection",
  "Workbook.getSelectedRange": "InvalidSelection",
  "Workbook.getSelectedRanges": "InvalidSelection",
  "Worksheet.activate": "GeneralException",
  "Worksheet.delete": "InvalidSelection",
  "Worksheet.gridlines": "GeneralException",
  "Worksheet.showHeadings": "GeneralException",
  "WorksheetCollection.add": "GeneralException",
  "WorksheetFreezePanes.freezeAt": "GeneralException",
  "WorksheetFreezePanes.freezeColumns": "GeneralException",
  "WorksheetFreezePanes.freezeRows": "GeneralException",
  "WorksheetFreezePanes.getLocationOrNullObject": "GeneralException",
  "WorksheetFreezePanes.unfreeze": "GeneralException",
};

/** The user's undo stack as the add-in's requests left it. */
export interface FakeUndo {
  /** How many times a request cleared it, and by which calls. */
  cleared: number;
  clearedBy: string[];
  /** Entries the add-in's requests pushed on it (each sync one; one per run with mergeUndoGroup). */
  entries: number;
}

export interface RecordedAction {
  Id: number;
  /** 1 instantiate, 2 query (load), 3 method, 4 set property. */
  ActionType: 1 | 2 | 3 | 4;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo: { Arguments?: unknown[] };
}

interface ObjectPath {
  Id: number;
  /** 1 root, 3 method, 4 property. */
  ObjectPathType: 1 | 3 | 4;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo: { Arguments?: unknown[] };
}

export interface SyncRecord {
  actions: RecordedAction[];
  /** UTF-8 bytes of the request's JSON. */
  bytes: number;
  /** UTF-8 bytes of what the request's loads brought back, as JSON (the response's payload). */
  responseBytes: number;
}

interface Queued {
  action: RecordedAction;
  apply?: () => void;
  requires?: string;
  /** "Class.member", as Microsoft's pages name it (undo, workbook switch). */
  api?: string;
}

/** What a run was started with, and what it did to the undo stack so far. */
interface RunState {
  options: RunOptions;
  pushed: boolean;
}

export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  readonly requests: SyncRecord[] = [];
  /** Operations queued but never synced when a run ended (Office.js would drop them silently). */
  unsynced = 0;
  readonly apiVersion: string;
  readonly nullObjects: "propagate" | "refuse";
  private readonly failOn?: (action: RecordedAction) => boolean;
  private queue: Queued[] = [];
  private readonly paths = new Map<number, ObjectPath>();
  private nextId = 1;
  private afterSync: (() => void)[] = [];
  readonly platform: "desktop" | "web";
  readonly undo: FakeUndo = { cleared: 0, clearedBy: [], entries: 0 };
  /** Every Excel.run's options, in order. */
  readonly runOptions: RunOptions[] = [];
  /**
   * The user is typing in a cell: a run fails with InvalidOperation at its first sync unless it
   * asked to delay, and then waits until endCellEdit() (learn.microsoft.com/office/dev/add-ins/
   * excel/excel-add-ins-delay-in-cell-edit, "Behavior comparison").
   */
  editingCell = false;
  private editEnded: (() => void)[] = [];
  /** Calls of WORKBOOK_SWITCH_ERRORS still to fail (switchWorkbook). */
  private switches = 0;
  /** Value writes of the current request, for the changed events Excel raises after it. */
  private changes: { sheet: string; address: string }[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.platform = options.platform ?? "desktop";
    this.apiVersion = options.apiVersion ?? "1.8";
    this.nullObjects = options.nullObjects ?? "propagate";
    this.failOn = options.failOn;
    for (const name of options.sheets ?? ["Sheet1"]) this.model.sheets.push(new FakeSheet(name));
    for (const name of options.names ?? []) this.model.names.set(name, "=#REF!");
    this.model.activeSheet = this.model.sheets[0]?.name;
  }

  get syncs(): number {
    return this.requests.length;
  }

  /** Every operation of every request, in order. */
  get actions(): RecordedAction[] {
    return this.requests.flatMap((r) => r.actions);
  }

  /** How many times Excel.run was called. */
  runs = 0;

  /** Excel.run: a fresh context for the batch; Excel.run(options, batch) with RunOptions. */
  readonly run: RunBatch = async (batch, options = {}) => {
    this.runs++;
    this.runOptions.push(options);
    if (this.editingCell && options.delayForCellEdit) {
      await new Promise<void>((resolve) => this.editEnded.push(resolve));
    }
    const context = new FakeContext(this, { options, pushed: false });
    try {
      return await batch(context);
    } finally {
      this.unsynced += this.queue.length;
      this.queue = [];
    }
  };

  /** The user leaves cell edit mode: delayed runs go ahead. */
  endCellEdit(): void {
    this.editingCell = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const resolve of waiting) resolve();
  }

  /**
   * Another workbook gains focus while the next `times` calls of WORKBOOK_SWITCH_ERRORS run. "This
   * only applies to multiple Excel workbooks open on Windows or Mac" (the troubleshooting page).
   */
  switchWorkbook(times = 1): void {
    if (this.platform === "web") throw new Error("fake: the active workbook switching is a desktop matter");
    this.switches += times;
  }

  /** @internal A value write, for the changed event raised after the request. */
  noteChange(sheet: string, address: string): void {
    this.changes.push({ sheet, address });
  }

  /**
   * Excel.run(context, batch): another batch on the context of an earlier run (how an event
   * handler added in one run is removed in another).
   */
  readonly runIn = async <T>(
    context: HostContext,
    batch: (context: HostContext) => Promise<T>,
  ): Promise<T> => {
    try {
      return await batch(context);
    } finally {
      this.unsynced += this.queue.length;
      this.queue = [];
    }
  };

  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  readonly supports: ApiSupport = (version) => compareVersions(version, this.apiVersion) <= 0;

  async sync(run?: RunState): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    const actions = queued.map((q) => q.action);
    const record: SyncRecord = { actions, bytes: requestBytes(actions, this.paths), responseBytes: 0 };
    this.requests.push(record);
    const afterSync = this.afterSync;
    this.afterSync = [];
    this.changes = [];
    if (this.editingCell && queued.length > 0) {
      throw new FakeOfficeError("InvalidOperation", "the user is editing a cell (delayForCellEdit not set)");
    }
    if (this.platform === "web" && record.bytes > WEB_PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `the request is ${record.bytes} bytes, over Excel on the web's 5 MB`,
      );
    }
    let edited = false;
    let cleared: string | undefined;
    const merge = run?.options.mergeUndoGroup === true && this.supports("1.20");
    try {
      for (const { action, apply, requires, api } of queued) {
        if (requires && !this.supports(requires)) {
          throw new FakeOfficeError(
            "ApiNotFound",
            `${action.Name} needs ExcelApi ${requires} (host has ${this.apiVersion})`,
          );
        }
        if (this.failOn?.(action))
          throw new FakeOfficeError("InvalidOperation", `injected failure at ${action.Name}`);
        if (api && this.switches > 0 && WORKBOOK_SWITCH_ERRORS[api]) {
          this.switches--;
          throw new FakeOfficeError(WORKBOOK_SWITCH_ERRORS[api]!, `${api}: another workbook is active`);
        }
        const clears = api !== undefined && clearsUndo(api, this.platform);
        if (clears && merge) {
          // "If an API within the group doesn't offer undo support, the UndoNotSupported error is thrown".
          throw new FakeOfficeError("UndoNotSupported", `${api} cannot be part of an undo group`);
        }
        apply?.();
        if (clears) cleared ??= api;
        else if ((action.ActionType === 3 || action.ActionType === 4) && !NOT_EDITS.has(api ?? ""))
          edited = true;
      }
    } finally {
      if (cleared) {
        this.undo.cleared++;
        this.undo.clearedBy.push(cleared);
      }
      // "When false, each context.sync() call creates an undo record. When true, all context.sync()
      // calls in a single Excel.run are merged into one undo group" (Excel.RunOptions, @types/office-js).
      if (edited && !(merge && run?.pushed)) this.undo.entries++;
      if (edited && run) run.pushed = true;
    }
    if (this.platform === "web" && record.responseBytes > WEB_PAYLOAD_LIMIT_BYTES) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `the response is ${record.responseBytes} bytes, over Excel on the web's 5 MB`,
      );
    }
    for (const resolve of afterSync) resolve();
    // "Office Add-in (JavaScript) code that changes the workbook" raises the events as the user's
    // edits do (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events, "Event
    // triggers"), after the request; triggerSource says so from ExcelApi 1.14
    // (WorksheetChangedEventArgs.triggerSource, @types/office-js).
    const events = eventsOf(this);
    for (const { sheet, address } of this.changes) {
      events.raise("changed", sheet, address, {
        source: "Local",
        ...(this.supports("1.14") && { triggerSource: "ThisLocalAddin" as const }),
      });
    }
    this.changes = [];
  }

  /**
   * @internal A new object path (a method's result or a navigation property), instantiated by an
   * action of its own; `apply` runs when that action is applied (the method's effect).
   */
  path(
    type: 1 | 3 | 4,
    name: string,
    parent?: number,
    args: unknown[] = [],
    apply?: () => void,
    requires?: string,
    api?: string,
  ): number {
    const id = this.nextId++;
    this.paths.set(id, {
      Id: id,
      ObjectPathType: type,
      Name: name,
      ...(parent !== undefined && { ParentObjectPathId: parent }),
      ArgumentInfo: args.length ? { Arguments: args.map(serialisable) } : {},
    });
    if (type !== 1) this.enqueue(1, "", id, [], apply, requires, api);
    return id;
  }

  /** @internal Queues an operation; `apply` runs at sync, in order. */
  enqueue(
    type: 1 | 2 | 3 | 4,
    name: string,
    pathId: number,
    args: unknown[],
    apply?: () => void,
    requires?: string,
    api?: string,
  ) {
    const action: RecordedAction = {
      Id: this.nextId++,
      ActionType: type,
      Name: name,
      ObjectPathId: pathId,
      ArgumentInfo: args.length ? { Arguments: args.map(serialisable) } : {},
    };
    this.queue.push({ action, apply, requires, ...(api && { api }) });
  }

  /** @internal What a load brought back: counted in the current request's response. */
  respond<T>(value: T): T {
    const record = this.requests.at(-1);
    if (record) record.responseBytes += payloadBytes(value ?? null);
    return value;
  }

  /** @internal Runs after the next sync has applied its request (loads). */
  onSynced(resolve: () => void): void {
    this.afterSync.push(resolve);
  }
}

/** Compares "1.10" and "1.9" as versions. */
function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Proxies passed as arguments travel as references to their object paths. */
function serialisable(arg: unknown): unknown {
  if (arg instanceof FakeObject) return { ObjectPathId: arg.pathId };
  if (arg && typeof arg === "object" && !Array.isArray(arg)) {
    return Object.fromEntries(Object.entries(arg).map(([k, v]) => [k, serialisable(v)]));
  }
  return arg;
}

/** The request as Office.js would send it: the actions and every object path they reach. */
function requestBytes(actions: RecordedAction[], paths: Map<number, ObjectPath>): number {
  const reached: Record<number, ObjectPath> = {};
  const reach = (id: number | undefined) => {
    while (id !== undefined && !reached[id]) {
      const path = paths.get(id);
      if (!path) return;
      reached[id] = path;
      id = path.ParentObjectPathId;
    }
  };
  for (const action of actions) {
    reach(action.ObjectPathId);
    for (const arg of action.ArgumentInfo.Arguments ?? []) {
      if (arg && typeof arg === "object" && "ObjectPathId" in arg)
        reach((arg as { ObjectPathId: number }).ObjectPathId);
    }
  }
  return payloadBytes({ Actions: actions, ObjectPaths: reached });
}

/** UTF-8 bytes of a value's JSON: the request-size measure. */
export function payloadBytes(request: unknown): number {
  return new TextEncoder().encode(JSON.stringify(request)).length;
}

abstract class FakeObject {
  private readonly children = new Map<string, unknown>();

  constructor(
    protected readonly excel: FakeExcel,
    readonly pathId: number,
  ) {}

  /** The Office.js class, as Microsoft's pages name its members ("Worksheet.delete"). */
  protected get apiClass(): string {
    return "Object";
  }

  protected set(name: string, value: unknown, apply: () => void, requires?: string): void {
    this.excel.enqueue(4, name, this.pathId, [value], apply, requires, `${this.apiClass}.${name}`);
  }

  protected call(name: string, args: unknown[], apply: () => void, requires?: string): void {
    this.excel.enqueue(3, name, this.pathId, args, apply, requires, `${this.apiClass}.${name}`);
  }

  /** A navigation property: one object path per parent, made on first use. */
  protected child<T>(name: string, make: (pathId: number) => T): T {
    if (!this.children.has(name)) this.children.set(name, make(this.excel.path(4, name, this.pathId)));
    return this.children.get(name) as T;
  }

  /** A method returning an object: a new object path each call. */
  protected method<T>(name: string, args: unknown[], make: (pathId: number) => T): T {
    return make(this.excel.path(3, name, this.pathId, args));
  }
}

class FakeContext implements HostContext {
  readonly workbook: FakeWorkbook;
  private app?: FakeApplication;

  constructor(
    private readonly excel: FakeExcel,
    private readonly state: RunState = { options: {}, pushed: false },
  ) {
    this.workbook = new FakeWorkbook(excel, excel.path(1, "Workbook"));
  }

  get application(): FakeApplication {
    this.app ??= new FakeApplication(this.excel, this.excel.path(4, "application", this.workbook.pathId));
    return this.app;
  }

  sync(): Promise<void> {
    return this.excel.sync(this.state);
  }
}

class FakeApplication extends FakeObject {
  private loaded?: { calculationMode: string };

  protected override get apiClass(): string {
    return "Application";
  }

  /** The workbook model's calculation mode: "Automatic" unless a test sets "Manual". */
  load(propertyNames: string): this {
    let snapshot: { calculationMode: string };
    this.excel.enqueue(2, `load:${propertyNames}`, this.pathId, [], () => {
      snapshot = this.excel.respond({ calculationMode: this.excel.model.calculationMode });
    });
    this.excel.onSynced(() => (this.loaded = snapshot));
    return this;
  }

  get calculationMode(): string {
    if (!this.loaded) throw new Error("PropertyNotLoaded: calculationMode");
    return this.loaded.calculationMode;
  }

  suspendApiCalculationUntilNextSync(): void {
    this.call("suspendApiCalculationUntilNextSync", [], () => undefined, "1.6");
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.call("suspendScreenUpdatingUntilNextSync", [], () => undefined, "1.9");
  }
}

class FakeWorkbook extends FakeObject {
  get worksheets(): FakeWorksheetCollection {
    return this.child("worksheets", (id) => new FakeWorksheetCollection(this.excel, id));
  }

  get names(): FakeNameCollection {
    return this.child("names", (id) => new FakeNameCollection(this.excel, id));
  }

  /** The active cell: the top-left cell of the event hub's selection, on the active sheet. */
  getActiveCell(): FakeRange {
    const excel = this.excel;
    const id = excel.path(3, "getActiveCell", this.pathId, [], undefined, "1.7", "Workbook.getActiveCell");
    let located: Target | null = null;
    const locate = (): Target => {
      const { sheet: name, address } = eventsOf(excel).selection;
      const sheet = excel.model.sheet(name);
      if (!sheet) throw new Error("ItemNotFound: the active sheet");
      const b = parseAddress(address);
      return { sheet, bounds: { top: b.top, bottom: b.top, left: b.left, right: b.left } };
    };
    // Where the cursor was when the request ran, not when a later request reads it.
    const worksheet = new FakeWorksheet(
      excel,
      excel.path(4, "worksheet", id),
      () => located?.sheet ?? locate().sheet,
    );
    return new FakeRange(excel, id, worksheet, "", () => (located = locate()));
  }
}

class Loadable<T> extends FakeObject {
  private loaded?: T;

  protected loadWith(propertyNames: string, read: () => T): void {
    let snapshot: T;
    this.excel.enqueue(
      2,
      `load:${propertyNames}`,
      this.pathId,
      [],
      () => (snapshot = this.excel.respond(read())),
    );
    this.excel.onSynced(() => (this.loaded = snapshot));
  }

  protected value(property: string): T {
    if (this.loaded === undefined) throw new Error(`PropertyNotLoaded: ${property}`);
    return this.loaded;
  }
}

type SheetInfo = { name: string; visibility: Excel.Worksheet["visibility"] };

class FakeWorksheetCollection extends Loadable<SheetInfo[]> implements HostWorksheetCollection {
  protected override get apiClass(): string {
    return "WorksheetCollection";
  }

  get items(): SheetInfo[] {
    return this.value("items");
  }

  load(propertyNames: string): this {
    this.loadWith(propertyNames, () =>
      this.excel.model.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility as Excel.Worksheet["visibility"],
      })),
    );
    return this;
  }

  add(name: string): FakeWorksheet {
    const model = this.excel.model;
    let created: FakeSheet | undefined;
    const id = this.excel.path(
      3,
      "add",
      this.pathId,
      [name],
      () => {
        if (model.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
        created = new FakeSheet(name);
        model.sheets.push(created);
      },
      undefined,
      "WorksheetCollection.add",
    );
    return new FakeWorksheet(this.excel, id, () => {
      if (!created || !model.sheets.includes(created)) throw new Error("ItemNotFound: worksheet");
      return created;
    });
  }

  getItem(name: string): FakeWorksheet {
    return this.lookup("getItem", name, false);
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    return this.lookup("getItemOrNullObject", name, true);
  }

  /**
   * A sheet by name, found once, when the request instantiates it (as Excel does): the proxy stays
   * on that sheet when it is renamed, and never moves to another sheet that takes its name.
   */
  private lookup(method: string, name: string, nullable: boolean): FakeWorksheet {
    const model = this.excel.model;
    let found: FakeSheet | null | undefined;
    const id = this.excel.path(3, method, this.pathId, [name], () => {
      found = model.sheet(name) ?? null;
      if (!found && !nullable) throw new Error(`ItemNotFound: no sheet named ${name}`);
    });
    return new FakeWorksheet(this.excel, id, () => {
      if (found === undefined) throw new Error("fake: the worksheet's request has not run");
      if (found && !model.sheets.includes(found)) throw new Error("ItemNotFound: the worksheet was deleted");
      return found;
    });
  }
}

class FakeNameCollection extends Loadable<{ name: string; formula: string }[]> implements HostNameCollection {
  get items(): { name: string; formula: string }[] {
    return this.value("items");
  }

  load(propertyNames: string): this {
    this.loadWith(propertyNames, () =>
      [...this.excel.model.names].map(([name, reference]) => ({ name, formula: reference })),
    );
    return this;
  }

  add(name: string, reference: string, comment?: string): void {
    const model = this.excel.model;
    this.call("add", comment === undefined ? [name, reference] : [name, reference, comment], () => {
      if (model.name(name) !== undefined) throw new Error(`ItemAlreadyExists: a name ${name}`);
      model.names.set(name, reference);
    });
  }

  getItemOrNullObject(name: string): FakeNullable {
    return this.method("getItemOrNullObject", [name], (id) => {
      const model = this.excel.model;
      return new FakeNullable(
        this.excel,
        id,
        () => model.name(name) !== undefined,
        () => model.names.forEach((_, n) => n.toUpperCase() === name.toUpperCase() && model.names.delete(n)),
      );
    });
  }
}

class FakeNullable extends Loadable<boolean> implements HostNullable {
  protected override get apiClass(): string {
    return "NamedItem";
  }

  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly exists: () => boolean,
    private readonly remove: () => void,
  ) {
    super(excel, pathId);
  }

  get isNullObject(): boolean {
    return this.value("isNullObject");
  }

  load(propertyNames: string): this {
    this.loadWith(propertyNames, () => !this.exists());
    return this;
  }

  delete(): void {
    this.call("delete", [], () => {
      if (!this.exists()) throw new Error("ItemNotFound");
      this.remove();
    });
  }
}

/** Where a worksheet proxy points, found when its request is applied: null for a null object. */
type SheetFinder = () => FakeSheet | null;

class FakeWorksheet extends FakeObject implements HostWorksheet {
  protected override get apiClass(): string {
    return "Worksheet";
  }

  private loaded?: { isNull: boolean; name?: string; visibility?: Excel.Worksheet["visibility"] };

  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly find: SheetFinder,
  ) {
    super(excel, pathId);
  }

  /** The model sheet, or null for a null object; throws ItemNotFound for a missing getItem. */
  resolve(): FakeSheet | null {
    return this.find();
  }

  sheet(): FakeSheet {
    const sheet = this.find();
    if (!sheet) throw new Error("InvalidOperation: the worksheet is a null object");
    return sheet;
  }

  /** The sheet for an object reached from this one: null propagates, unless the fake refuses it. */
  reach(): FakeSheet | null {
    const sheet = this.find();
    if (!sheet && this.excel.nullObjects === "refuse") {
      throw new Error("InvalidArgument: an object was reached from a null worksheet");
    }
    return sheet;
  }

  load(propertyNames: string): this {
    let snapshot: NonNullable<typeof this.loaded>;
    this.excel.enqueue(2, `load:${propertyNames}`, this.pathId, [], () => {
      const sheet = this.find();
      snapshot = this.excel.respond(
        sheet
          ? { isNull: false, name: sheet.name, visibility: sheet.visibility as Excel.Worksheet["visibility"] }
          : { isNull: true },
      );
    });
    this.excel.onSynced(() => (this.loaded = snapshot));
    return this;
  }

  private loadedValue<K extends "name" | "visibility">(key: K) {
    if (!this.loaded) throw new Error(`PropertyNotLoaded: ${key}`);
    return this.loaded[key]!;
  }

  get isNullObject(): boolean {
    if (!this.loaded) throw new Error("PropertyNotLoaded: isNullObject");
    return this.loaded.isNull;
  }

  get name(): string {
    return this.loadedValue("name");
  }

  /**
   * Renames the sheet. Excel rewrites every formula and defined name that refers to the sheet to
   * its new name, as renaming in the UI does (support.microsoft.com, "Rename a worksheet": "the
   * formulas that refer to it are updated"; the fake's model: fake-model.ts renameReferences).
   */
  set name(value: string) {
    this.set("name", value, () => {
      const sheet = this.sheet();
      const other = this.excel.model.sheet(value);
      if (other && other !== sheet) throw new Error(`ItemAlreadyExists: a sheet named ${value}`);
      if (this.excel.model.activeSheet?.toUpperCase() === sheet.name.toUpperCase())
        this.excel.model.activeSheet = value;
      this.excel.model.renameReferences(sheet.name, value);
      sheet.name = value;
    });
  }

  set visibility(value: Excel.Worksheet["visibility"]) {
    this.set("visibility", value, () => (this.sheet().visibility = value));
  }

  get visibility(): Excel.Worksheet["visibility"] {
    return this.loadedValue("visibility");
  }

  delete(): void {
    this.call("delete", [], () => {
      const model = this.excel.model;
      const sheet = this.sheet();
      if (!model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new Error("InvalidOperation: a workbook must keep at least one visible sheet");
      }
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      // What referred to the deleted sheet is #REF! from now on (fake-model.ts breakReferences).
      model.breakReferences(sheet.name);
      if (model.activeSheet?.toUpperCase() === sheet.name.toUpperCase()) {
        model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")?.name;
      }
    });
  }

  getRange(address: string): FakeRange {
    return this.method("getRange", [address], (id) => new FakeRange(this.excel, id, this, address));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.method(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (id) =>
        new FakeRange(this.excel, id, this, "", () => {
          const sheet = this.reach();
          const bounds = sheet && usedBounds(sheet, valuesOnly);
          return sheet && bounds ? { sheet, bounds } : null;
        }),
    );
  }

  activate(): void {
    this.call("activate", [], () => (this.excel.model.activeSheet = this.sheet().name));
  }

  get freezePanes() {
    return this.child("freezePanes", (id) => new FakeFreezePanes(this.excel, id, this));
  }

  get protection() {
    return this.child("protection", (id) => new FakeProtection(this.excel, id, this));
  }

  get charts() {
    return this.child("charts", (id) => new FakeChartCollection(this.excel, id, this));
  }

  get autoFilter() {
    return this.child("autoFilter", (id) => new FakeAutoFilter(this.excel, id, this));
  }

  get pageLayout() {
    return this.child("pageLayout", (id) => new FakePageLayout(this.excel, id, this));
  }

  get onChanged(): FakeEventSource {
    return this.child("onChanged", (id) => new FakeEventSource(this.excel, id, "changed", this));
  }

  get onSelectionChanged(): FakeEventSource {
    return this.child(
      "onSelectionChanged",
      (id) => new FakeEventSource(this.excel, id, "selectionChanged", this),
    );
  }
}

/** A worksheet event: handlers go to the fake's event hub (fake-events.ts) when the request runs. */
class FakeEventSource extends FakeObject implements HostChangedEventSource {
  protected override get apiClass(): string {
    return "EventSource";
  }

  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly kind: FakeEventKind,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  add(handler: (args?: HostChangedEventArgs) => Promise<unknown>): HostEventRegistration {
    let unsubscribe: (() => void) | undefined;
    const id = this.excel.path(
      3,
      "add",
      this.pathId,
      [],
      () =>
        (unsubscribe = eventsOf(this.excel).on(this.kind, this.owner.sheet().name, (args) =>
          handler(args as HostChangedEventArgs),
        )),
      "1.7",
      "EventSource.add",
    );
    return {
      remove: () =>
        this.excel.enqueue(
          3,
          "remove",
          id,
          [],
          () => {
            unsubscribe?.();
            unsubscribe = undefined;
          },
          undefined,
          "EventSource.remove",
        ),
    };
  }
}

class FakeFreezePanes extends FakeObject {
  protected override get apiClass(): string {
    return "WorksheetFreezePanes";
  }

  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  freezeAt(frozenRange: string): void {
    this.call(
      "freezeAt",
      [frozenRange],
      () => {
        const b = parseAddress(frozenRange);
        if (b.top !== 1 || b.left !== 1) throw new Error("InvalidArgument: frozen range must start at A1");
        this.owner.sheet().freeze = { rows: b.bottom, columns: b.right };
      },
      "1.7",
    );
  }

  freezeRows(count = 1): void {
    this.call("freezeRows", [count], () => (this.owner.sheet().freeze = { rows: count, columns: 0 }), "1.7");
  }

  freezeColumns(count = 1): void {
    this.call(
      "freezeColumns",
      [count],
      () => (this.owner.sheet().freeze = { rows: 0, columns: count }),
      "1.7",
    );
  }
}

class FakeProtection extends FakeObject implements HostWorksheetProtection {
  protected override get apiClass(): string {
    return "WorksheetProtection";
  }

  private loaded?: { protected?: boolean; options?: Excel.WorksheetProtectionOptions };

  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  load(propertyNames: string): this {
    let snapshot: NonNullable<typeof this.loaded>;
    this.excel.enqueue(2, `load:${propertyNames}`, this.pathId, [], () => {
      const sheet = this.owner.reach();
      snapshot = this.excel.respond(
        sheet
          ? {
              protected: sheet.protection !== undefined,
              options: { ...DEFAULT_PROTECTION, ...(sheet.protection?.options as object | undefined) },
            }
          : {},
      );
    });
    this.excel.onSynced(() => (this.loaded = snapshot));
    return this;
  }

  get protected(): boolean {
    if (!this.loaded) throw new Error("PropertyNotLoaded: protected");
    return this.loaded.protected!;
  }

  get options(): Excel.WorksheetProtectionOptions {
    if (!this.loaded) throw new Error("PropertyNotLoaded: options");
    return this.loaded.options!;
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const args = password === undefined ? (options ? [options] : []) : [options ?? null, password];
    this.call("protect", args, () => {
      const sheet = this.owner.sheet();
      if (sheet.protection) throw new Error("InvalidOperation: the sheet is already protected");
      sheet.protection = { options, password };
    });
  }

  unprotect(password?: string): void {
    this.call("unprotect", password === undefined ? [] : [password], () => {
      const sheet = this.owner.sheet();
      if (sheet.protection?.password !== undefined && sheet.protection.password !== password) {
        throw new Error("InvalidOperation: the password is wrong");
      }
      sheet.protection = undefined;
    });
  }
}

/** Excel's protection options when none are given: everything but selecting cells is off. */
const DEFAULT_PROTECTION: Excel.WorksheetProtectionOptions = {
  allowAutoFilter: false,
  allowDeleteColumns: false,
  allowDeleteRows: false,
  allowEditObjects: false,
  allowEditScenarios: false,
  allowFormatCells: false,
  allowFormatColumns: false,
  allowFormatRows: false,
  allowInsertColumns: false,
  allowInsertHyperlinks: false,
  allowInsertRows: false,
  allowPivotTables: false,
  allowSort: false,
  selectionMode: "Normal",
};

class FakeAutoFilter extends FakeObject {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  apply(range: string): void {
    this.call(
      "apply",
      [range],
      () => {
        const sheet = this.owner.sheet();
        if (sheet.protection) throw new Error(`InvalidOperation: ${sheet.name} is protected`);
        sheet.autoFilter = range;
      },
      "1.9",
    );
  }
}

class FakePageLayout extends FakeObject implements HostPageLayout {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  private page() {
    return this.owner.sheet().pageLayout;
  }

  set orientation(value: Excel.PageLayout["orientation"]) {
    this.set("orientation", value, () => (this.page().orientation = value), "1.9");
  }

  get orientation(): Excel.PageLayout["orientation"] {
    throw new Error("PropertyNotLoaded: orientation");
  }

  set paperSize(value: Excel.PageLayout["paperSize"]) {
    this.set("paperSize", value, () => (this.page().paperSize = value), "1.9");
  }

  get paperSize(): Excel.PageLayout["paperSize"] {
    throw new Error("PropertyNotLoaded: paperSize");
  }

  set zoom(value: Excel.PageLayoutZoomOptions) {
    this.set("zoom", value, () => (this.page().zoom = value), "1.9");
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    throw new Error("PropertyNotLoaded: zoom");
  }

  /**
   * The margins, in points, ExcelApi 1.9: "The worksheet's top margin, in points, for use when
   * printing" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.pagelayout#excel-excel-pagelayout-topmargin-member,
   * and likewise bottom, left, right, header and footer).
   */
  private margin(side: string, value: number): void {
    this.set(
      `${side}Margin`,
      value,
      () => (this.page().margins = { ...this.page().margins, [side]: value }),
      "1.9",
    );
  }

  set topMargin(value: number) {
    this.margin("top", value);
  }

  get topMargin(): number {
    throw new Error("PropertyNotLoaded: topMargin");
  }

  set bottomMargin(value: number) {
    this.margin("bottom", value);
  }

  get bottomMargin(): number {
    throw new Error("PropertyNotLoaded: bottomMargin");
  }

  set leftMargin(value: number) {
    this.margin("left", value);
  }

  get leftMargin(): number {
    throw new Error("PropertyNotLoaded: leftMargin");
  }

  set rightMargin(value: number) {
    this.margin("right", value);
  }

  get rightMargin(): number {
    throw new Error("PropertyNotLoaded: rightMargin");
  }

  set headerMargin(value: number) {
    this.margin("header", value);
  }

  get headerMargin(): number {
    throw new Error("PropertyNotLoaded: headerMargin");
  }

  set footerMargin(value: number) {
    this.margin("footer", value);
  }

  get footerMargin(): number {
    throw new Error("PropertyNotLoaded: footerMargin");
  }

  setPrintArea(printArea: string): void {
    this.call("setPrintArea", [printArea], () => (this.page().printArea = printArea), "1.9");
  }

  setPrintTitleRows(printTitleRows: string): void {
    this.call(
      "setPrintTitleRows",
      [printTitleRows],
      () => (this.page().printTitleRows = printTitleRows),
      "1.9",
    );
  }
}

/** How Excel reads one cell's input written through values, formulas or formulasR1C1. */
type InputKind = "values" | "formulas" | "formulasR1C1";

const NUMBER = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
/** Typing one of Excel's error values makes the cell hold that error. */
const ERROR_LITERAL = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)$/i;

export function applyInput(
  cell: FakeCell,
  input: CellInput,
  kind: InputKind,
  row: number,
  column: number,
): void {
  if (input === null) return; // null leaves the cell as it is
  delete cell.value;
  delete cell.error;
  delete cell.formula;
  delete cell.result;
  delete cell.quotePrefix;
  if (typeof input !== "string") {
    cell.value = input;
  } else if (input === "") {
    // cleared
  } else if (cell.numberFormat === "@") {
    cell.value = input;
  } else if (input.startsWith("'")) {
    cell.value = input.slice(1);
    cell.quotePrefix = true;
  } else if (input.startsWith("=")) {
    cell.formula = kind === "formulasR1C1" ? r1c1ToA1(input, row, column) : input;
  } else if (ERROR_LITERAL.test(input.trim())) {
    cell.error = input.trim().toUpperCase();
  } else if (NUMBER.test(input)) {
    cell.value = Number(input);
  } else if (/^\s*(TRUE|FALSE)\s*$/i.test(input)) {
    cell.value = input.trim().toUpperCase() === "TRUE";
  } else if (/^[+-]/.test(input)) {
    cell.formula = `=${input}`;
  } else {
    cell.value = input;
  }
}

/**
 * Range.values, formulas, formulasR1C1 and numberFormat take a 2D array of exactly the range's
 * rows and columns: `values: any[][]` in @types/office-js (class Range, ExcelApi 1.1), the only
 * form today's reference documents. The sentence that a single value "will be applied to all cells
 * in the range" is gone from the reference, and office-js-docs-reference#578 reports `formulas` and
 * `values` set with one value stopping the add-in: the fake refuses a non-array as Excel may.
 */
function requireGrid(kind: string, value: unknown, bounds: Bounds, address: string): void {
  if (!Array.isArray(value)) {
    throw new Error(
      `InvalidArgument: ${kind} of ${address || addressOf(bounds)} must be a 2D array (any[][]), not ${JSON.stringify(value)}`,
    );
  }
}

/** Every cell of a (non-whole) range, with the input meant for it. */
function forEachCell<T>(
  bounds: Bounds,
  input: T | T[][],
  address: string,
  visit: (row: number, column: number, value: T) => void,
): void {
  if (bounds.whole) throw new Error(`fake: cell data on whole rows or columns (${address}) is not modelled`);
  const rows = bounds.bottom - bounds.top + 1;
  const columns = bounds.right - bounds.left + 1;
  if (Array.isArray(input)) {
    if (input.length !== rows || input.some((r) => !Array.isArray(r) || r.length !== columns)) {
      throw new Error(
        `InvalidArgument: the array does not match the size of ${address} (${rows}×${columns})`,
      );
    }
  }
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      visit(bounds.top + r, bounds.left + c, Array.isArray(input) ? (input as T[][])[r]![c]! : input);
    }
  }
}

/** What a range proxy stands for when its request runs: a sheet and bounds, or null (a null object). */
interface Target {
  sheet: FakeSheet;
  bounds: Bounds;
}

/**
 * What a range's load gives: each cell as Excel's values, valueTypes and numberFormat show it, and
 * (only when "formulas" is loaded, as it is large) Range.formulas: a formula's A1 text, else the
 * constant ("" for a blank, the error's text for an error).
 */
interface RangeData {
  isNull: boolean;
  address?: string;
  values?: CellInput[][];
  valueTypes?: string[][];
  numberFormat?: CellInput[][];
  formulas?: CellInput[][];
}

class FakeRange extends FakeObject implements HostRange, HostDataRange {
  protected override get apiClass(): string {
    return "Range";
  }

  private loaded?: RangeData;

  /**
   * `given`: the address given to getRange ("" for a range found otherwise: a used range, a row,
   * the active cell); `locate` finds it when the request runs (by default: `given` on `owner`).
   */
  constructor(
    excel: FakeExcel,
    pathId: number,
    readonly owner: FakeWorksheet,
    readonly given: string,
    locate?: () => Target | null,
  ) {
    super(excel, pathId);
    if (locate) {
      this.locate = locate;
    } else {
      const bounds = parseAddress(given);
      this.locate = () => {
        const sheet = owner.reach();
        return sheet && { sheet, bounds };
      };
    }
  }

  private readonly locate: () => Target | null;

  /** The range when its request runs; a null object cannot be changed. */
  target(): Target {
    const target = this.locate();
    if (!target) throw new Error("InvalidOperation: the range is a null object");
    return target;
  }

  /** @internal The range's bounds, when its request runs. */
  get bounds(): Bounds {
    return this.target().bounds;
  }

  /** The sheet, to change: cells, formats, validations and charts of a protected sheet are locked. */
  sheet(): FakeSheet {
    const sheet = this.target().sheet;
    if (sheet.protection) throw new Error(`InvalidOperation: ${sheet.name} is protected`);
    return sheet;
  }

  /** Applies `visit` to every cell of the range. */
  eachCell(visit: (cell: FakeCell, row: number, column: number) => void): void {
    const sheet = this.sheet();
    forEachCell(this.bounds, 0, this.given, (row, column) => visit(sheet.cell(row, column), row, column));
  }

  private input(kind: InputKind, value: RangeInput): void {
    this.set(kind, value, () => {
      const { sheet, bounds } = this.target();
      requireGrid(kind, value, bounds, this.given);
      // A protected sheet takes values into its unlocked cells only (cells never touched are locked).
      if (sheet.protection) {
        forEachCell(bounds, 0, this.given, (row, column) => {
          if (sheet.isLocked(row, column)) {
            throw new Error(`InvalidOperation: ${sheet.name}!${cellRef(column, row)} is locked`);
          }
        });
      }
      forEachCell(bounds, value, this.given, (row, column, v) =>
        applyInput(sheet.cell(row, column), v, kind, row, column),
      );
      this.excel.noteChange(sheet.name, addressOf(bounds));
    });
  }

  load(propertyNames: string): this {
    let snapshot: RangeData;
    const wanted = new Set(propertyNames.split(",").map((p) => p.trim()));
    this.excel.enqueue(
      2,
      `load:${propertyNames}`,
      this.pathId,
      [],
      () => (snapshot = this.excel.respond(this.read(wanted))),
    );
    // Loaded properties add up, as in Office.js: a second load of the same range adds its own.
    this.excel.onSynced(() => (this.loaded = { ...this.loaded, ...snapshot }));
    return this;
  }

  /** What a load brings back: the properties asked for, and nothing else (the response's size). */
  private read(wanted: ReadonlySet<string>): RangeData {
    const target = this.locate();
    if (!target) return { isNull: true };
    const { sheet, bounds } = target;
    const address = `${sheetPrefix(sheet.name)}!${addressOf(bounds)}`;
    const grids = (["values", "valueTypes", "numberFormat", "formulas"] as const).filter((k) =>
      wanted.has(k),
    );
    if (grids.length === 0) return { isNull: false, ...(wanted.has("address") && { address }) };
    if (bounds.whole) {
      // A whole row or column: what the request gets back is its used part's worth of cells.
      throw new Error(
        "fake: loading the cells of whole rows or columns is not modelled (use the used range)",
      );
    }
    const cells = (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1);
    // "On all platforms, a range is limited to five million cells for get operations"
    // (learn.microsoft.com/office/dev/add-ins/excel/performance, "Payload size limit best practices").
    if (cells > READ_CELL_LIMIT) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `a read of ${cells} cells (over 5,000,000)`,
      );
    }
    const data: Required<Pick<RangeData, "values" | "valueTypes" | "numberFormat" | "formulas">> = {
      values: [],
      valueTypes: [],
      numberFormat: [],
      formulas: [],
    };
    for (let row = bounds.top; row <= bounds.bottom; row++) {
      const v: CellInput[] = [];
      const t: string[] = [];
      const f: CellInput[] = [];
      const a1: CellInput[] = [];
      for (let column = bounds.left; column <= bounds.right; column++) {
        const cell = sheet.peek(cellRef(column, row));
        const [value, type] = shown(cell);
        v.push(value);
        t.push(type);
        f.push(cell?.numberFormat ?? "General");
        a1.push(cell?.formula ?? cell?.error ?? cell?.value ?? "");
      }
      data.values.push(v);
      data.valueTypes.push(t);
      data.numberFormat.push(f);
      data.formulas.push(a1);
    }
    return {
      isNull: false,
      ...(wanted.has("address") && { address }),
      ...Object.fromEntries(grids.map((k) => [k, data[k]])),
    };
  }

  private data<K extends keyof RangeData>(key: K): NonNullable<RangeData[K]> {
    if (!this.loaded || (!this.loaded.isNull && this.loaded[key] === undefined)) {
      throw new Error(`PropertyNotLoaded: ${key}`);
    }
    return this.loaded[key]!;
  }

  get isNullObject(): boolean {
    return this.data("isNull");
  }

  /** Once loaded, the address Excel reports ("评分!A1:GZ80"); before, the address given to getRange. */
  get address(): string {
    return this.loaded ? this.data("address") : this.given;
  }

  get valueTypes(): string[][] {
    return this.data("valueTypes");
  }

  set values(value: RangeInput) {
    this.input("values", value);
  }

  get values(): CellInput[][] {
    return this.data("values");
  }

  set formulas(value: RangeInput) {
    this.input("formulas", value);
  }

  get formulas(): CellInput[][] {
    return this.data("formulas");
  }

  set formulasR1C1(value: RangeInput) {
    this.input("formulasR1C1", value);
  }

  get formulasR1C1(): RangeInput {
    throw new Error("PropertyNotLoaded: formulasR1C1");
  }

  set numberFormat(value: RangeInput) {
    this.set("numberFormat", value, () => {
      requireGrid("numberFormat", value, this.bounds, this.given);
      const sheet = this.sheet();
      forEachCell(this.bounds, value, this.given, (row, column, v) => {
        if (v !== null) sheet.cell(row, column).numberFormat = String(v);
      });
    });
  }

  get numberFormat(): CellInput[][] {
    return this.data("numberFormat");
  }

  set columnHidden(value: boolean) {
    this.set("columnHidden", value, () => this.eachColumn((c) => (c.hidden = value)));
  }

  get columnHidden(): boolean {
    throw new Error("PropertyNotLoaded: columnHidden");
  }

  /** @internal */
  eachColumn(visit: (column: { width?: number; hidden?: boolean; locked?: boolean }) => void): void {
    const sheet = this.sheet();
    const bounds = this.bounds;
    for (let column = bounds.left; column <= bounds.right; column++) {
      const entry = sheet.columns.get(column) ?? {};
      visit(entry);
      sheet.columns.set(column, entry);
    }
  }

  get format(): FakeRangeFormat {
    return this.child("format", (id) => new FakeRangeFormat(this.excel, id, this));
  }

  get dataValidation(): FakeDataValidation {
    return this.child("dataValidation", (id) => new FakeDataValidation(this.excel, id, this));
  }

  get conditionalFormats() {
    return this.child(
      "conditionalFormats",
      (id) => new FakeConditionalFormatCollection(this.excel, id, this),
    );
  }

  get worksheet(): FakeWorksheet {
    return this.child(
      "worksheet",
      (id) => new FakeWorksheet(this.excel, id, () => this.locate()?.sheet ?? null),
    );
  }

  merge(across = false): void {
    this.call("merge", [across], () => {
      if (across) throw new Error("fake: merge across is not modelled");
      const sheet = this.sheet();
      const bounds = this.bounds;
      // Excel keeps the top-left cell's content only.
      this.eachCell((cell, row, column) => {
        if (row !== bounds.top || column !== bounds.left) {
          delete cell.value;
          delete cell.formula;
        }
      });
      sheet.merges.push(this.given);
    });
  }

  /** Selects the range, activating its sheet; the active cell is its top-left cell. No event is raised. */
  select(): void {
    this.call("select", [], () => {
      const { sheet, bounds } = this.target();
      if (bounds.whole) throw new Error("fake: selecting whole rows or columns is not modelled");
      this.excel.model.activeSheet = sheet.name;
      eventsOf(this.excel).setSelection(sheet.name, addressOf(bounds));
    });
  }

  getEntireRow(): FakeRange {
    return this.method(
      "getEntireRow",
      [],
      (id) =>
        new FakeRange(this.excel, id, this.owner, "", () => {
          const target = this.locate();
          return (
            target && {
              sheet: target.sheet,
              bounds: {
                top: target.bounds.top,
                bottom: target.bounds.bottom,
                left: 1,
                right: MAX_COLUMNS,
                whole: "rows",
              },
            }
          );
        }),
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return this.method(
      "getUsedRangeOrNullObject",
      [valuesOnly],
      (id) =>
        new FakeRange(this.excel, id, this.owner, "", () => {
          const target = this.locate();
          const used = target && usedBounds(target.sheet, valuesOnly);
          const inside = used && intersect(target.bounds, used);
          return target && inside ? { sheet: target.sheet, bounds: inside } : null;
        }),
    );
  }
}

/** A cell as Range.values and valueTypes show it: a formula shows its result. */
export function shown(cell: FakeCell | undefined): [CellInput, string] {
  const content: FakeResult | undefined =
    cell?.formula !== undefined
      ? cell.result
      : cell?.error !== undefined
        ? { error: cell.error }
        : cell?.value;
  if (content === undefined || content === "") return ["", content === "" ? "String" : "Empty"];
  if (typeof content === "object") return [content.error, "Error"];
  if (typeof content === "number") return [content, "Double"];
  if (typeof content === "boolean") return [content, "Boolean"];
  return [content, "String"];
}

/** The smallest block holding every cell with content (and, unless valuesOnly, every formatted cell). */
function usedBounds(sheet: FakeSheet, valuesOnly: boolean): Bounds | null {
  let bounds: Bounds | null = null;
  for (const [ref, cell] of sheet.cells) {
    const content = cell.value !== undefined || cell.formula !== undefined || cell.error !== undefined;
    const formatted =
      cell.fill !== undefined || cell.numberFormat !== undefined || Object.keys(cell.font).length > 0;
    if (!content && (valuesOnly || !formatted)) continue;
    const { top, left } = parseAddress(ref);
    bounds = bounds
      ? {
          top: Math.min(bounds.top, top),
          bottom: Math.max(bounds.bottom, top),
          left: Math.min(bounds.left, left),
          right: Math.max(bounds.right, left),
        }
      : { top, bottom: top, left, right: left };
  }
  return bounds;
}

function intersect(a: Bounds, b: Bounds): Bounds | null {
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  const left = Math.max(a.left, b.left);
  const right = Math.min(a.right, b.right);
  return top <= bottom && left <= right ? { top, bottom, left, right } : null;
}

/** "H7", "A1:C4", "7:7": how Excel's Range.address writes bounds (without "$"). */
function addressOf(bounds: Bounds): string {
  if (bounds.whole === "rows") return `${bounds.top}:${bounds.bottom}`;
  const topLeft = cellRef(bounds.left, bounds.top);
  return bounds.top === bounds.bottom && bounds.left === bounds.right
    ? topLeft
    : `${topLeft}:${cellRef(bounds.right, bounds.bottom)}`;
}

class FakeRangeFormat extends FakeObject implements HostRangeFormat {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly range: FakeRange,
  ) {
    super(excel, pathId);
  }

  private cells(name: string, value: unknown, visit: (cell: FakeCell) => void): void {
    this.set(name, value, () => this.range.eachCell(visit));
  }

  get fill() {
    return this.child("fill", (id) =>
      Object.assign(
        writable<{ color: string }>(this.excel, id, {
          color: (v) => this.range.eachCell((c) => (c.fill = v)),
        }),
        {
          /** No fill: Excel's default. */
          clear: () =>
            this.excel.enqueue(3, "clear", id, [], () => this.range.eachCell((c) => delete c.fill)),
        },
      ),
    );
  }

  get font() {
    const font =
      <K extends keyof FakeCell["font"]>(key: K) =>
      (value: FakeCell["font"][K]) =>
        this.range.eachCell((c) => (c.font[key] = value));
    return this.child("font", (id) =>
      writable<{ bold: boolean; italic: boolean; size: number; color: string }>(this.excel, id, {
        bold: font("bold"),
        italic: font("italic"),
        size: font("size"),
        color: font("color"),
      }),
    );
  }

  get borders() {
    return this.child("borders", (id) => ({
      getItem: (index: BorderIndex) => {
        const item = this.excel.path(3, "getItem", id, [index]);
        const edge = (name: keyof BorderEdge) => (value: string) =>
          this.range.eachCell((cell, row, column) => {
            for (const side of borderSides(index, this.range.bounds, row, column)) {
              cell.borders[side] = { ...cell.borders[side], [name]: value };
            }
          });
        return writable<{
          style: Excel.RangeBorder["style"];
          weight: Excel.RangeBorder["weight"];
          color: string;
        }>(this.excel, item, { style: edge("style"), weight: edge("weight"), color: edge("color") });
      },
    }));
  }

  get protection() {
    return this.child("protection", (id) =>
      writable<{ locked: boolean }>(this.excel, id, {
        // On whole columns the lock is the columns' format: the cells there now, and any made later.
        locked: (v) => {
          if (this.range.bounds.whole !== "columns") return this.range.eachCell((c) => (c.locked = v));
          const { left, right } = this.range.bounds;
          this.range.eachColumn((c) => (c.locked = v));
          for (const [ref, cell] of this.range.sheet().cells) {
            const { column } = parseRef(ref);
            if (column >= left && column <= right) cell.locked = v;
          }
        },
      }),
    );
  }

  set wrapText(value: boolean) {
    this.cells("wrapText", value, (c) => (c.wrapText = value));
  }

  get wrapText(): boolean {
    throw new Error("PropertyNotLoaded: wrapText");
  }

  set horizontalAlignment(value: Excel.RangeFormat["horizontalAlignment"]) {
    this.cells("horizontalAlignment", value, (c) => (c.horizontalAlignment = value));
  }

  get horizontalAlignment(): Excel.RangeFormat["horizontalAlignment"] {
    throw new Error("PropertyNotLoaded: horizontalAlignment");
  }

  set verticalAlignment(value: Excel.RangeFormat["verticalAlignment"]) {
    this.cells("verticalAlignment", value, (c) => (c.verticalAlignment = value));
  }

  get verticalAlignment(): Excel.RangeFormat["verticalAlignment"] {
    throw new Error("PropertyNotLoaded: verticalAlignment");
  }

  set columnWidth(value: number) {
    this.set("columnWidth", value, () => this.range.eachColumn((c) => (c.width = value)));
  }

  get columnWidth(): number {
    throw new Error("PropertyNotLoaded: columnWidth");
  }

  set rowHeight(value: number) {
    this.set("rowHeight", value, () => {
      const sheet = this.range.sheet();
      for (let row = this.range.bounds.top; row <= this.range.bounds.bottom; row++)
        sheet.rowHeights.set(row, value);
    });
  }

  get rowHeight(): number {
    throw new Error("PropertyNotLoaded: rowHeight");
  }
}

type BorderIndex =
  "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical" | "InsideHorizontal";

/** The cell sides an edge or inside line of a range covers. */
function borderSides(index: BorderIndex, bounds: Bounds, row: number, column: number): Side[] {
  const { top, bottom, left, right } = bounds;
  switch (index) {
    case "EdgeTop":
      return row === top ? ["top"] : [];
    case "EdgeBottom":
      return row === bottom ? ["bottom"] : [];
    case "EdgeLeft":
      return column === left ? ["left"] : [];
    case "EdgeRight":
      return column === right ? ["right"] : [];
    case "InsideHorizontal":
      return [...(row > top ? (["top"] as const) : []), ...(row < bottom ? (["bottom"] as const) : [])];
    case "InsideVertical":
      return [...(column > left ? (["left"] as const) : []), ...(column < right ? (["right"] as const) : [])];
  }
}

class FakeDataValidation extends FakeObject {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly range: FakeRange,
  ) {
    super(excel, pathId);
  }

  private update(name: keyof Omit<FakeValidation, "range">, value: unknown, stored?: () => unknown): void {
    this.set(
      name,
      value,
      () => {
        const sheet = this.range.sheet();
        let entry = sheet.validations.find((v) => v.range === this.range.given);
        if (!entry) {
          entry = { range: this.range.given };
          sheet.validations.push(entry);
        }
        (entry as unknown as Record<string, unknown>)[name] = stored ? stored() : value;
      },
      "1.8",
    );
  }

  /**
   * A list's source must be the string form ("='Sheet'!$A$1:$A$4" or "a,b,c"). The typings allow a
   * Range (`source: string | Range`), but on builds of the ExcelApi 1.8 era a Range failed with
   * InvalidArgument at ListDataValidation.source (office-js#277, office-js-docs-pr#492; fixed
   * later per office-js-snippets#307): the fake refuses it, as the oldest hosts the manifest
   * admits do.
   */
  set rule(value: HostValidationRule) {
    const source: unknown = value.list?.source;
    this.update("rule", value, () => {
      if (value.list && typeof source !== "string") {
        throw new Error("InvalidArgument: ListDataValidation.source (a Range, not the string form)");
      }
      return value;
    });
  }

  get rule(): HostValidationRule {
    throw new Error("PropertyNotLoaded: rule");
  }

  set errorAlert(value: Excel.DataValidationErrorAlert) {
    this.update("errorAlert", value);
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    throw new Error("PropertyNotLoaded: errorAlert");
  }

  set prompt(value: Excel.DataValidationPrompt) {
    this.update("prompt", value);
  }

  get prompt(): Excel.DataValidationPrompt {
    throw new Error("PropertyNotLoaded: prompt");
  }

  set ignoreBlanks(value: boolean) {
    this.update("ignoreBlanks", value);
  }

  get ignoreBlanks(): boolean {
    throw new Error("PropertyNotLoaded: ignoreBlanks");
  }
}

/**
 * A proxy object whose properties are write-only: each assignment queues a set action on the
 * object's path and, at sync, calls its setter. For the small leaf objects (fills, fonts, titles).
 */
function writable<T extends object>(
  excel: FakeExcel,
  pathId: number,
  setters: { [K in keyof T]?: (value: T[K]) => void },
  requires: { [K in keyof T]?: string } = {},
): T {
  const object = {} as T;
  for (const key of Object.keys(setters) as (keyof T & string)[]) {
    Object.defineProperty(object, key, {
      set: (value: T[typeof key]) =>
        excel.enqueue(4, key, pathId, [value], () => setters[key]!(value), requires[key]),
      get: () => {
        throw new Error(`PropertyNotLoaded: ${key}`);
      },
    });
  }
  return object;
}

class FakeConditionalFormatCollection extends FakeObject {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly range: FakeRange,
  ) {
    super(excel, pathId);
  }

  add(type: "Custom"): HostConditionalFormat {
    const entry: FakeConditionalFormat = { range: this.range.given, type };
    const sheet = () => this.range.sheet();
    // "Adds a new conditional format to the collection at the first/top priority"
    // (ConditionalFormatCollection.add, @types/office-js).
    const id = this.excel.path(
      3,
      "add",
      this.pathId,
      [type],
      () => sheet().conditionalFormats.unshift(entry),
      "1.6",
    );
    const excel = this.excel;
    const set =
      <K extends keyof FakeConditionalFormat>(key: K) =>
      (value: FakeConditionalFormat[K]) => {
        if (!sheet().conditionalFormats.includes(entry)) throw new Error("ItemNotFound: conditional format");
        entry[key] = value;
      };
    const custom = excel.path(4, "custom", id);
    const format = excel.path(4, "format", custom);
    const item = writable<{ stopIfTrue: boolean }>(excel, id, { stopIfTrue: set("stopIfTrue") });
    return Object.assign(item, {
      custom: {
        rule: writable<{ formula: string }>(excel, excel.path(4, "rule", custom), {
          formula: set("formula"),
        }),
        format: {
          fill: writable<{ color: string }>(excel, excel.path(4, "fill", format), { color: set("fill") }),
          font: writable<{ color: string }>(excel, excel.path(4, "font", format), {
            color: set("fontColor"),
          }),
        },
      },
    }) as HostConditionalFormat;
  }
}

class FakeChartCollection extends FakeObject {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  add(type: "BarClustered", sourceData: HostRange, seriesBy?: "Auto" | "Columns" | "Rows"): HostChart {
    const source = sourceData as FakeRange;
    const entry: FakeChart = {
      type,
      source: source.given,
      ...(seriesBy && { seriesBy }),
      series: {},
      categoryAxis: {},
      valueAxis: {},
    };
    const args = seriesBy ? [type, source, seriesBy] : [type, source];
    const id = this.excel.path(3, "add", this.pathId, args, () => {
      if (source.sheet() !== this.owner.sheet()) throw new Error("fake: chart data on another sheet");
      this.owner.sheet().charts.push(entry);
    });
    return fakeChart(this.excel, id, entry);
  }
}

function fakeChart(excel: FakeExcel, id: number, entry: FakeChart): HostChart {
  const path = (name: string, parent = id) => excel.path(4, name, parent);
  const axes = path("axes");
  const series = path("series");
  const chart = writable<{ name: string }>(excel, id, { name: (v) => (entry.name = v) });
  return Object.assign(chart, {
    title: writable<{ text: string }>(excel, path("title"), { text: (v) => (entry.title = v) }),
    legend: writable<{ visible: boolean }>(excel, path("legend"), {
      visible: (v) => (entry.legendVisible = v),
    }),
    series: {
      getItemAt(index: number): HostChartSeries {
        const item = excel.path(3, "getItemAt", series, [index]);
        const fill = excel.path(4, "fill", excel.path(4, "format", item));
        const s = writable<{ name: string; gapWidth: number }>(
          excel,
          item,
          { name: (v) => (entry.series.name = v), gapWidth: (v) => (entry.series.gapWidth = v) },
          { gapWidth: "1.7" },
        );
        return Object.assign(s, {
          format: {
            fill: {
              setSolidColor: (color: string) =>
                excel.enqueue(3, "setSolidColor", fill, [color], () => (entry.series.color = color)),
            },
          },
          setXAxisValues: (sourceData: HostRange) => {
            const range = sourceData as FakeRange;
            excel.enqueue(
              3,
              "setXAxisValues",
              item,
              [range],
              () => (entry.series.xAxisValues = range.given),
              "1.7",
            );
          },
        });
      },
    },
    axes: {
      categoryAxis: writable<{ reversePlotOrder: boolean }>(
        excel,
        path("categoryAxis", axes),
        { reversePlotOrder: (v) => (entry.categoryAxis.reversePlotOrder = v) },
        { reversePlotOrder: "1.7" },
      ),
      valueAxis: writable<{ minimum: number; maximum: number; numberFormat: string }>(
        excel,
        path("valueAxis", axes),
        {
          minimum: (v) => (entry.valueAxis.minimum = v),
          maximum: (v) => (entry.valueAxis.maximum = v),
          numberFormat: (v) => (entry.valueAxis.numberFormat = v),
        },
        { numberFormat: "1.8" },
      ),
    },
    setPosition: (startCell: string, endCell?: string) =>
      excel.enqueue(3, "setPosition", id, endCell === undefined ? [startCell] : [startCell, endCell], () => {
        entry.position = { start: startCell, ...(endCell !== undefined && { end: endCell }) };
      }),
  });
}
