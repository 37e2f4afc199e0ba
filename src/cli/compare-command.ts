import type { Command } from "commander";
import { compareAssessments, ITEM_CHANGES, type CompareJson, type ItemChange } from "../core/compare";
import type { FollowUpState } from "../core/follow-up";
import { DEDUCTION_CATEGORIES, GRADES, indicatorById, itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import type { GradeId, Lang } from "../spec/types";
import { TEXT } from "../workbook/labels";
import type { CommandContext } from "./context";
import { EXIT } from "./errors";
import { loadAssessment } from "./files";
import { renderTable } from "./table";

export interface CompareOptions {
  json?: boolean;
  lang: Lang;
}

/**
 * `starscore compare PREVIOUS CURRENT`: this audit against the previous one (src/core/compare.ts):
 * the final score and grade before and after, each indicator's and each item's attainment with its
 * change class, and the previous audit's special deductions with their rectification status and
 * whether this audit verified them (its follow-up table). Each file is an assessment or a workbook;
 * an entry cell that is not a number stops it, with its cell. Exit 0.
 */
export async function compareCommand(
  previousPath: string,
  currentPath: string,
  options: CompareOptions,
  write: (text: string) => void,
): Promise<number> {
  const previous = await loadAssessment(previousPath, options.lang);
  const current = await loadAssessment(currentPath, options.lang);
  const comparison = compareAssessments(previous, current);
  write(options.json ? JSON.stringify(comparison, null, 2) : renderComparison(comparison, options.lang));
  return EXIT.ok;
}

const WORDS = {
  zh: {
    indicator: "二级指标",
    item: "项目",
    title: "名称",
    previous: "上次",
    current: "本次",
    delta: "变化",
    change: "类别",
    category: "类别",
    description: "问题描述",
    rectification: "整改要求",
    status: "整改状态",
    followUp: "本次验证",
    excluded: "已删减",
  },
  en: {
    indicator: "Indicator",
    item: "Item",
    title: "Title",
    previous: "Previous",
    current: "Current",
    delta: "Change",
    change: "Class",
    category: "Category",
    description: "Description",
    rectification: "Rectification",
    status: "Status",
    followUp: "This audit",
    excluded: "excluded",
  },
} as const;

const CHANGE_LABELS: Record<ItemChange, { zh: string; en: string }> = {
  improved: { zh: "提升", en: "improved" },
  regressed: { zh: "下降", en: "regressed" },
  unchanged: { zh: "不变", en: "unchanged" },
  "newly-excluded": { zh: "新删减", en: "newly excluded" },
  "no-longer-excluded": { zh: "不再删减", en: "no longer excluded" },
};

const FOLLOW_UP_LABELS: Record<FollowUpState | "not-listed", { zh: string; en: string }> = {
  verified: TEXT.outcomeVerified,
  "not-verified": TEXT.outcomeNotVerified,
  "to-verify": TEXT.outcomeToVerify,
  "not-listed": { zh: "未列入本次验证", en: "Not followed up" },
};

const gradeLabel = (grade: GradeId, lang: Lang) => GRADES.find((g) => g.id === grade)!.label[lang];
const fixed = (value: number) => value.toFixed(RULES.decimals);
const signed = (value: number) =>
  value > 0 ? `+${fixed(value)}` : value < 0 ? `−${fixed(-value)}` : fixed(0);
const pct = (value: number | null, lang: Lang) =>
  value === null ? WORDS[lang].excluded : `${value.toFixed(RULES.decimals).replace(/\.?0+$/, "")} %`;

export function renderComparison(comparison: CompareJson, lang: Lang): string {
  const w = WORDS[lang];
  const changed = comparison.items.filter((i) => i.change !== "unchanged");
  const sections = [
    paragraph(comparison, lang),
    renderTable(
      [w.indicator, w.previous, w.current, w.delta],
      comparison.indicators.map((i) => [
        `${i.id} ${indicatorById(i.id)?.name[lang] ?? ""}`,
        pct(i.previous, lang),
        pct(i.current, lang),
        i.delta === null ? "" : signed(i.delta),
      ]),
      ["left", "right", "right", "right"],
    ),
  ];
  if (changed.length > 0) {
    sections.push(
      renderTable(
        [w.item, w.title, w.previous, w.current, w.change],
        changed.map((i) => [
          i.code,
          itemByCode(i.code)?.title[lang] ?? "",
          pct(i.previousPercent, lang),
          pct(i.currentPercent, lang),
          CHANGE_LABELS[i.change][lang],
        ]),
        ["left", "left", "right", "right", "left"],
      ),
    );
  }
  if (comparison.deductions.previous.length > 0) {
    const status = { open: TEXT.statusOpen, closed: TEXT.statusClosed };
    sections.push(
      renderTable(
        [w.category, w.description, w.rectification, w.status, w.followUp],
        comparison.deductions.previous.map((d) => [
          DEDUCTION_CATEGORIES.find((c) => c.id === d.category)!.label[lang],
          d.description,
          d.rectification ?? "",
          d.status ? status[d.status][lang] : "",
          FOLLOW_UP_LABELS[d.followUp ?? "not-listed"][lang],
        ]),
        ["left", "left", "left", "left", "left"],
      ),
    );
  }
  return sections.join("\n\n");
}

function paragraph(c: CompareJson, lang: Lang): string {
  const count = (change: ItemChange) => c.items.filter((i) => i.change === change).length;
  const classes = ITEM_CHANGES.map((change) => [change, count(change)] as const).filter(([, n]) => n > 0);
  const followed = (state: FollowUpState | "not-listed") =>
    c.deductions.previous.filter((d) => (d.followUp ?? "not-listed") === state).length;
  const states = (["verified", "not-verified", "to-verify", "not-listed"] as const)
    .map((state) => [state, followed(state)] as const)
    .filter(([, n]) => n > 0);
  const before = `${fixed(c.previous.finalScore)}（${gradeLabel(c.previous.grade, "zh")}）`;
  const after = `${fixed(c.current.finalScore)}（${gradeLabel(c.current.grade, "zh")}）`;
  if (lang === "zh") {
    const items = classes.map(([change, n]) => `${CHANGE_LABELS[change].zh} ${n} 项`).join("，");
    const previous = c.deductions.previous.length;
    const deductions =
      previous === 0
        ? "上次审核无特别扣分项。"
        : `上次审核的 ${previous} 项特别扣分项：${states.map(([s, n]) => `${FOLLOW_UP_LABELS[s].zh} ${n} 项`).join("，")}。`;
    return `最终得分由上次的 ${before}变为本次的 ${after}，变化 ${signed(c.delta)} 分。项目：${items}。${deductions}本次特别扣分项 ${c.deductions.current.length} 项。`;
  }
  const items = classes.map(([change, n]) => `${n} ${CHANGE_LABELS[change].en}`).join(", ");
  const previous = c.deductions.previous.length;
  const deductions =
    previous === 0
      ? "The previous audit had no special deductions."
      : `Of the previous audit's ${previous} special deduction${previous === 1 ? "" : "s"}: ${states
          .map(([s, n]) => `${n} ${FOLLOW_UP_LABELS[s].en.toLowerCase()}`)
          .join(", ")}.`;
  const now = c.deductions.current.length;
  return `The final score went from ${fixed(c.previous.finalScore)} (${gradeLabel(c.previous.grade, "en")}) to ${fixed(c.current.finalScore)} (${gradeLabel(c.current.grade, "en")}): ${signed(c.delta)}. Items: ${items}. ${deductions} This audit has ${now} special deduction${now === 1 ? "" : "s"}.`;
}

export function registerCompare(program: Command, ctx: CommandContext): void {
  program
    .command("compare")
    .description("compare an audit with the previous one / 与上次审核比较")
    .argument("<previous>", "the previous audit: assessment.json or workbook.xlsx")
    .argument("<current>", "this audit: assessment.json or workbook.xlsx")
    .option("--json", "print the comparison as JSON")
    .addOption(ctx.langOption())
    .action(async (previous: string, current: string, options: { json?: boolean; lang?: string }) => {
      const lang = ctx.lang(options.lang);
      ctx.setExit(await compareCommand(previous, current, { json: options.json, lang }, ctx.io.out));
    });
}
