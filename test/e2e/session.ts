import type { Browser } from "playwright-core";
import {
  launchBrowser,
  layoutProblems,
  openPane,
  runAxe,
  screenshot,
  type Pane,
  type PaneOptions,
} from "./browser";
import { buildE2e, DIST_E2E } from "./build";
import { serveStatic, type StaticServer } from "./server";

/** What a test file asks of its session: a task pane opened in a fresh browser context. */
export interface PaneSession {
  open(options?: PaneOptions): Promise<Pane>;
}

/**
 * One e2e test file's session, registered as its beforeAll and afterAll: dist-e2e/ built (once per
 * run, webpack's cache after that), served on 127.0.0.1, one headless Chromium; both closed after
 * the file. Call it at the file's top level.
 */
export function paneSession(buildTimeoutMs = 240_000): PaneSession {
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    await buildE2e();
    [server, browser] = await Promise.all([serveStatic(DIST_E2E), launchBrowser()]);
  }, buildTimeoutMs);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open: (options) => {
      if (!browser || !server) throw new Error("paneSession: the session has not started (beforeAll)");
      return openPane(browser, server.url, options);
    },
  };
}

/**
 * What every view a scenario shows must pass: no hover look left on the last button clicked, no
 * text cut off or outside the pane, every axe violation (any impact; the tabster sentinels aside,
 * see runAxe), and a screenshot named `name`.
 */
export async function checkView(pane: Pane, name: string): Promise<void> {
  await pane.page.mouse.move(0, 0);
  expect(await layoutProblems(pane.page)).toEqual([]);
  expect(await runAxe(pane.page)).toEqual([]);
  await screenshot(pane, name);
}
