import type { Assessment } from "../assessment/schema";
import { exact, sum, toFixed, type Exact } from "../core/exact";
import { resolveExclusions } from "../core/exclusions";
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
import { LAYOUT_VERSION } from "../workbook/sheets/info";
import { DRAFT, type ReviewState, type ReviewStateId } from "./review";
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
 * Where issue 12's fields go when they land on main (FEATURES.md), so templates gain tags and lose
 * none: `leadAuditor`/`hasLeadAuditor` and `team[].lead` (Assessment.leadAuditor) next to `team`;
 * `hasAgreement`, `agreement[]` and `disagreements[]` (src/core/agreement.ts' agreementOf) after
 * the bonus; `approved`, `reviewedBy`, `reviewedAt`, `reviewComment` next to `finalisedBy` (its
 * reviewStateOf replaces reviewStateFromSnapshot, review.ts, which already has that shape); and the
 * signature block's names (`signLeadAuditor`, `signReviewer`). Until then the model has none of
 * them: a tag for them is an unknown tag, not an empty one.
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

  state: ReviewStateId;
  stateLabel: string;
  finalised: boolean;
  finalisedBy: string;
  finalisedAt: string;
  finalisedDate: string;

  fingerprint: string;
  starscoreVersion: string;
  layoutVersion: number;
}

export interface TeamMember {
  name: string;
  kind: string;
  kindId: "auditor" | "visit";
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

/** What the report knows of the workbook beyond the assessment: its review state (draft for a JSON file). */
export interface WorkbookState {
  review: ReviewState;
}

export const NO_WORKBOOK: WorkbookState = { review: DRAFT };

const score = (v: Exact) => toFixed(v, RULES.decimals);
const points = (v: Exact) => toFixed(v, 1);
const percent = (v: Exact | null) => (v === null ? "" : `${toFixed(v.mul(100), 1)}%`);

export function reportModel(
  assessment: Assessment,
  scoring: Scoring,
  workbook: WorkbookState,
  lang: Lang,
): ReportModel {
  const { result } = scoring;
  const t = (l: { zh: string; en: string }) => l[lang];
  const team = result.evaluators.map((e): TeamMember => ({
    name: e.name,
    kind: t(TEXT[e.kind]),
    kindId: e.kind,
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
  const exclusions = [...new Set(resolveExclusions(assessment.exclusions).byItem.values())].map((key) => ({
    key,
    name: t(itemByCode(key)?.title ?? indicatorById(key)!.name),
    reason: assessment.exclusions![key]!,
  }));
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

    state: review.state,
    stateLabel: t(W.state[review.state]),
    finalised: review.state === "finalised" || review.state === "approved",
    finalisedBy: review.finalisedBy ?? "",
    finalisedAt: review.finalisedAt ?? "",
    finalisedDate: (review.finalisedAt ?? "").slice(0, 10),

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
