/**
 * A StarScoreHost for the views' tests: a plain object whose methods are jest.fn returning canned
 * reports, with helpers to fire the change and selection events the views subscribe to.
 */
import type { Assessment } from "../../../src/assessment/schema";
import { compareAssessments } from "../../../src/core/compare";
import { nextAudit } from "../../../src/core/follow-up";
import { planFor } from "../../../src/core/plan";
import { scoreAssessment } from "../../../src/core/score";
import { ITEMS } from "../../../src/spec";
import { assessmentWith, deduction } from "../../helpers/builders";
import type {
  CompareReport,
  ComputeReport,
  FinaliseRecord,
  FinaliseStatus,
  IntegrityIssue,
  ItemSelection,
  PlanReport,
  ReportResult,
  ReviewReport,
  StarScoreHost,
  ValidationReport,
} from "../../../src/taskpane/actions/types";
import { issue } from "../../../src/core/issues";
import { NO_WORKBOOK, reportModel } from "../../../src/report/model";
import type { ResultJson } from "../../../src/core/report";

export type FakeHost = { [K in keyof StarScoreHost]: jest.Mock } & {
  /** Calls every listener subscribed through onChanged. */
  fireChanged(): void;
  /** Calls every listener subscribed through onSelectionChanged. */
  fireSelectionChanged(): void;
  changedListeners: Set<() => void>;
  selectionListeners: Set<() => void>;
};

export const VALIDATION: ValidationReport = {
  errors: 4,
  warnings: 1,
  issues: [
    {
      code: "entry-off-step",
      severity: "error",
      item: "B6",
      evaluator: 0,
      cell: "'评分'!H10",
      message: {
        zh: "B6：评价人“张三”录入的 72 不是步长 5 的倍数。",
        en: "B6: evaluator “Zhang San” entered 72, which is not a multiple of the step 5.",
      },
    },
    {
      code: "item-unscored",
      severity: "error",
      item: "A3",
      cell: "'评分'!H40",
      message: { zh: "A3：没有有效评分。", en: "A3: no valid entry." },
    },
    {
      code: "exclusion-no-reason",
      severity: "error",
      indicator: "5.2.3",
      cell: "'评分'!G16",
      message: { zh: "删减“5.2.3”没有填写原因。", en: "The exclusion “5.2.3” has no reason." },
    },
    {
      code: "entry-out-of-range",
      severity: "error",
      item: "B6",
      evaluator: 1,
      cell: "'评分'!I10",
      message: { zh: "B6：暗访录入的 120 超出 0–100。", en: "B6: visit entered 120, outside 0–100." },
    },
    (({ code, severity, message }) => ({ code, severity, message }))(
      issue("deduction-no-rectification", { field: "deductions[0].rectification" }, { index: 1 }),
    ),
  ],
  progress: { scored: 47, applicable: 48 },
  result: { finalScore: 64, gradeLabel: { zh: "不合格", en: "Fail" } },
};

export const EMPTY_VALIDATION: ValidationReport = {
  errors: 0,
  warnings: 0,
  issues: [],
  progress: { scored: 50, applicable: 50 },
  result: { finalScore: 87.46, gradeLabel: { zh: "三星级", en: "Three-star" } },
};

function result(lang: "zh" | "en"): ResultJson {
  const zh = lang === "zh";
  return {
    complete: false,
    rawScore: 68.5,
    applicableTotal: 100,
    scaledScore: 68.5,
    deductions: 5,
    bonus: 0.5,
    finalScore: 64,
    grade: "fail",
    gradeLabel: zh ? "不合格" : "Fail",
    passed: false,
    reasons: [
      {
        code: "below-pass-mark",
        message: zh ? "最终得分 64.00 低于 70 分。" : "The final score 64.00 is below 70.",
      },
      {
        code: "too-many-deductions",
        message: zh
          ? "特别扣分项有 5 项（5 项及以上不通过）。"
          : "There are 5 special deductions (5 or more fail).",
      },
    ],
    indicators: [
      { id: "5.2.1", max: 6, applicableMax: 6, score: 4.5, attainment: 0.75 },
      { id: "5.2.6", max: 2, applicableMax: 0, score: 0, attainment: null },
    ],
    items: [
      { code: "B1", points: 1, score: 0.8, entries: 2, excluded: false },
      { code: "B2", points: 2, score: 1.5, entries: 1, excluded: false },
      { code: "B23", points: 1, score: null, entries: 0, excluded: true },
      { code: "B24", points: 1, score: null, entries: 0, excluded: true },
    ],
    evaluators: [
      { name: "张三", kind: "auditor", total: 40.25, itemsScored: 2 },
      { name: zh ? "暗访 1" : "Visit 1", kind: "visit", total: 12.5, itemsScored: 1 },
    ],
    agreement: {
      items: [
        { code: "B1", entries: 2, minPercent: 60, maxPercent: 100, spreadBands: 1, disagreement: false },
        { code: "B2", entries: 1, minPercent: 75, maxPercent: 75, spreadBands: 0, disagreement: false },
      ],
      evaluators: [
        { index: 0, name: "张三", itemsScored: 2, meanPercent: 87.5, teamPercent: 77.5, bias: 10 },
        {
          index: 1,
          name: zh ? "暗访 1" : "Visit 1",
          itemsScored: 1,
          meanPercent: 60,
          teamPercent: 80,
          bias: -20,
        },
      ],
    },
    issues: [],
  };
}

export const COMPUTE: ComputeReport = {
  result: { zh: result("zh"), en: result("en") },
  issues: VALIDATION.issues,
  integrity: [{ cell: "'汇总'!C5", what: "Result_FinalScore", sheetValue: "80", engineValue: "64" }],
  exclusions: [
    { key: "B24", reason: "不回收废旧商品" },
    { key: "B23", reason: "" },
  ],
};

/** What a reviewer sees: B1 in disagreement (60 and 100), a deduction, a bonus. */
export const REVIEW: ReviewReport = {
  result: {
    zh: disagreeing(result("zh")),
    en: disagreeing(result("en")),
  },
  issues: [],
  exclusions: COMPUTE.exclusions,
  disagreements: [{ code: "B1", entries: [100, 60] }],
  deductions: [
    {
      category: "law",
      description: "未按规定公示三包期限",
      item: "B6",
      rectification: "在门店和网站公示三包期限",
      deadline: "2025-04-30",
    },
    { category: "system", description: "工单系统停机两天" },
  ],
  bonus: [{ points: 0.5, reason: "获得省级服务标杆称号" }],
};

function disagreeing(r: ResultJson): ResultJson {
  return {
    ...r,
    agreement: {
      ...r.agreement,
      items: r.agreement.items.map((i) =>
        i.code === "B1" ? { ...i, spreadBands: 2, disagreement: true } : i,
      ),
    },
  };
}

export const VERIFY: IntegrityIssue[] = [
  {
    cell: "'评分'!P7",
    what: "B3 得分",
    sheetValue: "3",
    engineValue: '=IF(Q7=0,"",IF(K7=0,0,$D7*SUM(R7:S7)/K7/100))',
    code: "formula-overwritten",
    message: {
      zh: "评分!P7（B3 得分）：公式被替换为值“3”；应为公式 =IF(…)。",
      en: 'Scoring!P7 (B3 Score): the formula was replaced by the value "3"; it should be =IF(…).',
    },
  },
];

export const FINALISED: FinaliseRecord = {
  n: 1,
  status: "finalised",
  finalisedAt: "2025-03-14T09:26:53+08:00",
  finalisedBy: "王组长",
  reopenedAt: "",
  reopenedBy: "",
  entriesHash: "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b",
  finalScore: 87.46,
  gradeLabel: { zh: "三星级", en: "Three-star" },
};

export const DRAFT_STATUS: FinaliseStatus = {
  workbook: true,
  state: "draft",
  hasLog: true,
  log: [
    { time: "2025-03-14T09:20:00+08:00", person: "王组长", action: "计算", summary: "87.46 三星级" },
    { time: "2025-03-14T09:10:00+08:00", person: "王组长", action: "校验", summary: "0 个错误，1 个警告" },
  ],
  problems: [],
};

export const SELECTION: ItemSelection = {
  code: "B6",
  entries: [
    { name: "张三", kind: "auditor", value: 70, cell: "'评分'!H10" },
    { name: "暗访 1", kind: "visit", value: null, cell: "'评分'!I10" },
  ],
  selectedEvaluator: 1,
  finalised: false,
  note: { cell: "'评分'!K10", value: "现场查看了安装记录。" },
};

/** Each item's first entry cell on a one-evaluator Scoring sheet, as the host reports them. */
const CELLS: Record<string, string> = Object.fromEntries(
  ITEMS.map((item, i) => [item.code, `'评分'!H${7 + i}`]),
);

/**
 * The core's plan for a three-star workbook two raises from four-star: every item at 90 but C7 and
 * A11 at 80, and one special deduction: 90 − 0.7 − 0.6 − 1 = 87.70; C7 to 100 adds 1.40, A11 1.20.
 */
export const PLAN: PlanReport = {
  plan: planFor(
    scoreAssessment(
      assessmentWith({ fill: (code) => (code === "C7" || code === "A11" ? 80 : 90), deductions: 1 }),
    ),
  ),
  cells: CELLS,
};

/**
 * The previous audit (every item at 80, B23 excluded, two deductions) and this one (B1 up to 90, B2
 * down to 70, B23 applicable again, B24 excluded now; the first deduction verified, the second not
 * listed): every class of change.
 */
export const PREVIOUS_AUDIT: Assessment = {
  ...assessmentWith({ exclusions: { B23: "不安装" }, deductions: 2 }),
  type: "initial",
};
export const CURRENT_AUDIT: Assessment = {
  ...assessmentWith({
    fill: (code) => (code === "B1" ? 90 : code === "B2" ? 70 : 80),
    exclusions: { B24: "不回收废旧商品" },
  }),
  type: "surveillance",
  followUp: [{ ...deduction(1), outcome: "verified" }],
};
export const COMPARE: CompareReport = {
  comparison: compareAssessments(PREVIOUS_AUDIT, CURRENT_AUDIT),
  previous: "上次审核.xlsx",
  cells: CELLS,
};

/** The next audit after PREVIOUS_AUDIT, as startFrom gives it. */
export const NEXT_AUDIT: Assessment = nextAudit({
  ...PREVIOUS_AUDIT,
  evaluators: [
    { name: "张三", kind: "auditor" },
    { name: "暗访 1", kind: "visit" },
  ],
  scores: {},
});

/** The report action's answer: the Report sheet added, the model of a one-evaluator workbook at 80. */
export const REPORT: ReportResult = {
  sheet: "报告",
  refreshed: false,
  model: reportModel(
    { ...assessmentWith(), organization: "某某电器有限公司" },
    scoreAssessment({ ...assessmentWith(), organization: "某某电器有限公司" }),
    NO_WORKBOOK,
    "zh",
  ),
};

export function fakeHost(overrides: Partial<Record<keyof StarScoreHost, jest.Mock>> = {}): FakeHost {
  const changedListeners = new Set<() => void>();
  const selectionListeners = new Set<() => void>();
  const host: FakeHost = {
    hasWorkbook: jest.fn().mockResolvedValue(false),
    generate: jest.fn().mockResolvedValue({ skipped: [] }),
    addEvaluator: jest.fn().mockResolvedValue(undefined),
    validate: jest.fn().mockResolvedValue(VALIDATION),
    compute: jest.fn().mockResolvedValue(COMPUTE),
    verify: jest.fn().mockResolvedValue(VERIFY),
    finalise: jest.fn().mockResolvedValue(FINALISED),
    reopen: jest.fn().mockResolvedValue({ ...FINALISED, status: "reopened" }),
    review: jest.fn().mockResolvedValue(FINALISED),
    reviewReport: jest.fn().mockResolvedValue(REVIEW),
    merge: jest.fn().mockResolvedValue({
      merged: true,
      conflicts: [],
      warnings: [],
      taken: { entries: 48, notes: 2 },
      added: ["李四"],
    }),
    finaliseStatus: jest.fn().mockResolvedValue(DRAFT_STATUS),
    report: jest.fn().mockResolvedValue(REPORT),
    reportModel: jest.fn().mockResolvedValue(REPORT.model),
    selectCell: jest.fn().mockResolvedValue(undefined),
    inspectSelection: jest.fn().mockResolvedValue(SELECTION),
    setEntry: jest.fn().mockResolvedValue(undefined),
    setNote: jest.fn().mockResolvedValue(undefined),
    plan: jest.fn().mockResolvedValue(PLAN),
    compare: jest.fn().mockResolvedValue(COMPARE),
    startFrom: jest.fn().mockResolvedValue(NEXT_AUDIT),
    onChanged: jest.fn(async (listener: () => void) => {
      changedListeners.add(listener);
      return () => changedListeners.delete(listener);
    }),
    onSelectionChanged: jest.fn(async (listener: () => void) => {
      selectionListeners.add(listener);
      return () => selectionListeners.delete(listener);
    }),
    changedListeners,
    selectionListeners,
    fireChanged: () => changedListeners.forEach((l) => l()),
    fireSelectionChanged: () => selectionListeners.forEach((l) => l()),
    ...overrides,
  };
  return host;
}

/** A fake host on a workbook that has StarScore's sheets. */
export function fakeWorkbookHost(overrides: Partial<Record<keyof StarScoreHost, jest.Mock>> = {}): FakeHost {
  return fakeHost({ hasWorkbook: jest.fn().mockResolvedValue(true), ...overrides });
}
