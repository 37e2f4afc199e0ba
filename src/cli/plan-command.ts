import { Option, type Command } from "commander";
import { planFor, PLAN_TARGETS, type PlanJson, type PlanTarget } from "../core/plan";
import { planParagraph, planPercent as pct } from "../core/plan-words";
import { scoreAssessment } from "../core/score";
import { itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import type { Lang } from "../spec/types";
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
 * result; the human output says it in one paragraph (src/core/plan-words.ts, the pane's Plan view's
 * too) and a table (the raises, or, when there are none to make, the items with the most headroom). Exit 0 when the target is reached or reachable by
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

const fixed = (value: number) => value.toFixed(RULES.decimals);
const title = (code: string, lang: Lang) => itemByCode(code)?.title[lang] ?? "";

export function renderPlan(plan: PlanJson, lang: Lang): string {
  const table =
    plan.raises.length > 0
      ? raisesTable(plan, lang)
      : headroomTable(
          plan.headroom.filter((h) => h.headroom > 0),
          lang,
        );
  return table ? `${planParagraph(plan, lang)}\n\n${table}` : planParagraph(plan, lang);
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
