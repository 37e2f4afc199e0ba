/**
 * `starscore report -o report.pdf` through LibreOffice (Writer, headless, its own profile): the PDF
 * of the sample's built-in report holds every value issue 13 lists, read back with poppler's
 * pdftotext (-raw: in the order LibreOffice wrote the text, so a cell's wrapped lines stay together;
 * compared without whitespace, as a wrapped line breaks where the cell's width says). With
 * STARSCORE_UPDATE_DOCS=1 the first page of the Chinese report is also photographed into
 * docs/screenshots/report-docx.png (pdftoppm).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { findSoffice } from "../../src/cli/pdf";
import { scoreAssessment } from "../../src/core/score";
import { NO_WORKBOOK, reportModel } from "../../src/report/model";
import { listedValues } from "../helpers/report";
import { runCli, tempDir } from "../helpers/run-cli";
import { SAMPLE, SAMPLE_FILE } from "../helpers/sample";
import { toolProblem } from "./engine";

jest.setTimeout(300_000);

const POPPLER_HINT = "install poppler-utils (scripts/install-system-deps.sh)";

// No skipping: `.ci/run` installs LibreOffice Writer and poppler-utils.
test("LibreOffice (soffice) and poppler (pdftotext, pdftoppm) are installed", () => {
  expect(findSoffice(process.env.PATH)).toBeDefined();
  expect(toolProblem("/usr/bin/pdftotext", ["-v"], POPPLER_HINT)).toBeNull();
  expect(toolProblem("/usr/bin/pdftoppm", ["-v"], POPPLER_HINT)).toBeNull();
});

const squeeze = (text: string) => text.replace(/\s+/g, "");

describe.each(["zh", "en"] as const)("the PDF of the sample's report (%s)", (lang) => {
  let pdf: string;
  let text: string;

  beforeAll(async () => {
    pdf = path.join(tempDir(), `report-${lang}.pdf`);
    const run = await runCli(["report", SAMPLE_FILE, "-o", pdf, "--lang", lang], process.env);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const extracted = spawnSync("/usr/bin/pdftotext", ["-raw", "-enc", "UTF-8", pdf, "-"], {
      encoding: "utf8",
    });
    expect(extracted.status).toBe(0);
    text = extracted.stdout;
  });

  it("is a PDF of at most three A4 pages", () => {
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe("%PDF-");
    const info = spawnSync("/usr/bin/pdfinfo", [pdf], { encoding: "utf8" }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeLessThanOrEqual(3);
  });

  it("holds every listed value, the fingerprint in the footer", () => {
    const model = reportModel(SAMPLE, scoreAssessment(SAMPLE), NO_WORKBOOK, lang);
    const { body, footer } = listedValues(model);
    const all = squeeze(text);
    const missing = [...body, ...footer].filter((v) => !all.includes(squeeze(v)));
    expect(missing).toEqual([]);
  });

  if (lang === "zh" && process.env.STARSCORE_UPDATE_DOCS === "1") {
    it("photographs its first page into docs/screenshots/report-docx.png", () => {
      const target = path.resolve(__dirname, "../../docs/screenshots/report-docx");
      const run = spawnSync("/usr/bin/pdftoppm", [
        "-png",
        "-r",
        "70",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        pdf,
        target,
      ]);
      expect(run.status).toBe(0);
    });
  }
});
