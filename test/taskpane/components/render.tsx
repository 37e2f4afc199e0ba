/** Renders the task pane as index.tsx does, with a fake host, and runs axe over it. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, waitFor, within } from "@testing-library/react";
import axe from "axe-core";
import App, { type AppProps } from "../../../src/taskpane/components/App";
import { STAGES, viewEntry, viewsOf, type ViewId } from "../../../src/taskpane/components/views";
import type { StarScoreHost } from "../../../src/taskpane/actions/types";
import { htmlLang, messages, type Lang } from "../../../src/taskpane/i18n";
// The workspace's and the views' modules, loaded with the test file rather than by the first test
// that opens a view: compiling them (and the Fluent components they import) is the suite's set-up,
// not the work a test's time limit bounds. The pane still loads them through its lazy components
// (App.tsx's workspace, views.ts's views).
import "../../../src/taskpane/components/Workspace";
import "../../../src/taskpane/components/generate/GenerateView";
import "../../../src/taskpane/components/ValidateView";
import "../../../src/taskpane/components/InspectorView";
import "../../../src/taskpane/components/ResultsView";
import "../../../src/taskpane/components/FinaliseView";
import "../../../src/taskpane/components/PlanView";
import "../../../src/taskpane/components/CompareView";
import "../../../src/taskpane/components/ReviewView";

/**
 * Role queries skip their visibility check: with Fluent's hundreds of CSS rules, jsdom's
 * getComputedStyle makes each role query take a second. The tests scope their queries to the
 * panel that is shown instead (`panel()`), and check `hidden` where it matters.
 */
configure({ defaultHidden: true });

export const PERSON_KEY = "starscore.personName";

export interface PaneOptions {
  /** The name the pane remembers (the audit log's person); "" for none. */
  person?: string;
}

/**
 * Renders the pane and lets its first host calls (hasWorkbook, subscriptions) settle and its first
 * view's chunk load. By default the pane knows who is acting ("王组长"), as after the first run.
 */
export async function renderPane(
  host: StarScoreHost | undefined,
  props: Partial<AppProps> = {},
  { person = "王组长" }: PaneOptions = {},
) {
  localStorage.clear();
  if (person) localStorage.setItem(PERSON_KEY, person);
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App initialLang="zh" inExcel excelApiSupported host={host} {...props} />
    </FluentProvider>,
  );
  await act(async () => undefined);
  if (host && props.inExcel !== false && props.excelApiSupported !== false) await viewLoaded("generate");
  return view;
}

export type TabId = ViewId;

/** The tabpanel of a view, for within(). */
export function panel(id: ViewId): HTMLElement {
  const element = document.getElementById(`starscore-panel-${id}`);
  if (!element) throw new Error(`no panel ${id}`);
  return element;
}

/** A view's own status line (its role and name are checked in App.test.tsx; this query is cheap). */
export function statusOf(id: ViewId): HTMLElement {
  const status = panel(id).querySelector<HTMLElement>('[role="status"]');
  if (!status) throw new Error(`no status line in ${id}`);
  return status;
}

/** Waits until a view's chunk has loaded and it has rendered its heading. */
export async function viewLoaded(id: ViewId): Promise<void> {
  await waitFor(() => expect(panel(id).querySelector("h2")).toBeTruthy());
}

/**
 * Opens a view as a user does, by its stage's tab and then, for a stage with several views, the
 * view's own tab; returns the panel's queries once the view has loaded.
 */
export async function openView(id: ViewId, lang: Lang = "zh") {
  const t = messages[lang];
  const entry = viewEntry(id);
  const stage = STAGES.find((s) => s.id === entry.stage)!;
  // Found by their labels: the navigation's roles and names are App.test.tsx's to check, and role
  // queries over the whole pane cost a second each in jsdom.
  const stages = document.querySelector(`[role="tablist"][aria-label="${t.tabListLabel}"]`) as HTMLElement;
  fireEvent.click(within(stages).getByText(t[stage.label], { selector: ".fui-Tab__content" }));
  if (viewsOf(stage.id).length > 1) {
    const views = document.getElementById(`starscore-stage-panel-${stage.id}`)!;
    fireEvent.click(within(views).getByText(t[entry.label], { selector: ".fui-Tab__content" }));
  }
  expect(panel(id).hidden).toBe(false);
  await viewLoaded(id);
  return within(panel(id));
}

/** Switches the pane's language with its header button (a cheap query: see openView). */
export function chooseLanguage(lang: Lang): void {
  fireEvent.click(document.querySelector(`header button[lang="${htmlLang(lang)}"]`)!);
}

/**
 * Every axe violation, of any impact, in an element (less what `exclude` selects), as "id: help
 * (selectors)" lines. Colour contrast needs a real layout engine, which jsdom has not (the
 * end-to-end suite checks it).
 */
export async function axeViolations(element: Element, exclude: readonly string[] = []): Promise<string[]> {
  let results: axe.AxeResults | undefined;
  const context = exclude.length
    ? { include: [element], exclude: exclude.map((selector) => [selector]) }
    : element;
  await act(async () => {
    results = await axe.run(context as axe.ElementContext, {
      resultTypes: ["violations"],
      rules: { "color-contrast": { enabled: false } },
    });
  });
  return (results?.violations ?? []).map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
}

/** A promise and the functions that settle it, to hold an action while the test looks at the pane. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** axe over a whole view takes seconds in jsdom (getComputedStyle over Fluent's CSS). */
export const AXE_TIMEOUT_MS = 30_000;

/** Chooses a file in a file input, as the browser reports a choice (FileChooser reads it). */
export function chooseFile(input: HTMLInputElement, name: string, bytes: number[]): void {
  const file = new File([new Uint8Array(bytes)], name);
  // jsdom's File has no arrayBuffer(); the browser's has (File API, Blob.arrayBuffer).
  Object.defineProperty(file, "arrayBuffer", { value: async () => new Uint8Array(bytes).buffer });
  fireEvent.change(input, { target: { files: [file] } });
}

/** A table's body rows, each a list of its cells' text. */
export function tableRows(table: HTMLElement): (string | null)[][] {
  return [...table.querySelectorAll("tbody tr")].map((tr) => [...tr.children].map((td) => td.textContent));
}
