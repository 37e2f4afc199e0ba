import type { Assessment, EvaluatorKind } from "../assessment/schema";
import { RULES } from "../spec/rules";
import type { GradeId, Lang } from "../spec/types";
import { agreementOf, type AgreementJson } from "./agreement";
import { toNumber } from "./exact";
import type { FailReason } from "./grade";
import type { IssueCode, Severity } from "./issues";
import type { Scoring } from "./score";

/**
 * The result as plain JSON (the `--json` contract of the CLI). Exact values become numbers here,
 * at the edge: 2 decimals for the final score, 10 for everything else.
 */
export interface ResultJson {
  complete: boolean;
  rawScore: number;
  applicableTotal: number;
  scaledScore: number;
  deductions: number;
  bonus: number;
  finalScore: number;
  grade: GradeId;
  gradeLabel: string;
  passed: boolean;
  reasons: { code: FailReason["code"]; message: string }[];
  indicators: { id: string; max: number; applicableMax: number; score: number; attainment: number | null }[];
  items: { code: string; points: number; score: number | null; entries: number; excluded: boolean }[];
  evaluators: { name: string; kind: EvaluatorKind; total: number; itemsScored: number }[];
  /** Agreement between evaluators (agreement.ts): 2 decimals. */
  agreement: AgreementJson;
  issues: {
    code: IssueCode;
    severity: Severity;
    item?: string;
    evaluator?: string;
    evaluatorIndex?: number;
    field?: string;
    message: string;
  }[];
}

const PLACES = 10;

export function toResultJson(assessment: Assessment, { result, issues }: Scoring, lang: Lang): ResultJson {
  const n = (v: Parameters<typeof toNumber>[0]) => toNumber(v, PLACES);
  return {
    complete: result.complete,
    rawScore: n(result.rawScore),
    applicableTotal: n(result.applicableTotal),
    scaledScore: n(result.scaledScore),
    deductions: result.deductionCount,
    bonus: n(result.bonus),
    finalScore: toNumber(result.finalScore, RULES.decimals),
    grade: result.grade,
    gradeLabel: result.gradeLabel[lang],
    passed: result.passed,
    reasons: result.reasons.map((r) => ({ code: r.code, message: r.message[lang] })),
    indicators: result.indicators.map((i) => ({
      id: i.id,
      max: n(i.max),
      applicableMax: n(i.applicableMax),
      score: n(i.score),
      attainment: i.attainment && n(i.attainment),
    })),
    items: result.items.map((i) => ({
      code: i.code,
      points: n(i.points),
      score: i.score && n(i.score),
      entries: i.entries,
      excluded: i.excluded,
    })),
    evaluators: result.evaluators.map((e) => ({
      name: e.name,
      kind: e.kind,
      total: n(e.total),
      itemsScored: e.itemsScored,
    })),
    agreement: agreementOf(assessment, { result, issues }),
    issues: issues.map(({ code, severity, item, evaluator, field, message }) => ({
      code,
      severity,
      ...(item !== undefined && { item }),
      ...(evaluator !== undefined && {
        evaluator: assessment.evaluators[evaluator]?.name,
        evaluatorIndex: evaluator,
      }),
      ...(field !== undefined && { field }),
      message: message[lang],
    })),
  };
}
