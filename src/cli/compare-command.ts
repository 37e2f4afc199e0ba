import type { Command } from "commander";
import { compareAssessments, type CompareJson } from "../core/compare";
import { DEDUCTION_CATEGORIES, indicatorById, itemByCode } from "../spec";
import { RULES } from "../spec/rules";
import type { Lang } from "../spec/types";
import {
  CHANGE_LABELS,
  compareParagraph,
  FOLLOW_UP_LABELS,
  signedPoints as signed,
} from "../workbook/compare-words";
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
 * whether this audit verified them (its follow-up table); the paragraph and the labels are
 * src/workbook/compare-words.ts's, the pane's Compare view's too. Each file is an assessment or a workbook;
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

const pct = (value: number | null, lang: Lang) =>
  value === null ? WORDS[lang].excluded : `${value.toFixed(RULES.decimals).replace(/\.?0+$/, "")} %`;

export function renderComparison(comparison: CompareJson, lang: Lang): string {
  const w = WORDS[lang];
  const changed = comparison.items.filter((i) => i.change !== "unchanged");
  const sections = [
    compareParagraph(comparison, lang),
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
