/**
 * StarScore's workbooks against the ISO/IEC 29500 transitional schemas (ECMA-376 5th edition,
 * Part 4, and the Part 2 packaging schemas; ./schemas, with where they come from): every XML part of
 * each representative workbook is validated with `xmllint --schema` (Debian libxml2-utils), chosen
 * by its content type. Layout 2 failed on every worksheet with a data validation: errorStyle="error".
 *
 * Before validating, each part is read as a consumer that knows only ISO/IEC 29500 reads it:
 * - the markup the part declares ignorable (mc:Ignorable, ECMA-376 Part 3 "Markup Compatibility"):
 *   Excel's extensions such as x14ac:dyDescent and x14ac:knownFonts, which ExcelJS writes, and the
 *   mc:Ignorable attribute itself, are removed;
 * - xml:space="preserve" is removed from <t> elements: the schema types <t> as the simple type
 *   ST_Xstring, which cannot carry the attribute, though XML itself gives it to every element and
 *   every spreadsheet writes it (plutext/docx4j#41 reports the same gap).
 * Nothing else is changed. docProps/core.xml is only checked to be well-formed: its schema
 * (opc-coreProperties.xsd) imports the Dublin Core schemas from dublincore.org, which are not part
 * of the standard and which CI cannot reach.
 *
 * Needs xmllint: no skipping, `.ci/run` installs it.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { toolProblem } from "./engine";
import { LAYOUT_V2_WORKBOOK, writeRepresentativeWorkbooks } from "./representative";
import { decodeXml } from "./xlsx-values";

const XMLLINT = "/usr/bin/xmllint";
const INSTALL_HINT = "install with: apt-get install -y libxml2-utils";
const SCHEMAS = path.join(__dirname, "schemas");
const MCE = "http://schemas.openxmlformats.org/markup-compatibility/2006";

jest.setTimeout(240_000);

/** The schema each content type StarScore writes is defined by; null: see the file's comment. */
const SCHEMA_OF: Record<string, string | null> = {
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml": "sml.xsd",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml": "sml.xsd",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml": "sml.xsd",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml": "sml.xsd",
  "application/vnd.openxmlformats-officedocument.theme+xml": "dml-main.xsd",
  "application/vnd.openxmlformats-officedocument.drawing+xml": "dml-spreadsheetDrawing.xsd",
  "application/vnd.openxmlformats-officedocument.drawingml.chart+xml": "dml-chart.xsd",
  "application/vnd.openxmlformats-package.relationships+xml": "opc-relationships.xsd",
  "application/vnd.openxmlformats-officedocument.extended-properties+xml":
    "shared-documentPropertiesExtended.xsd",
  "application/vnd.openxmlformats-package.core-properties+xml": null,
};
const CONTENT_TYPES_PART = "[Content_Types].xml";

const xmllintProblem = () => toolProblem(XMLLINT, ["--version"], INSTALL_HINT);

/** The part as an ISO/IEC 29500-only consumer reads it (see the file's comment). */
export function asStandardConsumer(xml: string): string {
  const rootTag = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  const mcPrefix = [...rootTag.matchAll(/xmlns:([\w.-]+)="([^"]*)"/g)].find((m) => m[2] === MCE)?.[1];
  let out = xml;
  if (mcPrefix) {
    const ignorable = (new RegExp(`\\b${mcPrefix}:Ignorable="([^"]*)"`).exec(rootTag)?.[1] ?? "")
      .split(/\s+/)
      .filter(Boolean);
    for (const prefix of ignorable) {
      out = out
        .replace(new RegExp(`<${prefix}:([\\w.-]+)\\b[^>]*/>`, "g"), "")
        .replace(new RegExp(`<${prefix}:([\\w.-]+)\\b[^>]*>[\\s\\S]*?</${prefix}:\\1>`, "g"), "")
        .replace(new RegExp(`\\s${prefix}:[\\w.-]+="[^"]*"`, "g"), "");
    }
    out = out.replace(new RegExp(`\\s${mcPrefix}:Ignorable="[^"]*"`, "g"), "");
  }
  return out.replace(/<t xml:space="preserve">/g, "<t>");
}

interface Part {
  workbook: string;
  name: string;
  /** The stripped copy xmllint reads. */
  file: string;
  schema: string | null;
}

/** A part name's extension as [Content_Types].xml's Defaults name it ("_rels/.rels" → "rels"). */
const extension = (name: string) =>
  name.lastIndexOf(".") > name.lastIndexOf("/") ? name.slice(name.lastIndexOf(".") + 1).toLowerCase() : "";

/** Every part of a workbook with the schema its content type names, written out stripped. */
async function partsOf(workbook: string, id: string, dir: string): Promise<Part[]> {
  const zip = await JSZip.loadAsync(readFileSync(workbook));
  const types = await zip.file(CONTENT_TYPES_PART)!.async("string");
  const attr = (tag: string, name: string) =>
    decodeXml(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? "");
  const overrides = new Map(
    [...types.matchAll(/<Override\b[^>]*>/g)].map((m) => [attr(m[0], "PartName"), attr(m[0], "ContentType")]),
  );
  const defaults = new Map(
    [...types.matchAll(/<Default\b[^>]*>/g)].map((m) => [
      attr(m[0], "Extension").toLowerCase(),
      attr(m[0], "ContentType"),
    ]),
  );
  const parts: Part[] = [];
  for (const entry of Object.values(zip.files).filter((f) => !f.dir)) {
    const name = entry.name;
    const contentType =
      name === CONTENT_TYPES_PART ? undefined : (overrides.get(`/${name}`) ?? defaults.get(extension(name)));
    const schema =
      name === CONTENT_TYPES_PART ? "opc-contentTypes.xsd" : contentType && SCHEMA_OF[contentType];
    if (schema === undefined)
      throw new Error(`${id}: no schema known for part ${name} (${contentType ?? "no content type"})`);
    const file = path.join(dir, id.replace(/[^\w-]+/g, "_"), name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, asStandardConsumer(await entry.async("string")));
    parts.push({ workbook: id, name, file, schema });
  }
  return parts;
}

/** Validates the files against one schema; the problems xmllint reports, by file. */
function validate(schema: string | null, files: string[]): Map<string, string[]> {
  const args = ["--noout", ...(schema ? ["--schema", path.join(SCHEMAS, schema)] : []), ...files];
  const run = spawnSync(XMLLINT, args, { encoding: "utf8", timeout: 180_000, maxBuffer: 64 << 20 });
  const problems = new Map<string, string[]>(files.map((f) => [f, []]));
  const validated = new Set<string>();
  for (const line of run.stderr.split("\n")) {
    if (line.endsWith(" validates")) validated.add(line.slice(0, -" validates".length));
    if (line.trim() === "" || line.endsWith(" validates")) continue;
    const file = files.find((f) => line.startsWith(`${f}:`) || line.startsWith(`${f} `));
    if (file) problems.get(file)!.push(line.slice(file.length).trim());
    else if (!/^\S+\.xsd:/.test(line)) problems.set("xmllint", [...(problems.get("xmllint") ?? []), line]);
  }
  // With a schema, xmllint says "<file> validates" of each valid file: silence is not validity.
  for (const file of files) {
    if (schema && !validated.has(file) && problems.get(file)!.length === 0) {
      problems.get(file)!.push("xmllint reported nothing about this file");
    }
  }
  if (run.status !== 0 && [...problems.values()].every((p) => p.length === 0)) {
    problems.set("xmllint", [`exited ${run.status}: ${run.stderr}`]);
  }
  return problems;
}

/** [workbook part, first problems] of each part that does not validate. */
function invalidParts(parts: Part[]): [string, string[]][] {
  const out: [string, string[]][] = [];
  for (const schema of new Set(parts.map((p) => p.schema))) {
    const group = parts.filter((p) => p.schema === schema);
    const problems = validate(
      schema,
      group.map((p) => p.file),
    );
    for (const [file, list] of problems) {
      if (list.length === 0) continue;
      const part = group.find((p) => p.file === file);
      out.push([
        part ? `${part.workbook}: ${part.name} (${schema ?? "well-formed"})` : file,
        list.slice(0, 5),
      ]);
    }
  }
  return out;
}

test("xmllint (libxml2-utils) is installed", () => expect(xmllintProblem()).toBeNull());

describe("the written XML parts against the ISO/IEC 29500 transitional schemas", () => {
  let dir: string;
  let parts: Part[];
  let oldParts: Part[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "starscore-schema-"));
    parts = [];
    for (const w of await writeRepresentativeWorkbooks(dir))
      parts.push(...(await partsOf(w.file, w.id, dir)));
    oldParts = await partsOf(LAYOUT_V2_WORKBOOK, "layout 2", dir);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("knows a schema for every part StarScore writes, and strips only ignorable markup", () => {
    const validated = parts.filter((p) => p.schema !== null).map((p) => p.name);
    for (const name of [
      "[Content_Types].xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet2.xml",
      "xl/styles.xml",
    ]) {
      expect(validated).toContain(name);
    }
    expect(validated).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]));
    expect(parts.filter((p) => p.schema === null).map((p) => p.name)).toEqual(
      expect.arrayContaining(["docProps/core.xml"]),
    );
    expect(
      asStandardConsumer(
        '<worksheet xmlns:mc="' +
          MCE +
          '" mc:Ignorable="x14ac" xmlns:x14ac="urn:x"><row r="1" x14ac:dyDescent="0.25"/></worksheet>',
      ),
    ).toBe('<worksheet xmlns:mc="' + MCE + '" xmlns:x14ac="urn:x"><row r="1"/></worksheet>');
  });

  it("catches what layout 2 got wrong (the harness does validate)", () => {
    const problems = invalidParts(oldParts.filter((p) => p.name.startsWith("xl/worksheets/")));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.flatMap(([, list]) => list).join("\n")).toContain("errorStyle");
  });

  it("every part of every representative workbook validates", () => {
    expect(invalidParts(parts)).toEqual([]);
  });
});
