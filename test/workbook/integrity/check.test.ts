import fc from "fast-check";
import { scoreAssessment } from "../../../src/core/score";
import type { Lang } from "../../../src/spec/types";
import { cellRef, columnLetter } from "../../../src/workbook/address";
import { checkAsWritten } from "../../../src/workbook/integrity/check";
import { INTEGRITY_CODES } from "../../../src/workbook/integrity/findings";
import { catalogueFingerprint, FINGERPRINT_NAME } from "../../../src/workbook/integrity/fingerprint";
import { layoutView } from "../../../src/workbook/integrity/view";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { ITEMS_SCORED_ROW, scoringColumns } from "../../../src/workbook/scoring-grid";
import { INFO_ROWS, LAYOUT_VERSION } from "../../../src/workbook/sheets/info";
import { resultRow } from "../../../src/workbook/sheets/summary";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith, deduction } from "../../helpers/builders";
import { brief, edited, findingsOf, generated, rowOf, sortScoring } from "./helpers";

const TWO = assessmentWith({
  evaluators: [
    { name: "张三", kind: "auditor" },
    { name: "暗访 1", kind: "visit" },
  ],
  fill: (code, k) => (code === "B3" ? [60, 90][k]! : code === "A2" && k === 1 ? null : 80),
});
const c = scoringColumns(2);
const col = (column: number) => columnLetter(column);
const FINAL = `C${resultRow("finalScore")}`;
const GRADE = `C${resultRow("grade")}`;
/** "C30" → "$C$30". */
const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");

describe("verify: a workbook as StarScore wrote it", () => {
  it.each<Lang>(["zh", "en"])(
    "generated in %s, with exclusions, deductions and bonus: nothing found",
    async (lang) => {
      const assessment = assessmentWith({
        evaluators: 3,
        fill: (code, k) => (code === "B10" ? null : 70 + 5 * k),
        exclusions: { B10: "无配送业务", "5.2.6": "不涉及废弃商品" },
        deductions: 3,
        bonus: [0.5, 0.25],
      });
      expect(await findingsOf(await generated(assessment, lang))).toEqual([]);
    },
  );

  it("the layout against itself: nothing found, whatever the assessment", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<Lang>("zh", "en"),
        (evaluators, deductions, bonus, lang) => {
          const assessment = assessmentWith({
            evaluators,
            deductions,
            bonus: Array.from({ length: bonus }, () => 0.1),
          });
          const layout = buildWorkbookLayout({ lang, assessment, scoring: scoreAssessment(assessment) });
          expect(checkAsWritten(layout, layoutView(layout))).toEqual([]);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("Special tables longer than their entries need (entries cleared since): compared as they are", async () => {
    const data = await generated(
      assessmentWith({ evaluators: 1, deductions: 15, bonus: [0.1, 0.1, 0.1, 0.1] }),
    );
    const cleared = await edited(data, (_, sheet) => {
      // Keep 3 deductions and 1 bonus entry; the tables keep their 25 and 7 rows.
      for (let row = 8; row <= 19; row++)
        for (const column of "BCDEFGH") sheet("special").getCell(`${column}${row}`).value = null;
      for (let row = 35; row <= 37; row++)
        for (const column of "BC") sheet("special").getCell(`${column}${row}`).value = null;
    });
    // Cached values were the engine's for 15 deductions: the Summary now disagrees, nothing else.
    const findings = await findingsOf(cleared);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(["value-differs"]));
    expect(findings.every((f) => f.sheet === "汇总")).toBe(true);
  });

  it("inputs changed in a file without cached values: nothing found (inputs are the user's)", async () => {
    const data = await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: TWO }));
    const typed = await edited(data, (_, sheet) => {
      sheet("scoring").getCell(cellRef(c.evaluator(0), rowOf("B1"))).value = 35;
      sheet("scoring").getCell(cellRef(c.applicable, rowOf("B10"))).value = "不适用";
      sheet("scoring").getCell(cellRef(c.reason, rowOf("B10"))).value = "无配送";
      sheet("scoring").getCell(cellRef(c.notes, rowOf("C1"))).value = "证据";
      sheet("info").getCell(`B${INFO_ROWS.organization}`).value = "另一家公司";
      sheet("special").getCell("B5").value = "不符合国家法律法规";
      sheet("special").getCell("C5").value = "未按规定明示";
    });
    expect(await findingsOf(typed)).toEqual([]);
  });
});

describe("verify: formulas", () => {
  it("an item's score typed over with a value: that cell, with the formula it should hold", async () => {
    const ref = cellRef(c.score, rowOf("B3"));
    const data = await edited(await generated(TWO), (_, sheet) => (sheet("scoring").getCell(ref).value = 3));
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["formula-overwritten", `评分!${ref}`]]);
    const [finding] = findings;
    expect(finding).toMatchObject({ cell: `'评分'!${ref}`, what: "B3 得分", found: "3" });
    const r = rowOf("B3");
    expect(finding!.expected).toBe(`=IF(P${r}=0,"",IF(K${r}=0,0,$D${r}*SUM(Q${r}:R${r})/K${r}/100))`);
    expect(finding!.message.zh).toBe(
      `评分!${ref}（B3 得分）：公式被替换为值“3”；应为公式 ${finding!.expected}。`,
    );
    expect(finding!.message.en).toContain(`评分!${ref} (B3 得分): the formula was replaced by the value "3"`);
  });

  it("the final score's formula edited: Result_FinalScore's cell", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      const cell = sheet("summary").getCell(FINAL);
      cell.value = { formula: "ROUND(C26-C27*Rule_DeductionPoints+C28,2)", result: 80 };
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["formula-changed", `汇总!${FINAL}`]]);
    expect(findings[0]).toMatchObject({
      what: "Result_FinalScore",
      found: "=ROUND(C26-C27*Rule_DeductionPoints+C28,2)",
    });
  });

  it("a formula cleared, and a hidden helper's formula edited", async () => {
    const valid = cellRef(c.valid(1), rowOf("C4"));
    const count = cellRef(c.evaluator(0), ITEMS_SCORED_ROW); // 张三's items scored
    const data = await edited(await generated(TWO), (_, sheet) => {
      sheet("scoring").getCell(count).value = null;
      sheet("scoring").getCell(valid).value = { formula: `IF(ISNUMBER(I${rowOf("C4")}),I${rowOf("C4")},"")` };
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([
      ["formula-changed", `评分!${valid}`],
      ["formula-overwritten", `评分!${count}`],
    ]);
    expect(findings[1]!.message.en).toContain("the formula was cleared");
    expect(findings[0]!.what).toBe("C4 有效值 2");
  });

  it("the same formulas as Excel may store them (case, spaces, _xlfn., unquoted sheet names, @): nothing found", async () => {
    const row = rowOf("B5");
    const data = await edited(await generated(TWO), (_, sheet) => {
      const score = sheet("scoring").getCell(cellRef(c.score, row));
      score.value = {
        formula: `if( P${row} = 0 , "" , if(K${row}=0,0,$d${row}*sum(Q${row}:R${row})/K${row}/100))`,
        result: 0.8,
      };
      const raw = sheet("summary").getCell(`D5`);
      raw.value = {
        formula: "_xlfn.SUMIFS(评分!$D$5:$D$71,评分!$N$5:$N$71,@$A5,'评分'!$P$5:$P$71,1)",
        result: 6,
      };
    });
    expect(await findingsOf(data)).toEqual([]);
  });
});

describe("verify: a sorted Scoring sheet", () => {
  it("rows reversed, their formulas moved with them as Excel's sort moves them: nothing found", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => sortScoring(sheet("scoring"), 2));
    expect(await findingsOf(data)).toEqual([]);
  });

  it("sorted in another order, then B3's score typed over: the cell where B3 now is", async () => {
    const rows = Array.from({ length: 67 }, (_, i) => 5 + i);
    const order = fc.sample(fc.shuffledSubarray(rows, { minLength: rows.length }), {
      numRuns: 1,
      seed: 7,
    })[0]!;
    const target = 5 + order.indexOf(rowOf("B3"));
    const ref = cellRef(c.score, target);
    const data = await edited(await generated(TWO), (_, sheet) => {
      sortScoring(sheet("scoring"), 2, order);
      sheet("scoring").getCell(ref).value = 0.6;
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["formula-overwritten", `评分!${ref}`]]);
    expect(findings[0]!.what).toBe("B3 得分");
    expect(findings[0]!.expected).toContain(
      `$D${target}*SUM(${col(c.valid(0))}${target}:${col(c.valid(1))}${target})`,
    );
  });

  it("rows moved without moving their formulas (not what Excel does): the formulas are findings", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      const ws = sheet("scoring");
      const [a, b] = [rowOf("B1"), rowOf("B2")];
      for (let column = 1; column <= c.last; column++) {
        const first = ws.getCell(cellRef(column, a)).value;
        ws.getCell(cellRef(column, a)).value = ws.getCell(cellRef(column, b)).value;
        ws.getCell(cellRef(column, b)).value = first;
      }
    });
    const findings = await findingsOf(data);
    expect(findings.length).toBeGreaterThan(0);
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(["formula-changed"]));
  });
});

describe("verify: catalogue, helpers and rules", () => {
  it("B3's points changed: that cell", async () => {
    const ref = cellRef(c.points, rowOf("B3"));
    const data = await edited(await generated(TWO), (_, sheet) => (sheet("scoring").getCell(ref).value = 3));
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["catalogue-changed", `评分!${ref}`]]);
    expect(findings[0]).toMatchObject({ what: "B3 分值", expected: "1", found: "3" });
    expect(findings[0]!.message.zh).toBe(`评分!${ref}（B3 分值）：目录内容被修改，现为“3”，应为“1”。`);
  });

  it("a criterion, a clause, a helper id and an indicator's weight on the Summary changed: each cell", async () => {
    const data = await edited(await generated(TWO, "en"), (_, sheet) => {
      sheet("scoring").getCell(cellRef(c.criterion, rowOf("A1"))).value = "Anything goes.";
      sheet("scoring").getCell(cellRef(c.clause, rowOf("C8"))).value = "5.3.9";
      sheet("scoring").getCell(cellRef(c.indicator, rowOf("C2"))).value = "5.2.1";
      sheet("summary").getCell("C5").value = 12;
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([
      ["helper-changed", `Scoring!${cellRef(c.indicator, rowOf("C2"))}`],
      ["catalogue-changed", `Scoring!B${rowOf("C8")}`],
      ["catalogue-changed", `Scoring!E${rowOf("A1")}`],
      ["catalogue-changed", "Summary!C5"],
    ]);
    expect(findings[2]!.message.en).toContain(
      `Scoring!E${rowOf("A1")} (A1 Criterion): the catalogue was changed: it holds "Anything goes.", it should be "组织应建立执行售后服务工作的部门`,
    );
  });

  it("a primary indicator's heading changed: its row is not found, and said so", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      sheet("scoring").getCell(cellRef(c.content, rowOf("service"))).value = "服务";
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["row-missing", "评分"]]);
    expect(findings[0]!.message.zh).toBe(
      "评分：找不到 服务要求 的行（A 列中没有它的代码，或其标题被修改），该行未检查。",
    );
  });

  it("an item's code changed: its row is still found (by its clause) and the code cell named", async () => {
    const row = rowOf("B7");
    const data = await edited(await generated(TWO, "en"), (_, sheet) => {
      sheet("scoring").getCell(cellRef(c.code, row)).value = "B7x";
    });
    const findings = await findingsOf(data);
    expect(brief(findings)[0]).toEqual(["catalogue-changed", `Scoring!A${row}`]);
    expect(findings[0]!.message.en).toBe(
      `Scoring!A${row} (B7 Code): the catalogue was changed: it holds "B7x", it should be "B7".`,
    );
    // The reader finds no B7 now, so the engine scores B7 blank: the Summary's figures are not its own.
    expect(new Set(findings.slice(1).map((f) => [f.code, f.sheet].join(" ")))).toEqual(
      new Set(["value-differs Summary"]),
    );
  });

  it("the pass mark and a grade label on the Rules sheet changed: each cell", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      sheet("rules").getCell("B6").value = 60;
      sheet("rules").getCell("A12").value = "五星";
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([
      ["rules-changed", "规则!B6"],
      ["rules-changed", "规则!A12"],
    ]);
    expect(findings[0]!.what).toBe("Rule_PassMark");
    expect(findings[1]!.what).toBe("Label_FiveStar");
  });
});

describe("verify: defined names", () => {
  it("Result_Grade deleted, Result_FinalScore pointing elsewhere: each name, at the cell it should name", async () => {
    const data = await edited(await generated(TWO), (workbook) => {
      workbook.definedNames.remove(`'汇总'!${absolute(GRADE)}`, "Result_Grade");
      workbook.definedNames.remove(`'汇总'!${absolute(FINAL)}`, "Result_FinalScore");
      workbook.definedNames.add(`'汇总'!$C$26`, "Result_FinalScore");
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([
      ["name-moved", `汇总!${FINAL}`],
      ["name-missing", `汇总!${GRADE}`],
    ]);
    expect(findings[1]!.message.en).toBe(
      `The name Result_Grade is missing; it should refer to 汇总!${GRADE}.`,
    );
    expect(findings[0]!.message.zh).toBe(`名称 Result_FinalScore 指向 汇总!C26，而不是 汇总!${FINAL}。`);
  });
});

describe("verify: the fingerprint and the layout version", () => {
  const fingerprintRef = `B${INFO_ROWS.fingerprint}`;

  it("the fingerprint edited, or cleared", async () => {
    const base = await generated(TWO);
    const other = "0".repeat(64);
    const changed = await edited(base, (_, sheet) => (sheet("info").getCell(fingerprintRef).value = other));
    const findings = await findingsOf(changed);
    expect(brief(findings)).toEqual([["fingerprint-differs", `封面!${fingerprintRef}`]]);
    expect(findings[0]).toMatchObject({ found: other, expected: catalogueFingerprint(LAYOUT_VERSION) });
    const cleared = await edited(base, (_, sheet) => (sheet("info").getCell(fingerprintRef).value = null));
    expect(brief(await findingsOf(cleared))).toEqual([["fingerprint-missing", `封面!${fingerprintRef}`]]);
  });

  it("a workbook of layout version 1 (no fingerprint, the team a row higher): said to be older, not tampered with", async () => {
    const data = await edited(await generated(TWO, "en"), (workbook, sheet) => {
      const info = sheet("info");
      info.getCell(`B${INFO_ROWS.layoutVersion}`).value = 1;
      // Version 1 had the team table where the fingerprint is now.
      for (let row = INFO_ROWS.fingerprint; row <= INFO_ROWS.teamHeader + 3; row++) {
        for (const column of "ABC")
          info.getCell(`${column}${row}`).value = info.getCell(`${column}${row + 1}`).value;
      }
      workbook.definedNames.remove(`'Info'!$B$${INFO_ROWS.fingerprint}`, FINGERPRINT_NAME);
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["layout-older", `Info!B${INFO_ROWS.layoutVersion}`]]);
    expect(findings[0]!.message.en).toContain("this does not mean it was tampered with");
    expect(findings[0]!.message.zh).toContain("这不表示它被篡改");
  });
});

describe("verify: the Summary against the engine", () => {
  it("a figure whose cached value is not the engine's: that cell", async () => {
    const data = await edited(await generated(TWO), (_, sheet) => {
      const cell = sheet("summary").getCell(GRADE);
      cell.value = { formula: (cell.value as { formula: string }).formula, result: "五星级" };
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([["value-differs", `汇总!${GRADE}`]]);
    const grade = scoreAssessment(TWO).result.gradeLabel.zh;
    expect(grade).not.toBe("五星级");
    expect(findings[0]).toMatchObject({ what: "Result_Grade", found: "五星级", expected: grade });
  });

  it("formulas without cached values are not compared", async () => {
    const data = await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: TWO }));
    expect(await findingsOf(data)).toEqual([]);
  });
});

describe("verify: the shape of the workbook", () => {
  it("a column inserted on the Scoring sheet, the Rules sheet deleted", async () => {
    const data = await edited(await generated(TWO), (workbook, sheet) => {
      // A column inserted among the hidden helpers: the readers still read, the formulas would not.
      sheet("scoring").spliceColumns(c.indicator, 0, []);
      workbook.removeWorksheet(sheet("rules").id);
    });
    const findings = await findingsOf(data);
    expect(brief(findings)).toEqual([
      ["shape-changed", "评分"],
      ["sheet-missing", "规则"],
    ]);
    expect(findings[1]!.message.en).toBe('The sheet "规则" (Rules) is missing; it cannot be checked.');
  });

  it("a deduction table that lost rows: the Special sheet is not compared", async () => {
    const data = await edited(await generated(assessmentWith({ deductions: [deduction(1)] })), (_, sheet) =>
      sheet("special").spliceRows(10, 3),
    );
    expect(brief(await findingsOf(data))).toEqual(expect.arrayContaining([["shape-changed", "特别项"]]));
  });
});

test("every finding code is documented", () => {
  const { readFileSync } = jest.requireActual<typeof import("node:fs")>("node:fs");
  const docs = readFileSync(`${__dirname}/../../../docs/workbook.md`, "utf8");
  for (const code of INTEGRITY_CODES) expect([code, docs.includes(`\`${code}\``)]).toEqual([code, true]);
});
