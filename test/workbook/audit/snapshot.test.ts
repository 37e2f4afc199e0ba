import type { Assessment } from "../../../src/assessment/schema";
import { toResultJson } from "../../../src/core/report";
import { scoreAssessment } from "../../../src/core/score";
import { canonicalJson } from "../../../src/workbook/integrity/fingerprint";
import { sha256 } from "../../../src/workbook/integrity/sha256";
import {
  chunks,
  entriesHash,
  headerCells,
  inputsOf,
  latestRecord,
  newRecord,
  readSnapshot,
  recordCells,
  recordRange,
  reopened,
  resultOf,
  SNAPSHOT_LAYOUT,
  type SnapshotData,
  type SnapshotRecord,
} from "../../../src/workbook/audit/snapshot";
import { assessmentWith } from "../../helpers/builders";
import { gridOf, rowsAt } from "./grid";

const assessment: Assessment = {
  ...assessmentWith({ evaluators: 2, deductions: 1, bonus: [0.5] }),
  notes: { B1: "现场查看 😀".repeat(3) },
};

function dataOf(a = assessment): SnapshotData {
  return {
    version: 1,
    starscore: "0.1.0",
    lang: "zh",
    inputs: inputsOf(a),
    result: resultOf(toResultJson(a, scoreAssessment(a), "zh")),
    unlocked: { info: ["B4:B5"], scoring: ["H3:I4", "H6:I71"], special: ["B5:H24"] },
  };
}

/** The snapshot sheet as a reader sees it, with these records. */
function sheetWith(records: SnapshotRecord[]) {
  const [label, header] = headerCells();
  return gridOf("StarScore_Snapshot", {
    ...rowsAt(1, [label!, header!]),
    ...Object.assign({}, ...records.map((r) => rowsAt(r.row, [recordCells(r)]))),
  });
}

describe("the snapshot's records", () => {
  const record = newRecord(1, 3, { at: "2025-03-14T09:26:53+08:00", by: "=王组长" }, dataOf());

  it("read back as written, checksums and entries hash matching", () => {
    const { records, problems } = readSnapshot(sheetWith([record]));
    expect(problems).toEqual([]);
    expect(records).toEqual([record]);
    expect(record.entriesHash).toBe(sha256(canonicalJson(inputsOf(assessment))));
    expect(recordRange(record)).toBe("A3:I3");
  });

  it("large data spans cells, never splitting a surrogate pair", () => {
    const notes = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`B${i + 1}`, "😀".repeat(1000)]));
    const big = newRecord(1, 3, { at: "t", by: "p" }, dataOf({ ...assessment, notes }));
    const cells = recordCells(big);
    expect(cells.length).toBeGreaterThan(SNAPSHOT_LAYOUT.dataColumn);
    for (const cell of cells.slice(SNAPSHOT_LAYOUT.dataColumn - 1) as string[]) {
      expect(cell.length).toBeLessThanOrEqual(SNAPSHOT_LAYOUT.chunk);
      expect(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(cell)).toBe(false);
    }
    expect(readSnapshot(sheetWith([big])).records).toEqual([big]);
    expect(chunks("a😀b", 2)).toEqual(["a", "😀", "b"]);
  });

  it("reopened: the same row, its status and checksum updated, its data unchanged", () => {
    const later = reopened(record, "2025-03-15T08:00:00+08:00", "赵主任");
    expect(later).toMatchObject({
      status: "reopened",
      reopenedBy: "赵主任",
      entriesHash: record.entriesHash,
    });
    expect(later.checksum).not.toBe(record.checksum);
    const second = newRecord(2, 4, { at: "2025-03-16T08:00:00+08:00", by: "王组长" }, dataOf());
    const { records, problems } = readSnapshot(sheetWith([later, second]));
    expect(problems).toEqual([]);
    expect(latestRecord(records)).toEqual(second);
  });

  it.each([
    ["the person", 3, "别人"],
    ["the status", 1, "reopened"],
    ["the entries hash", 4, "0".repeat(64)],
    ["the data", SNAPSHOT_LAYOUT.dataColumn - 1, "{}"],
  ])("%s edited: the row is reported, not read", (_, index, value) => {
    const cells = recordCells(record);
    cells[index] = value;
    const [label, header] = headerCells();
    const grid = gridOf("StarScore_Snapshot", { ...rowsAt(1, [label!, header!]), ...rowsAt(3, [cells]) });
    const { records, problems } = readSnapshot(grid);
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { row: 3, message: expect.objectContaining({ en: expect.stringContaining("Row 3") }) },
    ]);
  });

  it("a header edited: nothing is read", () => {
    const [label] = headerCells();
    const grid = gridOf("StarScore_Snapshot", rowsAt(1, [label!, ["x"], recordCells(record)]));
    expect(readSnapshot(grid)).toMatchObject({ records: [], problems: [{ row: 2 }] });
  });

  it("the entries hash does not depend on the order of properties, or on empty parts", () => {
    const reordered = Object.fromEntries(Object.entries(assessment).reverse()) as typeof assessment;
    expect(entriesHash(inputsOf(reordered))).toBe(entriesHash(inputsOf(assessment)));
    expect(entriesHash(inputsOf({ ...assessment, exclusions: {}, deductions: assessment.deductions }))).toBe(
      entriesHash(inputsOf(assessment)),
    );
    expect(entriesHash(inputsOf({ ...assessment, organization: "x" }))).not.toBe(
      entriesHash(inputsOf(assessment)),
    );
  });
});
