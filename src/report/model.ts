import type { Assessment } from "../assessment/schema";
import { exact, sum, toFixed, type Exact } from "../core/exact";
import { measureAgreement } from "../core/agreement";
import { recordedExclusions } from "../core/exclusions";
import type { Scoring } from "../core/score";
import {
  ASSESSMENT_TYPES,
  CERTIFICATION_MODES,
  DEDUCTION_CATEGORIES,
  indicatorById,
  itemByCode,
  PRIMARY_INDICATORS,
  RULES,
} from "../spec";
import type { GradeId, Lang } from "../spec/types";
import { VERSION } from "../version";
import { catalogueFingerprint } from "../workbook/integrity/fingerprint";
import { TEXT } from "../workbook/labels";
import type { ReviewState, ReviewStateName } from "../workbook/audit/review";
import { LAYOUT_VERSION } from "../workbook/sheets/info";
import { REPORT_WORDS as W } from "./words";

/**
 * The assessment report as data: what a template's tags are filled from (docxtemplater's syntax,
 * docs/report.md lists every tag with its type and an example; tags.ts is that list as data).
 * Built by one pure function from the same exact results `starscore score` gives, so the CLI and the
 * task pane (which builds the .docx in the browser) print the same report.
 *
 * Figures are text, formatted as the workbook shows them (scores 2 decimals, points 1, attainment
 * and coverage 1 decimal in percent), so a template needs no formatting; counts are numbers, and
 * the conditions are booleans. Every text is the user's or the catalogue's as it is: the template
 * filler inserts it as text, never as markup.
 *
 * The review state is src/workbook/audit/review.ts' reviewStateOf (draft, finalised, approved or
 * returned, with who and when); the follow-ups are the previous audit's deductions this audit
 * verifies (src/core/follow-up.ts, the Special sheet's "to verify" table).
 */
export interface ReportModel {
  lang: Lang;
  organization: string;
  assessmentType: string;
  assessmentTypeId: Assessment["type"];
  modes: string;
  startDate: string;
  endDate: string;
  period: string;
  team: TeamMember[];
  teamSize: number;
  leadAuditor: string;
  hasLeadAuditor: boolean;

  finalScore: string;
  grade: GradeId;
  gradeLabel: string;
  passed: boolean;
  passedLabel: string;
  complete: boolean;
  rawScore: string;
  applicableTotal: string;
  scaledScore: string;
  deductionCount: number;
  deductionPoints: string;
  bonus: string;
  bonusClaimed: string;
  failReasons: { code: string; message: string }[];
  hasFailReasons: boolean;

  indicators: IndicatorRow[];
  primaries: PrimaryRow[];
  totalWeight: string;
  totalApplicableMax: string;
  totalScore: string;
  totalAttainment: string;

  exclusions: { key: string; name: string; reason: string }[];
  hasExclusions: boolean;
  deductions: DeductionRow[];
  hasDeductions: boolean;
  bonuses: { number: number; points: string; reason: string }[];
  hasBonus: boolean;

  hasAgreement: boolean;
  agreement: AgreementRow[];
  disagreements: DisagreementRow[];
  disagreementCount: number;
  hasDisagreements: boolean;

  followUps: FollowUpRow[];
  hasFollowUps: boolean;
  followUpsVerified: number;
  followUpsNotVerified: number;
  followUpsToVerify: number;

  state: ReviewStateName;
  stateLabel: string;
  finalised: boolean;
  finalisedBy: string;
  finalisedAt: string;
  finalisedDate: string;
  approved: boolean;
  returned: boolean;
  reviewed: boolean;
  reviewedBy: string;
  reviewedAt: string;
  reviewedDate: string;
  reviewComment: string;

  fingerprint: string;
  starscoreVersion: string;
  layoutVersion: number;
}

export interface TeamMember {
  name: string;
  kind: string;
  kindId: "auditor" | "visit";
  lead: boolean;
  total: string;
  itemsScored: number;
  coverage: string;
}

export interface IndicatorRow {
  id: string;
  name: string;
  primary: string;
  weight: string;
  applicableMax: string;
  score: string;
  attainment: string;
  excluded: boolean;
}

export interface PrimaryRow {
  id: string;
  name: string;
  weight: string;
  applicableMax: string;
  score: string;
  attainment: string;
}

export interface DeductionRow {
  number: number;
  category: string;
  categoryId: string;
  description: string;
  item: string;
  itemTitle: string;
  evidence: string;
  rectification: string;
  deadline: string;
  status: string;
  statusId: string;
}

/** One evaluator against the team, over the items they scored (src/core/agreement.ts). */
export interface AgreementRow {
  name: string;
  itemsScored: number;
  mean: string;
  teamMean: string;
  bias: string;
}

/** An item whose entries lie two Appendix C bands apart or more. */
export interface DisagreementRow {
  code: string;
  title: string;
  lowest: string;
  highest: string;
  spreadBands: number;
}

/** A previous audit's deduction this audit verifies, and what it found. */
export interface FollowUpRow {
  number: number;
  category: string;
  description: string;
  item: string;
  rectification: string;
  deadline: string;
  outcome: string;
  outcomeId: "verified" | "not-verified" | "to-verify";
  note: string;
}

/** What the report knows of the workbook beyond the assessment: its review state (draft for a JSON file). */
export interface WorkbookState {
  review: ReviewState;
}

export const NO_WORKBOOK: WorkbookState = { review: { state: "draft" } };

const score = (v: Exact) => toFixed(v, RULES.decimals);
const points = (v: Exact) => toFixed(v, 1);
const percent = (v: Exact | null) => (v === null ? "" : `${toFixed(v.mul(100), 1)}%`);
/** A percentage already in percent (an entry, a mean of entries). */
const inPercent = (v: Exact | null) => (v === null ? "" : `${toFixed(v, 1)}%`);
/** Percentage points, signed. */
const signedPoints = (v: Exact | null) => {
  if (v === null) return "";
  const text = toFixed(v, 1);
  if (/^-?0\.0$/.test(text)) return "0.0";
  return text.startsWith("-") ? `−${text.slice(1)}` : `+${text}`;
};

const OUTCOMES = {
  verified: TEXT.outcomeVerified,
  "not-verified": TEXT.outcomeNotVerified,
  "to-verify": TEXT.outcomeToVerify,
} as const;

export function reportModel(
  assessment: Assessment,
  scoring: Scoring,
  workbook: WorkbookState,
  lang: Lang,
): ReportModel {
  const { result } = scoring;
  const t = (l: { zh: string; en: string }) => l[lang];
  const lead = assessment.leadAuditor?.trim() ?? "";
  const team = result.evaluators.map((e): TeamMember => ({
    name: e.name,
    kind: t(TEXT[e.kind]),
    kindId: e.kind,
    lead: lead !== "" && e.kind === "auditor" && e.name.trim() === lead,
    total: score(e.total),
    itemsScored: e.itemsScored,
    coverage: percent(e.coverage),
  }));
  const indicators = result.indicators.map((i): IndicatorRow => {
    const spec = indicatorById(i.id)!;
    return {
      id: i.id,
      name: t(spec.name),
      primary: t(PRIMARY_INDICATORS.find((p) => p.id === spec.primary)!.name),
      weight: points(i.max),
      applicableMax: points(i.applicableMax),
      score: score(i.score),
      attainment: percent(i.attainment),
      excluded: i.applicableMax.equals(0),
    };
  });
  const primaries = PRIMARY_INDICATORS.map((p): PrimaryRow => {
    const own = result.indicators.filter((i) => indicatorById(i.id)!.primary === p.id);
    return { id: p.id, name: t(p.name), ...subtotal(own) };
  });
  const total = subtotal(result.indicators);
  const deductions = (assessment.deductions ?? []).map((d, index): DeductionRow => ({
    number: index + 1,
    category: t(DEDUCTION_CATEGORIES.find((c) => c.id === d.category)!.label),
    categoryId: d.category,
    description: d.description,
    item: d.item ?? "",
    itemTitle: (d.item && itemByCode(d.item) && t(itemByCode(d.item)!.title)) || "",
    evidence: d.evidence ?? "",
    rectification: d.rectification ?? "",
    deadline: d.deadline ?? "",
    status: d.status ? t(d.status === "open" ? TEXT.statusOpen : TEXT.statusClosed) : "",
    statusId: d.status ?? "",
  }));
  const bonuses = (assessment.bonus ?? []).map((b, index) => ({
    number: index + 1,
    points: score(exact(b.points)),
    reason: b.reason,
  }));
  const review = workbook.review;
  const startDate = assessment.dates?.start ?? "";
  const endDate = assessment.dates?.end ?? "";
  const exclusions = recordedExclusions(assessment.exclusions).map((key) => ({
    key,
    name: t(itemByCode(key)?.title ?? indicatorById(key)!.name),
    reason: assessment.exclusions![key]!,
  }));
  const measured = measureAgreement(assessment, scoring);
  const agreement = measured.evaluators.map((e): AgreementRow => ({
    name: e.name,
    itemsScored: e.itemsScored,
    mean: inPercent(e.mean),
    teamMean: inPercent(e.team),
    bias: signedPoints(e.bias),
  }));
  const disagreements = measured.items
    .filter((i) => i.disagreement)
    .map((i): DisagreementRow => ({
      code: i.code,
      title: t(itemByCode(i.code)!.title),
      lowest: inPercent(i.min),
      highest: inPercent(i.max),
      spreadBands: i.spreadBands,
    }));
  const followUps = (assessment.followUp ?? []).map((f, index): FollowUpRow => {
    const outcomeId = f.outcome ?? "to-verify";
    return {
      number: index + 1,
      category: t(DEDUCTION_CATEGORIES.find((c) => c.id === f.category)!.label),
      description: f.description,
      item: f.item ?? "",
      rectification: f.rectification ?? "",
      deadline: f.deadline ?? "",
      outcome: t(OUTCOMES[outcomeId]),
      outcomeId,
      note: f.note ?? "",
    };
  });
  const countOf = (id: FollowUpRow["outcomeId"]) => followUps.filter((f) => f.outcomeId === id).length;
  const reviewed = review.state === "approved" || review.state === "returned";
  const failReasons = result.reasons.map((r) => ({ code: r.code, message: t(r.message) }));
  return {
    lang,
    organization: assessment.organization,
    assessmentType: t(ASSESSMENT_TYPES.find((x) => x.id === assessment.type)!.label),
    assessmentTypeId: assessment.type,
    modes: t(CERTIFICATION_MODES),
    startDate,
    endDate,
    period: t(W.period(startDate, endDate)),
    team,
    teamSize: team.length,
    leadAuditor: lead,
    hasLeadAuditor: lead !== "",

    finalScore: score(result.finalScore),
    grade: result.grade,
    gradeLabel: t(result.gradeLabel),
    passed: result.passed,
    passedLabel: t(result.passed ? W.passed : W.notPassed),
    complete: result.complete,
    rawScore: score(result.rawScore),
    applicableTotal: points(result.applicableTotal),
    scaledScore: score(result.scaledScore),
    deductionCount: result.deductionCount,
    deductionPoints: score(result.deductionPoints),
    bonus: score(result.bonus),
    bonusClaimed: score(
      sum((assessment.bonus ?? []).filter((b) => b.points > 0).map((b) => exact(b.points))),
    ),
    failReasons,
    hasFailReasons: failReasons.length > 0,

    indicators,
    primaries,
    totalWeight: total.weight,
    totalApplicableMax: total.applicableMax,
    totalScore: total.score,
    totalAttainment: total.attainment,

    exclusions,
    hasExclusions: exclusions.length > 0,
    deductions,
    hasDeductions: deductions.length > 0,
    bonuses,
    hasBonus: bonuses.length > 0,

    hasAgreement: assessment.evaluators.length >= 2,
    agreement,
    disagreements,
    disagreementCount: disagreements.length,
    hasDisagreements: disagreements.length > 0,

    followUps,
    hasFollowUps: followUps.length > 0,
    followUpsVerified: countOf("verified"),
    followUpsNotVerified: countOf("not-verified"),
    followUpsToVerify: countOf("to-verify"),

    state: review.state,
    stateLabel: t(W.state[review.state]),
    finalised: review.state === "finalised" || review.state === "approved",
    finalisedBy: review.finalisedBy ?? "",
    finalisedAt: review.finalisedAt ?? "",
    finalisedDate: (review.finalisedAt ?? "").slice(0, 10),
    approved: review.state === "approved",
    returned: review.state === "returned",
    reviewed,
    reviewedBy: (reviewed && review.reviewedBy) || "",
    reviewedAt: (reviewed && review.reviewedAt) || "",
    reviewedDate: ((reviewed && review.reviewedAt) || "").slice(0, 10),
    reviewComment: (reviewed && review.comment) || "",

    fingerprint: catalogueFingerprint(LAYOUT_VERSION),
    starscoreVersion: VERSION,
    layoutVersion: LAYOUT_VERSION,
  };
}

function subtotal(indicators: Scoring["result"]["indicators"]) {
  const add = (pick: (i: (typeof indicators)[number]) => Exact) => sum(indicators.map(pick));
  const applicableMax = add((i) => i.applicableMax);
  const total = add((i) => i.score);
  return {
    weight: points(add((i) => i.max)),
    applicableMax: points(applicableMax),
    score: score(total),
    attainment: percent(applicableMax.equals(0) ? null : total.div(applicableMax)),
  };
}
