import { leadAuditorIndex } from "../../src/core/roles";
import { scoreAssessment } from "../../src/core/score";
import { assessmentWith } from "../helpers/builders";

const team = assessmentWith({
  evaluators: [
    { name: "张三", kind: "auditor" },
    { name: "李四", kind: "auditor" },
    { name: "暗访 1", kind: "visit" },
  ],
});
const rolesOf = (leadAuditor: string | undefined) =>
  scoreAssessment({ ...team, ...(leadAuditor !== undefined && { leadAuditor }) }).issues.filter((i) =>
    i.code.startsWith("lead-auditor"),
  );

describe("the lead auditor must be one of the team's auditors", () => {
  it("accepts an auditor of the team (spaces around the name aside), blank, or none", () => {
    expect(rolesOf("李四")).toEqual([]);
    expect(rolesOf(" 张三 ")).toEqual([]);
    expect(rolesOf("")).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
    expect(leadAuditorIndex({ ...team, leadAuditor: "李四" })).toBe(1);
    expect(leadAuditorIndex({ ...team, leadAuditor: "王五" })).toBeUndefined();
  });

  it("is an error, on the leadAuditor field, when it names nobody on the team", () => {
    expect(rolesOf("王五")).toEqual([
      {
        code: "lead-auditor-unknown",
        severity: "error",
        field: "leadAuditor",
        message: {
          zh: "封面所填审查组长“王五”不在评价组中。请从评价组的审核员中选择，或清空该单元格。",
          en: 'The lead auditor "王五" on the Info sheet is nobody on the evaluation team. Choose one of the team\'s auditors, or clear the cell.',
        },
      },
    ]);
  });

  it("is an error when it names a visit", () => {
    expect(rolesOf("暗访 1").map((i) => [i.code, i.severity])).toEqual([["lead-auditor-visit", "error"]]);
  });
});
