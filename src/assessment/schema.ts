import { iso, z } from "zod";

/**
 * The assessment file (starscore.assessment/1): the interchange format between the CLI, the
 * workbook and the task pane. The schema checks shape and types only; what the scoring rules say
 * about the values (step, range, exclusions, unknown codes) is the engine's validation, so that one
 * run reports every problem with its place instead of stopping at the first.
 */
import { ASSESSMENT_FORMAT } from "./format";

export { ASSESSMENT_FORMAT };

const text = z.string();

export const evaluatorSchema = z.strictObject({
  name: text,
  kind: z.enum(["auditor", "visit"]),
});

export const deductionSchema = z.strictObject({
  category: z.enum(["law", "policy", "industry", "system"]),
  description: text,
  item: text.optional(),
  rectification: text.optional(),
  evidence: text.optional(),
  deadline: text.optional(),
  status: z.enum(["open", "closed"]).optional(),
});

export const bonusSchema = z.strictObject({
  points: z.number(),
  reason: text,
});

/**
 * A special deduction of the last audit, carried into this one to be verified (issue 14): what was
 * found and the rectification required, and whether this audit found it done. It scores nothing.
 * No `outcome`: still to verify.
 */
export const followUpSchema = z.strictObject({
  category: deductionSchema.shape.category,
  description: text,
  item: text.optional(),
  rectification: text.optional(),
  deadline: text.optional(),
  outcome: z.enum(["verified", "not-verified"]).optional(),
  note: text.optional(),
});

export const assessmentSchema = z.strictObject({
  format: z.literal(ASSESSMENT_FORMAT),
  organization: text,
  type: z.enum(["initial", "recertification", "surveillance"]),
  /** A certification audit, or an organisation's self-assessment; "certification" when absent. */
  purpose: z.enum(["certification", "self-assessment"]).optional(),
  step: z.union([z.literal(1), z.literal(5), z.literal(10)]),
  /**
   * Optional dates of the assessment, ISO 8601 (YYYY-MM-DD). `iso.date`, not `z.iso.date`: webpack
   * (5.113) binds `z.iso.date` in the bundle to `z.date`, which refuses every string, so the task
   * pane could not read a workbook with dates (test/e2e/scenario.e2e.test.ts).
   */
  dates: z
    .strictObject({
      start: iso.date().optional(),
      end: iso.date().optional(),
    })
    .optional(),
  evaluators: z.array(evaluatorSchema),
  scores: z.record(z.string(), z.array(z.number().nullable())),
  notes: z.record(z.string(), text).optional(),
  exclusions: z.record(z.string(), text).optional(),
  deductions: z.array(deductionSchema).optional(),
  bonus: z.array(bonusSchema).optional(),
  /**
   * The lead auditor (审查组长): the name of one of the team's auditors (Info row 14). The engine's
   * validation says when it names nobody on the team, or a visit.
   */
  leadAuditor: text.optional(),
  /** The last audit's deductions, to verify in this one. */
  followUp: z.array(followUpSchema).optional(),
  /**
   * The Plan sheet's what-if targets: item code → target mean attainment (%). Present exactly when
   * the workbook has a Plan sheet ({} when every target is blank).
   */
  planTargets: z.record(z.string(), z.number()).optional(),
});

export type Assessment = z.infer<typeof assessmentSchema>;
export type Evaluator = z.infer<typeof evaluatorSchema>;
export type Deduction = z.infer<typeof deductionSchema>;
export type Bonus = z.infer<typeof bonusSchema>;
export type EvaluatorKind = Evaluator["kind"];
export type FollowUp = z.infer<typeof followUpSchema>;
export type FollowUpOutcome = NonNullable<FollowUp["outcome"]>;
export type Purpose = NonNullable<Assessment["purpose"]>;
