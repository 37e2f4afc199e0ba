/**
 * The report model (src/report/model.ts), its tag list (tags.ts), and what it reads beyond the
 * scores: the review state (src/workbook/audit/review.ts' reviewStateOf over the snapshot), the lead
 * auditor, the evaluators' agreement and the previous audit's follow-ups.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { toResultJson } from "../../src/core/report";
import { scoreAssessment } from "../../src/core/score";
import { NO_WORKBOOK, reportModel } from "../../src/report/model";
import { exampleIn, TAGS, tagRows, tagsMarkdown } from "../../src/report/tags";
import type { Assessment } from "../../src/assessment/schema";
import { approvedRecord, returnedRecord, reviewStateOf } from "../../src/workbook/audit/review";
import { inputsOf, newRecord, reopened, resultOf } from "../../src/workbook/audit/snapshot";
import { SAMPLE } from "../helpers/sample";

/** The sample with its lead auditor named (the shipped sample names none). */
const LED: Assessment = { ...SAMPLE, leadAuditor: "张三" };

/**
 * Tags whose example is not the sample's: it passes, has no disagreement and no follow-up, and a
 * JSON file is neither finalised nor reviewed.
 */
const NOT_FROM_THE_SAMPLE = new Set([
  "failReasons",
  "disagreements",
  "followUps",
  "approved",
  "reviewed",
  "reviewedBy",
  "reviewedAt",
  "reviewedDate",
  "reviewComment",
  "state",
  "stateLabel",
  "finalised",
  "finalisedBy",
  "finalisedAt",
  "finalisedDate",
  "fingerprint",
]);

/** Markdown table rows as prettier leaves them or not: each cell trimmed, every rule "---". */
const tableRows = (markdown: string) =>
  markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .split(/(?<!\\)\|/)
        .map((c) => c.trim().replace(/^-+$/, "---"))
        .join("|"),
    )
    .join("\n");

describe("the tags", () => {
  it.each(["zh", "en"] as const)(
    "every example is the sample's value (%s), but for the tags the sample cannot show",
    (lang) => {
      const model = reportModel(LED, scoreAssessment(LED), NO_WORKBOOK, lang) as unknown as Record<
        string,
        unknown
      >;
      for (const [name, tag] of Object.entries(TAGS)) {
        if (NOT_FROM_THE_SAMPLE.has(name)) continue;
        if (tag.type === "list") {
          const first = (model[name] as Record<string, unknown>[])[0]!;
          for (const [field, sub] of Object.entries(tag.fields as Record<string, { example: unknown }>)) {
            expect([`${name}[].${field}`, first[field]]).toEqual([
              `${name}[].${field}`,
              exampleIn(sub.example as never, lang),
            ]);
          }
        } else {
          expect([name, model[name]]).toEqual([name, exampleIn(tag.example as never, lang)]);
        }
      }
    },
  );

  it("the list names every field of the model, and docs/report.md holds it in both languages", () => {
    const model = reportModel(SAMPLE, scoreAssessment(SAMPLE), NO_WORKBOOK, "zh");
    const names = tagRows("zh").map((r) => r.tag);
    expect(names.filter((n) => !n.includes("[]"))).toEqual(Object.keys(model));
    expect(names).toContain("deductions[].rectification");
    const docs = readFileSync(path.resolve(__dirname, "../../docs/report.md"), "utf8");
    expect(tableRows(docs)).toContain(tableRows(tagsMarkdown("zh")));
    expect(tableRows(docs)).toContain(tableRows(tagsMarkdown("en")));
  });
});

describe("the review state, from the snapshot by reviewStateOf", () => {
  const data = {
    version: 1 as const,
    starscore: "0.1.0",
    lang: "zh" as const,
    inputs: inputsOf(SAMPLE),
    result: resultOf(toResultJson(SAMPLE, scoreAssessment(SAMPLE), "zh")),
    unlocked: { info: [], scoring: [], special: [] },
  };
  const first = newRecord(1, 3, { at: "2026-11-04T17:20:00+08:00", by: "张三" }, data);
  const modelOf = (records: Parameters<typeof reviewStateOf>[0], lang: "zh" | "en" = "zh") =>
    reportModel(LED, scoreAssessment(LED), { review: reviewStateOf(records) }, lang);
  const review = (m: ReturnType<typeof modelOf>) => ({
    state: m.state,
    stateLabel: m.stateLabel,
    finalised: m.finalised,
    finalisedBy: m.finalisedBy,
    finalisedDate: m.finalisedDate,
    approved: m.approved,
    returned: m.returned,
    reviewed: m.reviewed,
    reviewedBy: m.reviewedBy,
    reviewedDate: m.reviewedDate,
    reviewComment: m.reviewComment,
  });
  const none = {
    approved: false,
    returned: false,
    reviewed: false,
    reviewedBy: "",
    reviewedDate: "",
    reviewComment: "",
  };

  it("no snapshot: a draft", () => {
    expect(review(modelOf([]))).toEqual({
      state: "draft",
      stateLabel: "草稿（未定稿）",
      finalised: false,
      finalisedBy: "",
      finalisedDate: "",
      ...none,
    });
  });

  it("finalised, not yet reviewed: who and when, no reviewer", () => {
    expect(review(modelOf([first], "en"))).toEqual({
      state: "finalised",
      stateLabel: "Finalised",
      finalised: true,
      finalisedBy: "张三",
      finalisedDate: "2026-11-04",
      ...none,
    });
  });

  it("approved: still finalised, with the reviewer, the date and the comment", () => {
    const approved = approvedRecord(first, { at: "2026-11-05T10:00:00+08:00", by: "王五" }, "同意");
    expect(review(modelOf([approved]))).toEqual({
      state: "approved",
      stateLabel: "已复核批准",
      finalised: true,
      finalisedBy: "张三",
      finalisedDate: "2026-11-04",
      approved: true,
      returned: false,
      reviewed: true,
      reviewedBy: "王五",
      reviewedDate: "2026-11-05",
      reviewComment: "同意",
    });
  });

  it("returned: not finalised, with the reviewer and what must change", () => {
    const back = returnedRecord(first, { at: "2026-11-05T11:00:00+08:00", by: "王五" }, "B13 证据不足");
    expect(review(modelOf([back], "en"))).toMatchObject({
      state: "returned",
      stateLabel: "Returned by the reviewer",
      finalised: false,
      approved: false,
      returned: true,
      reviewedBy: "王五",
      reviewComment: "B13 证据不足",
    });
  });

  it("reopened by the lead: a draft again, the old review gone; finalised anew: the latest", () => {
    const back = reopened(first, "2026-11-05T09:00:00+08:00", "张三");
    expect(modelOf([back]).state).toBe("draft");
    const second = newRecord(2, 4, { at: "2026-11-06T10:00:00+08:00", by: "李四" }, data);
    expect(review(modelOf([back, second]))).toMatchObject({ state: "finalised", finalisedBy: "李四" });
  });
});

describe("the lead auditor, the agreement and the follow-ups", () => {
  it("the lead auditor is named, and marked in the team", () => {
    const m = reportModel(LED, scoreAssessment(LED), NO_WORKBOOK, "zh");
    expect([m.leadAuditor, m.hasLeadAuditor]).toEqual(["张三", true]);
    expect(m.team.map((e) => e.lead)).toEqual([true, false, false]);
    const none = reportModel(SAMPLE, scoreAssessment(SAMPLE), NO_WORKBOOK, "zh");
    expect([none.leadAuditor, none.hasLeadAuditor, none.team.some((e) => e.lead)]).toEqual([
      "",
      false,
      false,
    ]);
  });

  it("agreement only with two evaluators or more; items two bands apart are listed", () => {
    const one: Assessment = {
      ...SAMPLE,
      evaluators: [SAMPLE.evaluators[0]!],
      scores: Object.fromEntries(Object.entries(SAMPLE.scores).map(([k, v]) => [k, [v[0]!]])),
    };
    expect(reportModel(one, scoreAssessment(one), NO_WORKBOOK, "zh").hasAgreement).toBe(false);
    // B1: 张三 55 (band 3), 暗访 95 (band 5): two bands apart, the least that is a disagreement.
    const apart: Assessment = { ...SAMPLE, scores: { ...SAMPLE.scores, B1: [55, null, 95] } };
    const m = reportModel(apart, scoreAssessment(apart), NO_WORKBOOK, "en");
    expect(m.hasAgreement).toBe(true);
    expect(m.disagreements).toEqual([
      { code: "B1", title: "Packaging information", lowest: "55.0%", highest: "95.0%", spreadBands: 2 },
    ]);
    expect([m.disagreementCount, m.hasDisagreements]).toEqual([1, true]);
    expect(m.agreement.map((a) => a.name)).toEqual(["张三", "李四", "暗访 1"]);
  });

  it("each follow-up with its outcome, and how many were verified, not verified, not yet checked", () => {
    const found = { category: "policy" as const, description: "门店未张贴三包规定", item: "B13" };
    const followed: Assessment = {
      ...SAMPLE,
      type: "surveillance",
      followUp: [
        {
          ...found,
          rectification: "30 天内张贴",
          deadline: "2026-12-04",
          outcome: "verified",
          note: "抽查 5 家",
        },
        { category: "law", description: "发票未开具", outcome: "not-verified" },
        { category: "system", description: "回访记录缺失" },
      ],
    };
    const m = reportModel(followed, scoreAssessment(followed), NO_WORKBOOK, "zh");
    expect(m.followUps.map((f) => [f.number, f.outcomeId, f.outcome])).toEqual([
      [1, "verified", "已验证"],
      [2, "not-verified", "未落实"],
      [3, "to-verify", "待验证"],
    ]);
    expect(m.followUps[0]).toMatchObject({ item: "B13", rectification: "30 天内张贴", note: "抽查 5 家" });
    expect([m.hasFollowUps, m.followUpsVerified, m.followUpsNotVerified, m.followUpsToVerify]).toEqual([
      true,
      1,
      1,
      1,
    ]);
    // Follow-ups score nothing.
    expect(m.finalScore).toBe(reportModel(SAMPLE, scoreAssessment(SAMPLE), NO_WORKBOOK, "zh").finalScore);
  });
});
