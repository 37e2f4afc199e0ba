import type { Assessment } from "../../../src/assessment/schema";
import type { FakeExcel } from "../../fakes/fake-excel";
import type { FakeEvents } from "../../fakes/fake-events";
import type { FakeWorkbookModel } from "../../fakes/fake-model";

/**
 * The page's test hooks (window.__starscore), installed by fake-office.ts before the task pane
 * starts. Types only: shared by the in-page host and the Node side (page.evaluate callbacks).
 */

/** How the fake host presents itself, from the page's query string. */
export interface FakeHostOptions {
  /** Office.context.displayLanguage: "zh-CN" or "en-US" (any tag works). */
  lang: string;
  /** Office.context.officeTheme: light (Colorful) or dark (Black). */
  theme: "light" | "dark";
  /** The highest ExcelApi requirement set the host has, e.g. "1.8". */
  api: string;
  /** "excel": inside Excel; "none": a plain browser (Office.onReady gives host null, no Excel global). */
  host: "excel" | "none";
}

/** One cell of the fake workbook as the user would see it. */
export interface CellSnapshot {
  value?: string | number | boolean;
  formula?: string;
  locked: boolean;
  numberFormat?: string;
  fill?: string;
}

export interface StarScoreTestApi {
  readonly options: FakeHostOptions;
  /** The fake Excel behind Excel.run (also when host is none, though no Excel global exists then). */
  readonly excel: FakeExcel;
  readonly model: FakeWorkbookModel;
  /** The fake's event hub: register handlers with events.on, see what was raised. */
  readonly events: FakeEvents;
  sheetNames(): string[];
  activeSheet(): string | undefined;
  /** A cell's content, or null when nothing was ever written to it. */
  cell(sheet: string, address: string): CellSnapshot | null;
  /**
   * The highlight the cell shows through the layout's conditional formats over the pane's store
   * (test/fakes/highlight-marks.ts), or null: the fake does not evaluate conditional formats.
   */
  mark(sheet: string, address: string): "error" | "warning" | null;
  /**
   * Types into a cell as the user would (see test/fakes/fake-user.ts) and raises onChanged. With
   * liftProtection, the user first lifts the sheet's protection and puts it back afterwards (to type
   * into a locked cell).
   */
  typeIn(
    sheet: string,
    address: string,
    input: string | number | boolean,
    options?: { liftProtection?: boolean },
  ): Promise<void>;
  /** Replaces a cell's formula by a constant, as a user typing over it would; raises no event. */
  overwrite(sheet: string, address: string, value: string | number | boolean): void;
  /** Moves the selection as the user would and raises onSelectionChanged. */
  select(sheet: string, address: string): Promise<void>;
  selection(): { sheet: string; address: string };
  /** How many event handlers are registered (e.g. to wait until the pane listens). */
  handlerCount(kind: "changed" | "selectionChanged", sheet?: string): number;
  /** Errors thrown by event handlers, as text (Excel swallows them). */
  handlerErrors(): string[];
  /** Requests (context.sync calls) the page has made so far. */
  syncs(): number;
  /** How long (ms) no Excel.run has been under way; 0 while one is. */
  idleFor(): number;
  /** Gives every formula the value Excel would show (Excel.run does it by itself first). */
  recalculate(): boolean;
  /** The assessment the workbook holds, as the readers see it, or why it cannot be read. */
  readBack(): { lang: "zh" | "en"; assessment: Assessment } | { errors: string[] };
  /** Office.context.document.settings as last saved with saveAsync. */
  savedSettings(): Record<string, unknown>;
  /** Writes the StarScore workbook through the global Excel.run, as the add-in does. */
  generate(lang: "zh" | "en", evaluators?: number): Promise<{ skipped: string[] }>;
  /** The same for a given assessment (its entries, exclusions, deductions, follow-up written too). */
  generateFrom(lang: "zh" | "en", assessment: Assessment): Promise<{ skipped: string[] }>;
}

declare global {
  interface Window {
    __starscore: StarScoreTestApi;
  }
}
