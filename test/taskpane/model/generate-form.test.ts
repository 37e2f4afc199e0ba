import {
  DEFAULT_VISITS_TO_ADD,
  evaluatorNames,
  generateRequest,
  initialForm,
  normaliseDate,
  removeRow,
  startFromPrevious,
  teamCounts,
  validateForm,
  withoutPrevious,
  withPurpose,
  type GenerateFormState,
} from "../../../src/taskpane/model/generate-form";
import { nextAudit } from "../../../src/core/follow-up";
import { assessmentWith, deduction } from "../../helpers/builders";
import { MAX_EVALUATORS } from "../../../src/workbook/scoring-grid";

/** The Generate form's model, without React (issue 10, point 2). */

const form = (patch: Partial<GenerateFormState> = {}): GenerateFormState => ({
  ...initialForm(),
  organization: "某电器公司",
  rows: [{ id: 1, name: "张三", kind: "auditor" }],
  ...patch,
});

describe("the Generate form's model", () => {
  test("a fresh form: one auditor, no dates, the default step; one visit added at a time", () => {
    expect(initialForm()).toEqual({
      organization: "",
      type: "initial",
      start: "",
      end: "",
      rows: [{ id: 1, name: "", kind: "auditor" }],
      step: 5,
      purpose: "certification",
      plan: false,
    });
    // Issue 11, point 14: "Number of visits" starts at 1, not 3.
    expect(DEFAULT_VISITS_TO_ADD).toBe(1);
  });

  test("organisation and auditor names are required; each error counted once", () => {
    const errors = validateForm(initialForm(), "zh");
    expect(errors.organization).toEqual({ key: "organisationRequired" });
    expect(errors.rows).toEqual({ 1: { key: "auditorNameRequired" } });
    expect(errors.count).toBe(2);
    expect(validateForm(form(), "zh").count).toBe(0);
  });

  test("dates: typed in any common form, the end not before the start", () => {
    expect(["2026-03-02", "2026-3-2", "2026/3/2", "2026.03.02", " 2026年3月2日 "].map(normaliseDate)).toEqual(
      Array(5).fill("2026-03-02"),
    );
    expect(normaliseDate("")).toBe("");
    expect(["03/02/2026", "2026-02-30", "2026-13-01", "tomorrow"].map(normaliseDate)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(validateForm(form({ start: "2026-03-10", end: "2026/3/1" }), "zh").end).toEqual({
      key: "endBeforeStart",
    });
    expect(validateForm(form({ start: "03/02/2026" }), "zh").start).toEqual({ key: "dateInvalid" });
    expect(validateForm(form({ start: "2026-3-1", end: "2026-3-1" }), "zh").count).toBe(0);
  });

  test(`at most ${MAX_EVALUATORS} evaluator columns, at least one`, () => {
    const rows = Array.from({ length: MAX_EVALUATORS + 1 }, (_, i) => ({
      id: i,
      name: "",
      kind: "visit" as const,
    }));
    expect(validateForm(form({ rows }), "zh").team).toEqual({
      key: "evaluatorsTooMany",
      params: { max: 200, n: 201 },
    });
    expect(validateForm(form({ rows: rows.slice(1) }), "zh").count).toBe(0);
    expect(validateForm(form({ rows: [] }), "zh").team).toEqual({ key: "evaluatorsNone" });
  });

  test("duplicate names (blank visits named first, case and spaces aside) are errors on each row", () => {
    const rows = [
      { id: 1, name: "张三", kind: "auditor" as const },
      { id: 2, name: " 张三 ", kind: "auditor" as const },
      { id: 3, name: "", kind: "visit" as const },
      { id: 4, name: "visit 1", kind: "visit" as const },
    ];
    expect(validateForm(form({ rows }), "en").rows).toEqual({
      1: { key: "nameDuplicate" },
      2: { key: "nameDuplicate" },
      3: { key: "nameDuplicate" },
      4: { key: "nameDuplicate" },
    });
  });

  test("blank visits are numbered among the visits, in the workbook's language", () => {
    const rows = [
      { id: 1, name: "张三", kind: "auditor" as const },
      { id: 2, name: "", kind: "visit" as const },
      { id: 3, name: "周末", kind: "visit" as const },
      { id: 4, name: "", kind: "visit" as const },
    ];
    expect(evaluatorNames(rows, "zh")).toEqual(["张三", "暗访 1", "周末", "暗访 3"]);
    expect(evaluatorNames(rows, "en")).toEqual(["张三", "Visit 1", "周末", "Visit 3"]);
    expect(teamCounts(rows)).toEqual({ n: 4, auditors: 1, visits: 3 });
  });

  test("the request: trimmed, dates in ISO form and left out when empty, visits named", () => {
    const rows = [
      { id: 1, name: " 张三 ", kind: "auditor" as const },
      { id: 2, name: "", kind: "visit" as const },
    ];
    expect(
      generateRequest(form({ organization: "  某电器公司 ", rows, start: "2026/3/1", step: 10 }), "en"),
    ).toEqual({
      lang: "en",
      organization: "某电器公司",
      type: "initial",
      dates: { start: "2026-03-01" },
      step: 10,
      evaluators: [
        { name: "张三", kind: "auditor" },
        { name: "Visit 1", kind: "visit" },
      ],
      purpose: "certification",
      plan: false,
    });
    expect(generateRequest(form(), "zh")).not.toHaveProperty("dates");
  });

  test("the purpose: the Plan sheet follows it (on for a self-assessment), and can then be ticked either way", () => {
    expect(withPurpose("self-assessment")).toEqual({ purpose: "self-assessment", plan: true });
    expect(withPurpose("certification")).toEqual({ purpose: "certification", plan: false });
    const self = form(withPurpose("self-assessment"));
    expect(generateRequest(self, "zh")).toMatchObject({ purpose: "self-assessment", plan: true });
    expect(generateRequest({ ...self, plan: false }, "zh")).toMatchObject({
      purpose: "self-assessment",
      plan: false,
    });
    expect(generateRequest(form({ plan: true }), "zh")).toMatchObject({
      purpose: "certification",
      plan: true,
    });
  });

  test("removing a row keeps the last one (issue 11, point 18: never “0 columns”)", () => {
    const rows = [
      { id: 1, name: "张三", kind: "auditor" as const },
      { id: 2, name: "李四", kind: "auditor" as const },
    ];
    expect(removeRow(rows, 0)).toEqual([rows[1]]);
    expect(removeRow([rows[0]!], 0)).toEqual([rows[0]]);
  });
});

describe("start from the previous audit (issue 14, point 4)", () => {
  const last = {
    ...assessmentWith({
      evaluators: [
        { name: "张三", kind: "auditor" as const },
        { name: "暗访 1", kind: "visit" as const },
      ],
      step: 10,
      deductions: [{ ...deduction(1), deadline: "2026-06-30" }],
    }),
    purpose: "self-assessment" as const,
  };
  const next = nextAudit(last);

  test("fills in the organisation, the team and the step; surveillance; the dates stay as typed", () => {
    const started = startFromPrevious(form({ organization: "", start: "2027-03-01" }), "上次.xlsx", next);
    expect(started).toMatchObject({
      organization: "某某电器有限公司",
      type: "surveillance",
      step: 10,
      start: "2027-03-01",
      rows: [
        { id: 1, name: "张三", kind: "auditor" },
        { id: 2, name: "暗访 1", kind: "visit" },
      ],
      // The last audit's purpose, and the Plan sheet that follows it.
      purpose: "self-assessment",
      plan: true,
      previous: { name: "上次.xlsx", followUp: next.followUp },
    });
    // Recertification chosen before the file is kept.
    expect(startFromPrevious(form({ type: "recertification" }), "上次.xlsx", next).type).toBe(
      "recertification",
    );
  });

  test("the request carries the purpose and the findings to verify; without it, the findings no more", () => {
    const started = startFromPrevious(form(), "上次.xlsx", next);
    const request = generateRequest(started, "zh");
    expect(request).toMatchObject({
      organization: "某某电器有限公司",
      type: "surveillance",
      purpose: "self-assessment",
      followUp: [
        { category: "law", description: "问题 1", rectification: "限期整改", deadline: "2026-06-30" },
      ],
    });
    const cleared = withoutPrevious(started);
    expect(cleared.organization).toBe("某某电器有限公司");
    expect(generateRequest(cleared, "zh")).not.toHaveProperty("followUp");
    // What was filled in stays, the purpose among it (the user may change it).
    expect(generateRequest(cleared, "zh")).toMatchObject({ purpose: "self-assessment", plan: true });
  });
});
