import type { FakeExcel } from "./fake-excel";

/**
 * The events a fake Excel workbook raises, and the selection they are about: a small hub, kept apart
 * from fake-excel.ts so that the request fake stays as it is. Whatever exposes Excel's event objects
 * on the fake (worksheet.onChanged / onSelectionChanged, worksheets.onChanged) registers its
 * handlers here with `on`; the user's side (fake-user.ts: typing, moving the selection) fires them
 * with `emit`. Browser-safe, like the rest of the fake.
 *
 * Worksheet ids are the sheet names: the model has no other identity, and Excel's
 * worksheets.getItem(key) takes a name or an id alike.
 */
export type FakeEventKind = "changed" | "selectionChanged";

/**
 * Excel.WorksheetChangedEventArgs, as far as the fake goes: one edit. `source` (ExcelApi 1.7) is
 * "Remote" for a co-author's edit ("Events and coauthoring", learn.microsoft.com/office/dev/
 * add-ins/excel/excel-add-ins-events); `triggerSource` (ExcelApi 1.14) is "ThisLocalAddin" for
 * the add-in's own writes and absent on older hosts.
 */
export interface FakeChangedEventArgs {
  type: "WorksheetChanged";
  changeType: "RangeEdited";
  source: "Local" | "Remote";
  triggerSource?: "Unknown" | "ThisLocalAddin";
  address: string;
  worksheetId: string;
}

/** Excel.WorksheetSelectionChangedEventArgs. */
export interface FakeSelectionChangedEventArgs {
  type: "WorksheetSelectionChanged";
  address: string;
  worksheetId: string;
}

export interface FakeEventArgs {
  changed: FakeChangedEventArgs;
  selectionChanged: FakeSelectionChangedEventArgs;
}

export type FakeEventHandler<K extends FakeEventKind> = (args: FakeEventArgs[K]) => unknown;

interface Subscription {
  kind: FakeEventKind;
  /** The sheet the handler was added on; undefined: every sheet (worksheets.onChanged). */
  sheet?: string;
  handler: (args: never) => unknown;
}

export class FakeEvents {
  /** Every error a handler threw or rejected with (Excel swallows them; tests should not). */
  readonly handlerErrors: unknown[] = [];
  /** Every event raised, in order. */
  readonly raised: { kind: FakeEventKind; sheet: string; address: string; source: "Local" | "Remote" }[] = [];
  private subscriptions: Subscription[] = [];
  /** Each sheet's selection, by upper-cased name; Excel remembers it when another sheet is active. */
  private readonly selections = new Map<string, string>();

  /** `activeSheet` reads the workbook's active sheet (which worksheet.activate() also moves). */
  constructor(private readonly activeSheet: () => string | undefined = () => "Sheet1") {}

  /** Where the cursor is: the active sheet and its selected range in A1 ("A1" until moved). */
  get selection(): { sheet: string; address: string } {
    const sheet = this.activeSheet() ?? "";
    return { sheet, address: this.selections.get(sheet.toUpperCase()) ?? "A1" };
  }

  /** Records a sheet's selection; the caller activates the sheet and raises the event. */
  setSelection(sheet: string, address: string): void {
    this.selections.set(sheet.toUpperCase(), address);
  }

  /** Adds a handler for one sheet's events, or (sheet undefined) every sheet's; returns its removal. */
  on<K extends FakeEventKind>(kind: K, sheet: string | undefined, handler: FakeEventHandler<K>): () => void {
    const subscription: Subscription = { kind, sheet, handler: handler as Subscription["handler"] };
    this.subscriptions.push(subscription);
    return () => {
      this.subscriptions = this.subscriptions.filter((s) => s !== subscription);
    };
  }

  /** How many handlers are registered for an event (on a sheet, or at all). */
  count(kind: FakeEventKind, sheet?: string): number {
    return this.subscriptions.filter((s) => s.kind === kind && (sheet === undefined || matches(s, sheet)))
      .length;
  }

  private pending: Promise<void>[] = [];

  /** Raises an event without waiting for its handlers (Excel after an API write); see idle(). */
  raise(
    kind: FakeEventKind,
    sheet: string,
    address: string,
    about: Partial<Pick<FakeChangedEventArgs, "source" | "triggerSource">> = {},
  ): void {
    const done = this.emit(kind, sheet, address, about);
    this.pending.push(done);
    void done.finally(() => (this.pending = this.pending.filter((p) => p !== done)));
  }

  /** Waits until the handlers of every raised event have finished, and theirs. */
  async idle(): Promise<void> {
    while (this.pending.length > 0) await Promise.all(this.pending);
  }

  /** Raises an event on a sheet and waits for its handlers, which Excel calls asynchronously. */
  async emit(
    kind: FakeEventKind,
    sheet: string,
    address: string,
    about: Partial<Pick<FakeChangedEventArgs, "source" | "triggerSource">> = {},
  ): Promise<void> {
    this.raised.push({ kind, sheet, address, source: about.source ?? "Local" });
    const args: FakeEventArgs[FakeEventKind] =
      kind === "changed"
        ? {
            type: "WorksheetChanged",
            changeType: "RangeEdited",
            source: about.source ?? "Local",
            ...(about.triggerSource && { triggerSource: about.triggerSource }),
            address,
            worksheetId: sheet,
          }
        : { type: "WorksheetSelectionChanged", address, worksheetId: sheet };
    const handlers = this.subscriptions.filter((s) => s.kind === kind && matches(s, sheet));
    await Promise.all(
      handlers.map(async (s) => {
        await Promise.resolve();
        try {
          await (s.handler as (a: typeof args) => unknown)(args);
        } catch (error) {
          this.handlerErrors.push(error);
        }
      }),
    );
  }
}

function matches(subscription: Subscription, sheet: string): boolean {
  return subscription.sheet === undefined || subscription.sheet.toUpperCase() === sheet.toUpperCase();
}

const hubs = new WeakMap<FakeExcel, FakeEvents>();

/** The event hub of a fake Excel, made on first use. */
export function eventsOf(excel: FakeExcel): FakeEvents {
  let hub = hubs.get(excel);
  if (!hub) {
    hub = new FakeEvents(() => excel.model.activeSheet ?? excel.model.sheets[0]?.name);
    hubs.set(excel, hub);
  }
  return hub;
}
