/**
 * The report model (src/report/model.ts), its tag list (tags.ts) and the finalisation state it
 * reads from the workbook's snapshot (review.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { toResultJson } from "../../src/core/report";
import { scoreAssessment } from "../../src/core/score";
import { NO_WORKBOOK, reportModel } from "../../src/report/model";
import { reviewStateFromSnapshot } from "../../src/report/review";
import { exampleIn, TAGS, tagRows, tagsMarkdown } from "../../src/report/tags";
import { inputsOf, newRecord, reopened, resultOf } from "../../src/workbook/audit/snapshot";
import { SAMPLE } from "../helpers/sample";

/** Tags whose example is not the sample's: it passes, and a JSON file is not finalised. */
const NOT_FROM_THE_SAMPLE = new Set([
  "failReasons",
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
      const model = reportModel(SAMPLE, scoreAssessment(SAMPLE), NO_WORKBOOK, lang) as unknown as Record<
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

describe("the finalisation state from the snapshot", () => {
  const data = {
    version: 1 as const,
    starscore: "0.1.0",
    lang: "zh" as const,
    inputs: inputsOf(SAMPLE),
    result: resultOf(toResultJson(SAMPLE, scoreAssessment(SAMPLE), "zh")),
    unlocked: { info: [], scoring: [], special: [] },
  };
  const first = newRecord(1, 3, { at: "2026-11-04T17:20:00+08:00", by: "张三" }, data);

  it("no snapshot: a draft", () => {
    expect(reviewStateFromSnapshot([])).toEqual({ state: "draft" });
  });

  it("finalised: who and when", () => {
    expect(reviewStateFromSnapshot([first])).toEqual({
      state: "finalised",
      finalisedBy: "张三",
      finalisedAt: "2026-11-04T17:20:00+08:00",
    });
  });

  it("reopened: a draft again; finalised anew: the latest", () => {
    const back = reopened(first, "2026-11-05T09:00:00+08:00", "张三");
    expect(reviewStateFromSnapshot([back])).toEqual({ state: "draft" });
    const second = newRecord(2, 4, { at: "2026-11-06T10:00:00+08:00", by: "李四" }, data);
    expect(reviewStateFromSnapshot([back, second])).toMatchObject({
      state: "finalised",
      finalisedBy: "李四",
    });
  });
});
