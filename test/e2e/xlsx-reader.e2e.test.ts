/**
 * The .xlsx reader in the browser: the task pane's merge, compare and "start from the previous
 * audit" read the files the user chooses with src/workbook/xlsx/read.ts, bundled for the web
 * (ExcelJS's browser build, zip parts unzipped by DecompressionStream: webpack.config.js). Here
 * that bundle runs in headless Chromium on real files, and must read exactly what the CLI's reader
 * (Node) reads from the same bytes: the assessment, or the same messages for a file it refuses.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import type { Lang } from "../../src/spec/types";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { SAMPLE } from "../helpers/sample";
import { launchBrowser } from "./browser";
import { buildE2e, DIST_E2E, ROOT } from "./build";
import { serveStatic, type StaticServer } from "./server";

jest.setTimeout(60_000);

let server: StaticServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await buildE2e();
  [server, browser] = await Promise.all([serveStatic(DIST_E2E), launchBrowser()]);
  page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(new URL("xlsx-reader.html", server.url).toString());
  await page.waitForFunction(() => document.body.dataset.ready === "true");
  expect(problems).toEqual([]);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the browser's reader and Node's read from the same bytes (through JSON, both). */
async function bothRead(bytes: Uint8Array, lang: Lang): Promise<{ browser: unknown; node: unknown }> {
  const base64 = Buffer.from(bytes).toString("base64");
  const inBrowser = await page.evaluate(([b, l]) => window.__readXlsx!(b, l as Lang), [
    base64,
    lang,
  ] as const);
  const inNode: unknown = JSON.parse(JSON.stringify(await readXlsx(bytes, lang)));
  return { browser: inBrowser, node: inNode };
}

it.each(["zh", "en"] as const)("reads the sample workbook (%s) as the CLI does", async (lang) => {
  const bytes = await writeXlsx(buildWorkbookLayout({ lang, assessment: SAMPLE }));
  const { browser: read, node } = await bothRead(bytes, lang);
  expect(read).toEqual(node);
  expect(read).toMatchObject({ ok: true, assessment: { organization: SAMPLE.organization } });
});

it("reads a workbook of an older layout as the CLI does", async () => {
  const bytes = readFileSync(path.join(ROOT, "test/fixtures/layout-v3-sample-zh.xlsx"));
  const { browser: read, node } = await bothRead(bytes, "zh");
  expect(read).toEqual(node);
});

it("refuses a damaged file and an old .xls with the CLI's messages", async () => {
  const sample = await writeXlsx(buildWorkbookLayout({ lang: "en", assessment: SAMPLE }));
  const truncated = await bothRead(sample.subarray(0, 3000), "en");
  expect(truncated.browser).toEqual(truncated.node);
  expect(truncated.browser).toMatchObject({ ok: false });
  const xls = await bothRead(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "zh");
  expect(xls.browser).toEqual(xls.node);
  expect(xls.browser).toMatchObject({ ok: false });
});
