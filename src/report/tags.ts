import type { Lang, Localised } from "../spec/types";
import { LAYOUT_VERSION } from "../workbook/sheets/info";
import type { ReportModel } from "./model";

/**
 * Every tag a report template may use: the report model (model.ts) described field by field, with
 * its type, what it is and an example (from the sample assessment, examples/sample-assessment.json,
 * where it has one). The type below makes the compiler hold this list to the model: a field
 * without its tag, a tag the model does not have, or an example of the wrong type does not compile.
 * `starscore report --tags` prints it and docs/report.md shows it (a test keeps the two the same);
 * the template filler (template.ts) refuses any other tag.
 */
export type TagType = "text" | "number" | "boolean" | "list";

type Example<V> = V | { zh: V; en: V };

export interface ScalarTag<V> {
  type: V extends boolean ? "boolean" : V extends number ? "number" : "text";
  description: Localised;
  example: Example<V>;
}

export interface ListTag<E> {
  type: "list";
  description: Localised;
  fields: TagTree<E>;
}

export type TagTree<T> = {
  [K in keyof T]-?: T[K] extends readonly (infer E)[] ? ListTag<E> : ScalarTag<T[K]>;
};

const both = (zh: string, en: string) => ({ zh, en });

export const TAGS: TagTree<ReportModel> = {
  lang: {
    type: "text",
    description: both("报告语言：zh 或 en", "The report's language: zh or en"),
    example: { zh: "zh", en: "en" },
  },
  organization: {
    type: "text",
    description: both("受评组织", "The organisation assessed"),
    example: "某某电器有限公司",
  },
  assessmentType: {
    type: "text",
    description: both("评价类型", "The assessment type"),
    example: both("初次认证", "Initial certification"),
  },
  assessmentTypeId: {
    type: "text",
    description: both(
      "评价类型代码：initial、recertification 或 surveillance",
      "The assessment type's code: initial, recertification or surveillance",
    ),
    example: "initial",
  },
  modes: {
    type: "text",
    description: both("认证模式（A + G）", "The certification modes (A + G)"),
    example: both(
      "模式 A（服务特性检验）+ 模式 G（服务管理审核）",
      "Mode A (service characteristics inspection) + mode G (service management audit)",
    ),
  },
  startDate: { type: "text", description: both("评价开始日期", "Start date"), example: "2026-11-02" },
  endDate: { type: "text", description: both("评价结束日期", "End date"), example: "2026-11-04" },
  period: {
    type: "text",
    description: both("评价日期（开始至结束）", "The dates (start to end)"),
    example: both("2026-11-02 至 2026-11-04", "2026-11-02 to 2026-11-04"),
  },
  team: {
    type: "list",
    description: both("评价组：每位审核员或每次暗访一项", "The team: one entry per auditor or visit"),
    fields: {
      name: { type: "text", description: both("姓名或名称", "Name"), example: "张三" },
      kind: { type: "text", description: both("类型", "Kind"), example: both("审核员", "Auditor") },
      kindId: {
        type: "text",
        description: both("类型代码：auditor 或 visit", "Kind's code: auditor or visit"),
        example: "auditor",
      },
      lead: {
        type: "boolean",
        description: both("是否审查组长", "Whether this is the lead auditor"),
        example: true,
      },
      total: { type: "text", description: both("个人总分", "Own total"), example: "81.30" },
      itemsScored: { type: "number", description: both("已评项目数", "Items scored"), example: 48 },
      coverage: {
        type: "text",
        description: both("覆盖率（已评 ÷ 适用项目）", "Coverage (scored ÷ applicable items)"),
        example: "100.0%",
      },
    },
  },
  teamSize: {
    type: "number",
    description: both("评价组人数（含暗访）", "Team size (visits included)"),
    example: 3,
  },
  leadAuditor: {
    type: "text",
    description: both("审查组长（未指定时为空）", "The lead auditor (empty when not named)"),
    example: "张三",
  },
  hasLeadAuditor: {
    type: "boolean",
    description: both("是否指定了审查组长", "Whether a lead auditor is named"),
    example: true,
  },

  finalScore: {
    type: "text",
    description: both("最终得分（2 位小数）", "Final score (2 decimals)"),
    example: "87.46",
  },
  grade: {
    type: "text",
    description: both(
      "等级代码：five-star、four-star、three-star、qualified 或 fail",
      "Grade code: five-star, four-star, three-star, qualified or fail",
    ),
    example: "three-star",
  },
  gradeLabel: { type: "text", description: both("等级", "Grade"), example: both("三星级", "Three-star") },
  passed: { type: "boolean", description: both("是否通过", "Whether the assessment passed"), example: true },
  passedLabel: {
    type: "text",
    description: both("通过 / 未通过", "Passed / Not passed"),
    example: both("通过", "Passed"),
  },
  complete: {
    type: "boolean",
    description: both(
      "评分是否完整（每个适用项目都有有效录入）",
      "Whether every applicable item has a valid entry",
    ),
    example: true,
  },
  rawScore: { type: "text", description: both("实际得分", "Raw score"), example: "86.20" },
  applicableTotal: { type: "text", description: both("涉及项总分值", "Applicable total"), example: "98.0" },
  scaledScore: { type: "text", description: both("换算得分", "Scaled score"), example: "87.96" },
  deductionCount: {
    type: "number",
    description: both("特别扣分项个数", "Number of special deductions"),
    example: 1,
  },
  deductionPoints: { type: "text", description: both("特别扣分合计", "Points deducted"), example: "1.00" },
  bonus: {
    type: "text",
    description: both("计入的特别加分（上限 1 分）", "Bonus applied (at most 1)"),
    example: "0.50",
  },
  bonusClaimed: {
    type: "text",
    description: both("特别加分合计（未封顶）", "Bonus claimed (before the cap)"),
    example: "0.50",
  },
  failReasons: {
    type: "list",
    description: both("不合格原因（通过时为空）", "Why the assessment fails (empty when it passes)"),
    fields: {
      code: {
        type: "text",
        description: both(
          "原因代码：below-pass-mark 或 too-many-deductions",
          "Reason code: below-pass-mark or too-many-deductions",
        ),
        example: "below-pass-mark",
      },
      message: {
        type: "text",
        description: both("原因", "The reason"),
        example: both("最终得分 65.00 低于 70 分。", "The final score 65.00 is below 70."),
      },
    },
  },
  hasFailReasons: {
    type: "boolean",
    description: both("是否有不合格原因", "Whether there is any fail reason"),
    example: false,
  },

  indicators: {
    type: "list",
    description: both("二级指标表：15 个二级指标", "The indicator table: the 15 secondary indicators"),
    fields: {
      id: { type: "text", description: both("二级指标条款", "Indicator clause"), example: "5.2.1" },
      name: {
        type: "text",
        description: both("二级指标名称", "Indicator name"),
        example: both("商品信息", "Product information"),
      },
      primary: {
        type: "text",
        description: both("所属一级指标", "Its primary indicator"),
        example: both("服务要求", "Service requirements"),
      },
      weight: { type: "text", description: both("权重", "Weight"), example: "6.0" },
      applicableMax: { type: "text", description: both("适用分值", "Applicable maximum"), example: "6.0" },
      score: { type: "text", description: both("得分", "Score"), example: "5.40" },
      attainment: {
        type: "text",
        description: both("达成率（全部删减时为空）", "Attainment (empty when all excluded)"),
        example: "90.0%",
      },
      excluded: {
        type: "boolean",
        description: both("是否整体删减", "Whether the whole indicator is excluded"),
        example: false,
      },
    },
  },
  primaries: {
    type: "list",
    description: both("一级指标小计：服务要求、管理要求", "Primary subtotals: service, management"),
    fields: {
      id: {
        type: "text",
        description: both("一级指标代码：service 或 management", "Code: service or management"),
        example: "service",
      },
      name: {
        type: "text",
        description: both("一级指标名称", "Name"),
        example: both("服务要求", "Service requirements"),
      },
      weight: { type: "text", description: both("权重", "Weight"), example: "60.0" },
      applicableMax: { type: "text", description: both("适用分值", "Applicable maximum"), example: "58.0" },
      score: { type: "text", description: both("得分", "Score"), example: "52.20" },
      attainment: { type: "text", description: both("达成率", "Attainment"), example: "90.0%" },
    },
  },
  totalWeight: { type: "text", description: both("权重合计", "Total weight"), example: "100.0" },
  totalApplicableMax: {
    type: "text",
    description: both("适用分值合计", "Total applicable maximum"),
    example: "98.0",
  },
  totalScore: {
    type: "text",
    description: both("得分合计（即实际得分）", "Total score (the raw score)"),
    example: "86.20",
  },
  totalAttainment: { type: "text", description: both("总达成率", "Overall attainment"), example: "88.0%" },

  exclusions: {
    type: "list",
    description: both(
      "删减（不适用）的项目或二级指标及原因",
      "Excluded items or indicators, with their reasons",
    ),
    fields: {
      key: {
        type: "text",
        description: both("项目代码或二级指标条款", "Item code or indicator clause"),
        example: "5.2.6",
      },
      name: {
        type: "text",
        description: both("名称", "Name"),
        example: both("废弃商品回收", "Recycling of discarded products"),
      },
      reason: {
        type: "text",
        description: both("删减原因", "Reason"),
        example: "不涉及废弃商品回收：仅销售软件服务",
      },
    },
  },
  hasExclusions: {
    type: "boolean",
    description: both("是否有删减", "Whether anything is excluded"),
    example: true,
  },
  deductions: {
    type: "list",
    description: both("特别扣分项", "Special deductions"),
    fields: {
      number: { type: "number", description: both("序号", "Number"), example: 1 },
      category: {
        type: "text",
        description: both("类别", "Category"),
        example: both("不符合企业服务制度", "Breaches the company's own service policy"),
      },
      categoryId: {
        type: "text",
        description: both(
          "类别代码：law、policy、industry 或 system",
          "Category code: law, policy, industry or system",
        ),
        example: "policy",
      },
      description: {
        type: "text",
        description: both("描述", "Description"),
        example: "门店未按服务手册张贴三包规定",
      },
      item: { type: "text", description: both("关联项目代码", "Related item code"), example: "B13" },
      itemTitle: {
        type: "text",
        description: both("关联项目名称", "Related item's title"),
        example: both("包修和保修", "Free repair and warranty"),
      },
      evidence: { type: "text", description: both("证据", "Evidence"), example: "" },
      rectification: {
        type: "text",
        description: both("整改要求", "Rectification"),
        example: "30 天内全部门店张贴并拍照留证",
      },
      deadline: { type: "text", description: both("整改期限", "Deadline"), example: "2026-12-04" },
      status: { type: "text", description: both("状态", "Status"), example: both("未整改", "Open") },
      statusId: {
        type: "text",
        description: both("状态代码：open、closed 或空", "Status code: open, closed or empty"),
        example: "open",
      },
    },
  },
  hasDeductions: {
    type: "boolean",
    description: both("是否有特别扣分项", "Whether there is any deduction"),
    example: true,
  },
  bonuses: {
    type: "list",
    description: both("特别加分项", "Special bonus entries"),
    fields: {
      number: { type: "number", description: both("序号", "Number"), example: 1 },
      points: { type: "text", description: both("分值", "Points"), example: "0.50" },
      reason: {
        type: "text",
        description: both("理由", "Reason"),
        example: "自建备件中心，配件 24 小时到达率行业领先",
      },
    },
  },
  hasBonus: {
    type: "boolean",
    description: both("是否有特别加分", "Whether there is any bonus"),
    example: true,
  },

  hasAgreement: {
    type: "boolean",
    description: both(
      "评价组是否有两人（列）以上，即是否报告评价一致性",
      "Whether the team has two evaluators or more (so agreement is reported)",
    ),
    example: true,
  },
  agreement: {
    type: "list",
    description: both(
      "评价一致性：每位评价人的平均达成率与评价组在同一批项目上的平均",
      "Agreement: each evaluator's mean attainment against the team's on the same items",
    ),
    fields: {
      name: { type: "text", description: both("评价人", "Evaluator"), example: "张三" },
      itemsScored: {
        type: "number",
        description: both("有效录入的适用项目数", "Applicable items with a valid entry"),
        example: 48,
      },
      mean: { type: "text", description: both("本人平均达成率", "Own mean"), example: "83.1%" },
      teamMean: {
        type: "text",
        description: both("同一批项目上评价组的平均", "The team's mean on the same items"),
        example: "88.1%",
      },
      bias: {
        type: "text",
        description: both("偏差（百分点，本人 − 评价组）", "Bias (percentage points, own − team)"),
        example: "−5.0",
      },
    },
  },
  disagreements: {
    type: "list",
    description: both(
      "分歧项目：录入相差两个附录 C 档次或以上",
      "Items in disagreement: entries two Appendix C bands apart or more",
    ),
    fields: {
      code: { type: "text", description: both("项目代码", "Item code"), example: "B1" },
      title: {
        type: "text",
        description: both("项目名称", "Item title"),
        example: both("商品信息", "Product information"),
      },
      lowest: { type: "text", description: both("最低录入", "Lowest entry"), example: "55.0%" },
      highest: { type: "text", description: both("最高录入", "Highest entry"), example: "95.0%" },
      spreadBands: { type: "number", description: both("相差档次", "Bands apart"), example: 2 },
    },
  },
  disagreementCount: {
    type: "number",
    description: both("分歧项目数", "Number of items in disagreement"),
    example: 0,
  },
  hasDisagreements: {
    type: "boolean",
    description: both("是否有分歧项目", "Whether any item is in disagreement"),
    example: false,
  },

  followUps: {
    type: "list",
    description: both(
      "上次审核的特别扣分项（本次待验证的整改）及验证结果",
      "The last audit's deductions (rectifications verified in this audit) and what was found",
    ),
    fields: {
      number: { type: "number", description: both("序号", "Number"), example: 1 },
      category: {
        type: "text",
        description: both("类别", "Category"),
        example: both("不符合企业服务制度", "Breaches the company's own service policy"),
      },
      description: {
        type: "text",
        description: both("描述", "Description"),
        example: "门店未按服务手册张贴三包规定",
      },
      item: { type: "text", description: both("关联项目代码", "Related item code"), example: "B13" },
      rectification: {
        type: "text",
        description: both("整改要求", "Rectification"),
        example: "30 天内全部门店张贴并拍照留证",
      },
      deadline: { type: "text", description: both("整改期限", "Deadline"), example: "2026-12-04" },
      outcome: {
        type: "text",
        description: both("验证结果", "Outcome"),
        example: both("已验证", "Verified"),
      },
      outcomeId: {
        type: "text",
        description: both(
          "验证结果代码：verified、not-verified 或 to-verify（尚未验证）",
          "Outcome code: verified, not-verified or to-verify (not yet checked)",
        ),
        example: "verified",
      },
      note: {
        type: "text",
        description: both("验证说明", "Verification note"),
        example: "抽查 5 家门店均已张贴",
      },
    },
  },
  hasFollowUps: {
    type: "boolean",
    description: both("是否有上次审核的整改待验证", "Whether the last audit left rectifications to verify"),
    example: false,
  },
  followUpsVerified: {
    type: "number",
    description: both("已验证的整改数", "Rectifications verified"),
    example: 0,
  },
  followUpsNotVerified: {
    type: "number",
    description: both("未落实的整改数", "Rectifications not verified"),
    example: 0,
  },
  followUpsToVerify: {
    type: "number",
    description: both("尚未验证的整改数", "Rectifications not yet checked"),
    example: 0,
  },

  state: {
    type: "text",
    description: both(
      "定稿状态代码：draft（未定稿或已重新打开）、finalised（已定稿待复核）、approved（复核批准）或 returned（复核退回）",
      "The finalisation state's code: draft (not finalised, or reopened), finalised (awaiting review), approved or returned (by the reviewer)",
    ),
    example: "approved",
  },
  stateLabel: {
    type: "text",
    description: both("定稿状态", "The finalisation state"),
    example: both("已复核批准", "Approved by the reviewer"),
  },
  finalised: {
    type: "boolean",
    description: both("是否已定稿（含已批准）", "Whether finalised (or approved)"),
    example: true,
  },
  finalisedBy: { type: "text", description: both("定稿人", "Finalised by"), example: "张三" },
  finalisedAt: {
    type: "text",
    description: both("定稿时间（ISO 8601）", "Finalised at (ISO 8601)"),
    example: "2026-11-04T17:20:00+08:00",
  },
  finalisedDate: {
    type: "text",
    description: both(
      "定稿日期（签字栏用）；未定稿时为空",
      "The finalisation date (for the signature block); empty before",
    ),
    example: "2026-11-04",
  },
  approved: {
    type: "boolean",
    description: both("是否已复核批准", "Whether the reviewer approved it"),
    example: true,
  },
  returned: {
    type: "boolean",
    description: both("是否被复核退回", "Whether the reviewer returned it"),
    example: false,
  },
  reviewed: {
    type: "boolean",
    description: both("是否已复核（批准或退回）", "Whether reviewed (approved or returned)"),
    example: true,
  },
  reviewedBy: {
    type: "text",
    description: both("复核人（未复核时为空）", "Reviewer (empty before)"),
    example: "王五",
  },
  reviewedAt: {
    type: "text",
    description: both("复核时间（ISO 8601）", "Reviewed at (ISO 8601)"),
    example: "2026-11-05T10:00:00+08:00",
  },
  reviewedDate: {
    type: "text",
    description: both("复核日期（签字栏用）", "The review date (for the signature block)"),
    example: "2026-11-05",
  },
  reviewComment: {
    type: "text",
    description: both("复核意见", "The reviewer's comment"),
    example: "同意",
  },

  fingerprint: {
    type: "text",
    description: both("目录与规则指纹（SHA-256）", "The catalogue and rules fingerprint (SHA-256)"),
    example: "（64 位十六进制 / 64 hex digits）",
  },
  starscoreVersion: {
    type: "text",
    description: both("StarScore 版本", "StarScore's version"),
    example: "0.1.0",
  },
  layoutVersion: {
    type: "number",
    description: both("工作簿版式版本", "The workbook layout version"),
    example: LAYOUT_VERSION,
  },
};

/** A tag's example in a language. */
export function exampleIn<V>(example: Example<V>, lang: Lang): V {
  return typeof example === "object" && example !== null && "zh" in example ? example[lang] : (example as V);
}

/** One line of the tag list: the tag as a template writes it, its type, what it is, an example. */
export interface TagRow {
  tag: string;
  type: TagType;
  description: string;
  example: string;
}

const TYPE_WORDS: Record<TagType, Localised> = {
  text: { zh: "文字", en: "text" },
  number: { zh: "数字", en: "number" },
  boolean: { zh: "是/否", en: "boolean" },
  list: { zh: "列表", en: "list" },
};

export const typeWord = (type: TagType, lang: Lang) => TYPE_WORDS[type][lang];

/**
 * Every tag in order, a list's fields after it as `deductions[].description` (written
 * `{description}` inside `{#deductions}…{/deductions}`): what `starscore report --tags` prints and
 * docs/report.md shows.
 */
export function tagRows(lang: Lang): TagRow[] {
  const rows: TagRow[] = [];
  const show = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));
  for (const [name, tag] of Object.entries(TAGS) as [string, ScalarTag<unknown> | ListTag<unknown>][]) {
    if (tag.type === "list") {
      rows.push({
        tag: name,
        type: "list",
        description: tag.description[lang],
        example: `{#${name}}…{/${name}}`,
      });
      for (const [field, sub] of Object.entries(tag.fields as Record<string, ScalarTag<unknown>>)) {
        rows.push({
          tag: `${name}[].${field}`,
          type: sub.type,
          description: sub.description[lang],
          example: show(exampleIn(sub.example, lang)),
        });
      }
    } else {
      rows.push({
        tag: name,
        type: tag.type,
        description: tag.description[lang],
        example: show(exampleIn(tag.example, lang)),
      });
    }
  }
  return rows;
}

/** The tag list as a Markdown table (docs/report.md holds both languages' tables verbatim). */
export function tagsMarkdown(lang: Lang): string {
  const header = lang === "zh" ? ["标签", "类型", "含义", "示例"] : ["Tag", "Type", "What it is", "Example"];
  const cell = (text: string) => text.replace(/\|/g, "\\|");
  const lines = tagRows(lang).map(
    (r) =>
      `| \`${r.tag}\` | ${typeWord(r.type, lang)} | ${cell(r.description)} | ${r.example === "" ? "" : `\`${cell(r.example)}\``} |`,
  );
  return [`| ${header.join(" | ")} |`, "| --- | --- | --- | --- |", ...lines].join("\n");
}
