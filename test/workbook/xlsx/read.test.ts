import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Lang } from "../../../src/spec/types";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { readXlsx } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { SAMPLE } from "../../helpers/sample";

/** readXlsx on workbooks as people leave them: edited by hand, in the other language, or not ours. */

/** The sample's workbook after `edit` (row of an item or indicator code looked up by `rowOf`). */
async function edited(
  lang: Lang,
  edit: (
    sheet: (key: keyof typeof SHEET_NAMES) => ExcelJS.Worksheet,
    rowOf: (code: string) => number,
  ) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    (await writeXlsx(buildWorkbookLayout({ lang, assessment: SAMPLE }))) as unknown as ExcelJS.Buffer,
  );
  const sheet = (key: keyof typeof SHEET_NAMES) => workbook.getWorksheet(SHEET_NAMES[key][lang])!;
  const rowOf = (code: string) =>
    sheet("scoring")
      .getColumn(1)
      .values.findIndex((v) => v === code);
  edit(sheet, rowOf);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function errorsOf(buffer: Uint8Array, lang: Lang): Promise<string[]> {
  const read = await readXlsx(buffer, lang);
  if (read.ok) throw new Error("expected the workbook to be refused");
  return read.errors;
}

describe("readXlsx", () => {
  it("refuses what is not a StarScore workbook, in the user's language, without throwing", async () => {
    expect(await errorsOf(Buffer.from("hello"), "zh")).toEqual([
      "不是 .xlsx 工作簿：文件内容不是 zip 压缩包。",
    ]);
    expect(await errorsOf(Buffer.alloc(0), "en")).toEqual([
      "Not an .xlsx workbook: the file is not a zip package.",
    ]);
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await errorsOf(ole, "en"))[0]).toContain("Old .xls or encrypted");
    const truncated = (await writeXlsx(buildWorkbookLayout({ lang: "zh", assessment: SAMPLE }))).subarray(
      0,
      2000,
    );
    expect((await errorsOf(truncated, "zh"))[0]).toMatch(/^无法读取工作簿（/);

    const zip = new JSZip();
    zip.file("hello.txt", "not a workbook");
    const foreignZip = await zip.generateAsync({ type: "nodebuffer" });
    expect(await errorsOf(foreignZip, "en")).toEqual([
      'This is not a StarScore workbook: no sheet "Info" (封面), "Scoring" (评分), "Special" (特别项).',
    ]);
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Sheet1").getCell("A1").value = "hello";
    foreign.addWorksheet("评分").getCell("A1").value = 1;
    const buffer = Buffer.from(await foreign.xlsx.writeBuffer());
    expect(await errorsOf(buffer, "zh")).toEqual([
      "这不是 StarScore 工作簿：缺少工作表“封面”（Info）、“特别项”（Special）。",
    ]);
  });

  it("names the cell of an entry that is not a number, and of every other unreadable input", async () => {
    const buffer = await edited("zh", (sheet, rowOf) => {
      sheet("scoring").getCell(`H${rowOf("B3")}`).value = "八十";
      sheet("scoring").getCell(`I${rowOf("B4")}`).value = true;
      sheet("scoring").getCell(`J${rowOf("B5")}`).value = { error: "#DIV/0!" } as ExcelJS.CellErrorValue;
      sheet("scoring").getCell("J3").value = "神秘顾客";
      sheet("info").getCell("B5").value = "年度审核";
      sheet("info").getCell("B9").value = 3;
      sheet("info").getCell("B7").value = "下周一";
      sheet("special").getCell("B6").value = "其他";
      sheet("special").getCell("C6").value = "描述";
      sheet("special").getCell("H5").value = "进行中";
    });
    expect(await errorsOf(buffer, "zh")).toEqual([
      // Chinese quotes with “” (issue 11, point 16).
      "封面!B5：无法识别的评价类型“年度审核”。请从列表中选择（初次认证、再认证、保持认证（监督评价））。",
      "封面!B9：评分步长须为 1、5 或 10，而不是“3”。",
      "封面!B7：“下周一”不是日期。请输入日期，或 YYYY-MM-DD 格式的文本。",
      "评分!J3：评价人类型须为“审核员”或“暗访”，而此处为“神秘顾客”。",
      // Entry cells are issues, not failures, but a read that fails lists them too, in place.
      "评分!H9（B3，评价人“张三”）：单元格中是文本“八十”。请输入 0–100 的百分数（如 80），或留空。",
      "评分!I10（B4，评价人“李四”）：单元格中是逻辑值 TRUE。请输入 0–100 的百分数（如 80），或留空。",
      "评分!J11（B5，评价人“暗访 1”）：单元格中是错误值 #DIV/0!。请输入 0–100 的百分数（如 80），或留空。",
      "特别项!H5：整改状态须为“未整改”或“已整改”，而不是“进行中”。",
      "特别项!B6：无法识别的特别扣分项类别“其他”。请从列表中选择类别。",
    ]);
  });

  it("reads a workbook whose entry cells hold text, errors, logical values or dates: each is an issue with its cell and what to type, and reads as blank", async () => {
    const rows: Record<string, number> = {};
    const en = await edited("en", (sheet, rowOf) => {
      for (const code of ["A1", "A2", "A3", "A4", "A5", "A6", "A7", "A8"]) rows[code] = rowOf(code);
      const scoring = sheet("scoring");
      scoring.getCell(`H${rows.A1}`).value = "80%";
      scoring.getCell(`H${rows.A2}`).value = "８０";
      scoring.getCell(`H${rows.A3}`).value = " 0.8 ";
      scoring.getCell(`H${rows.A4}`).value = "82";
      scoring.getCell(`H${rows.A5}`).value = "150";
      scoring.getCell(`H${rows.A6}`).value = { error: "#REF!" } as ExcelJS.CellErrorValue;
      scoring.getCell(`H${rows.A7}`).value = new Date(Date.UTC(2026, 0, 5));
      // A style object of its own: ExcelJS shares one between cells read with the same style.
      scoring.getCell(`H${rows.A7}`).style = {
        ...scoring.getCell(`H${rows.A7}`).style,
        numFmt: "yyyy-mm-dd",
      };
      scoring.getCell(`I${rows.A8}`).value = false;
    });
    const read = await readXlsx(en, "en");
    if (!read.ok) throw new Error(read.errors.join("\n"));
    const by = (e: string) => `evaluator "${e}"`;
    expect(read.issues.map((i) => [i.code, i.cell, i.item, i.evaluator, i.message.en])).toEqual([
      [
        "entry-number-as-text",
        `'Scoring'!H${rows.A1}`,
        "A1",
        0,
        `Scoring!H${rows.A1} (A1, ${by("张三")}): the cell holds the text "80%", not a number. Type the number 80 instead.`,
      ],
      [
        "entry-number-as-text",
        `'Scoring'!H${rows.A2}`,
        "A2",
        0,
        `Scoring!H${rows.A2} (A2, ${by("张三")}): the cell holds the text "８０", not a number. Type the number 80 instead.`,
      ],
      [
        "entry-number-as-text",
        `'Scoring'!H${rows.A3}`,
        "A3",
        0,
        `Scoring!H${rows.A3} (A3, ${by("张三")}): the cell holds the text " 0.8 ", not a number. Type the number 80 instead.`,
      ],
      [
        "entry-number-as-text",
        `'Scoring'!H${rows.A4}`,
        "A4",
        0,
        `Scoring!H${rows.A4} (A4, ${by("张三")}): the cell holds the text "82", not a number. Type the number 80 instead.`,
      ],
      [
        "entry-number-as-text",
        `'Scoring'!H${rows.A5}`,
        "A5",
        0,
        `Scoring!H${rows.A5} (A5, ${by("张三")}): the cell holds the text "150", not a number. Type a percentage from 0 to 100 (e.g. 80), or leave it blank.`,
      ],
      [
        "entry-error",
        `'Scoring'!H${rows.A6}`,
        "A6",
        0,
        `Scoring!H${rows.A6} (A6, ${by("张三")}): the cell holds an error (#REF!). Type a percentage from 0 to 100 (e.g. 80), or leave it blank.`,
      ],
      [
        "entry-date",
        `'Scoring'!H${rows.A7}`,
        "A7",
        0,
        `Scoring!H${rows.A7} (A7, ${by("张三")}): the cell is formatted as a date (it shows 2026-01-05). Format it as General or Number and type a percentage from 0 to 100.`,
      ],
      [
        "entry-logical",
        `'Scoring'!I${rows.A8}`,
        "A8",
        1,
        `Scoring!I${rows.A8} (A8, ${by("李四")}): the cell holds the logical value FALSE. Type a percentage from 0 to 100 (e.g. 80), or leave it blank.`,
      ],
    ]);
    // Read as blank: the rest of each row is still there.
    expect(read.assessment.scores.A1).toEqual([null, ...SAMPLE.scores.A1!.slice(1)]);
    expect(read.assessment.scores.A8).toEqual([SAMPLE.scores.A8![0], null, SAMPLE.scores.A8![2]]);
    expect(read.locator.entry("A1", 0)).toBe(`'Scoring'!H${rows.A1}`);
  });

  it("reads what a person may type: real dates, either language's words, formulas with results", async () => {
    // Excel gives a typed date a date format; ExcelJS reads such a cell as a Date.
    const setDate = (cell: ExcelJS.Cell, date: Date) => {
      cell.value = date;
      cell.numFmt = "yyyy-mm-dd";
    };
    const buffer = await edited("zh", (sheet, rowOf) => {
      setDate(sheet("info").getCell("B7"), new Date(Date.UTC(2026, 10, 2)));
      sheet("info").getCell("B8").value = "2026年11月4日";
      sheet("info").getCell("B5").value = "Recertification";
      sheet("info").getCell("B9").value = "10";
      sheet("scoring").getCell("J3").value = "Auditor";
      sheet("scoring").getCell(`F${rowOf("B10")}`).value = "no";
      sheet("scoring").getCell(`F${rowOf("5.2.6")}`).value = "适用";
      sheet("scoring").getCell(`G${rowOf("5.2.6")}`).value = "a reason without the flag is not an exclusion";
      sheet("scoring").getCell(`H${rowOf("B1")}`).value = { formula: "40+40", result: 80 };
      sheet("scoring").getCell(`I${rowOf("B1")}`).value = {
        richText: [{ text: "=not " }, { text: "a formula" }],
      };
      setDate(sheet("special").getCell("G5"), new Date(Date.UTC(2026, 11, 4)));
      sheet("special").getCell("B5").value = "Breaches national laws or regulations";
      sheet("special").getCell("H5").value = "Closed";
      sheet("special").getCell("B6").value = null;
      sheet("special").getCell("C6").value = null;
    });
    const typed = await readXlsx(buffer, "en");
    // The one thing left that is not an entry: text in an entry cell, an issue with its cell.
    expect(typed.ok && typed.issues.map((i) => [i.code, i.cell])).toEqual([["entry-text", "'评分'!I7"]]);
    const fixed = await edited("zh", (sheet, rowOf) => {
      setDate(sheet("info").getCell("B7"), new Date(Date.UTC(2026, 10, 2)));
      sheet("info").getCell("B8").value = "2026/11/4";
      sheet("info").getCell("B5").value = "Recertification";
      sheet("scoring").getCell("J3").value = "Auditor";
      sheet("scoring").getCell(`F${rowOf("B10")}`).value = "no";
      sheet("scoring").getCell(`G${rowOf("B10")}`).value = null;
      sheet("scoring").getCell(`F${rowOf("5.2.6")}`).value = "适用";
      sheet("scoring").getCell(`H${rowOf("B1")}`).value = { formula: "40+40", result: 80 };
      setDate(sheet("special").getCell("G5"), new Date(Date.UTC(2026, 11, 4)));
      sheet("special").getCell("H5").value = "Closed";
    });
    const read = await readXlsx(fixed, "zh");
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.lang).toBe("zh");
    expect(read.assessment).toMatchObject({
      type: "recertification",
      dates: { start: "2026-11-02", end: "2026-11-04" },
      evaluators: [
        { name: "张三", kind: "auditor" },
        { name: "李四", kind: "auditor" },
        { name: "暗访 1", kind: "auditor" },
      ],
      exclusions: { B10: "" },
      deductions: [{ ...SAMPLE.deductions![0], deadline: "2026-12-04", status: "closed" }],
    });
    expect(read.assessment.scores.B1).toEqual([80, null, 95]);
  });

  it("reports an item that appears on two rows, and a workbook from a newer StarScore", async () => {
    const twice = await edited("en", (sheet, rowOf) => {
      sheet("scoring").getCell(`A${rowOf("B2")}`).value = "B1";
    });
    expect(await errorsOf(twice, "en")).toEqual([
      'B1 appears more than once on the sheet "Scoring" (rows 7, 8): keep one row.',
    ]);
    const newer = await edited("zh", (sheet) => {
      sheet("info").getCell("B11").value = 99;
    });
    expect((await errorsOf(newer, "zh"))[0]).toContain("较新版本的 StarScore");
  });
});
