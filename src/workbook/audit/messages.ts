import type { Localised } from "../../spec/types";
import { TEXT, type TextKey } from "../labels";

/**
 * What the finalisation check (check.ts) and the snapshot reader (snapshot.ts) say, in both
 * languages. A value is shown quoted when it is text, "空白" / "blank" when there is none. The
 * workbook's own words for a field (labels.ts) name it, lower-cased in an English sentence.
 */

/** A workbook label as a phrase inside a sentence: "受评组织", "organisation". */
export function phrase(key: TextKey): Localised {
  const { zh, en } = TEXT[key];
  return { zh, en: en.charAt(0).toLowerCase() + en.slice(1) };
}

const who = (person: string, lang: "zh" | "en") => person || (lang === "zh" ? "（未署名）" : "(no name)");

export type Shown = string | number | boolean | null | undefined;

/** A value as the messages show it: text quoted (cut at 40 characters), a blank as "blank". */
export function show(value: Shown): Localised {
  if (value === null || value === undefined || value === "") return { zh: "空白", en: "blank" };
  if (typeof value === "string") {
    const text = value.length > 40 ? `${value.slice(0, 39)}…` : value;
    return { zh: `“${text}”`, en: `"${text}"` };
  }
  return { zh: String(value), en: String(value) };
}

export const plain = (text: string): Localised => ({ zh: text, en: text });
export const yesNo = (value: boolean): Localised =>
  value ? { zh: "是", en: "yes" } : { zh: "否", en: "no" };

interface Finalisation {
  n: number;
  finalisedAt: string;
  finalisedBy: string;
  reopenedAt: string;
  reopenedBy: string;
  entriesHash: string;
}

export const AUDIT_MESSAGES = {
  snapshotEmpty: (): Localised => ({
    zh: "审计日志记录了定稿，但定稿快照中没有可用的记录：无法确认定稿后的录入内容未被改动。",
    en: "The audit log records a finalisation, but the snapshot holds no usable record: the entries cannot be confirmed unchanged since.",
  }),
  snapshotGone: (sheet: string): Localised => ({
    zh: `审计日志记录了定稿，但定稿快照工作表（${sheet}）已不存在：无法确认定稿后的录入内容未被改动。`,
    en: `The audit log records a finalisation, but the snapshot sheet (${sheet}) is gone: the entries cannot be confirmed unchanged since.`,
  }),
  reopened: (r: Finalisation): Localised => ({
    zh: `第 ${r.n} 次定稿（${r.finalisedAt}，${who(r.finalisedBy, "zh")}）已于 ${r.reopenedAt} 由 ${who(r.reopenedBy, "zh")} 重新开放：录入内容可以编辑，不与定稿比较。`,
    en: `Finalisation ${r.n} (${r.finalisedAt}, ${who(r.finalisedBy, "en")}) was reopened at ${r.reopenedAt} by ${who(r.reopenedBy, "en")}: the entries may be edited and are not compared.`,
  }),
  reopenReason: (reason: string): Localised => ({ zh: `原因：${reason}`, en: `Reason: ${reason}` }),
  returned: (r: Finalisation, by: string, at: string, comment: string): Localised => ({
    zh: `第 ${r.n} 次定稿（${r.finalisedAt}，${who(r.finalisedBy, "zh")}）已于 ${at} 由 ${who(by, "zh")} 退回：${comment}。录入内容可以编辑，不与定稿比较。`,
    en: `Finalisation ${r.n} (${r.finalisedAt}, ${who(r.finalisedBy, "en")}) was returned at ${at} by ${who(by, "en")}: ${comment}. The entries may be edited and are not compared.`,
  }),
  approved: (r: Finalisation, by: string, at: string): Localised => ({
    zh: `第 ${r.n} 次定稿（${r.finalisedAt}，${who(r.finalisedBy, "zh")}）已于 ${at} 由 ${who(by, "zh")} 审核通过；录入内容与定稿一致（SHA-256 ${r.entriesHash.slice(0, 16)}…）。`,
    en: `Finalisation ${r.n} (${r.finalisedAt}, ${who(r.finalisedBy, "en")}) was approved at ${at} by ${who(by, "en")}; the entries are as finalised (SHA-256 ${r.entriesHash.slice(0, 16)}…).`,
  }),
  changedAfterApproval: (r: Finalisation, by: string, at: string): Localised => ({
    zh: `工作簿在审核通过后被改动：第 ${r.n} 次定稿已于 ${at} 由 ${who(by, "zh")} 审核通过，但此后录入内容或结果有变（见下），该审核不再适用于当前工作簿。`,
    en: `The workbook was changed after approval: finalisation ${r.n} was approved at ${at} by ${who(by, "en")}, but its entries or result have changed since (below), so the approval no longer covers it.`,
  }),
  unreadable: (): Localised => ({
    zh: "评估已定稿，但工作簿中的录入内容无法读取，无法与定稿比较。",
    en: "The assessment is finalised, but the workbook's entries cannot be read to compare with it.",
  }),
  more: (more: number): Localised => ({
    zh: `另有 ${more} 处改动。`,
    en: `And ${more} more change${more === 1 ? "" : "s"}.`,
  }),
  finalised: (r: Finalisation): Localised => ({
    zh: `已于 ${r.finalisedAt} 由 ${who(r.finalisedBy, "zh")} 定稿（第 ${r.n} 次）；录入内容与定稿一致（SHA-256 ${r.entriesHash.slice(0, 16)}…）。`,
    en: `Finalised at ${r.finalisedAt} by ${who(r.finalisedBy, "en")} (finalisation ${r.n}); the entries are as finalised (SHA-256 ${r.entriesHash.slice(0, 16)}…).`,
  }),
  entryChanged: (what: Localised, before: Localised, after: Localised): Localised => ({
    zh: `定稿后已改动：${what.zh}（${before.zh} → ${after.zh}）`,
    en: `Changed after finalisation: ${what.en} (${before.en} → ${after.en})`,
  }),
  resultChanged: (name: string, what: Localised, before: Localised, after: Localised): Localised => ({
    zh: `结果与定稿时不同：${what.zh}（${before.zh} → ${after.zh}）[${name}]`,
    en: `The result differs from the finalised one: ${what.en} (${before.en} → ${after.en}) [${name}]`,
  }),
  // The snapshot sheet (snapshot.ts).
  headerChanged: (): Localised => ({
    zh: "定稿快照表的标题行已被修改。",
    en: "The header row of the snapshot sheet has been changed.",
  }),
  rowChanged: (row: number, detail: Localised): Localised => ({
    zh: `定稿快照第 ${row} 行已被改动（${detail.zh}）。`,
    en: `Row ${row} of the snapshot sheet has been changed (${detail.en}).`,
  }),
  rowInvalid: (): Localised => ({ zh: "序号或状态无效", en: "its number or status is not valid" }),
  checksumDiffers: (): Localised => ({ zh: "校验和不符", en: "its checksum does not match" }),
  dataUnreadable: (): Localised => ({ zh: "数据无法读取", en: "its data cannot be read" }),
  dataIncomplete: (): Localised => ({ zh: "数据不完整", en: "its data is incomplete" }),
  entriesHashDiffers: (): Localised => ({
    zh: "录入内容与其 SHA-256 不符",
    en: "its entries do not match their SHA-256",
  }),
};

/** What each input and figure is called in the messages (labels.ts's words where the workbook has them). */
export const WHAT = {
  organization: phrase("organisation"),
  type: phrase("assessmentType"),
  startDate: phrase("startDate"),
  endDate: phrase("endDate"),
  step: { zh: "评分步长", en: "entry step" },
  leadAuditor: { zh: "审查组长", en: "lead auditor" },
  evaluatorCount: { zh: "评价人列数", en: "number of evaluator columns" },
  evaluatorName: (k: number): Localised => ({
    zh: `第 ${k + 1} 列评价人姓名`,
    en: `name of evaluator column ${k + 1}`,
  }),
  evaluatorKind: (k: number): Localised => ({
    zh: `第 ${k + 1} 列类型`,
    en: `kind of evaluator column ${k + 1}`,
  }),
  entry: (code: string, name: string): Localised => ({
    zh: `${code}，${name} 的评分`,
    en: `${code}, ${name}'s entry`,
  }),
  notes: (code: string): Localised => ({ zh: `${code} 的备注`, en: `${code} notes` }),
  applicable: (key: string): Localised => ({ zh: `${key} 是否适用`, en: `${key} applicable` }),
  applicableValue: (applicable: boolean) => (applicable ? "适用 / Yes" : "不适用 / No"),
  exclusionReason: (key: string): Localised => ({ zh: `${key} 的删减原因`, en: `${key} exclusion reason` }),
  deductionCount: { zh: "特别扣分项数", en: "number of special deductions" },
  deductionField: (i: number, field: Localised): Localised => ({
    zh: `特别扣分项 ${i + 1} 的${field.zh}`,
    en: `special deduction ${i + 1} ${field.en}`,
  }),
  bonusCount: { zh: "特别加分项数", en: "number of special bonus entries" },
  bonusPoints: (i: number): Localised => ({
    zh: `特别加分 ${i + 1} 的分值`,
    en: `special bonus ${i + 1} points`,
  }),
  bonusReason: (i: number): Localised => ({
    zh: `特别加分 ${i + 1} 的理由`,
    en: `special bonus ${i + 1} reason`,
  }),
  // The result's figures.
  finalScore: phrase("finalScore"),
  rawScore: phrase("rawScore"),
  applicableTotal: phrase("applicableTotal"),
  scaledScore: { zh: "换算得分", en: "scaled score" },
  deductions: { zh: "特别扣分项", en: "special deductions" },
  bonus: phrase("bonus"),
  grade: phrase("grade"),
  passed: phrase("passed"),
  complete: phrase("complete"),
  indicatorScore: (id: string): Localised => ({
    zh: `${TEXT.indicator.zh} ${id} 得分`,
    en: `${phrase("indicator").en} ${id} score`,
  }),
} satisfies Record<string, Localised | ((...args: never[]) => unknown)>;
