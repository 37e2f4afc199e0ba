import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildTaskpane, bundleSizes, type BundleFile } from "../../bench/bundle";

/**
 * The task pane's first open is paid on every auditor's laptop: its initial JavaScript (the scripts
 * taskpane.html loads) stays within 200 KB gzipped. Measured on a real production build.
 */
const BUDGET_GZIP_BYTES = 200 * 1024;

jest.setTimeout(240_000);

let files: BundleFile[] = [];
const out = mkdtempSync(path.join(tmpdir(), "starscore-bundle-"));

beforeAll(() => {
  buildTaskpane(out);
  files = bundleSizes(out);
});

afterAll(() => rmSync(out, { recursive: true, force: true }));

test("the production build emits the task pane's scripts", () => {
  expect(files.filter((f) => f.initial).map((f) => f.file)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^taskpane\..*\.js$/)]),
  );
});

test("initial task-pane JavaScript is at most 200 KB gzipped", () => {
  const initial = files.filter((f) => f.initial).reduce((total, f) => total + f.gzip, 0);
  expect(initial).toBeGreaterThan(50 * 1024); // React and Fluent alone weigh more: the measure is real
  expect(initial).toBeLessThanOrEqual(BUDGET_GZIP_BYTES);
});

test("the pane's .docx report (docxtemplater, PizZip, the built-in template) is a chunk of its own, not initial", () => {
  const chunk = files.filter((f) => /^report-docx\..*\.js$/.test(f.file));
  expect(chunk.map((f) => f.initial)).toEqual([false]);
  expect(chunk[0]!.gzip).toBeGreaterThan(20 * 1024); // docxtemplater and PizZip are in it
});
