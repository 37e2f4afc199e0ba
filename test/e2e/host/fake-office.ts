/**
 * The end-to-end suite's Office host: installs window.Office and window.Excel backed by the
 * recording fake Excel (test/fakes), so that the real task pane (src/taskpane/index.tsx, bundled
 * after this module by webpack.e2e.config.js) runs in Chromium as it would inside Excel, with no
 * office.js from Microsoft's CDN. The page's query string sets the host up:
 *
 *   ?lang=zh-CN|en-US  Office.context.displayLanguage (default zh-CN)
 *   &theme=light|dark  Office.context.officeTheme (default light)
 *   &api=1.8|1.9|…     the highest ExcelApi requirement set (default 1.8)
 *   &host=excel|none   none: a plain browser, Office.onReady gives host null (default excel)
 *
 * The tests reach the fake workbook through window.__starscore (test-api.ts).
 *
 * Excel recalculates by itself: before every Excel.run the formulas get the values Excel would
 * show (fake-values.ts recalculate, the engine's figures, which the formulas are proven to equal),
 * except in a cell whose formula was typed over.
 */
import { generateWorkbook } from "../../../src/taskpane/excel/write-workbook";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { FakeExcel } from "../../fakes/fake-excel";
import { markOf } from "../../fakes/highlight-marks";
import { eventsOf } from "../../fakes/fake-events";
import { select, typeIn } from "../../fakes/fake-user";
import { modelGrid, recalculate } from "../../fakes/fake-values";
import { readWorkbookGrids } from "../../../src/workbook/read/workbook";
import { assessmentWith } from "../../helpers/builders";
import type { CellSnapshot, FakeHostOptions, StarScoreTestApi } from "./test-api";

function readOptions(query: URLSearchParams): FakeHostOptions {
  const lang = query.get("lang") ?? "zh-CN";
  const theme = query.get("theme") ?? "light";
  const api = query.get("api") ?? "1.8";
  const host = query.get("host") ?? "excel";
  if (theme !== "light" && theme !== "dark") throw new Error(`fake host: theme=${theme}`);
  if (!/^1\.\d+$/.test(api)) throw new Error(`fake host: api=${api}`);
  if (host !== "excel" && host !== "none") throw new Error(`fake host: host=${host}`);
  return { lang, theme, api, host };
}

/** Office's Colorful and Black themes, as Office.context.officeTheme reports them. */
const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#262626",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#262626",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#3B3B3B",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
} as const;

function compareVersions(a: string, b: string): number {
  const [am = 0, an = 0] = a.split(".").map(Number);
  const [bm = 0, bn = 0] = b.split(".").map(Number);
  return am - bm || an - bn;
}

/** Office.context.document.settings: kept in memory, "saved" by saveAsync. */
function fakeSettings(saved: Record<string, unknown>) {
  const live: Record<string, unknown> = {};
  const succeeded = { status: "succeeded", value: undefined };
  return {
    get: (name: string) => (name in live ? live[name] : null),
    set: (name: string, value: unknown) => void (live[name] = value),
    remove: (name: string) => void delete live[name],
    saveAsync(...args: unknown[]) {
      for (const key of Object.keys(saved)) delete saved[key];
      Object.assign(saved, structuredClone(live));
      const callback = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
      setTimeout(() => callback?.(succeeded), 0);
    },
    refreshAsync(...args: unknown[]) {
      const callback = args.find((a) => typeof a === "function") as ((r: unknown) => void) | undefined;
      setTimeout(() => callback?.({ ...succeeded, value: this }), 0);
    },
  };
}

function fakeOffice(options: FakeHostOptions, excel: FakeExcel, saved: Record<string, unknown>) {
  const inExcel = options.host === "excel";
  const info = { host: inExcel ? "Excel" : null, platform: inExcel ? "OfficeOnline" : null };
  const context = inExcel
    ? {
        host: "Excel",
        platform: "OfficeOnline",
        displayLanguage: options.lang,
        contentLanguage: options.lang,
        officeTheme: THEMES[options.theme],
        diagnostics: { host: "Excel", platform: "OfficeOnline", version: "16.0.0.0" },
        requirements: {
          isSetSupported: (name: string, minVersion?: string | number) =>
            name.toLowerCase() === "excelapi" &&
            (minVersion === undefined || compareVersions(String(minVersion), excel.apiVersion) <= 0),
        },
        document: { settings: fakeSettings(saved) },
      }
    : // Outside Office, office.js leaves the context nearly empty.
      { requirements: { isSetSupported: () => false } };
  // Office.js resolves onReady once it has initialised, never synchronously.
  const ready = new Promise<typeof info>((resolve) => setTimeout(() => resolve(info), 0));
  return {
    onReady(callback?: (i: typeof info) => unknown) {
      return ready.then((i) => (callback?.(i), i));
    },
    context,
    HostType: { Excel: "Excel", Word: "Word", PowerPoint: "PowerPoint", Outlook: "Outlook" },
    PlatformType: { PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
}

function isContext(value: unknown): value is Parameters<FakeExcel["runIn"]>[0] {
  return (
    typeof value === "object" &&
    value !== null &&
    "workbook" in value &&
    typeof (value as { sync?: unknown }).sync === "function"
  );
}

/** What Excel.run is doing: how many runs are under way, and when the last one started or ended. */
interface Activity {
  running: number;
  lastChange: number;
}

function fakeExcelGlobal(excel: FakeExcel, activity: Activity) {
  const track = async <T>(batch: () => Promise<T>): Promise<T> => {
    activity.running++;
    activity.lastChange = performance.now();
    try {
      return await batch();
    } finally {
      activity.running--;
      activity.lastChange = performance.now();
    }
  };
  return {
    /**
     * Excel.run(batch); Excel.run(context, batch) goes on with an earlier run's context (the fake's
     * runIn); Excel.run(options, batch) ignores the options.
     */
    run(...args: unknown[]) {
      const batch = args[args.length - 1] as Parameters<FakeExcel["run"]>[0];
      if (typeof batch !== "function") throw new Error("Excel.run: no batch function");
      const first = args.length > 1 ? args[0] : undefined;
      if (isContext(first)) return track(() => excel.runIn(first, batch));
      recalculate(excel);
      return track(() => excel.run(batch));
    },
    EventSource: { local: "Local", remote: "Remote" },
    EventType: {
      worksheetChanged: "WorksheetChanged",
      worksheetSelectionChanged: "WorksheetSelectionChanged",
    },
    DataChangeType: { rangeEdited: "RangeEdited", unknown: "Unknown" },
    ErrorCodes: {
      accessDenied: "AccessDenied",
      apiNotFound: "ApiNotFound",
      generalException: "GeneralException",
      invalidArgument: "InvalidArgument",
      invalidOperation: "InvalidOperation",
      itemAlreadyExists: "ItemAlreadyExists",
      itemNotFound: "ItemNotFound",
      requestPayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
    },
  };
}

/** OfficeExtension: only what code may touch when handling errors. */
const officeExtension = {
  Error: class OfficeExtensionError extends Error {
    code = "GeneralException";
    debugInfo = {};
  },
  ErrorCodes: { generalException: "GeneralException" },
};

function snapshot(excel: FakeExcel, sheetName: string, address: string): CellSnapshot | null {
  const cell = excel.model.sheet(sheetName)?.peek(address.toUpperCase());
  if (!cell) return null;
  const { value, formula, locked, numberFormat, fill } = cell;
  return {
    locked,
    ...(value !== undefined && { value }),
    ...(formula !== undefined && { formula }),
    ...(numberFormat !== undefined && { numberFormat }),
    ...(fill !== undefined && { fill }),
  };
}

function install(): void {
  const options = readOptions(new URLSearchParams(window.location.search));
  const excel = new FakeExcel({ apiVersion: options.api });
  const events = eventsOf(excel);
  const saved: Record<string, unknown> = {};
  const activity: Activity = { running: 0, lastChange: performance.now() };
  const define = (name: string, value: unknown) =>
    Object.defineProperty(window, name, { value, configurable: true, writable: true });

  define("Office", fakeOffice(options, excel, saved));
  if (options.host === "excel") {
    define("Excel", fakeExcelGlobal(excel, activity));
    define("OfficeExtension", officeExtension);
  }

  const api: StarScoreTestApi = {
    options,
    excel,
    model: excel.model,
    events,
    sheetNames: () => excel.model.sheets.map((s) => s.name),
    activeSheet: () => excel.model.activeSheet,
    cell: (sheet, address) => snapshot(excel, sheet, address),
    mark: (sheet, address) => {
      const target = excel.model.sheet(sheet);
      return (target && markOf(excel.model, target, address.toUpperCase())) ?? null;
    },
    typeIn: async (sheet, address, input, options = {}) => {
      const target = excel.model.sheet(sheet);
      const protection = target?.protection;
      // The user lifts the sheet's protection, types, and protects it again with the same options.
      if (options.liftProtection && target) delete target.protection;
      try {
        await typeIn(excel, sheet, address, input);
      } finally {
        if (target && protection) target.protection = protection;
      }
    },
    overwrite: (sheet, address, value) => {
      const target = excel.model.sheet(sheet)?.peek(address.replace(/\$/g, "").toUpperCase());
      if (!target) throw new Error(`fake host: nothing at ${sheet}!${address} to overwrite`);
      delete target.formula;
      delete target.result;
      delete target.error;
      target.value = value;
    },
    select: (sheet, address) => select(excel, sheet, address),
    selection: () => events.selection,
    handlerCount: (kind, sheet) => events.count(kind, sheet),
    handlerErrors: () => events.handlerErrors.map(String),
    syncs: () => excel.syncs,
    idleFor: () => (activity.running > 0 ? 0 : performance.now() - activity.lastChange),
    recalculate: () => recalculate(excel),
    readBack: () => {
      const read = readWorkbookGrids((name) => {
        const sheet = excel.model.sheet(name);
        return sheet && modelGrid(sheet);
      }, "en");
      return read.ok ? { lang: read.lang, assessment: read.assessment } : { errors: read.errors };
    },
    savedSettings: () => structuredClone(saved),
    generate: (lang, evaluators = 2) =>
      generateWorkbook(buildWorkbookLayout({ lang, assessment: assessmentWith({ evaluators }) })),
    generateFrom: (lang, assessment) => generateWorkbook(buildWorkbookLayout({ lang, assessment })),
  };
  define("__starscore", api);
}

install();
