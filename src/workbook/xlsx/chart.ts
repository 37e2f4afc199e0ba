import JSZip from "jszip";
import { parseRef, sheetRef } from "../address";
import type { ChartSpec, WorkbookLayout } from "../types";

/**
 * ExcelJS cannot write charts, so the native bar chart of the layout is added to the saved package
 * as DrawingML parts: a drawing anchored on the sheet and a chart reading the sheet's own cells, so
 * it follows the live formulas in Excel, WPS and LibreOffice alike.
 */
export async function addCharts(xlsx: Buffer, layout: WorkbookLayout): Promise<Buffer> {
  const charted = layout.sheets.filter((s) => s.chart);
  if (charted.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetPaths = await worksheetPaths(zip);
  let n = 0;
  for (const sheet of charted) {
    n += 1;
    const path = sheetPaths.get(sheet.name);
    if (!path) throw new Error(`worksheet part not found for ${sheet.name}`);
    await attachChart(zip, path, n, sheet.name, sheet.chart!);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** Sheet name → part path ("xl/worksheets/sheet4.xml"), read from workbook.xml and its relationships. */
async function worksheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [attr(m[0], "Id"), attr(m[0], "Target")]),
  );
  const paths = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = targets.get(attr(m[0], "r:id"))!;
    paths.set(unescapeXml(attr(m[0], "name")), `xl/${target.replace(/^\/?xl\//, "")}`);
  }
  return paths;
}

async function attachChart(zip: JSZip, sheetPath: string, n: number, sheetName: string, chart: ChartSpec) {
  const relsPath = sheetPath.replace(/worksheets\/(sheet\d+\.xml)$/, "worksheets/_rels/$1.rels");
  const relId = `rIdStarScoreDrawing${n}`;
  const existingRels = (await zip.file(relsPath)?.async("string")) ?? EMPTY_RELS;
  zip.file(
    relsPath,
    existingRels.replace(
      "</Relationships>",
      `<Relationship Id="${relId}" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`,
    ),
  );
  const sheetXml = await zip.file(sheetPath)!.async("string");
  const anchor =
    /<(legacyDrawing|legacyDrawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
      sheetXml,
    )!;
  const withDrawing = `${sheetXml.slice(0, anchor.index)}<drawing r:id="${relId}"/>${sheetXml.slice(anchor.index)}`;
  zip.file(sheetPath, ensureRelNamespace(withDrawing));
  zip.file(`xl/drawings/drawing${n}.xml`, drawingXml(chart));
  zip.file(
    `xl/drawings/_rels/drawing${n}.xml.rels`,
    EMPTY_RELS.replace(
      "</Relationships>",
      `<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${n}.xml"/></Relationships>`,
    ),
  );
  zip.file(`xl/charts/chart${n}.xml`, chartXml(sheetName, chart));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>` +
        `<Override PartName="/xl/charts/chart${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/></Types>`,
    ),
  );
}

function drawingXml(chart: ChartSpec): string {
  const from = parseRef(chart.from);
  const to = parseRef(chart.to);
  const marker = (tag: string, p: { column: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${p.column - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${p.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="${A}">` +
    `<xdr:twoCellAnchor>${marker("from", from)}${marker("to", to)}<xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="StarScore chart"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C}"><c:chart xmlns:c="${C}" xmlns:r="${R}" r:id="rId1"/></a:graphicData></a:graphic>` +
    `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

function chartXml(sheetName: string, chart: ChartSpec): string {
  const ref = (a1: string) => escapeXml(sheetRef(sheetName, a1.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2")));
  return (
    `${XML_HEAD}<c:chartSpace xmlns:c="${C}" xmlns:a="${A}" xmlns:r="${R}"><c:chart>` +
    `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${escapeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>` +
    `<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>` +
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>` +
    `<c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:v>${escapeXml(chart.seriesName)}</c:v></c:tx>` +
    `<c:spPr><a:solidFill><a:srgbClr val="2E75B6"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/>` +
    `<c:cat><c:strRef><c:f>${ref(chart.categories)}</c:f></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${ref(chart.values)}</c:f></c:numRef></c:val></c:ser>` +
    `<c:gapWidth val="60"/><c:axId val="5001"/><c:axId val="5002"/></c:barChart>` +
    `<c:catAx><c:axId val="5001"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/><c:axPos val="l"/>` +
    `<c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5002"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/></c:catAx>` +
    `<c:valAx><c:axId val="5002"/><c:scaling><c:orientation val="minMax"/><c:max val="1"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="t"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="0%" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="5001"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>` +
    `</c:plotArea><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function ensureRelNamespace(xml: string): string {
  return /xmlns:r=/.test(xml.slice(0, xml.indexOf(">", xml.indexOf("<worksheet"))))
    ? xml
    : xml.replace("<worksheet ", `<worksheet xmlns:r="${R}" `);
}

function attr(tag: string, name: string): string {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? "";
}

const escapeXml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`;
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R = REL;
const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const EMPTY_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
