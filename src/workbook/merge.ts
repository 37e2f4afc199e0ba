import type { Assessment, Evaluator } from "../assessment/schema";
import type { Lang, Localised } from "../spec/types";
import { canonicalJson, catalogueFingerprint } from "./integrity/fingerprint";
import type { CellLocator } from "./read/locator";
import { MAX_EVALUATORS } from "./scoring-grid";

/**
 * Merging the evaluators' workbooks (issue 12): each auditor fills a copy of the workbook, the lead
 * auditor merges them. Pure (no files, no Office): `starscore merge` reads the files with ExcelJS,
 * the task pane with Office.js or in the browser, and both call mergeAssessments.
 *
 * - The first source is the lead's: its Info fields, exclusions, special items, team order (and, for
 *   the caller, its language) are kept. From every other source come its evaluators' entries and
 *   the item notes, matched to the lead's columns by evaluator name (trimmed) and kind; the k-th
 *   column of a name and kind in a file matches the k-th such column of the lead's. An evaluator the
 *   lead's file does not have becomes a new column at the end, in the order the files bring them.
 * - A conflict is the same evaluator and item (for a note: the same item) with two different
 *   non-blank values in two files. Equal values are not conflicts. With any conflict nothing is
 *   merged: the result lists every one, with both files' cells.
 * - A non-lead file whose Info fields, exclusions or special items differ from the lead's gets a
 *   warning naming what differs; those differences are not merged.
 * - A file whose catalogue and rules fingerprint is not this StarScore's (for its layout version),
 *   or that has none, is refused, as is a result with more evaluator columns than a workbook holds.
 */
export interface MergeSource {
  /** How messages name the file: its path (CLI) or file name (pane). */
  file: string;
  assessment: Assessment;
  /** The workbook's layout version and the fingerprint on its Info sheet ("" when it has none). */
  layoutVersion: number;
  fingerprint: string;
  /** Where its inputs are, to name a conflict's cells. */
  locator?: CellLocator;
}

/** One side of a conflict: the file, the cell (when known) and the value there. */
export interface MergeSide {
  file: string;
  cell?: string;
  value: number | string;
}

export interface MergeConflict {
  kind: "entry" | "notes";
  item: string;
  /** The evaluator, for an entry. */
  evaluator?: Evaluator;
  /** The value merged so far (from the lead's file or an earlier one), and the other. */
  a: MergeSide;
  b: MergeSide;
  message: Localised;
}

export type MergeDifference = "info" | "exclusions" | "special";

export interface MergeWarning {
  file: string;
  differs: MergeDifference;
  /** For "info": the fields that differ (organization, type, step, dates, leadAuditor). */
  fields?: string[];
  message: Localised;
}

export type MergeResult =
  | {
      ok: true;
      assessment: Assessment;
      /** The columns added at the end, in order. */
      added: Evaluator[];
      /** Entries and notes taken from the non-lead files (equal values not counted). */
      taken: { entries: number; notes: number };
      warnings: MergeWarning[];
    }
  | {
      ok: false;
      /** Files refused (fingerprint) or a result too wide: nothing can be merged. */
      refused: Localised[];
      conflicts: MergeConflict[];
      warnings: MergeWarning[];
    };

export function mergeAssessments(sources: readonly MergeSource[]): MergeResult {
  const refused = sources.flatMap(fingerprintProblem);
  const [lead, ...others] = sources;
  if (!lead || others.length === 0) refused.push(M.tooFew());
  if (refused.length > 0 || !lead) return { ok: false, refused, conflicts: [], warnings: [] };

  const evaluators: Evaluator[] = lead.assessment.evaluators.map((e) => ({ ...e }));
  const scores = new Map<string, (number | null)[]>(
    Object.entries(lead.assessment.scores).map(([code, row]) => [code, [...row]]),
  );
  const notes = new Map<string, string>(Object.entries(lead.assessment.notes ?? {}));
  /** Which source each non-blank entry ("code k") and note came from. */
  const entryFrom = new Map<string, number>();
  const noteFrom = new Map<string, number>();
  for (const [code, row] of scores) row.forEach((v, k) => v !== null && entryFrom.set(`${code} ${k}`, 0));
  for (const [code, note] of notes) if (note !== "") noteFrom.set(code, 0);

  const conflicts: MergeConflict[] = [];
  const warnings: MergeWarning[] = [];
  const added: Evaluator[] = [];
  const taken = { entries: 0, notes: 0 };

  others.forEach((source, i) => {
    const s = i + 1;
    const { assessment } = source;
    warnings.push(...differences(lead, source));
    const columns = matchColumns(evaluators, assessment.evaluators);
    columns.forEach((column, j) => {
      if (column === undefined) {
        evaluators.push({ ...assessment.evaluators[j]! });
        added.push({ ...assessment.evaluators[j]! });
        columns[j] = evaluators.length - 1;
      }
    });
    for (const [code, row] of Object.entries(assessment.scores)) {
      row.forEach((value, j) => {
        if (value === null || value === undefined) return;
        const k = columns[j]!;
        const merged = scores.get(code) ?? [];
        scores.set(code, merged);
        const current = merged[k] ?? null;
        if (current === null) {
          while (merged.length < k) merged.push(null);
          merged[k] = value;
          entryFrom.set(`${code} ${k}`, s);
          taken.entries++;
        } else if (current !== value) {
          const from = sources[entryFrom.get(`${code} ${k}`) ?? 0]!;
          const a = side(
            from,
            current,
            from.locator?.entry(code, indexIn(from, evaluators[k]!, k, evaluators)),
          );
          const b = side(source, value, source.locator?.entry(code, j));
          conflicts.push({
            kind: "entry",
            item: code,
            evaluator: evaluators[k]!,
            a,
            b,
            message: M.entryConflict(code, evaluators[k]!, a, b),
          });
        }
      });
    }
    for (const [code, note] of Object.entries(assessment.notes ?? {})) {
      if (note === "") continue;
      const current = notes.get(code) ?? "";
      if (current === "") {
        notes.set(code, note);
        noteFrom.set(code, s);
        taken.notes++;
      } else if (current !== note) {
        const from = sources[noteFrom.get(code) ?? 0]!;
        const a = side(from, current, from.locator?.notes(code));
        const b = side(source, note, source.locator?.notes(code));
        conflicts.push({ kind: "notes", item: code, a, b, message: M.notesConflict(code, a, b) });
      }
    }
  });

  if (evaluators.length > MAX_EVALUATORS) refused.push(M.tooWide(evaluators.length));
  if (conflicts.length > 0 || refused.length > 0) return { ok: false, refused, conflicts, warnings };

  const width = evaluators.length;
  const merged: Assessment = {
    ...lead.assessment,
    evaluators,
    scores: Object.fromEntries(
      [...scores].map(([code, row]) => [code, Array.from({ length: width }, (_, k) => row[k] ?? null)]),
    ),
    ...(notes.size > 0 && { notes: Object.fromEntries(notes) }),
  };
  return { ok: true, assessment: merged, added, taken, warnings };
}

/** The column of the merged team each of a file's evaluators goes to; undefined for a new one. */
function matchColumns(team: readonly Evaluator[], theirs: readonly Evaluator[]): (number | undefined)[] {
  const used = new Set<number>();
  return theirs.map((evaluator) => {
    const k = team.findIndex((e, index) => !used.has(index) && sameEvaluator(e, evaluator));
    if (k < 0) return undefined;
    used.add(k);
    return k;
  });
}

const sameEvaluator = (a: Evaluator, b: Evaluator) => a.kind === b.kind && a.name.trim() === b.name.trim();

/** The column of merged evaluator k in a source's own team (for the cell of the value it gave). */
function indexIn(source: MergeSource, evaluator: Evaluator, k: number, team: readonly Evaluator[]): number {
  const nth = team.slice(0, k).filter((e) => sameEvaluator(e, evaluator)).length;
  const own = source.assessment.evaluators
    .map((e, index) => (sameEvaluator(e, evaluator) ? index : -1))
    .filter((index) => index >= 0);
  return own[nth] ?? -1;
}

function side(source: MergeSource, value: number | string, cell: string | undefined): MergeSide {
  return { file: source.file, ...(cell !== undefined && { cell }), value };
}

function fingerprintProblem(source: MergeSource): Localised[] {
  if (source.fingerprint === "") return [M.noFingerprint(source.file)];
  if (source.fingerprint !== catalogueFingerprint(source.layoutVersion)) {
    return [M.foreignFingerprint(source.file)];
  }
  return [];
}

const INFO_FIELDS = ["organization", "type", "step", "dates", "leadAuditor"] as const;

/** What a non-lead file has that differs from the lead's (and is not merged). */
function differences(lead: MergeSource, source: MergeSource): MergeWarning[] {
  const [a, b] = [lead.assessment, source.assessment];
  const same = (x: unknown, y: unknown) => canonicalJson(x ?? null) === canonicalJson(y ?? null);
  const out: MergeWarning[] = [];
  const fields = INFO_FIELDS.filter((field) => !same(blankless(a[field]), blankless(b[field])));
  if (fields.length > 0) {
    out.push({
      file: source.file,
      differs: "info",
      fields: [...fields],
      message: M.infoDiffers(source.file, fields),
    });
  }
  if (!same(a.exclusions ?? {}, b.exclusions ?? {})) {
    out.push({ file: source.file, differs: "exclusions", message: M.exclusionsDiffer(source.file) });
  }
  if (!same(a.deductions ?? [], b.deductions ?? []) || !same(a.bonus ?? [], b.bonus ?? [])) {
    out.push({ file: source.file, differs: "special", message: M.specialDiffers(source.file) });
  }
  return out;
}

/** A blank text and an empty object are no value: a field left out and a blank cell agree. */
function blankless(value: unknown): unknown {
  if (value === "" || value === undefined) return null;
  if (typeof value === "object" && value !== null && Object.keys(value).length === 0) return null;
  return value;
}

const INFO_WORDS: Record<(typeof INFO_FIELDS)[number], Localised> = {
  organization: { zh: "受评组织", en: "organisation" },
  type: { zh: "评价类型", en: "assessment type" },
  step: { zh: "评分步长", en: "entry step" },
  dates: { zh: "评价日期", en: "dates" },
  leadAuditor: { zh: "审查组长", en: "lead auditor" },
};

const list = (words: readonly Localised[], lang: Lang) =>
  words.map((w) => w[lang]).join(lang === "zh" ? "、" : ", ");
const shown = (v: number | string) =>
  typeof v === "number" ? String(v) : `“${v.length > 40 ? `${v.slice(0, 39)}…` : v}”`;
const at = (s: MergeSide) => `${s.file}${s.cell ? ` ${s.cell}` : ""}`;

/** What merging says, in both languages. */
export const MERGE_MESSAGES = {
  tooFew: (): Localised => ({
    zh: "合并至少需要两个工作簿：第一个是审查组长的，其余是评价人的。",
    en: "A merge needs at least two workbooks: the lead auditor's first, then the evaluators'.",
  }),
  noFingerprint: (file: string): Localised => ({
    zh: `${file} 没有目录与规则指纹（封面第 12 行），无法确认它与本版 StarScore 使用相同的目录和规则：不合并。可先用 starscore generate --from 以当前版式重新生成。`,
    en: `${file} has no catalogue and rules fingerprint (Info row 12), so it cannot be confirmed to use this StarScore's catalogue and rules: not merged. Regenerate it in the current layout with starscore generate --from first.`,
  }),
  foreignFingerprint: (file: string): Localised => ({
    zh: `${file} 的目录与规则指纹与本版 StarScore 不同（另一版目录或规则）：不合并。`,
    en: `${file} has another catalogue and rules fingerprint than this StarScore (another catalogue or rules version): not merged.`,
  }),
  tooWide: (columns: number): Localised => ({
    zh: `合并后将有 ${columns} 个评价人列，超过工作簿的上限 ${MAX_EVALUATORS} 个：不合并。`,
    en: `The merged team would have ${columns} evaluator columns, more than a workbook holds (${MAX_EVALUATORS}): not merged.`,
  }),
  entryConflict: (item: string, evaluator: Evaluator, a: MergeSide, b: MergeSide): Localised => ({
    zh: `${item}，${evaluator.kind === "visit" ? "暗访" : "评价人"}「${evaluator.name}」：${at(a)} 为 ${shown(a.value)}，${at(b)} 为 ${shown(b.value)}。`,
    en: `${item}, ${evaluator.kind === "visit" ? "visit" : "evaluator"} "${evaluator.name}": ${shown(a.value)} in ${at(a)}, ${shown(b.value)} in ${at(b)}.`,
  }),
  notesConflict: (item: string, a: MergeSide, b: MergeSide): Localised => ({
    zh: `${item} 的备注：${at(a)} 为 ${shown(a.value)}，${at(b)} 为 ${shown(b.value)}。`,
    en: `${item} notes: ${shown(a.value)} in ${at(a)}, ${shown(b.value)} in ${at(b)}.`,
  }),
  infoDiffers: (file: string, fields: readonly (typeof INFO_FIELDS)[number][]): Localised => {
    const words = fields.map((f) => INFO_WORDS[f]);
    return {
      zh: `${file} 的封面信息（${list(words, "zh")}）与审查组长的工作簿不同：以审查组长的为准，未合并。`,
      en: `${file}'s Info (${list(words, "en")}) differs from the lead auditor's workbook: the lead's is kept, not merged.`,
    };
  },
  exclusionsDiffer: (file: string): Localised => ({
    zh: `${file} 的删减（不适用项目及原因）与审查组长的工作簿不同：以审查组长的为准，未合并。`,
    en: `${file}'s exclusions (items not applicable and their reasons) differ from the lead auditor's workbook: the lead's are kept, not merged.`,
  }),
  specialDiffers: (file: string): Localised => ({
    zh: `${file} 的特别扣分项或特别加分项与审查组长的工作簿不同：以审查组长的为准，未合并。`,
    en: `${file}'s special deductions or bonus differ from the lead auditor's workbook: the lead's are kept, not merged.`,
  }),
};
const M = MERGE_MESSAGES;
