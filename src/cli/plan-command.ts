import { Option, type Command } from "commander";
import { planFor, PLAN_TARGETS, RAISE_PERCENT, type PlanJson, type PlanTarget } from "../core/plan";
import { scoreAssessment } from "../core/score";
import { GRADES, itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import type { GradeId, Lang } from "../spec/types";
import type { CommandContext } from "./context";
import { EXIT } from "./errors";
import { loadAssessment } from "./files";
import { renderTable } from "./table";

export interface PlanOptions {
  target?: PlanTarget;
  json?: boolean;
  lang: Lang;
}

/**
 * `starscore plan FILE [--target …]`: the gap to a target grade (default: the grade above the
 * current one) and the fewest raises that close it (src/core/plan.ts). `--json` prints planFor's
 * result; the human output says it in one paragraph and a table (the raises, or, when there are
 * none to make, the items with the most headroom). Exit 0 when the target is reached or reachable by
 * raises, 1 when it is not (5 or more deductions, or the ceiling). A workbook entry cell that is not
 * a number stops it, with its cell: a plan from a misread entry would mislead.
 */
export async function planCommand(
  path: string,
  options: PlanOptions,
  write: (text: string) => void,
): Promise<number> {
  const assessment = await loadAssessment(path, options.lang);
  const plan = planFor(scoreAssessment(assessment), options.target);
  write(options.json ? JSON.stringify(plan, null, 2) : renderPlan(plan, options.lang));
  return plan.reachable ? EXIT.ok : EXIT.invalid;
}

/** At most this many rows of headroom in the human output (the JSON has every item). */
const HEADROOM_ROWS = 10;
/** Plans of up to this many items are named in the paragraph too. */
const LISTED_RAISES = 5;

const gradeLabel = (grade: GradeId, lang: Lang) => GRADES.find((g) => g.id === grade)!.label[lang];
const fixed = (value: number) => value.toFixed(RULES.decimals);
const pct = (value: number) => `${value.toFixed(RULES.decimals).replace(/\.?0+$/, "")} %`;
const title = (code: string, lang: Lang) => itemByCode(code)?.title[lang] ?? "";

export function renderPlan(plan: PlanJson, lang: Lang): string {
  const table =
    plan.raises.length > 0
      ? raisesTable(plan, lang)
      : headroomTable(
          plan.headroom.filter((h) => h.headroom > 0),
          lang,
        );
  return table ? `${paragraph(plan, lang)}\n\n${table}` : paragraph(plan, lang);
}

function paragraph(plan: PlanJson, lang: Lang): string {
  const target = gradeLabel(plan.target, lang);
  const now = plan.current;
  const projected = plan.projected;
  // A long plan is in the table only.
  const list =
    plan.raises.length > LISTED_RAISES
      ? { zh: "见下表", en: "see the table" }[lang]
      : plan.raises
          .map((r) => `${r.code} ${pct(r.fromPercent)} → ${pct(r.toPercent)}`)
          .join(lang === "zh" ? "、" : ", ");
  if (lang === "zh") {
    const opening = `当前最终得分 ${fixed(now.finalScore)}（${gradeLabel(now.grade, "zh")}）。`;
    if (plan.reached) return `${opening}已达到${target}（${plan.threshold} 分），无需提升。`;
    if (plan.reason === "deductions") {
      return `${opening}特别扣分项达 ${RULES.failAtDeductions} 项及以上的，无论得分多少均为不合格，提升项目达不到${target}：须先整改并消除至少 ${plan.deductionsToClear} 项特别扣分项。`;
    }
    const need = `${target}须 ${plan.threshold} 分，还差 ${fixed(plan.pointsNeeded)} 分。`;
    const raise = `（每次提升将一个项目的平均达成率提高一档，即 ${RAISE_PERCENT} 个百分点，最高 100 %；特别扣分项和加分按当前计）`;
    if (plan.reason === "ceiling") {
      return `${opening}${need}即使所有适用项目都达到 100 %，最终得分也只有 ${fixed(projected.finalScore)}（${gradeLabel(projected.grade, "zh")}），达不到${target}。`;
    }
    return `${opening}${need}最少须提升 ${plan.steps} 次${raise}：${list}，最终得分可达 ${fixed(projected.finalScore)}（${gradeLabel(projected.grade, "zh")}）。`;
  }
  const opening = `The final score is ${fixed(now.finalScore)} (${gradeLabel(now.grade, "en")}).`;
  if (plan.reached)
    return `${opening} ${target} (${plan.threshold}) is reached already: no raises are needed.`;
  if (plan.reason === "deductions") {
    const n = plan.deductionsToClear;
    return `${opening} With ${RULES.failAtDeductions} or more special deductions an audit fails whatever the score, so no raise reaches ${target}: at least ${n} deduction${n === 1 ? "" : "s"} must be rectified and cleared first.`;
  }
  const need = `${target} needs ${plan.threshold}: ${fixed(plan.pointsNeeded)} points more.`;
  if (plan.reason === "ceiling") {
    return `${opening} ${need} Even with every applicable item at 100 % the final score would be ${fixed(projected.finalScore)} (${gradeLabel(projected.grade, "en")}): ${target} cannot be reached.`;
  }
  const raises = plan.steps === 1 ? "one raise" : `${plan.steps} raises`;
  return `${opening} ${need} It takes ${raises} at the fewest (a raise lifts one item's mean attainment by one band, ${RAISE_PERCENT} percentage points, up to 100 %; deductions and bonus stay as they are): ${list}, for a final score of ${fixed(projected.finalScore)} (${gradeLabel(projected.grade, "en")}).`;
}

const HEADERS = {
  zh: {
    code: "项目",
    title: "名称",
    from: "当前",
    to: "目标",
    steps: "提升次数",
    gain: "增加得分",
    points: "分值",
    headroom: "可增加得分",
  },
  en: {
    code: "Item",
    title: "Title",
    from: "Now",
    to: "To",
    steps: "Raises",
    gain: "Gain",
    points: "Points",
    headroom: "Headroom",
  },
} as const;

function raisesTable(plan: PlanJson, lang: Lang): string {
  const h = HEADERS[lang];
  return renderTable(
    [h.code, h.title, h.from, h.to, h.steps, h.gain],
    plan.raises.map((r) => [
      r.code,
      title(r.code, lang),
      pct(r.fromPercent),
      pct(r.toPercent),
      String(r.steps),
      `+${fixed(r.gain)}`,
    ]),
    ["left", "left", "right", "right", "right", "right"],
  );
}

function headroomTable(headroom: PlanJson["headroom"], lang: Lang): string {
  if (headroom.length === 0) return "";
  const h = HEADERS[lang];
  return renderTable(
    [h.code, h.title, h.points, h.from, h.headroom],
    headroom
      .slice(0, HEADROOM_ROWS)
      .map((r) => [r.code, title(r.code, lang), fixed(r.points), pct(r.percent), `+${fixed(r.headroom)}`]),
    ["left", "left", "right", "right", "right"],
  );
}

export function registerPlan(program: Command, ctx: CommandContext): void {
  program
    .command("plan")
    .description("the fewest raises to a target grade / 达到目标等级最少须提升哪些项目")
    .argument("<file>", "assessment.json or workbook.xlsx")
    .addOption(
      new Option("--target <grade>", "the grade to reach (default: the grade above the current one)").choices(
        PLAN_TARGETS,
      ),
    )
    .option("--json", "print the plan as JSON")
    .addOption(ctx.langOption())
    .action(async (file: string, options: { target?: PlanTarget; json?: boolean; lang?: string }) => {
      const lang = ctx.lang(options.lang);
      ctx.setExit(await planCommand(file, { target: options.target, json: options.json, lang }, ctx.io.out));
    });
}
