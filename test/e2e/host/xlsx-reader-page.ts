import type { Lang } from "../../../src/spec/types";

/**
 * A page with nothing but the .xlsx reader, built by webpack.e2e.config.js exactly as the task pane's
 * views load it (a chunk of its own, through import()): test/e2e/xlsx-reader.e2e.test.ts hands it a
 * file's bytes and compares what it reads with what the CLI's reader reads from the same file.
 */
declare global {
  interface Window {
    __readXlsx?: (base64: string, lang: Lang) => Promise<unknown>;
  }
}

window.__readXlsx = async (base64, lang) => {
  const { readXlsx } = await import(
    /* webpackChunkName: "workbook-reader" */ "../../../src/workbook/xlsx/read"
  );
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  // Through JSON, as the test receives it from the page.
  return JSON.parse(JSON.stringify(await readXlsx(bytes, lang)));
};
document.body.dataset.ready = "true";
