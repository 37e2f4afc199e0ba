/**
 * Issue 9, point 7: the pane's reads fit Excel on the web's limits at StarScore's largest workbook.
 * The fake in web mode (test/fakes/fake-excel.ts) refuses a request or a response over 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded, "Resource limits and
 * performance optimization for Office Add-ins", "Excel add-ins") and a read of more than 5,000,000
 * cells ("Payload size limit best practices"). Reading every sheet's used range, as the pane did
 * before, fails on the far-away cell below; the reads are bounded to READ_AREA and, when an answer
 * is still too large, made again in bands of rows.
 */
import type { Assessment } from "../../../src/assessment/schema";
import { ITEMS } from "../../../src/spec";
import { assessmentWith } from "../../helpers/builders";
import { cellRef } from "../../../src/workbook/address";
import { scoringColumns } from "../../../src/workbook/scoring-grid";
import { measured, plant, readBack, rowOf, workbookOf } from "./fixture";

const MB = 1024 * 1024;
const web = { platform: "web" as const };

/** 200 evaluators, every entry given, every item's note `length` characters of Chinese text. */
function largest(length: number): Assessment {
  const assessment = assessmentWith({ evaluators: 200, fill: () => 85 });
  const note = "现场核查记录：服务网点与承诺一致。".repeat(Math.ceil(length / 17)).slice(0, length);
  return { ...assessment, notes: Object.fromEntries(ITEMS.map((item) => [item.code, note])) };
}

describe("Excel on the web at 200 evaluators, every note 2,000 characters", () => {
  const figures: string[] = [];
  afterAll(() =>
    console.log(`limits (web fake, 200 evaluators, 2,000-character notes):\n${figures.join("\n")}`),
  );

  it.each(["validate", "compute", "verify"] as const)(
    "%s: within the 5 MB request and response limits, validate and compute in ≤ 2 syncs, each request < 4 MB",
    async (action) => {
      const wb = await workbookOf(largest(2_000), "zh", web);
      const m = await measured(wb.excel, (): Promise<unknown> =>
        action === "validate"
          ? wb.host.validate()
          : action === "compute"
            ? wb.host.compute()
            : wb.host.verify(),
      );
      expect(m.runs).toBe(1);
      expect(m.syncs).toBeLessThanOrEqual(action === "verify" ? 1 : 2);
      expect(Math.max(...m.bytes)).toBeLessThan(4 * MB);
      expect(Math.max(...m.responseBytes)).toBeLessThan(5 * MB);
      const issues = action === "verify" ? m.result : (m.result as { issues: unknown[] }).issues;
      expect(issues).toEqual([]);
      figures.push(
        `  ${action}: ${m.syncs} sync(s), request ${m.bytes.join("+")} B, response ${m.responseBytes.join("+")} B`,
      );
    },
    120_000,
  );

  it("a cell far beyond the layout (XFD1048576) is reported, not read: the used range would be billions of cells", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 200 }), "en", web);
    plant(wb.sheet("scoring"), "XFD1048576", { text: "stray" });
    const { issues } = await wb.host.validate();
    expect(issues.map((i) => i.message.en)).toEqual([
      expect.stringContaining("XFD1048576: this cell has content beyond what StarScore reads"),
    ]);
  }, 120_000);

  it("notes of 32,767 characters (Excel's most), whose answer is over 5 MB: read again in bands, the same result", async () => {
    // Generated with 2,000-character notes (generate's own request would be over 5 MB), then each
    // note made as long as a cell holds, as a user typing or pasting would.
    const assessment = largest(2_000);
    const wb = await workbookOf(assessment, "zh", web);
    const long = largest(32_767).notes!;
    const scoring = wb.sheet("scoring");
    const notes = scoringColumns(200).notes;
    for (const item of ITEMS) plant(scoring, cellRef(notes, rowOf(item.code)), { text: long[item.code]! });
    const m = await measured(wb.excel, () => wb.host.validate());
    expect(m.result.issues).toEqual([]);
    // The first answer was refused; the sheets were then read in parts, each answer under 5 MB.
    expect(m.syncs).toBeGreaterThan(2);
    const [refused, ...parts] = m.responseBytes;
    expect(refused).toBeGreaterThan(5 * MB);
    expect(Math.max(...parts)).toBeLessThanOrEqual(5 * MB);
    expect(readBack(wb.excel).assessment.notes).toEqual(long);
    figures.push(
      `  validate, 32,767-character notes: ${m.syncs} syncs, response ${m.responseBytes.join("+")} B`,
    );
  }, 600_000);
});
