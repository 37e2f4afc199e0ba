import type {
  ApiSupport,
  CellInput,
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
  RangeInput,
  RunBatch,
} from "../../src/taskpane/excel/host";
import {
  FakeWorkbookModel,
  FakeSheet,
  parseAddress,
  type BorderEdge,
  type Bounds,
  type FakeCell,
  type FakeChart,
  type FakeConditionalFormat,
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
 * a requirement set above the host's version fails with ApiNotFound; a protected sheet takes no
 * more cell, format, validation, filter or chart changes (page setup still works); text that looks
 * like a number or Boolean becomes one, "=…" becomes a formula, "'…" stays text.
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
}

interface Queued {
  action: RecordedAction;
  apply?: () => void;
  requires?: string;
}

export class FakeExcel {
  readonly model = new FakeWorkbookModel();
  readonly requests: SyncRecord[] = [];
  /** Operations queued but never synced when a run ended (Office.js would drop them silently). */
  unsynced = 0;
  readonly apiVersion: string;
  private readonly failOn?: (action: RecordedAction) => boolean;
  private queue: Queued[] = [];
  private readonly paths = new Map<number, ObjectPath>();
  private nextId = 1;
  private afterSync: (() => void)[] = [];

  constructor(options: FakeExcelOptions = {}) {
    this.apiVersion = options.apiVersion ?? "1.8";
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

  /** Excel.run: a fresh context for the batch. */
  readonly run: RunBatch = async (batch) => {
    const context = new FakeContext(this);
    try {
      return await batch(context);
    } finally {
      this.unsynced += this.queue.length;
      this.queue = [];
    }
  };

  /** Office.context.requirements.isSetSupported("ExcelApi", version). */
  readonly supports: ApiSupport = (version) => compareVersions(version, this.apiVersion) <= 0;

  async sync(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    const actions = queued.map((q) => q.action);
    this.requests.push({ actions, bytes: requestBytes(actions, this.paths) });
    const afterSync = this.afterSync;
    this.afterSync = [];
    for (const { action, apply, requires } of queued) {
      if (requires && !this.supports(requires)) {
        throw new Error(
          `ApiNotFound: ${action.Name} needs ExcelApi ${requires} (host has ${this.apiVersion})`,
        );
      }
      if (this.failOn?.(action)) throw new Error(`GeneralException: injected failure at ${action.Name}`);
      apply?.();
    }
    for (const resolve of afterSync) resolve();
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
  ): number {
    const id = this.nextId++;
    this.paths.set(id, {
      Id: id,
      ObjectPathType: type,
      Name: name,
      ...(parent !== undefined && { ParentObjectPathId: parent }),
      ArgumentInfo: args.length ? { Arguments: args.map(serialisable) } : {},
    });
    if (type !== 1) this.enqueue(1, "", id, [], apply, requires);
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
  ) {
    const action: RecordedAction = {
      Id: this.nextId++,
      ActionType: type,
      Name: name,
      ObjectPathId: pathId,
      ArgumentInfo: args.length ? { Arguments: args.map(serialisable) } : {},
    };
    this.queue.push({ action, apply, requires });
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

  protected set(name: string, value: unknown, apply: () => void, requires?: string): void {
    this.excel.enqueue(4, name, this.pathId, [value], apply, requires);
  }

  protected call(name: string, args: unknown[], apply: () => void, requires?: string): void {
    this.excel.enqueue(3, name, this.pathId, args, apply, requires);
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

  constructor(private readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(excel, excel.path(1, "Workbook"));
  }

  get application(): FakeApplication {
    this.app ??= new FakeApplication(this.excel, this.excel.path(4, "application", this.workbook.pathId));
    return this.app;
  }

  sync(): Promise<void> {
    return this.excel.sync();
  }
}

class FakeApplication extends FakeObject {
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
}

class Loadable<T> extends FakeObject {
  private loaded?: T;

  protected loadWith(propertyNames: string, read: () => T): void {
    this.excel.enqueue(2, `load:${propertyNames}`, this.pathId, []);
    this.excel.onSynced(() => (this.loaded = read()));
  }

  protected value(property: string): T {
    if (this.loaded === undefined) throw new Error(`PropertyNotLoaded: ${property}`);
    return this.loaded;
  }
}

class FakeWorksheetCollection extends Loadable<{ name: string }[]> implements HostWorksheetCollection {
  get items(): { name: string }[] {
    return this.value("items");
  }

  load(propertyNames: string): this {
    this.loadWith(propertyNames, () => this.excel.model.sheets.map((s) => ({ name: s.name })));
    return this;
  }

  add(name: string): FakeWorksheet {
    const model = this.excel.model;
    const id = this.excel.path(3, "add", this.pathId, [name], () => {
      if (model.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
      const created = new FakeSheet(name);
      model.sheets.push(created);
      sheet.target = created;
    });
    const sheet = new FakeWorksheet(this.excel, id);
    return sheet;
  }

  getItemOrNullObject(name: string): FakeNullable {
    return this.method("getItemOrNullObject", [name], (id) => {
      const model = this.excel.model;
      return new FakeNullable(
        this.excel,
        id,
        () => model.sheet(name) !== undefined,
        () => model.sheets.splice(model.sheets.indexOf(model.sheet(name)!), 1),
      );
    });
  }
}

class FakeNameCollection extends Loadable<{ name: string }[]> implements HostNameCollection {
  get items(): { name: string }[] {
    return this.value("items");
  }

  load(propertyNames: string): this {
    this.loadWith(propertyNames, () => [...this.excel.model.names.keys()].map((name) => ({ name })));
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

class FakeWorksheet extends FakeObject implements HostWorksheet {
  /** The model sheet, once the request that adds it has been applied. */
  target?: FakeSheet;

  sheet(): FakeSheet {
    if (!this.target || !this.excel.model.sheets.includes(this.target))
      throw new Error("ItemNotFound: worksheet");
    return this.target;
  }

  set visibility(value: Excel.Worksheet["visibility"]) {
    this.set("visibility", value, () => (this.sheet().visibility = value));
  }

  get visibility(): Excel.Worksheet["visibility"] {
    throw new Error("PropertyNotLoaded: visibility");
  }

  getRange(address: string): FakeRange {
    return this.method("getRange", [address], (id) => new FakeRange(this.excel, id, this, address));
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
}

class FakeFreezePanes extends FakeObject {
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

class FakeProtection extends FakeObject {
  constructor(
    excel: FakeExcel,
    pathId: number,
    private readonly owner: FakeWorksheet,
  ) {
    super(excel, pathId);
  }

  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    const args = password === undefined ? (options ? [options] : []) : [options ?? null, password];
    this.call("protect", args, () => {
      const sheet = this.owner.sheet();
      if (sheet.protection) throw new Error("InvalidOperation: the sheet is already protected");
      sheet.protection = { options, password };
    });
  }
}

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

function applyInput(cell: FakeCell, input: CellInput, kind: InputKind, row: number, column: number): void {
  if (input === null) return; // null leaves the cell as it is
  delete cell.value;
  delete cell.formula;
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

class FakeRange extends FakeObject implements HostRange {
  readonly bounds: Bounds;

  constructor(
    excel: FakeExcel,
    pathId: number,
    readonly owner: FakeWorksheet,
    readonly address: string,
  ) {
    super(excel, pathId);
    this.bounds = parseAddress(address);
  }

  /** The sheet, to change: cells, formats, validations and charts of a protected sheet are locked. */
  sheet(): FakeSheet {
    const sheet = this.owner.sheet();
    if (sheet.protection) throw new Error(`InvalidOperation: ${sheet.name} is protected`);
    return sheet;
  }

  /** Applies `visit` to every cell of the range. */
  eachCell(visit: (cell: FakeCell, row: number, column: number) => void): void {
    forEachCell(this.bounds, 0, this.address, (row, column) =>
      visit(this.sheet().cell(row, column), row, column),
    );
  }

  private input(kind: InputKind, value: RangeInput): void {
    this.set(kind, value, () => {
      if (kind === "formulas" && !Array.isArray(value) && this.cellCount() > 1 && typeof value === "string") {
        throw new Error(
          "fake: one A1 formula over several cells (Excel adjusts it per cell) is not modelled",
        );
      }
      const sheet = this.sheet();
      forEachCell(this.bounds, value, this.address, (row, column, v) =>
        applyInput(sheet.cell(row, column), v, kind, row, column),
      );
    });
  }

  private cellCount(): number {
    return (this.bounds.bottom - this.bounds.top + 1) * (this.bounds.right - this.bounds.left + 1);
  }

  set values(value: RangeInput) {
    this.input("values", value);
  }

  get values(): RangeInput {
    throw new Error("PropertyNotLoaded: values");
  }

  set formulas(value: RangeInput) {
    this.input("formulas", value);
  }

  get formulas(): RangeInput {
    throw new Error("PropertyNotLoaded: formulas");
  }

  set formulasR1C1(value: RangeInput) {
    this.input("formulasR1C1", value);
  }

  get formulasR1C1(): RangeInput {
    throw new Error("PropertyNotLoaded: formulasR1C1");
  }

  set numberFormat(value: RangeInput) {
    this.set("numberFormat", value, () => {
      const sheet = this.sheet();
      forEachCell(this.bounds, value, this.address, (row, column, v) => {
        if (v !== null) sheet.cell(row, column).numberFormat = String(v);
      });
    });
  }

  get numberFormat(): RangeInput {
    throw new Error("PropertyNotLoaded: numberFormat");
  }

  set columnHidden(value: boolean) {
    this.set("columnHidden", value, () => this.eachColumn((c) => (c.hidden = value)));
  }

  get columnHidden(): boolean {
    throw new Error("PropertyNotLoaded: columnHidden");
  }

  /** @internal */
  eachColumn(visit: (column: { width?: number; hidden?: boolean }) => void): void {
    const sheet = this.sheet();
    for (let column = this.bounds.left; column <= this.bounds.right; column++) {
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

  merge(across = false): void {
    this.call("merge", [across], () => {
      if (across) throw new Error("fake: merge across is not modelled");
      const sheet = this.sheet();
      // Excel keeps the top-left cell's content only.
      this.eachCell((cell, row, column) => {
        if (row !== this.bounds.top || column !== this.bounds.left) {
          delete cell.value;
          delete cell.formula;
        }
      });
      sheet.merges.push(this.address);
    });
  }
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
      writable<{ color: string }>(this.excel, id, { color: (v) => this.range.eachCell((c) => (c.fill = v)) }),
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
        locked: (v) => this.range.eachCell((c) => (c.locked = v)),
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
        let entry = sheet.validations.find((v) => v.range === this.range.address);
        if (!entry) {
          entry = { range: this.range.address };
          sheet.validations.push(entry);
        }
        (entry as unknown as Record<string, unknown>)[name] = stored ? stored() : value;
      },
      "1.8",
    );
  }

  /** A list's source given as a range is kept as the formula Excel would show, "='Sheet'!$A$1:$A$4". */
  set rule(value: HostValidationRule) {
    const source = value.list?.source;
    this.update(
      "rule",
      value,
      source instanceof FakeRange
        ? () => ({
            list: {
              ...value.list!,
              source: `='${source.sheet().name.replace(/'/g, "''")}'!${source.address}`,
            },
          })
        : undefined,
    );
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
    const entry: FakeConditionalFormat = { range: this.range.address, type };
    const sheet = () => this.range.sheet();
    // Excel puts a new conditional format at the top of the sheet's priority order.
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
      source: source.address,
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
              () => (entry.series.xAxisValues = range.address),
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
