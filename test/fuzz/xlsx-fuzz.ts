import JSZip from "jszip";
import type { Assessment } from "../../src/assessment/schema";
import type { Lang } from "../../src/spec/types";
import { buildWorkbookLayout } from "../../src/workbook/layout";
import { readXlsx } from "../../src/workbook/xlsx/read";
import { writeXlsx } from "../../src/workbook/xlsx/write";
import { assessmentWith } from "../helpers/builders";
import {
  expectLocalised,
  expectMessages,
  hostileValue,
  random,
  Tally,
  throughEngine,
  type Random,
} from "./harness";
import { SAMPLE } from "../helpers/sample";

/**
 * Fuzzing the .xlsx reader: valid StarScore workbooks, mutated (bytes flipped in the zip; XML parts
 * changed and re-zipped: cell values and types replaced, rows, cells and sheets deleted or
 * duplicated, row numbers and references garbled, merges added, shared strings broken, characters
 * inserted), then read and, when they read, scored. Seeded and deterministic: the same cases on
 * every run. Nothing may throw; every failure is a message in both languages.
 *
 * STARSCORE_FUZZ_XLSX_CASES sets the number of cases (default below); xlsx-mutations-a.test.ts and
 * xlsx-mutations-b.test.ts run one half each, so that jest's two workers share the cost.
 */
export const XLSX_CASES = Number(process.env.STARSCORE_FUZZ_XLSX_CASES ?? 5_000);
export const SEED = 20261102;

interface Base {
  lang: Lang;
  buffer: Buffer;
  /** Every part's text (they are all XML in a StarScore workbook). */
  parts: Map<string, string>;
}

export async function base(lang: Lang, assessment: Assessment): Promise<Base> {
  const buffer = await writeXlsx(buildWorkbookLayout({ lang, assessment }));
  const zip = await JSZip.loadAsync(buffer);
  const parts = new Map<string, string>();
  for (const file of Object.values(zip.files))
    if (!file.dir) parts.set(file.name, await file.async("string"));
  return { lang, buffer, parts };
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One match of `pattern` in `text`, replaced by `change(match)`; the text unchanged when none. */
function replaceOne(r: Random, text: string, pattern: RegExp, change: (match: string) => string): string {
  const matches = [
    ...text.matchAll(
      new RegExp(pattern.source, pattern.flags.includes("g") ? pattern.flags : pattern.flags + "g"),
    ),
  ];
  if (matches.length === 0) return text;
  const match = r.pick(matches);
  const at = match.index!;
  return text.slice(0, at) + change(match[0]) + text.slice(at + match[0].length);
}

const CELL = /<c\b[^>]*?(?:\/>|>[\s\S]*?<\/c>)/;
const ROW = /<row\b[^>]*?(?:\/>|>[\s\S]*?<\/row>)/;

function randomRef(r: Random): string {
  const letters = r.pick(["A", "H", "Z", "AA", "XFD", "XFE", "ZZZ", "ZZZZ", "a", ""]);
  const row = r.pick([0, 1, 5, 7, 70, 1048576, 1048577, 2 ** 31, -1, r.int(200)]);
  return `${letters}${row}`;
}

/** XML mutations: each changes one thing a damaged or hand-edited file might have changed. */
const XML_MUTATIONS: Record<string, (xml: string, r: Random) => string> = {
  cellValue: (xml, r) =>
    replaceOne(
      r,
      xml,
      /<v>[^<]*<\/v>/,
      () => `<v>${r.chance(0.9) ? escapeXml(hostileValue(r)) : hostileValue(r)}</v>`,
    ),
  cellType: (xml, r) =>
    replaceOne(r, xml, /<c\b[^>]*?(?=\/?>)/, (tag) => {
      const type = r.pick(["s", "n", "e", "b", "str", "inlineStr", "d", "bogus", ""]);
      return tag.replace(/\st="[^"]*"/, "") + ` t="${type}"`;
    }),
  inlineString: (xml, r) =>
    replaceOne(r, xml, CELL, (cell) => {
      const open = /^<c\b[^>]*?(?=\/?>)/.exec(cell)![0].replace(/\st="[^"]*"/, "");
      return `${open} t="inlineStr"><is><t>${escapeXml(hostileValue(r))}</t></is></c>`;
    }),
  formula: (xml, r) =>
    replaceOne(r, xml, /<v>[^<]*<\/v>/, (v) =>
      r.chance(0.5)
        ? `<f>${escapeXml(hostileValue(r))}</f>`
        : `<f t="shared" si="${r.int(5)}" ref="${randomRef(r)}:${randomRef(r)}"/>${v}`,
    ),
  deleteRow: (xml, r) => replaceOne(r, xml, ROW, () => ""),
  deleteCell: (xml, r) => replaceOne(r, xml, CELL, () => ""),
  duplicateRow: (xml, r) =>
    replaceOne(r, xml, ROW, (row) =>
      r.chance(0.5) ? row + row : row + row.replace(/\sr="\d+"/, ` r="${r.int(100)}"`),
    ),
  rowNumber: (xml, r) =>
    replaceOne(r, xml, /<row\b[^>]*?\sr="[^"]*"/, (tag) =>
      tag.replace(
        /\sr="[^"]*"/,
        ` r="${r.pick([0, -3, 1, 4, 70, 1048576, 1048577, 99999999999, r.int(300)])}"`,
      ),
    ),
  cellRef: (xml, r) =>
    replaceOne(r, xml, /<c\b[^>]*?\sr="[^"]*"/, (tag) => tag.replace(/\sr="[^"]*"/, ` r="${randomRef(r)}"`)),
  merge: (xml, r) => {
    const merge = `<mergeCell ref="${randomRef(r)}:${randomRef(r)}"/>`;
    if (xml.includes("<mergeCells")) return xml.replace(/<mergeCells\b[^>]*>/, (open) => open + merge);
    return xml.replace("</sheetData>", `</sheetData><mergeCells count="1">${merge}</mergeCells>`);
  },
  dimension: (xml, r) => xml.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:${randomRef(r)}"/>`),
  sharedString: (xml, r) =>
    replaceOne(r, xml, /<si>[\s\S]*?<\/si>/, () =>
      r.chance(0.5) ? "" : `<si><t>${escapeXml(hostileValue(r))}</t></si>`,
    ),
  truncate: (xml, r) => xml.slice(0, r.int(xml.length)),
  noise: (xml, r) => {
    let out = xml;
    for (let n = 1 + r.int(4); n > 0; n--) {
      const at = r.int(out.length);
      const insert = r.pick([
        "<",
        ">",
        "&",
        '"',
        "/",
        "\u0000",
        " ",
        "x",
        "<c>",
        "</row>",
        String(r.int(10)),
      ]);
      out = out.slice(0, at) + (r.chance(0.5) ? insert : "") + out.slice(at + (r.chance(0.5) ? 1 : 0));
    }
    return out;
  },
  sheetName: (xml, r) =>
    replaceOne(r, xml, /<sheet\b[^>]*?\sname="[^"]*"/, (tag) =>
      tag.replace(/\sname="[^"]*"/, ` name="${escapeXml(hostileValue(r).slice(0, 40))}"`),
    ),
  deleteSheetEntry: (xml, r) => replaceOne(r, xml, /<sheet\b[^>]*\/>/, () => ""),
  definedName: (xml, r) =>
    replaceOne(r, xml, /<definedName\b[^>]*>[^<]*<\/definedName>/, (tag) =>
      tag.replace(
        />[^<]*</,
        `>${escapeXml(r.chance(0.5) ? `'评分'!$A$1:$${randomRef(r)}` : hostileValue(r))}<`,
      ),
    ),
  numberFormat: (xml, r) =>
    replaceOne(r, xml, /numFmtId="\d+"/, () => `numFmtId="${r.pick([14, 15, 22, 45, 49, 164, 9999])}"`),
};

const SHEET_PARTS = ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"];
/** Which parts each mutation applies to. */
const TARGETS: Record<string, readonly string[]> = {
  cellValue: [...SHEET_PARTS, ...SHEET_PARTS, "xl/worksheets/sheet4.xml"],
  cellType: SHEET_PARTS,
  inlineString: SHEET_PARTS,
  formula: SHEET_PARTS,
  deleteRow: SHEET_PARTS,
  deleteCell: SHEET_PARTS,
  duplicateRow: SHEET_PARTS,
  rowNumber: SHEET_PARTS,
  cellRef: SHEET_PARTS,
  merge: [...SHEET_PARTS, "xl/worksheets/sheet4.xml"],
  dimension: SHEET_PARTS,
  sharedString: ["xl/sharedStrings.xml"],
  truncate: [
    ...SHEET_PARTS,
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/_rels/workbook.xml.rels",
    "[Content_Types].xml",
  ],
  noise: [
    ...SHEET_PARTS,
    "xl/sharedStrings.xml",
    "xl/workbook.xml",
    "xl/styles.xml",
    "xl/_rels/workbook.xml.rels",
  ],
  sheetName: ["xl/workbook.xml"],
  deleteSheetEntry: ["xl/workbook.xml"],
  definedName: ["xl/workbook.xml"],
  numberFormat: ["xl/styles.xml"],
};

export async function mutant(b: Base, r: Random): Promise<{ bytes: Uint8Array; label: string }> {
  const roll = r.next();
  if (roll < 0.12) {
    // Bytes flipped anywhere in the zip (headers, compressed data, the central directory).
    const bytes = Buffer.from(b.buffer);
    const n = 1 + r.int(8);
    for (let i = 0; i < n; i++) {
      const at = r.int(bytes.length);
      bytes[at] = bytes[at]! ^ (1 << r.int(8));
    }
    return { bytes, label: `flip ${n} bytes` };
  }
  const zip = await JSZip.loadAsync(b.buffer);
  if (roll < 0.17) {
    const part = r.pick([...b.parts.keys()]);
    zip.remove(part);
    return { bytes: await zip.generateAsync({ type: "uint8array" }), label: `delete part ${part}` };
  }
  const applied: string[] = [];
  for (let n = r.chance(0.25) ? 2 + r.int(3) : 1; n > 0; n--) {
    const kind = r.pick(Object.keys(XML_MUTATIONS));
    const part = r.pick(TARGETS[kind]!);
    const xml = applied.some((a) => a.endsWith(part))
      ? await zip.file(part)!.async("string")
      : b.parts.get(part)!;
    zip.file(part, XML_MUTATIONS[kind]!(xml, r));
    applied.push(`${kind} ${part}`);
  }
  return {
    bytes: await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
    label: applied.join(" + "),
  };
}

/** How many cases shard `shard` runs. */
export const shardCases = (shard: 0 | 1) => Math.max(0, Math.ceil((XLSX_CASES - shard) / 2));

/** The cases of shard `shard` (of 2): case i belongs to shard i % 2. */
export async function runXlsxShard(shard: 0 | 1): Promise<Tally> {
  const bases = [
    await base("zh", SAMPLE),
    await base(
      "en",
      assessmentWith({ evaluators: 2, deductions: 2, bonus: [0.5], exclusions: { B10: "无配送" } }),
    ),
  ];
  const tally = new Tally();
  for (let i = shard; i < XLSX_CASES; i += 2) {
    const r = random(SEED + i);
    const b = r.pick(bases);
    const lang: Lang = r.chance(0.5) ? "zh" : "en";
    const { bytes, label } = await mutant(b, r);
    const where = `case ${i} (seed ${SEED + i}, ${b.lang} workbook: ${label})`;
    const start = performance.now();
    let outcome: string;
    try {
      const read = await readXlsx(bytes, lang);
      if (read.ok) {
        for (const issue of read.issues) expectLocalised(issue.message, `${where}: read issue`);
        throughEngine(read.assessment, lang, where);
        outcome = read.issues.length ? "read with issues" : "read";
      } else {
        expectMessages(read.errors, where);
        for (const problem of read.problems) expectLocalised(problem.message, `${where}: problem`);
        for (const issue of read.issues) expectLocalised(issue.message, `${where}: read issue`);
        outcome = "refused";
      }
    } catch (error) {
      throw new Error(`${where}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    const ms = performance.now() - start;
    if (ms > 5_000) throw new Error(`${where}: took ${ms.toFixed(0)} ms`);
    tally.count(outcome, ms, where);
  }
  console.log(tally.summary(`xlsx mutations, shard ${shard}`));
  return tally;
}
