/**
 * The workbook layout as data, checked without a spreadsheet engine: classic functions only, the
 * defined names, user text never inside a formula, formulas linear in the team size, inputs the
 * only unlocked cells, valid ranges, one chart, and cached results equal to the engine.
 */
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Assessment } from "../../src/assessment/schema";
import { toNumber } from "../../src/core/exact";
import { scoreAssessment } from "../../src/core/score";
import { ITEMS, RULES, type Lang } from "../../src/spec";
import { cellRef, columnIndex, parseRef } from "../../src/workbook/address";
import { TEXT } from "../../src/workbook/labels";
import {
  MARK_FILLS,
  MARKED_SHEETS,
  markFormula,
  MARKS,
  marksRange,
} from "../../src/workbook/highlight-marks";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { RESULT_NAMES } from "../../src/workbook/names";
import {
  KIND_ROW,
  HEADER_ROW,
  MAX_EVALUATORS,
  scoringColumns,
  scoringRows,
} from "../../src/workbook/scoring-grid";
import { resultRow, summaryRows } from "../../src/workbook/sheets/summary";
import type { SheetSpec, WorkbookLayout } from "../../src/workbook/types";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { assessmentWith } from "../helpers/builders";

const LANGS: Lang[] = ["zh", "en"];
const SIZES = [1, 2, 10, 30, 200];

/** Text a spreadsheet would take for a formula if it were ever put into one. */
const HOSTILE = {
  organization: '=HYPERLINK("http://evil.example","click")',
  evaluator: "+SUM(1,2)",
  visit: "-2+3",
  note: '@INDIRECT("A1")',
  itemReason: "=cmd|' /C calc'!A0",
  indicatorReason: "+不适用()",
  description: "=1/0",
  evidence: "@evidence",
  rectification: "-rectify()",
  deadline: "=TODAY()",
  relatedItem: "=B3",
  bonusReason: "=RAND()",
} as const;

function hostileAssessment(evaluators: number): Assessment {
  const base = assessmentWith({
    evaluators: Array.from({ length: evaluators }, (_, k) => ({
      name: k % 2 ? HOSTILE.visit : HOSTILE.evaluator,
      kind: k % 2 ? ("visit" as const) : ("auditor" as const),
    })),
    fill: (code, e) => (code === "B10" || code.startsWith("B2") ? null : (e * 5 + 60) % 105),
    exclusions: { B10: HOSTILE.itemReason, "5.2.6": HOSTILE.indicatorReason },
    deductions: [
      {
        category: "law",
        description: HOSTILE.description,
        item: HOSTILE.relatedItem,
        evidence: HOSTILE.evidence,
        rectification: HOSTILE.rectification,
        deadline: HOSTILE.deadline,
        status: "open",
      },
      { category: "system", description: "缺少记录", rectification: "补齐" },
    ],
    bonus: [
      { points: 0.5, reason: HOSTILE.bonusReason },
      { points: 0.25, reason: "行业领先" },
    ],
  });
  return {
    ...base,
    organization: HOSTILE.organization,
    notes: { C4: HOSTILE.note, A1: HOSTILE.note },
    // A self-assessment: the Plan sheet, with targets; and the last audit's findings to verify.
    purpose: "self-assessment",
    planTargets: { C7: 100, A11: 95.5, B10: 100 },
    followUp: [
      {
        category: "policy",
        description: HOSTILE.description,
        item: HOSTILE.relatedItem,
        rectification: HOSTILE.rectification,
        deadline: HOSTILE.deadline,
        outcome: "verified",
        note: HOSTILE.note,
      },
      { category: "law", description: "上次问题" },
    ],
  };
}

const layouts = LANGS.flatMap((lang) =>
  SIZES.map((n) => ({ lang, n, layout: buildWorkbookLayout({ lang, assessment: hostileAssessment(n) }) })),
);

// ---------------------------------------------------------------------------------------------------
// Formula text analysis.

/** Functions the layout may use: all in Excel 2016 (and long before), none volatile. */
const ALLOWED_FUNCTIONS = new Set([
  "SUM",
  "SUMIF",
  "SUMIFS",
  "SUMPRODUCT",
  "COUNT",
  "COUNTIFS",
  "IF",
  "AND",
  "OR",
  "ISNUMBER",
  "MOD",
  "INDEX",
  "MATCH",
  "MIN",
  "MAX",
  "ROUND",
  "LEN",
  // The highlight conditional formats: a cell's key counted in the store (src/workbook/highlight-marks.ts).
  "COUNTIF",
  "ISTEXT",
  "ROW",
  "COLUMN",
]);
/** Volatile, or newer than Excel 2016: never. */
const BANNED_FUNCTIONS = [
  "INDIRECT",
  "OFFSET",
  "NOW",
  "TODAY",
  "RAND",
  "RANDBETWEEN",
  "LET",
  "LAMBDA",
  "XLOOKUP",
  "XMATCH",
  "FILTER",
  "SORT",
  "SORTBY",
  "UNIQUE",
  "SEQUENCE",
  "IFS",
  "SWITCH",
  "CONCAT",
  "TEXTJOIN",
  "MAXIFS",
  "MINIFS",
  "IFNA",
  "CELL",
  "INFO",
];

/** Every formula of a layout with where it is: cells, data validations, conditional formats. */
function formulas(layout: WorkbookLayout): { where: string; formula: string }[] {
  return layout.sheets.flatMap((sheet) => [
    ...sheet.cells
      .filter((c) => c.formula !== undefined)
      .map((c) => ({ where: `${sheet.name}!${c.ref}`, formula: c.formula! })),
    ...sheet.validations.flatMap((v) =>
      [v.formula1, v.formula2]
        .filter((f): f is string => f !== undefined && v.kind !== "decimal")
        .map((formula) => ({ where: `${sheet.name} validation ${v.range}`, formula })),
    ),
    ...sheet.conditionalFormats.map((cf) => ({
      where: `${sheet.name} format ${cf.range}`,
      formula: cf.formula,
    })),
  ]);
}

/** The functions called and the names referred to by a formula (strings and sheet prefixes left out). */
function analyse(formula: string): { functions: string[]; names: string[] } {
  const bare = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'!/g, "")
    .replace(/[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*!/g, "");
  const functions: string[] = [];
  const names: string[] = [];
  for (const m of bare.matchAll(/(\$?[A-Z]{1,3}\$?\d+(?![\w(.]))|([A-Za-z_][A-Za-z0-9_.]*)\s*(\()?/g)) {
    if (m[1]) continue; // a cell reference
    if (m[3]) functions.push(m[2]!.toUpperCase());
    else if (!["TRUE", "FALSE"].includes(m[2]!.toUpperCase())) names.push(m[2]!);
  }
  return { functions, names };
}

/**
 * Functions that read a range argument cell by cell themselves. Any other place a range appears
 * (LEN(B5:B24), ISNUMBER(range), range<>"", range*range) needs array evaluation, which Gnumeric and
 * Apache POI do not give inside SUMPRODUCT: they reduce such a range to one cell (docs/workbook.md).
 */
const RANGE_FUNCTIONS = new Set([
  "SUM",
  "SUMIF",
  "SUMIFS",
  "COUNT",
  "COUNTIFS",
  "SUMPRODUCT",
  "INDEX",
  "MATCH",
  "MIN",
  "MAX",
]);

/** The ranges of a formula that are not a whole argument of a RANGE_FUNCTIONS call. */
function arrayRanges(formula: string): string[] {
  const bare = formula
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/'(?:[^']|'')*'!/g, "")
    .replace(/[A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*!/g, "");
  const out: string[] = [];
  for (const m of bare.matchAll(/\$?[A-Z]{1,3}\$?\d+:\$?[A-Z]{1,3}\$?\d+/g)) {
    const before = bare.slice(0, m.index).trimEnd().at(-1);
    const after = bare.slice(m.index + m[0].length).trimStart()[0];
    let depth = 0;
    let open = -1;
    for (let i = m.index - 1; i >= 0 && open < 0; i--) {
      if (bare[i] === ")") depth++;
      else if (bare[i] === "(" && depth-- === 0) open = i;
    }
    const fn = open < 0 ? "" : (/([A-Za-z][A-Za-z0-9.]*)\s*$/.exec(bare.slice(0, open))?.[1] ?? "");
    const wholeArgument = (before === "(" || before === ",") && (after === "," || after === ")");
    if (!wholeArgument || !RANGE_FUNCTIONS.has(fn.toUpperCase())) out.push(m[0]);
  }
  return out;
}

const A1_RANGE = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/;

/** The used extent of a sheet: the largest column and row any of its cells or column settings occupies. */
function extent(sheet: SheetSpec): { columns: number; rows: number } {
  const refs = sheet.cells.map((c) => parseRef(c.ref));
  return {
    columns: Math.max(...refs.map((r) => r.column), ...sheet.columns.map((c) => columnIndex(c.col))),
    rows: Math.max(...refs.map((r) => r.row)),
  };
}

/** Why a range is not a valid A1 range inside the sheet's used extent, or null. */
function rangeProblem(range: string, sheet: SheetSpec): string | null {
  const m = A1_RANGE.exec(range);
  if (!m) return `${range} is not an A1 range`;
  const [c1, r1] = [columnIndex(m[1]!), Number(m[2])];
  const [c2, r2] = m[3] ? [columnIndex(m[3]), Number(m[4])] : [c1, r1];
  if (r1 < 1 || c1 < 1) return `${range} starts outside the sheet`;
  if (c2 < c1 || r2 < r1) return `${range} ends before it starts`;
  const { columns, rows } = extent(sheet);
  if (c2 > columns || r2 > rows)
    return `${range} reaches beyond the sheet's cells (${columns} columns, ${rows} rows)`;
  return null;
}

function sheetOfRef(layout: WorkbookLayout, ref: string): { sheet: SheetSpec | undefined; a1: string } {
  const m = /^'((?:[^']|'')*)'!(.+)$/.exec(ref);
  if (!m) return { sheet: undefined, a1: ref };
  const name = m[1]!.replace(/''/g, "'");
  return { sheet: layout.sheets.find((s) => s.name === name), a1: m[2]! };
}

describe("the formula analysis this test relies on", () => {
  it("finds functions and names, skipping strings, sheet prefixes and cell references", () => {
    expect(analyse(`=IF(OFFSET(A1,0,0)>0,"INDIRECT(x)",Rule_Total)+'评分'!$H$5+LOG10(B$7)`)).toEqual({
      functions: ["IF", "OFFSET", "LOG10"],
      names: ["Rule_Total"],
    });
    expect(analyse("=SUMPRODUCT(--ISNUMBER($Q$5:$Q$71),$P$5:$P$71)*TRUE")).toEqual({
      functions: ["SUMPRODUCT", "ISNUMBER"],
      names: [],
    });
  });

  it("tells a range a function reads itself from one that needs array evaluation", () => {
    // Layout 2's deduction count and items scored: #VALUE! in Gnumeric and POI.
    expect(arrayRanges("=SUMPRODUCT(--((LEN(B5:B24)+LEN(C5:C24))>0))")).toEqual(["B5:B24", "C5:C24"]);
    expect(arrayRanges("=SUMPRODUCT(--ISNUMBER($R$5:$R$71),$Q$5:$Q$71)")).toEqual(["$R$5:$R$71"]);
    expect(arrayRanges("=SUMPRODUCT(($A$1:$A$3>0)*$B$1:$B$3)")).toEqual(["$A$1:$A$3", "$B$1:$B$3"]);
    expect(arrayRanges("=SUM(LEN(A1:A3))")).toEqual(["A1:A3"]);
    expect(
      arrayRanges(
        `=SUMPRODUCT($D$5:$D$71,$R$5:$R$71,$Q$5:$Q$71)/100+COUNTIFS('评分'!$Q$5:$Q$71,1,评分!$L$5:$L$71,0)`,
      ),
    ).toEqual([]);
    expect(arrayRanges('=INDEX($F$5:$F$71,MATCH($Q7,$A$5:$A$71,0))="x"')).toEqual([]);
  });

  it("sees the functions and names the layout really uses", () => {
    const { layout } = layouts[0]!;
    const found = formulas(layout).map(({ formula }) => analyse(formula));
    const functions = new Set(found.flatMap((f) => f.functions));
    const names = new Set(found.flatMap((f) => f.names));
    expect([...ALLOWED_FUNCTIONS].filter((f) => !functions.has(f))).toEqual([]);
    for (const name of ["Setting_Step", "Rule_Total", "Label_Fail", "Special_DeductionCount"]) {
      expect(names.has(name)).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------

describe.each(layouts)("layout ($lang, $n evaluators)", ({ layout, n, lang }) => {
  const all = formulas(layout);

  it("uses only classic, non-volatile functions available in Excel 2016", () => {
    const used = new Set(all.flatMap(({ formula }) => analyse(formula).functions));
    expect([...used].filter((f) => !ALLOWED_FUNCTIONS.has(f))).toEqual([]);
    expect(BANNED_FUNCTIONS.filter((f) => used.has(f))).toEqual([]);
    expect(all.filter(({ formula }) => /_xl(fn|ws|udf)\./i.test(formula))).toEqual([]);
    expect(all.filter(({ formula }) => !formula.startsWith("="))).toEqual([]);
  });

  it("needs no array evaluation: every range is a whole argument of a function that reads ranges", () => {
    // A list's source ("='规则'!$H$5:$H$6") is a range by definition, not a computation.
    const sources = new Set(
      layout.sheets.flatMap((sheet) =>
        sheet.validations.filter((v) => v.kind === "list").map((v) => v.formula1),
      ),
    );
    const found = all
      .filter(({ formula }) => !sources.has(formula))
      .flatMap(({ where, formula }) =>
        arrayRanges(formula).map((range) => `${where}: ${range} in ${formula}`),
      );
    expect(sources.size).toBeGreaterThan(0);
    expect(found).toEqual([]);
  });

  it("defines each Result_* name exactly once, on a single cell holding a formula", () => {
    for (const name of Object.values(RESULT_NAMES)) {
      const defined = layout.names.filter((d) => d.name === name);
      expect({ name, count: defined.length }).toEqual({ name, count: 1 });
      const { sheet, a1 } = sheetOfRef(layout, defined[0]!.ref);
      expect({ name, ref: defined[0]!.ref, single: /^\$[A-Z]+\$\d+$/.test(a1) }).toEqual({
        name,
        ref: defined[0]!.ref,
        single: true,
      });
      const cell = sheet?.cells.find((c) => c.ref === a1.replace(/\$/g, ""));
      expect({ name, formula: cell?.formula?.startsWith("=") }).toEqual({ name, formula: true });
    }
  });

  it("defines every name a formula uses, once, on a cell that exists", () => {
    const defined = layout.names.map((d) => d.name);
    expect(defined.filter((name, i) => defined.indexOf(name) !== i)).toEqual([]);
    const undefinedNames = all.flatMap(({ where, formula }) =>
      analyse(formula)
        .names.filter((name) => !defined.includes(name))
        .map((name) => `${where}: ${name} in ${formula}`),
    );
    expect(undefinedNames).toEqual([]);
    // Every name is one cell of the layout, but the highlight store's: a block of unlocked columns.
    const dangling = layout.names.filter(({ name, ref }) => {
      const { sheet, a1 } = sheetOfRef(layout, ref);
      if (name === MARKS.name) return !sheet || a1.replace(/\$/g, "") !== marksRange();
      return (
        !sheet || !/^\$[A-Z]+\$\d+$/.test(a1) || !sheet.cells.some((c) => c.ref === a1.replace(/\$/g, ""))
      );
    });
    expect(dangling).toEqual([]);
  });

  it("keeps user text (even text starting with =, +, -, @) as values, never in a formula", () => {
    // With one evaluator there is no visit column.
    for (const text of Object.values(HOSTILE).filter((t) => n > 1 || t !== HOSTILE.visit)) {
      expect({ text, in: all.filter(({ formula }) => formula.includes(text)).map((f) => f.where) }).toEqual({
        text,
        in: [],
      });
      const cells = layout.sheets.flatMap((s) => s.cells.filter((c) => c.value === text));
      expect({ text, found: cells.length > 0 }).toEqual({ text, found: true });
      expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    }
    // Nor do the sheet names or chart texts carry it.
    for (const sheet of layout.sheets) {
      expect(Object.values(HOSTILE).some((t) => sheet.name.includes(t))).toBe(false);
    }
  });

  it("leaves only input cells unlocked, with every evaluator entry among them, and no formula", () => {
    const inputs = layout.sheets.flatMap((s) =>
      s.cells.filter((c) => c.input).map((c) => ({ sheet: s.key, ...c })),
    );
    expect(inputs.filter((c) => c.formula !== undefined)).toEqual([]);
    const scoring = layout.sheets.find((s) => s.key === "scoring")!;
    const byRef = new Map(scoring.cells.map((c) => [c.ref, c]));
    const columns = scoringColumns(n);
    const missing: string[] = [];
    for (const row of scoringRows().filter((r) => r.kind === "item")) {
      for (let k = 0; k < n; k++) {
        const ref = cellRef(columns.evaluator(k), row.row);
        if (byRef.get(ref)?.input !== true) missing.push(ref);
      }
    }
    for (let k = 0; k < n; k++) {
      for (const r of [KIND_ROW, HEADER_ROW]) {
        const ref = cellRef(columns.evaluator(k), r);
        if (byRef.get(ref)?.input !== true) missing.push(ref);
      }
    }
    expect(missing).toEqual([]);
    // Every sheet is protected, so locked is the default for everything else.
    expect(layout.sheets.filter((s) => !s.protect).map((s) => s.name)).toEqual([]);
  });

  it("gives every data validation and conditional format a valid range on its sheet", () => {
    const problems = layout.sheets.flatMap((sheet) => [
      ...sheet.validations.map((v) => rangeProblem(v.range, sheet)),
      ...sheet.conditionalFormats.map((cf) => rangeProblem(cf.range, sheet)),
      ...sheet.merges.map((m) => rangeProblem(m, sheet)),
      ...(sheet.autoFilter ? [rangeProblem(sheet.autoFilter, sheet)] : []),
    ]);
    expect(problems.filter(Boolean)).toEqual([]);
    // A list's source is a range on an existing sheet.
    const lists = layout.sheets.flatMap((s) => s.validations.filter((v) => v.kind === "list"));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      const { sheet, a1 } = sheetOfRef(layout, list.formula1.replace(/^=/, ""));
      expect({ list: list.formula1, problem: sheet ? rangeProblem(a1, sheet) : "no such sheet" }).toEqual({
        list: list.formula1,
        problem: null,
      });
    }
  });

  it("has exactly one chart, on the Summary sheet, over its indicator rows", () => {
    const charted = layout.sheets.filter((s) => s.chart);
    expect(charted.map((s) => s.key)).toEqual(["summary"]);
    const summary = charted[0]!;
    const chart = summary.chart!;
    expect(rangeProblem(chart.categories, summary)).toBeNull();
    expect(rangeProblem(chart.values, summary)).toBeNull();
    const indicators = summaryRows().rows.filter((r) => r.kind === "indicator");
    expect(chart.categories).toBe(`B${indicators[0]!.row}:B${indicators.at(-1)!.row}`);
    expect(chart.values).toBe(`F${indicators[0]!.row}:F${indicators.at(-1)!.row}`);
    expect(chart.title).toBe(TEXT.chartTitle[lang]);
  });

  it("puts the highlight rules first on every sheet that can be marked, over all its cells, stopping the layout's own", () => {
    for (const spec of layout.sheets) {
      const ours = spec.conditionalFormats.filter((cf) => cf.formula.includes(MARKS.name));
      if (!MARKED_SHEETS.includes(spec.key)) {
        expect([spec.key, ours]).toEqual([spec.key, []]);
        continue;
      }
      const [error, warning] = spec.conditionalFormats;
      expect([error, warning]).toEqual([
        {
          range: error!.range,
          formula: markFormula(spec.key, "error"),
          fill: MARK_FILLS.error,
          stopIfTrue: true,
        },
        {
          range: error!.range,
          formula: markFormula(spec.key, "warning"),
          fill: MARK_FILLS.warning,
          stopIfTrue: true,
        },
      ]);
      expect(ours).toHaveLength(2);
      const [from, to] = error!.range.split(":").map(parseRef) as [
        { row: number; column: number },
        { row: number; column: number },
      ];
      expect([from.row, from.column]).toEqual([1, 1]);
      const outside = spec.cells.filter((c) => {
        const { row, column } = parseRef(c.ref);
        return row > to.row || column > to.column;
      });
      expect(outside).toEqual([]);
    }
  });

  it("says on the Scoring sheet how to sort it, in the workbook's language", () => {
    const scoring = layout.sheets.find((s) => s.key === "scoring")!;
    expect(scoring.cells.find((c) => c.ref === "A3")).toMatchObject({
      value: TEXT.sortNote[lang],
      style: "muted",
    });
    expect(scoring.merges).toContain("A3:F3");
  });
});

describe("docs/workbook.md", () => {
  it("says how to sort the Scoring sheet, as the sheet's note does", () => {
    const doc = readFileSync(path.resolve(__dirname, "../../docs/workbook.md"), "utf8");
    const section = doc.slice(doc.indexOf("## Sorting the Scoring sheet"));
    expect(section.length).toBeLessThan(doc.length);
    expect(section).toContain("Review › Unprotect Sheet");
    expect(section).toContain("审阅 › 撤销工作表保护");
    expect(TEXT.sortNote.en).toContain("Review › Unprotect Sheet");
    expect(TEXT.sortNote.zh).toContain("审阅 › 撤销工作表保护");
  });
});

describe("layout size", () => {
  const formulaCount = (layout: WorkbookLayout) =>
    layout.sheets.reduce((acc, s) => acc + s.cells.filter((c) => c.formula !== undefined).length, 0);

  it.each(LANGS)("grows exactly linearly with the number of evaluators (%s)", (lang) => {
    const count = (n: number) => formulaCount(layouts.find((l) => l.lang === lang && l.n === n)!.layout);
    const b = count(2) - count(1);
    const a = count(1) - b;
    expect(b).toBeGreaterThan(0);
    for (const n of [10, 30, 200]) expect({ n, count: count(n) }).toEqual({ n, count: a + b * n });
  });

  it("throws RangeError for 0 and 201 evaluators", () => {
    for (const lang of LANGS) {
      for (const n of [0, MAX_EVALUATORS + 1]) {
        expect(() => buildWorkbookLayout({ lang, assessment: assessmentWith({ evaluators: n }) })).toThrow(
          RangeError,
        );
      }
    }
  });
});

describe("the written file", () => {
  it("unlocks exactly the layout's input cells", async () => {
    const layout = layouts.find((l) => l.lang === "zh" && l.n === 2)!.layout;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeXlsx(layout)) as unknown as ExcelJS.Buffer);
    const wrong: string[] = [];
    for (const sheet of layout.sheets) {
      const ws = workbook.getWorksheet(sheet.name)!;
      const inputs = new Set(sheet.cells.filter((c) => c.input).map((c) => c.ref));
      // A merged input (a bonus reason across C:H) is one cell: its other parts follow its first.
      const mergedInto = new Set(
        sheet.merges
          .filter((m) => inputs.has(m.split(":")[0]!))
          .flatMap((m) => {
            const [from, to] = m.split(":").map(parseRef) as [
              ReturnType<typeof parseRef>,
              ReturnType<typeof parseRef>,
            ];
            const refs: string[] = [];
            for (let row = from.row; row <= to.row; row++) {
              for (let column = from.column; column <= to.column; column++) refs.push(cellRef(column, row));
            }
            return refs;
          }),
      );
      ws.eachRow({ includeEmpty: false }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          const unlocked = cell.protection?.locked === false;
          if (unlocked !== (inputs.has(cell.address) || mergedInto.has(cell.address)))
            wrong.push(`${sheet.name}!${cell.address}`);
        }),
      );
      for (const ref of inputs)
        if (ws.getCell(ref).protection?.locked !== false) wrong.push(`${sheet.name}!${ref}`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe("cached values", () => {
  const assessments: [string, Assessment][] = [
    ["hostile, 3 evaluators, exclusions and special items", hostileAssessment(3)],
    [
      "incomplete with invalid entries",
      assessmentWith({ evaluators: 2, fill: (c, e) => (c === "C7" ? null : e ? 0.8 : 85) }),
    ],
    ["fail on both counts", assessmentWith({ fill: () => 60, deductions: 5 })],
    ["69.995 rounds up", assessmentWith({ fill: () => 70, deductions: 1, bonus: [0.995] })],
    ["five-star capped", assessmentWith({ fill: () => 100, bonus: [0.75, 0.5] })],
    [
      "all of 5.2.1–5.2.6 excluded, an excluded item still scored",
      assessmentWith({
        fill: (code) => (code.startsWith("B") && code !== "B3" ? null : 90),
        exclusions: Object.fromEntries(
          ["5.2.1", "5.2.2", "5.2.3", "5.2.4", "5.2.5", "5.2.6"].map((k) => [k, "x"]),
        ),
      }),
    ],
  ];

  describe.each(LANGS)("%s", (lang) => {
    it.each(assessments)("the Summary's result block carries the engine's results: %s", (_, assessment) => {
      const scoring = scoreAssessment(assessment);
      const r = scoring.result;
      const layout = buildWorkbookLayout({ lang, assessment, scoring });
      const summary = layout.sheets.find((s) => s.key === "summary")!;
      const cell = (row: number) => summary.cells.find((c) => c.ref === `C${row}`);
      const t = (key: keyof typeof TEXT) => TEXT[key][lang];
      const applicable = r.items.filter((i) => !i.excluded);
      const expected: Record<Parameters<typeof resultRow>[0], string | number | boolean> = {
        rawScore: toNumber(r.rawScore),
        applicableTotal: toNumber(r.applicableTotal),
        scaledScore: toNumber(r.scaledScore),
        deductions: r.deductionCount,
        bonus: toNumber(r.bonus),
        finalScore: toNumber(r.finalScore, RULES.decimals),
        grade: r.gradeLabel[lang],
        passed: r.passed,
        failBelow: r.reasons.some((x) => x.code === "below-pass-mark")
          ? `${t("failBelow")} < ${RULES.passMark}`
          : "",
        failDeductions: r.reasons.some((x) => x.code === "too-many-deductions")
          ? `${t("failDeductions")} ≥ ${RULES.failAtDeductions}`
          : "",
        complete: r.complete,
        completeness: applicable.filter((i) => i.entries > 0).length / applicable.length,
      };
      const first = summaryRows().resultRow;
      const block = summary.cells.filter((c) => {
        const { row, column } = parseRef(c.ref);
        return column === 3 && row >= first && row <= resultRow("completeness");
      });
      expect(block).toHaveLength(Object.keys(expected).length);
      for (const [field, want] of Object.entries(expected) as [
        keyof typeof expected,
        string | number | boolean,
      ][]) {
        const got = cell(resultRow(field));
        expect({
          field,
          formula: got?.formula?.startsWith("="),
          hasCache: got?.cached !== undefined,
        }).toEqual({
          field,
          formula: true,
          hasCache: true,
        });
        if (typeof want === "number") {
          expect({ field, close: Math.abs((got!.cached as number) - want) <= 1e-9 }).toEqual({
            field,
            close: true,
          });
        } else {
          expect({ field, cached: got!.cached }).toEqual({ field, cached: want });
        }
      }
      // Every Result_* name's cell is in this block.
      for (const name of Object.values(RESULT_NAMES)) {
        const ref = layout.names.find((d) => d.name === name)!.ref;
        expect(block.some((c) => ref.endsWith(`!$C$${parseRef(c.ref).row}`))).toBe(true);
      }
    });
  });

  it("every formula cell of a layout built with scoring carries a cached value", () => {
    const assessment = hostileAssessment(3);
    const layout = buildWorkbookLayout({ lang: "zh", assessment, scoring: scoreAssessment(assessment) });
    const uncached = layout.sheets.flatMap((s) =>
      s.cells
        .filter((c) => c.formula !== undefined && c.cached === undefined)
        .map((c) => `${s.name}!${c.ref}`),
    );
    expect(uncached).toEqual([]);
  });

  it("an excluded item that still has entries shows a blank mean and score, as the engine does", () => {
    const assessment = assessmentWith({ evaluators: 2, exclusions: { B3: "不适用" } });
    const scoring = scoreAssessment(assessment);
    const layout = buildWorkbookLayout({ lang: "en", assessment, scoring });
    const scoringSheet = layout.sheets.find((s) => s.key === "scoring")!;
    const row = scoringRows().find((r) => r.id === "B3")!.row;
    const columns = scoringColumns(2);
    const at = (column: number) => scoringSheet.cells.find((c) => c.ref === cellRef(column, row))!;
    expect(scoring.result.items.find((i) => i.code === "B3")).toMatchObject({
      excluded: true,
      entries: 2,
      meanPercent: null,
    });
    expect(at(columns.count).cached).toBe(2);
    expect(at(columns.score).cached).toBe("");
    expect(at(columns.mean).cached).toBe("");
    // The formulas give "" for an excluded item too (proven in LibreOffice by the workbook proof).
    expect(at(columns.mean).formula).toContain(`${cellRef(columns.included, row)}=0`);
    expect(at(columns.score).formula).toContain(`${cellRef(columns.included, row)}=0`);
  });
});

it("covers every item in the catalogue", () => {
  expect(scoringRows().filter((r) => r.kind === "item")).toHaveLength(ITEMS.length);
});
