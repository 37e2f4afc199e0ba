/**
 * The cells of an .xlsx another engine saved, exactly as the file has them: each cell's formula,
 * its type attribute (`t`: n, s, str, inlineStr, b, e) and its value, shared strings resolved; and
 * the workbook's defined names. Read straight from the package (JSZip) because a general reader
 * loses what the proof needs: ExcelJS, for one, leaves a formula's text result stored as a shared
 * string (t="s", which Gnumeric writes) as the string's index.
 */
import JSZip from "jszip";
import { splitSheet } from "./engine";

export interface SavedCell {
  /** "B7". */
  address: string;
  /** Without the leading "=", as the file stores it; undefined for a constant. */
  formula?: string;
  /** The `t` attribute; "n" when absent. */
  type: string;
  /** The value as text (shared strings resolved, entities decoded); undefined when the cell has none. */
  value?: string;
}

export interface SavedWorkbook {
  sheets: { name: string; cells: Map<string, SavedCell> }[];
  names: { name: string; localSheetId?: number; refersTo: string }[];
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) =>
    e.startsWith("#x")
      ? String.fromCodePoint(parseInt(e.slice(2), 16))
      : e.startsWith("#")
        ? String.fromCodePoint(Number(e.slice(1)))
        : ENTITIES[e]!,
  );
}

function attributes(tag: string): Record<string, string> {
  return Object.fromEntries(
    [...tag.matchAll(/([\w:]+)\s*=\s*"([^"]*)"/g)].map((m) => [m[1]!, decodeXml(m[2]!)]),
  );
}

/** The text of a shared string or inline string: its <t> runs, phonetic runs (<rPh>) left out. */
function runText(xml: string): string {
  return [...xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "").matchAll(/<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g)]
    .map((m) => decodeXml(m[1] ?? ""))
    .join("");
}

async function part(zip: JSZip, name: string): Promise<string | undefined> {
  return zip.file(name)?.async("string");
}

export async function readSavedWorkbook(data: Buffer): Promise<SavedWorkbook> {
  const zip = await JSZip.loadAsync(data);
  const workbook = (await part(zip, "xl/workbook.xml")) ?? "";
  const rels = (await part(zip, "xl/_rels/workbook.xml.rels")) ?? "";
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return [a.Id!, a.Target!.replace(/^\/?xl\//, "").replace(/^\//, "")];
    }),
  );
  const shared = [
    ...((await part(zip, "xl/sharedStrings.xml")) ?? "").matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\s*\/>/g),
  ].map((m) => runText(m[1] ?? ""));

  const sheets: SavedWorkbook["sheets"] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const xml = (await part(zip, `xl/${targets.get(a["r:id"]!)}`)) ?? "";
    const cells = new Map<string, SavedCell>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const ca = attributes(c[1]!);
      const body = c[2] ?? "";
      const f = /<f\b[^>]*?(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
      const v = /<v\b[^>]*?(?:\/>|>([\s\S]*?)<\/v>)/.exec(body);
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(body);
      const type = ca.t ?? "n";
      let value = v ? decodeXml(v[1] ?? "") : undefined;
      if (type === "s" && value !== undefined) value = shared[Number(value)];
      if (type === "inlineStr") value = is ? runText(is[1]!) : undefined;
      cells.set(ca.r!, {
        address: ca.r!,
        ...(f && { formula: decodeXml(f[1] ?? "") }),
        type,
        ...(value !== undefined && { value }),
      });
    }
    sheets.push({ name: a.name!, cells });
  }

  const names = [...workbook.matchAll(/<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g)].map((m) => {
    const a = attributes(m[1]!);
    return {
      name: a.name!,
      ...(a.localSheetId !== undefined && { localSheetId: Number(a.localSheetId) }),
      refersTo: decodeXml(m[2]!),
    };
  });
  return { sheets, names };
}

/** A defined name's target as [sheet, A1] when it is one cell ("'汇总'!$C$30"), else undefined. */
export function singleCell(refersTo: string): [string, string] | undefined {
  const [sheet, address] = splitSheet(refersTo.trim());
  return sheet !== undefined && /^[A-Z]+\d+$/.test(address) ? [sheet, address] : undefined;
}
