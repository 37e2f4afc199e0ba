/** Renders the task pane as index.tsx does, with a fake host, and runs axe over it. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, configure, fireEvent, render, screen, within } from "@testing-library/react";
import axe from "axe-core";
import App, { type AppProps } from "../../../src/taskpane/components/App";
import type { StarScoreHost } from "../../../src/taskpane/actions/types";

/**
 * Role queries skip their visibility check: with Fluent's hundreds of CSS rules, jsdom's
 * getComputedStyle makes each role query take a second. The tests scope their queries to the
 * panel that is shown instead (`panel()`), and check `hidden` where it matters.
 */
configure({ defaultHidden: true });

/** Renders the pane and lets its first host calls (hasWorkbook, subscriptions) settle. */
export async function renderPane(host: StarScoreHost | undefined, props: Partial<AppProps> = {}) {
  const view = render(
    <FluentProvider theme={webLightTheme}>
      <App initialLang="zh" inExcel excelApiSupported host={host} {...props} />
    </FluentProvider>,
  );
  await act(async () => undefined);
  return view;
}

export type TabId = "generate" | "validate" | "results" | "inspector" | "finalise";

/** The tabpanel of a view, for within(). */
export function panel(id: TabId): HTMLElement {
  const element = document.getElementById(`starscore-panel-${id}`);
  if (!element) throw new Error(`no panel ${id}`);
  return element;
}

/** Clicks a view's tab and returns the panel's queries. */
export function openTab(name: string, id: TabId) {
  fireEvent.click(screen.getByRole("tab", { name }));
  expect(panel(id).hidden).toBe(false);
  return within(panel(id));
}

/**
 * The axe violations that matter (serious and critical) in an element, as "id: help (selectors)"
 * lines. Colour contrast needs a real layout engine, which jsdom has not.
 */
export async function seriousViolations(element: Element): Promise<string[]> {
  let results: axe.AxeResults | undefined;
  await act(async () => {
    results = await axe.run(element, {
      resultTypes: ["violations"],
      rules: { "color-contrast": { enabled: false } },
    });
  });
  return (results?.violations ?? [])
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
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
