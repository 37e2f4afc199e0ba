import type { Assessment } from "../../../src/assessment/schema";
import { toNumber } from "../../../src/core/exact";
import { planFor } from "../../../src/core/plan";
import { projectTargets } from "../../../src/core/projection";
import { scoreAssessment } from "../../../src/core/score";
import { RULES } from "../../../src/spec/rules";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { PLAN_NAMES, RESULT_NAMES } from "../../../src/workbook/names";
import { INFO_ROWS } from "../../../src/workbook/sheets/info";
import { PLAN_LAYOUT, PLAN_LAST_ROW } from "../../../src/workbook/sheets/plan";
import type { WorkbookLayout } from "../../../src/workbook/types";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith, deduction } from "../../helpers/builders";
import { brief, edited, findingsOf } from "../integrity/helpers";

const selfAssessment: Assessment = {
  ...assessmentWith({ fill: (code) => (code === "C7" ? 80 : 90), deductions: 1, bonus: [0.5] }),
  purpose: "self-assessment",
};
const layoutOf = (assessment: Assessment, plan?: boolean) =>
  buildWorkbookLayout({ lang: "en", assessment, scoring: scoreAssessment(assessment), plan });
const keys = (layout: WorkbookLayout) => layout.sheets.map((s) => s.key);
/** The cell a defined name refers to ('Plan'!$D$62). */
const definedAt = (layout: WorkbookLayout, name: string) => {
  const [, sheet, cell] = /^'?(.*?)'?!(.+)$/.exec(layout.names.find((n) => n.name === name)!.ref)!;
  const spec = layout.sheets.find((s) => s.name === sheet)!;
  return spec.cells.find((c) => c.ref === cell!.replace(/\$/g, ""))!;
};

describe("the Plan sheet (计划 / Plan)", () => {
  it("is there for a self-assessment, not for a certification audit, unless asked; after the Summary", () => {
    const order = ["info", "scoring", "special", "summary", "plan", "rules", "audit"];
    expect(keys(layoutOf(selfAssessment))).toEqual(order);
    expect(keys(layoutOf(assessmentWith()))).toEqual(order.filter((k) => k !== "plan"));
    expect(keys(layoutOf(assessmentWith(), true))).toEqual(order);
    expect(keys(layoutOf(selfAssessment, false))).not.toContain("plan");
    // A workbook that had the sheet (its targets read back, {} when blank) keeps it.
    expect(keys(layoutOf({ ...assessmentWith(), planTargets: {} }))).toContain("plan");
    expect(layoutOf(assessmentWith()).names.map((n) => n.name)).not.toContain(PLAN_NAMES.finalScore);
  });

  it("the Info sheet records the purpose (row 13) in the workbook's language", () => {
    const info = (a: Assessment, lang: "zh" | "en") =>
      buildWorkbookLayout({ lang, assessment: a })
        .sheets.find((s) => s.key === "info")!
        .cells.find((c) => c.ref === `B${INFO_ROWS.purpose}`)!.value;
    expect(info(selfAssessment, "en")).toBe("Self-assessment");
    expect(info(selfAssessment, "zh")).toBe("自评");
    expect(info(assessmentWith(), "zh")).toBe("认证审核");
  });

  it("one row per item, a target input per row; Plan_FinalScore and Plan_Grade live, cached as the projection", () => {
    const assessment = { ...selfAssessment, planTargets: { C7: 100, A11: 100 } };
    const layout = layoutOf(assessment);
    const plan = layout.sheets.find((s) => s.key === "plan")!;
    const targets = plan.cells.filter((c) => c.ref.startsWith(PLAN_LAYOUT.columns.target) && c.input);
    expect(targets).toHaveLength(PLAN_LAST_ROW - PLAN_LAYOUT.firstRow + 1);
    expect(targets.filter((c) => c.value !== null).map((c) => c.value)).toEqual([100, 100]);
    const projection = projectTargets(scoreAssessment(assessment), assessment.planTargets);
    const final = definedAt(layout, PLAN_NAMES.finalScore);
    const grade = definedAt(layout, PLAN_NAMES.grade);
    expect(final.formula).toMatch(/^=ROUND\(ROUND\(MAX\(0,MIN\(/);
    expect(final.cached).toBe(toNumber(projection.finalScore, RULES.decimals));
    expect(grade.formula).toMatch(/^=IF\(AND\(/);
    expect(grade.cached).toBe(projection.gradeLabel.en);
    // The plan's own raises typed as targets reach the plan's projected score.
    const p = planFor(scoreAssessment(selfAssessment), "four-star");
    const targeted = {
      ...selfAssessment,
      planTargets: Object.fromEntries(p.raises.map((r) => [r.code, r.toPercent])),
    };
    expect(definedAt(layoutOf(targeted), PLAN_NAMES.finalScore).cached).toBe(p.projected.finalScore);
  });

  it("with every target blank, the projection is the result", () => {
    const layout = layoutOf(selfAssessment);
    expect(definedAt(layout, PLAN_NAMES.finalScore).cached).toBe(
      definedAt(layout, RESULT_NAMES.finalScore).cached,
    );
    expect(definedAt(layout, PLAN_NAMES.grade).cached).toBe(definedAt(layout, RESULT_NAMES.grade).cached);
  });
});

describe("through a workbook", () => {
  const full: Assessment = {
    ...selfAssessment,
    planTargets: { C7: 100, A11: 72.5 },
    followUp: [
      {
        category: "law",
        description: "问题 1",
        item: "C7",
        rectification: "限期整改",
        deadline: "2026-12-31",
        outcome: "verified",
        note: "已查看记录",
      },
      { category: "policy", description: "问题 2", outcome: "not-verified" },
      { category: "system", description: "问题 3", rectification: "补齐" },
    ],
  };

  it.each(["zh", "en"] as const)(
    "purpose, plan targets and follow-up read back as written (%s)",
    async (lang) => {
      const data = await writeXlsx(
        buildWorkbookLayout({ lang, assessment: full, scoring: scoreAssessment(full) }),
      );
      const read = await readXlsx(data, lang);
      expect(read.ok && read.assessment).toMatchObject({
        purpose: "self-assessment",
        planTargets: { C7: 100, A11: 72.5 },
        followUp: full.followUp,
      });
      // A certification audit reads back without a purpose, and without a Plan sheet without targets.
      const plain = await readXlsx(
        await writeXlsx(
          buildWorkbookLayout({ lang, assessment: assessmentWith({ deductions: [deduction()] }) }),
        ),
        lang,
      );
      expect(plain.ok && plain.assessment).not.toHaveProperty("purpose");
      expect(plain.ok && plain.assessment).not.toHaveProperty("planTargets");
      expect(plain.ok && plain.assessment).not.toHaveProperty("followUp");
    },
  );

  it("a target that is not a number is a problem with its cell; an out-of-range one is a warning", async () => {
    const data = await writeXlsx(
      buildWorkbookLayout({ lang: "en", assessment: full, scoring: scoreAssessment(full) }),
    );
    const row = PLAN_LAYOUT.firstRow + 1;
    const typed = await edited(data, (_, sheet) => {
      sheet("plan").getCell(`${PLAN_LAYOUT.columns.target}${row}`).value = "high";
    });
    const read = await readXlsx(typed, "en");
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems.map((p) => p.message.en)).toEqual([
      `Plan!E${row}: a target must be a number from 0 to 100, or blank; found the text "high".`,
    ]);
    const over = scoreAssessment({ ...full, planTargets: { C7: 150 } });
    expect(over.issues.map((i) => i.code)).toContain("plan-target-out-of-range");
  });

  it("verify: the targets are inputs; a projection formula typed over is a finding; no Plan sheet is fine", async () => {
    const data = await writeXlsx(
      buildWorkbookLayout({ lang: "en", assessment: full, scoring: scoreAssessment(full) }),
    );
    expect(await findingsOf(data)).toEqual([]);
    const targets = await edited(data, (_, sheet) => {
      sheet("plan").getCell(`E${PLAN_LAYOUT.firstRow}`).value = 60;
      sheet("plan").getCell(`E${PLAN_LAYOUT.firstRow + 5}`).value = 100;
    });
    expect(await findingsOf(targets)).toEqual([]);
    const layout = layoutOf(full);
    const finalRef = layout.names
      .find((n) => n.name === PLAN_NAMES.finalScore)!
      .ref.replace(/^.*!/, "")
      .replace(/\$/g, "");
    const typedOver = await edited(data, (_, sheet) => {
      sheet("plan").getCell(finalRef).value = 99;
      sheet("plan").getCell(`C${PLAN_LAYOUT.firstRow}`).value = 9;
    });
    expect(brief(await findingsOf(typedOver))).toEqual([
      ["catalogue-changed", `Plan!C${PLAN_LAYOUT.firstRow}`],
      ["formula-overwritten", `Plan!${finalRef}`],
    ]);
    const without = await writeXlsx(layoutOf(assessmentWith({ deductions: 2 })));
    expect(await findingsOf(without)).toEqual([]);
  });
});
