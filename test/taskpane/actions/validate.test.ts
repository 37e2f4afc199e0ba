import { MARKS } from "../../../src/workbook/highlight-marks";
import { columnLetter } from "../../../src/workbook/address";
import { TEXT } from "../../../src/workbook/labels";
import { scoringColumns } from "../../../src/workbook/scoring-grid";
import { STYLES } from "../../../src/workbook/styles";
import { DEDUCTION_CATEGORIES } from "../../../src/spec";
import { sortRows, typeIn } from "../../fakes/fake-user";
import { recalculate } from "../../fakes/fake-values";
import { assessmentWith } from "../../helpers/builders";
import { FakeExcel } from "../../fakes/fake-excel";
import {
  entryRef,
  hostOn,
  logRows,
  markOf,
  measured,
  plant,
  rowOf,
  swapRows,
  workbookOf,
  type Workbook,
} from "./fixture";

const MB = 1024 * 1024;
const INPUT_FILL = `#${STYLES.input.fill}`;
const INPUT_TEXT_FILL = `#${STYLES.inputText.fill}`;

describe("validate: one Excel.run, at most 2 syncs, whatever the number of evaluators", () => {
  const figures: string[] = [];
  afterAll(() => console.log(`validate (ExcelApi 1.8 fake):\n${figures.join("\n")}`));

  it.each([1, 10, 50, 200])(
    "%i evaluators",
    async (n) => {
      const wb = await workbookOf(assessmentWith({ evaluators: n }));
      const clean = await measured(wb.excel, () => wb.host.validate());
      expect(clean.result).toEqual({
        issues: [],
        errors: 0,
        warnings: 0,
        // Scoring's progress and the score as it stands (the Validate and Finalise views).
        progress: { scored: 50, applicable: 50 },
        result: { finalScore: 80, gradeLabel: { zh: "三星级", en: "Three-star" } },
      });
      expect(clean.runs).toBe(1);
      expect(clean.syncs).toBeLessThanOrEqual(2);

      // Every evaluator's B1 off the step: n cells to highlight (and a store to write); B1 is unscored.
      const scoring = wb.sheet("scoring");
      for (let k = 0; k < n; k++) plant(scoring, entryRef("B1", k, n), { number: 82 });
      const faulty = await measured(wb.excel, () => wb.host.validate());
      expect(faulty.result.errors).toBe(n + 1);
      expect(faulty.runs).toBe(1);
      expect(faulty.syncs).toBe(2);
      expect(Math.max(...faulty.bytes)).toBeLessThan(2 * MB);

      for (let k = 0; k < n; k++) plant(scoring, entryRef("B1", k, n), { number: 80 });
      const fixed = await measured(wb.excel, () => wb.host.validate());
      expect(fixed.result.issues).toEqual([]);
      expect(fixed.syncs).toBe(2);
      expect(wb.excel.unsynced).toBe(0);
      expect(Math.max(...faulty.responseBytes)).toBeLessThan(2 * MB);
      const show = (m: typeof clean) =>
        `${m.syncs} sync(s), request ${m.bytes.join("+")} B, response ${m.responseBytes.join("+")} B`;
      figures.push(
        `  ${n} evaluators: clean ${show(clean)}; ${n} errors ${show(faulty)}; fixed ${show(fixed)}`,
      );
    },
    60_000,
  );
});

describe("validate: planted errors", () => {
  const n = 2;
  let wb: Workbook;
  const cell = (ref: string, sheet = "评分") => `'${sheet}'!${ref}`;
  const c7 = rowOf("C7");
  const columns = scoringColumns(n);
  const flagC7 = `${columnLetter(columns.applicable)}${c7}`;
  const reasonC7 = `${columnLetter(columns.reason)}${c7}`;

  beforeAll(async () => {
    wb = await workbookOf(assessmentWith({ evaluators: n }));
    const scoring = wb.sheet("scoring");
    plant(scoring, entryRef("B1", 0, n), { text: "abc" });
    plant(scoring, entryRef("B2", 0, n), { text: "８０" });
    plant(scoring, entryRef("B3", 0, n), { number: 0.8 });
    plant(scoring, entryRef("B4", 0, n), { number: 82 });
    plant(scoring, entryRef("B5", 0, n), { number: 150 });
    plant(scoring, entryRef("B6", 0, n), { error: "#REF!" });
    plant(scoring, entryRef("B7", 0, n), { date: 46027 });
    // C7 cannot be excluded: its flag cell is locked; a user who lifted the protection typed there.
    plant(scoring, flagC7, { text: TEXT.notApplicable.zh });
    plant(scoring, reasonC7, { text: "不涉及" });
    // A deduction with a category and nothing else.
    await typeIn(wb.excel, "特别项", "B5", DEDUCTION_CATEGORIES[0]!.label.zh);
  });

  it("finds exactly those issues, at exactly those cells", async () => {
    const { result, syncs, runs } = await measured(wb.excel, () => wb.host.validate());
    expect([syncs, runs]).toEqual([2, 1]);
    expect(
      result.issues.map((i) => [i.code, i.severity, i.cell, i.item ?? null, i.evaluator ?? null]),
    ).toEqual([
      // The reader's: cells that do not hold a number, read as blank.
      ["entry-text", "error", cell(entryRef("B1", 0, n)), "B1", 0],
      ["entry-number-as-text", "error", cell(entryRef("B2", 0, n)), "B2", 0],
      ["entry-error", "error", cell(entryRef("B6", 0, n)), "B6", 0],
      ["entry-date", "error", cell(entryRef("B7", 0, n)), "B7", 0],
      // The engine's.
      ["entry-looks-like-fraction", "error", cell(entryRef("B3", 0, n)), "B3", 0],
      ["entry-off-step", "error", cell(entryRef("B4", 0, n)), "B4", 0],
      ["entry-out-of-range", "error", cell(entryRef("B5", 0, n)), "B5", 0],
      // An exclusion's issue is about the item it excludes (listed under it, issue 11 point 8).
      ["exclusion-not-allowed", "error", cell(flagC7), "C7", null],
      ["deduction-no-description", "error", cell("C5", "特别项"), null, null],
      ["deduction-no-rectification", "warning", cell("F5", "特别项"), null, null],
    ]);
    expect([result.errors, result.warnings]).toEqual([9, 1]);
    const message = (code: string) => result.issues.find((i) => i.code === code)!.message;
    expect(message("entry-number-as-text").en).toContain(
      'the cell holds the text "８０", not a number. Type the number 80 instead.',
    );
    expect(message("entry-error").en).toContain(
      "the cell holds an error (#REF!). Type a percentage from 0 to 100",
    );
    expect(message("entry-date").en).toContain("the cell is formatted as a date (it shows 2026-01-05)");
    expect(message("entry-looks-like-fraction").en).toContain("Type the percentage 80 instead");
  });

  it("highlights those cells, and remembers them in the Rules sheet's hidden column", () => {
    const scoring = wb.sheet("scoring");
    for (const code of ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]) {
      expect([code, markOf(wb.excel, scoring, entryRef(code, 0, n))]).toEqual([code, "error"]);
    }
    expect(scoring.peek(entryRef("B8", 0, n))?.fill).toBe(INPUT_FILL);
    expect(markOf(wb.excel, scoring, flagC7)).toBe("error");
    expect(markOf(wb.excel, wb.sheet("special"), "C5")).toBe("error");
    expect(markOf(wb.excel, wb.sheet("special"), "F5")).toBe("warning");
    const rules = wb.sheet("rules");
    expect(rules.peek(`${MARKS.column}1`)?.value).toBe(MARKS.label);
    const listed = [...rules.cells.values()]
      .map((c) => c.value)
      .filter((v): v is string => typeof v === "string" && /^[EW] /.test(v));
    expect(listed.sort()).toEqual(
      [
        "E scoring!B1!8",
        "E scoring!B2!8",
        "E scoring!B3!8",
        "E scoring!B4!8",
        "E scoring!B5!8",
        "E scoring!B6!8",
        "E scoring!B7!8",
        `E scoring!C7!${columns.applicable}`,
        "E special!5!3",
        "W special!5!6",
      ].sort(),
    );
    expect(rules.columns.get(26)?.hidden).toBe(true);
    // Every sheet is protected again, with the options the writer gave it.
    for (const key of ["scoring", "special", "rules"] as const)
      expect(wb.sheet(key).protection).toBeDefined();
  });

  it("once fixed: no issues, and every highlight gone, even after the pane was reloaded", async () => {
    const scoring = wb.sheet("scoring");
    for (const code of ["B1", "B2", "B3", "B4", "B5", "B6", "B7"])
      plant(scoring, entryRef(code, 0, n), { number: 80 });
    scoring.peek(entryRef("B7", 0, n))!.numberFormat = "0";
    plant(scoring, flagC7, { blank: true });
    plant(scoring, reasonC7, { blank: true });
    await typeIn(wb.excel, "特别项", "C5", "未按规定公示收费标准");
    await typeIn(wb.excel, "特别项", "F5", "限期整改");

    const reloaded = wb.reload();
    const { result, syncs } = await measured(wb.excel, () => reloaded.validate());
    expect(result).toEqual({
      issues: [],
      errors: 0,
      warnings: 0,
      progress: { scored: 50, applicable: 50 },
      result: { finalScore: 79, gradeLabel: { zh: "达标级", en: "Qualified" } },
    });
    expect(syncs).toBe(2);
    for (const code of ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]) {
      expect([code, scoring.peek(entryRef(code, 0, n))?.fill]).toEqual([code, INPUT_FILL]);
    }
    // C7's flag cell has no style of its own: no fill at all.
    expect(scoring.peek(flagC7)?.fill).toBeUndefined();
    expect(wb.sheet("special").peek("C5")?.fill).toBe(INPUT_TEXT_FILL);
    expect(wb.sheet("special").peek("F5")?.fill).toBe(INPUT_TEXT_FILL);
    expect(markOf(wb.excel, wb.sheet("special"), "C5")).toBeUndefined();
    // Nothing left to highlight: the next auto-validation (not logged) is one read; a logged
    // validation takes a second sync, for its audit log row only.
    expect((await measured(wb.excel, () => reloaded.validate({ background: true }))).syncs).toBe(1);
    expect((await measured(wb.excel, () => reloaded.validate())).syncs).toBe(2);
  });
});

describe("validate: highlights follow their rows", () => {
  it("a highlighted entry whose row was sorted elsewhere is cleared where it now is", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    const scoring = wb.sheet("scoring");
    plant(scoring, entryRef("B1", 0, 1), { number: 82 });
    await wb.host.validate();
    // Sort: B1's and B2's rows change places, cells and formats alike.
    const [r1, r2] = [rowOf("B1"), rowOf("B2")];
    swapRows(scoring, r1, r2, scoringColumns(1).last);
    expect(scoring.peek(`H${r2}`)).toMatchObject({ value: 82 });
    expect(markOf(wb.excel, scoring, `H${r2}`)).toBe("error");
    plant(scoring, `H${r2}`, { number: 80 });
    expect((await wb.host.validate()).issues).toEqual([]);
    expect(scoring.peek(`H${r2}`)?.fill).toBe(INPUT_FILL);
    expect(scoring.peek(`H${r1}`)?.fill).toBe(INPUT_FILL);
    expect(markOf(wb.excel, scoring, `H${r2}`)).toBeUndefined();
  });

  it("sorting the protected Scoring sheet is refused whatever allowSort says; unprotected, as its note says, it sorts and the highlights follow", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    const scoring = wb.sheet("scoring");
    expect(scoring.protection?.options).toMatchObject({ allowSort: true, allowAutoFilter: true });
    expect(scoring.peek("A3")?.value).toBe(TEXT.sortNote.zh);
    plant(scoring, entryRef("B1", 0, 1), { number: 82 });
    await wb.host.validate();
    const [r1, r2] = [rowOf("B1"), rowOf("B2")];
    const order = [r2, r1];
    const last = scoringColumns(1).last;
    expect(() => sortRows(wb.excel, "评分", order, last)).toThrow(/locked cells on a protected sheet/);
    // Review › Unprotect Sheet, sort, protect again.
    const protection = scoring.protection;
    delete scoring.protection;
    sortRows(wb.excel, "评分", order, last);
    scoring.protection = protection;
    expect(scoring.peek(`A${r1}`)?.value).toBe("B2");
    expect(markOf(wb.excel, scoring, `H${r2}`)).toBe("error");
    expect(markOf(wb.excel, scoring, `H${r1}`)).toBeUndefined();
    expect(new Set((await wb.host.validate()).issues.map((i) => i.cell))).toEqual(new Set([`'评分'!H${r2}`]));
  });
});

describe("validate: the workbook as it may be found", () => {
  it("on a host that will not reach through a null worksheet: the same issues, one more sync", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }), "en", { nullObjects: "refuse" });
    plant(wb.sheet("scoring"), entryRef("B1", 1, 2), { number: 82 });
    const first = await measured(wb.excel, () => wb.host.validate());
    expect([first.runs, first.syncs]).toEqual([1, 4]);
    expect(first.result.issues.map((i) => [i.code, i.cell])).toEqual([
      ["entry-off-step", `'Scoring'!${entryRef("B1", 1, 2)}`],
    ]);
    expect(markOf(wb.excel, wb.sheet("scoring"), entryRef("B1", 1, 2))).toBe("error");
    // Excel recalculates the planted entry's formulas; the fake asks the engine (fake-values.ts).
    expect(recalculate(wb.excel)).toBe(true);
    const computed = await measured(wb.excel, () => wb.host.compute());
    expect(computed.syncs).toBe(4);
    expect(computed.result.integrity).toEqual([]);
  });

  it("an English workbook, read and highlighted in English", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 3 }), "en");
    plant(wb.sheet("scoring"), entryRef("A18", 2, 3), { logical: true });
    const { issues } = await wb.host.validate();
    expect(issues.map((i) => [i.code, i.cell])).toEqual([
      ["entry-logical", `'Scoring'!${entryRef("A18", 2, 3)}`],
    ]);
    expect(markOf(wb.excel, wb.sheet("scoring"), entryRef("A18", 2, 3))).toBe("error");
  });

  it("a sheet protected with a password: marked all the same, its protection left as it is", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    await typeIn(wb.excel, "特别项", "B5", DEDUCTION_CATEGORIES[1]!.label.zh);
    await typeIn(wb.excel, "特别项", "C5", "没有整改要求的扣分项");
    for (const key of ["special", "rules", "audit"] as const) {
      wb.sheet(key).protection = { options: {}, password: "secret" };
    }
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const undo = { ...wb.excel.undo };
    const logged = logRows(wb.sheet("audit")).length;
    const { issues } = await wb.host.validate();
    // The highlights are values in the store's unlocked cells and the log's row goes into its
    // unlocked columns: no protection is lifted, so a password stops nothing (and clears no undo).
    expect(issues.map((i) => i.code)).toEqual(["entry-off-step", "deduction-no-rectification"]);
    expect(markOf(wb.excel, wb.sheet("scoring"), entryRef("B1", 0, 2))).toBe("error");
    const special = issues[1]!.cell!.split("!")[1]!;
    expect(markOf(wb.excel, wb.sheet("special"), special)).toBe(issues[1]!.severity);
    expect(logRows(wb.sheet("audit"))).toHaveLength(logged + 1);
    for (const key of ["special", "rules", "audit"] as const) {
      expect(wb.sheet(key).protection).toEqual({ options: {}, password: "secret" });
    }
    expect(wb.excel.undo.cleared).toBe(undo.cleared);
  });

  it("a workbook made before the highlight store, its log protected with a password: the issues stand, with a warning", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 2 }));
    // No store (another label in Z1): the log's rows are locked, its sheet must be lifted to write.
    plant(wb.sheet("rules"), `${MARKS.column}${MARKS.labelRow}`, { text: "StarScore: highlighted cells" });
    wb.sheet("audit").protection = { options: {}, password: "secret" };
    wb.sheet("audit").columns.clear();
    plant(wb.sheet("scoring"), entryRef("B1", 0, 2), { number: 82 });
    const logged = logRows(wb.sheet("audit")).length;
    const { issues } = await wb.host.validate();
    expect(issues.map((i) => i.code)).toEqual([
      "entry-off-step",
      "workbook-not-written",
      "highlights-unavailable",
    ]);
    expect(issues[1]!.severity).toBe("warning");
    // Nothing was written, and the sheets lifted before the failure are protected again.
    expect(logRows(wb.sheet("audit"))).toHaveLength(logged);
    expect(wb.sheet("scoring").protection).toBeDefined();
    expect(wb.sheet("audit").protection).toEqual({ options: {}, password: "secret" });
  });

  it("a workbook that is not StarScore's: one issue, nothing written", async () => {
    const other = new FakeExcel();
    const host = hostOn(other);
    const { result, syncs } = await measured(other, () => host.validate());
    expect(syncs).toBe(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe("workbook-unreadable");
    expect(result.issues[0]!.message.en).toContain("This is not a StarScore workbook");
  });

  it("an unreadable workbook: the problems with their cells, highlighted", async () => {
    const wb = await workbookOf(assessmentWith({ evaluators: 1 }));
    plant(wb.sheet("info"), "B5", { text: "年度审核" });
    const { issues } = await wb.host.validate();
    expect(issues.map((i) => [i.code, i.cell])).toEqual([["workbook-unreadable", "'封面'!B5"]]);
    expect(markOf(wb.excel, wb.sheet("info"), "B5")).toBe("error");
  });
});
