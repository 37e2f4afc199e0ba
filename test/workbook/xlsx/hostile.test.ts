import ExcelJS from "exceljs";
import JSZip from "jszip";
import { deflateRawSync } from "node:zlib";
import type { Lang } from "../../../src/spec/types";
import { SHEET_NAMES } from "../../../src/workbook/labels";
import { buildWorkbookLayout } from "../../../src/workbook/layout";
import { parseRef } from "../../../src/workbook/address";
import { MAX_EVALUATORS, scoringColumns } from "../../../src/workbook/scoring-grid";
import { XLSX_LIMITS } from "../../../src/workbook/xlsx/limits";
import { rangeCells } from "../../../src/workbook/xlsx/package";
import { readXlsx, type ReadResult } from "../../../src/workbook/xlsx/read";
import { writeXlsx } from "../../../src/workbook/xlsx/write";
import { assessmentWith } from "../../helpers/builders";
import { SAMPLE } from "../../helpers/sample";

/**
 * readXlsx on hostile workbooks: damaged, foreign, edited in ways the layout did not foresee, or
 * built to exhaust the reader. Each gives a message in the user's language that names the place
 * (never a stack trace), or reads as it should; none takes long.
 */

const written = new Map<Lang, Promise<Buffer>>();
function sampleXlsx(lang: Lang): Promise<Buffer> {
  if (!written.has(lang)) written.set(lang, writeXlsx(buildWorkbookLayout({ lang, assessment: SAMPLE })));
  return written.get(lang)!;
}

type SheetKey = "info" | "scoring" | "special" | "summary" | "rules";

/** The sample's workbook after `edit` through ExcelJS (rowOf: the row of an item or indicator code). */
async function edited(
  lang: Lang,
  edit: (
    sheet: (key: SheetKey) => ExcelJS.Worksheet,
    rowOf: (code: string) => number,
    workbook: ExcelJS.Workbook,
  ) => void,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await sampleXlsx(lang)) as unknown as ExcelJS.Buffer);
  const sheet = (key: SheetKey) => workbook.getWorksheet(SHEET_NAMES[key][lang])!;
  const rowOf = (code: string) =>
    sheet("scoring")
      .getColumn(1)
      .values.findIndex((v) => v === code);
  edit(sheet, rowOf, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The writer's parts: sheet1 Info, sheet2 Scoring, sheet3 Special, sheet4 Summary, sheet5 Rules. */
const PART = {
  info: "xl/worksheets/sheet1.xml",
  scoring: "xl/worksheets/sheet2.xml",
  special: "xl/worksheets/sheet3.xml",
  summary: "xl/worksheets/sheet4.xml",
  workbook: "xl/workbook.xml",
} as const;

/** The sample's workbook with one XML part's text changed. */
async function withXml(lang: Lang, part: string, change: (xml: string) => string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(await sampleXlsx(lang));
  const xml = await zip.file(part)!.async("string");
  const changed = change(xml);
  expect(changed).not.toBe(xml);
  zip.file(part, changed);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

async function read(buffer: Uint8Array, lang: Lang): Promise<ReadResult & { ms: number }> {
  const start = performance.now();
  const result = await readXlsx(buffer, lang);
  return { ...result, ms: performance.now() - start };
}

/** The messages of a workbook that must be refused: in both languages, each non-empty. */
async function refused(buffer: Uint8Array): Promise<{ zh: string[]; en: string[] }> {
  const [zh, en] = [await read(buffer, "zh"), await read(buffer, "en")];
  if (zh.ok || en.ok) throw new Error("expected the workbook to be refused");
  for (const result of [zh, en]) {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const problem of result.problems) {
      expect(problem.message.zh.length).toBeGreaterThan(0);
      expect(problem.message.en.length).toBeGreaterThan(0);
    }
  }
  return { zh: zh.errors, en: en.errors };
}

async function readsAsSample(buffer: Uint8Array, lang: Lang = "zh"): Promise<void> {
  const result = await read(buffer, lang);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  expect(result.issues).toEqual([]);
  expect(result.assessment).toEqual(SAMPLE);
}

/** A zip written by hand, so its sizes and ratios can be anything (CRCs are not checked by readers). */
function rawZip(entries: { name: string; data: Buffer; method: 0 | 8; size: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = {
  name: "[Content_Types].xml",
  data: Buffer.from("<Types/>"),
  method: 0 as const,
  size: 8,
};

describe("files that are not workbooks", () => {
  it("not a zip, an empty file, an old .xls: a message, no exception", async () => {
    expect(await refused(Buffer.from("hello"))).toEqual({
      zh: ["不是 .xlsx 工作簿：文件内容不是 zip 压缩包。"],
      en: ["Not an .xlsx workbook: the file is not a zip package."],
    });
    expect((await refused(Buffer.alloc(0))).en).toEqual([
      "Not an .xlsx workbook: the file is not a zip package.",
    ]);
    const truncated = (await sampleXlsx("zh")).subarray(0, 3000);
    expect((await refused(truncated)).en[0]).toMatch(/^Cannot read the workbook \(/);
  });

  it("a workbook that is not StarScore's", async () => {
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet("Budget").getCell("A1").value = "Q1";
    foreign.addWorksheet("Sheet2").getCell("A1").value = "Code";
    expect(await refused(Buffer.from(await foreign.xlsx.writeBuffer()))).toEqual({
      zh: ["这不是 StarScore 工作簿：缺少工作表“封面”（Info）、“评分”（Scoring）、“特别项”（Special）。"],
      en: ['This is not a StarScore workbook: no sheet "Info" (封面), "Scoring" (评分), "Special" (特别项).'],
    });
  });
});

describe("StarScore's sheets renamed, deleted or reordered", () => {
  it("renamed: names the sheet that looks like it and what to call it", async () => {
    const buffer = await edited("zh", (sheet) => {
      sheet("scoring").name = "Sheet2";
      sheet("info").name = "Cover";
    });
    expect(await refused(buffer)).toEqual({
      zh: [
        "缺少工作表“封面”：工作表“Cover”看起来就是它。请把“Cover”重命名为“封面”。",
        "缺少工作表“评分”：工作表“Sheet2”看起来就是它。请把“Sheet2”重命名为“评分”。",
      ],
      en: [
        'The sheet "封面" is missing: the sheet "Cover" looks like it. Rename "Cover" to "封面".',
        'The sheet "评分" is missing: the sheet "Sheet2" looks like it. Rename "Sheet2" to "评分".',
      ],
    });
  });

  it("only a renamed Scoring sheet left (copied into another workbook): says what is missing", async () => {
    const buffer = await edited("en", (sheet, _rowOf, workbook) => {
      for (const key of ["info", "special", "summary", "rules"] as const)
        workbook.removeWorksheet(sheet(key).id);
      sheet("scoring").name = "Copy of scores";
    });
    const en = await read(buffer, "en");
    expect(!en.ok && en.errors).toEqual([
      'The sheet "Info" is missing ("封面" in a Chinese workbook): every StarScore workbook needs it. If it was renamed, name it "Info" again; if it was deleted, restore it from a backup.',
      'The sheet "Scoring" is missing: the sheet "Copy of scores" looks like it. Rename "Copy of scores" to "Scoring".',
      'The sheet "Special" is missing ("特别项" in a Chinese workbook): every StarScore workbook needs it. If it was renamed, name it "Special" again; if it was deleted, restore it from a backup.',
    ]);
  });

  it("renamed in another case: still read (Excel's sheet names ignore case)", async () => {
    const buffer = await withXml("en", PART.workbook, (xml) =>
      xml.replace('name="Scoring"', 'name="SCORING"').replace('name="Special"', 'name="special"'),
    );
    await readsAsSample(buffer, "en");
  });

  it("deleted: says which sheet is missing and what it must be called", async () => {
    const buffer = await edited("en", (sheet, _rowOf, workbook) => {
      workbook.removeWorksheet(sheet("special").id);
    });
    expect(await refused(buffer)).toEqual({
      zh: [
        "缺少工作表“Special”（中文版为“特别项”）：它是 StarScore 工作簿必需的。若已改名，请改回“Special”；若已删除，请从备份中恢复。",
      ],
      en: [
        'The sheet "Special" is missing ("特别项" in a Chinese workbook): every StarScore workbook needs it. If it was renamed, name it "Special" again; if it was deleted, restore it from a backup.',
      ],
    });
  });

  it("reordered: reads the same", async () => {
    const buffer = await withXml("zh", PART.workbook, (xml) => {
      const sheets = xml.match(/<sheet [^>]*\/>/g)!;
      return xml.replace(sheets.join(""), [...sheets].reverse().join(""));
    });
    await readsAsSample(buffer);
  });
});

describe("rows and columns people move", () => {
  it("rows sorted: read by their codes", async () => {
    const buffer = await edited("zh", (sheet, rowOf) => {
      const scoring = sheet("scoring");
      const [a, b] = [rowOf("B1"), rowOf("A18")];
      const values = (row: number) => scoring.getRow(row).values as ExcelJS.CellValue[];
      const [va, vb] = [values(a), values(b)];
      scoring.getRow(a).values = vb;
      scoring.getRow(b).values = va;
    });
    await readsAsSample(buffer);
  });

  it("rows filtered (hidden): still read", async () => {
    const buffer = await edited("zh", (sheet, rowOf) => {
      for (const code of ["B1", "B2", "5.2.3", "A18"]) sheet("scoring").getRow(rowOf(code)).hidden = true;
    });
    await readsAsSample(buffer);
  });

  it("rows inserted inside the body: ignored; an item code on two rows names both rows", async () => {
    const inserted = await edited("zh", (sheet, rowOf) => {
      sheet("scoring").insertRow(rowOf("B5"), ["小计", null, "我的备注行"]);
      sheet("scoring").insertRow(rowOf("A3"), []);
    });
    await readsAsSample(inserted);
    const twice = await edited("en", (sheet, rowOf) => {
      sheet("scoring").insertRow(rowOf("B5"), ["B3", null, "copy of B3"]);
    });
    expect(await refused(twice)).toEqual({
      zh: ["工作表“Scoring”中 B3 出现了多次（第 9、11 行）：请只保留一行。"],
      en: ['B3 appears more than once on the sheet "Scoring" (rows 9, 11): keep one row.'],
    });
  });

  it("an evaluator column deleted or moved among the others: read by its header", async () => {
    const deleted = await edited("zh", (sheet) => sheet("scoring").spliceColumns(9, 1));
    const read1 = await read(deleted, "zh");
    expect(read1.ok && read1.assessment.evaluators.map((e) => e.name)).toEqual(["张三", "暗访 1"]);
    expect(read1.ok && read1.assessment.scores.B1).toEqual([85, 95]);
    const swapped = await edited("zh", (sheet) => {
      const scoring = sheet("scoring");
      for (let row = 3; row <= scoring.rowCount; row++) {
        const [h, j] = [scoring.getCell(row, 8).value, scoring.getCell(row, 10).value];
        scoring.getCell(row, 8).value = j;
        scoring.getCell(row, 10).value = h;
      }
    });
    const read2 = await read(swapped, "zh");
    expect(read2.ok && read2.assessment.evaluators.map((e) => e.name)).toEqual(["暗访 1", "李四", "张三"]);
    expect(read2.ok && read2.assessment.scores.B1).toEqual([95, null, 85]);
  });

  it("an evaluator column moved outside the evaluator columns, a header missing or copied: named", async () => {
    const c = scoringColumns(3);
    const moved = await edited("en", (sheet) => {
      const scoring = sheet("scoring");
      const far = c.last + 2;
      for (let row = 3; row <= scoring.rowCount; row++)
        scoring.getCell(row, far).value = scoring.getCell(row, 10).value;
      scoring.spliceColumns(10, 1);
    });
    expect((await refused(moved)).en).toEqual([
      'Scoring!Y3: the evaluator column "暗访 1" is outside the evaluator columns (H–I, between "Exclusion reason" and "Score"), so it would not be read. Move the whole column back there.',
    ]);
    const missing = await edited("zh", (sheet) => {
      sheet("scoring").getCell("F4").value = null;
    });
    expect(await refused(missing)).toEqual({
      zh: ["工作表“评分”的表头缺少“适用”列。"],
      en: ['The header of the sheet "评分" has no "Applicable" column.'],
    });
    const copied = await edited("zh", (sheet) => {
      const scoring = sheet("scoring");
      scoring.spliceColumns(c.notes + 1, 0, []);
      for (let row = 1; row <= scoring.rowCount; row++)
        scoring.getCell(row, c.notes + 1).value = scoring.getCell(row, 6).value;
    });
    expect(await refused(copied)).toEqual({
      zh: ["工作表“评分”的表头中“适用”出现了多次（F、O 列）：请只保留一列。"],
      en: ['The header of the sheet "评分" has "Applicable" more than once (columns F, O): keep one.'],
    });
  });

  it("merged cells over input cells: an error naming the merge; the layout's own merges are fine", async () => {
    const buffer = await edited("zh", (sheet, rowOf) => {
      sheet("scoring").mergeCells(`H${rowOf("B1")}:I${rowOf("B2")}`);
      sheet("special").mergeCells("C5:D5");
    });
    expect(await refused(buffer)).toEqual({
      zh: [
        "评分!H7:I8 是合并单元格，覆盖了输入单元格 I7, H8, I8：合并后只有左上角的单元格有值，其余的值会丢失。请取消合并（开始 ▸ 合并后居中 ▸ 取消单元格合并）。",
        "特别项!C5:D5 是合并单元格，覆盖了输入单元格 D5：合并后只有左上角的单元格有值，其余的值会丢失。请取消合并（开始 ▸ 合并后居中 ▸ 取消单元格合并）。",
      ],
      en: [
        "评分!H7:I8 is a merged range over the input cells I7, H8, I8: a merge keeps only its top-left cell's value and the others would be lost. Unmerge it (Home ▸ Merge & Center ▸ Unmerge Cells).",
        "特别项!C5:D5 is a merged range over the input cells D5: a merge keeps only its top-left cell's value and the others would be lost. Unmerge it (Home ▸ Merge & Center ▸ Unmerge Cells).",
      ],
    });
  });
});

describe("files built to exhaust the reader", () => {
  it(`a 50 MB file: refused before unzipping (limit ${XLSX_LIMITS.maxFileBytes / 2 ** 20} MB)`, async () => {
    const zip = await JSZip.loadAsync(await sampleXlsx("zh"));
    zip.file("xl/media/image1.png", Buffer.alloc(50 * 2 ** 20, 7), { compression: "STORE" });
    const big = await zip.generateAsync({ type: "nodebuffer" });
    // Refused from its size alone: the zip is never opened (a count, not a time: the machine may be busy).
    const unzip = jest.spyOn(JSZip, "loadAsync");
    expect(await refused(big)).toEqual({
      zh: [
        "文件太大（50.2 MB）：StarScore 只读取 20 MB 以内的工作簿。评分工作簿通常不到 1 MB；请删除其中的图片或多余的工作表后另存，再试。",
      ],
      en: [
        "The file is too large (50.2 MB): StarScore reads workbooks up to 20 MB. A scoring workbook is usually under 1 MB; remove pictures or extra sheets, save it, and try again.",
      ],
    });
    expect(unzip).not.toHaveBeenCalled();
    unzip.mockRestore();
  });

  it("a zip bomb: refused from the central directory, by its total or its ratio, before ExcelJS sees it", async () => {
    // 150 MB of zeros deflate to 150 KB: over the total (declared; nothing is unzipped).
    const zeros = deflateRawSync(Buffer.alloc(150 * 2 ** 20));
    const total = rawZip([
      CONTENT_TYPES,
      { name: "xl/worksheets/sheet1.xml", data: zeros, method: 8, size: 150 * 2 ** 20 },
    ]);
    expect((await refused(total)).en).toEqual([
      "Cannot read the workbook: it unzips to more than 50 MB, StarScore's limit. The file is damaged or built to exhaust the reader (a zip bomb).",
    ]);
    // 8 MB of zeros: under the total, 1,000 times its compressed size.
    const ratio = rawZip([
      CONTENT_TYPES,
      {
        name: "xl/worksheets/sheet1.xml",
        data: deflateRawSync(Buffer.alloc(8 * 2 ** 20)),
        method: 8,
        size: 8 * 2 ** 20,
      },
    ]);
    expect((await refused(ratio)).zh[0]).toMatch(
      /^无法读取工作簿：部件 xl\/worksheets\/sheet1\.xml 解压后是压缩大小的 [\d,]+ 倍（上限 100 倍）。/,
    );
    // A part that claims 1 KB and unzips to 8 MB: stopped at the lie.
    const liar = rawZip([
      CONTENT_TYPES,
      {
        name: "xl/worksheets/sheet1.xml",
        data: deflateRawSync(Buffer.alloc(8 * 2 ** 20)),
        method: 8,
        size: 1024,
      },
    ]);
    expect((await refused(liar)).en[0]).toMatch(
      /^Cannot read the workbook: the part xl\/worksheets\/sheet1\.xml unzips to more than the 1,024 bytes it declares\./,
    );
  });

  it("a sheet claiming a million rows: <dimension> is ignored; content beyond the read area is named", async () => {
    const dimension = await withXml("zh", PART.scoring, (xml) =>
      xml.replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>'),
    );
    const fast = await read(dimension, "zh");
    expect(fast.ok).toBe(true);
    expect(fast.ms).toBeLessThan(3000);

    const lastRow = (cells: string) => (xml: string) =>
      xml.replace("</sheetData>", `<row r="1048576">${cells}</row></sheetData>`);
    const formatted = await withXml("zh", PART.scoring, lastRow('<c r="A1048576" s="1"/>'));
    await readsAsSample(formatted);
    const content = await withXml(
      "zh",
      PART.scoring,
      lastRow('<c r="H1048576" t="inlineStr"><is><t>80</t></is></c>'),
    );
    const start = performance.now();
    expect(await refused(content)).toEqual({
      zh: [
        "评分!H1048576：此单元格有内容，但超出了 StarScore 读取的范围（前 20,000 行、A–AMJ 列），不会被读取。请删除它，或把它移到范围内。",
      ],
      en: [
        "评分!H1048576: this cell has content beyond what StarScore reads (rows 1–20,000, columns A–AMJ), so it would be ignored. Delete it or move it within that range.",
      ],
    });
    expect(performance.now() - start).toBeLessThan(5000);

    const beyondExcel = await withXml("en", PART.special, (xml) =>
      xml.replace("</sheetData>", '<row r="2000000000"><c r="A2000000000"><v>1</v></c></row></sheetData>'),
    );
    expect((await refused(beyondExcel)).en).toEqual([
      'Cannot read the workbook: the sheet "Special" claims a row 2000000000, beyond Excel\'s last row (1,048,576). The file is damaged.',
    ]);
  });

  it("merges, data validations, defined names and column ranges over the whole sheet: never expanded", async () => {
    const whole = "A1:XFD1048576";
    const start = performance.now();
    // On a sheet that is not read, dropped.
    const summaryMerge = await withXml("zh", PART.summary, (xml) =>
      xml.replace(
        /<mergeCell ref="A1:F1"\/>/,
        `<mergeCell ref="A1:F1"/><mergeCell ref="A200:${whole.split(":")[1]}"/>`,
      ),
    );
    await readsAsSample(summaryMerge);
    // On an input sheet, refused with its place.
    const scoringMerge = await withXml("zh", PART.scoring, (xml) =>
      xml.replace(/<mergeCell ref="A1:G1"\/>/, `<mergeCell ref="A1:G1"/><mergeCell ref="H100:XFD1048576"/>`),
    );
    expect((await refused(scoringMerge)).en).toEqual([
      'The sheet "评分" has more or larger merged cells than StarScore reads (at most 5,000 merges, 200,000 cells in all; e.g. 评分!H100:XFD1048576), over its input cells. Unmerge them (Home ▸ Merge & Center ▸ Unmerge Cells).',
    ]);
    const validation = await withXml("zh", PART.scoring, (xml) =>
      xml.replace(/sqref="([^"]*)"/, `sqref="${whole}"`),
    );
    await readsAsSample(validation);
    const name = await withXml("zh", PART.workbook, (xml) =>
      xml.replace(
        "</definedNames>",
        `<definedName name="Everything">'评分'!$A$1:$XFD$1048576</definedName></definedNames>`,
      ),
    );
    await readsAsSample(name);
    const cols = await withXml("zh", PART.scoring, (xml) =>
      xml.replace("<cols>", '<cols><col min="20" max="1000000000" width="9"/>'),
    );
    await readsAsSample(cols);
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it("the area the reader reads holds StarScore's largest workbook, with room to spare", () => {
    const largest = buildWorkbookLayout({
      lang: "zh",
      assessment: assessmentWith({ evaluators: MAX_EVALUATORS, deductions: 100, bonus: [0.25, 0.25] }),
    });
    for (const sheet of largest.sheets) {
      const refs = sheet.cells.map((cell) => parseRef(cell.ref));
      expect(Math.max(...refs.map((r) => r.row))).toBeLessThan(XLSX_LIMITS.maxReadRows / 10);
      expect(Math.max(...refs.map((r) => r.column))).toBeLessThan(XLSX_LIMITS.maxReadColumns / 2);
    }
  });

  it("measures ranges as the parser would expand them", () => {
    expect(rangeCells("A1")).toBe(1);
    expect(rangeCells("A1:B2 D4")).toBe(5);
    expect(rangeCells("$B$2:$A$1")).toBe(4);
    expect(rangeCells("'评分'!$A$1:$XFD$1048576")).toBe(16384 * 1048576);
    // ExcelJS's own reading: unknown characters are skipped; a range it cannot decode in one
    // dimension still loops over the other.
    expect(rangeCells("A:A")).toBe(1);
    expect(rangeCells("$A$1:$1048576")).toBe(1048576);
    expect(rangeCells("a$A$1:x$B$1048576")).toBe(2 * 1048576);
    expect(rangeCells("A1:ZZZ1")).toBe(0);
    expect(rangeCells("H2147483648:Z2147483648")).toBe(Infinity);
    expect(rangeCells("A2147483648")).toBe(Infinity);
    expect(parseRef("XFD1048576")).toEqual({ column: 16384, row: 1048576 });
  });
});
