import PizZip from "pizzip";
import type { Lang, Localised } from "../spec/types";
import { REPORT_SHEET_WORDS } from "../workbook/sheets/report";

/**
 * The built-in report template, as the parts of a .docx (WordprocessingML, ISO/IEC 29500): an A4
 * portrait report written with the same docxtemplater tags a body's own template uses
 * (docs/report.md). `npm run build:report-templates` writes it to templates/report-zh.docx and
 * templates/report-en.docx (scripts/build-report-templates.js); a test keeps those files equal to
 * this code, so the .docx a user starts from is the one the CLI fills.
 */
export type DocxParts = Record<string, string>;

const both = (zh: string, en: string): Localised => ({ zh, en });

/** The report's headings and labels: the figures are all tags. */
const L = {
  // The words the Report sheet prints too (src/workbook/sheets/report.ts): one home for both.
  ...REPORT_SHEET_WORDS,
  finalisedBy: both("定稿人", "finalised by"),
  reviewedBy: both("复核人", "reviewed by"),
  reviewComment: both("复核意见", "Reviewer's comment"),
  lead: both("（组长）", " (lead)"),
  team: both("评价组（个人总分与覆盖率）", "The team (each evaluator's total and coverage)"),
  itemName: both("名称", "Name"),
  deductions: both("特别扣分", "Special deductions"),
  items: both("项", "of them"),
  points: both("分", "points"),
  failReasons: both("不合格原因：", "Why it fails:"),
  incomplete: both(
    "注意：评分尚不完整（有适用项目没有有效录入），本报告的得分不是最终结果。",
    "Note: the scoring is not complete (an applicable item has no valid entry), so these figures are not final.",
  ),
  applicableMax: both("适用分值", "Applicable max."),
  subtotal: both("小计：", "Subtotal: "),
  sum: both("合计", "Total"),
  exclusions: both("4  删减（不适用）", "4  Exclusions (not applicable)"),
  key: both("项目 / 条款", "Item / clause"),
  none: both("无。", "None."),
  deadline: both("整改期限", "Deadline"),
  bonusPoints: both("分值", "Points"),
  bonusApplied: both("计入的特别加分：", "Bonus applied: "),
  bonusClaimed: both("（申报合计 ", " (claimed "),
  bonusCap: both("，上限 1 分）", ", at most 1)"),
  agreementSection: both("7  评价一致性", "7  Agreement between evaluators"),
  evaluator: both("评价人", "Evaluator"),
  ownMean: both("本人平均", "Own mean"),
  teamMean: both("评价组平均", "Team mean"),
  bias: both("偏差（百分点）", "Bias (points)"),
  disagreementsIntro: both(
    "分歧项目（录入相差两个档次或以上）：",
    "Items in disagreement (entries two bands apart or more):",
  ),
  noDisagreements: both(
    "没有分歧项目（录入均相差不到两个档次）。",
    "No item in disagreement (no entries two bands apart).",
  ),
  lowest: both("最低", "Lowest"),
  highest: both("最高", "Highest"),
  bands: both("相差档次", "Bands apart"),
  oneEvaluator: both(
    "评价组只有一位评价人，不计算一致性。",
    "The team has one evaluator: there is no agreement to report.",
  ),
  followUpSection: both("8  上次审核整改的验证", "8  Rectifications from the last audit"),
  followUpCounts: both("已验证 ", "Verified: "),
  followUpNot: both(" 项，未落实 ", "; not verified: "),
  followUpOpen: both(" 项，尚未验证 ", "; not yet checked: "),
  followUpEnd: both(" 项。", "."),
  note: both("验证说明", "Note"),
  noFollowUps: both("本次审核没有需要验证的上次整改。", "No rectification from a previous audit to verify."),
  signatures: both("9  签字", "9  Signatures"),
  fingerprint: both("目录与规则指纹", "Catalogue and rules fingerprint"),
  layout: both("版式", "layout"),
  page: both("页", "page"),
} as const;

/** Text width of an A4 page with 2 cm margins, in twentieths of a point. */
const PAGE = { width: 11906, height: 16838, margin: 1134 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const NS = {
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  types: "http://schemas.openxmlformats.org/package/2006/content-types",
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
} as const;

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

interface RunStyle {
  bold?: boolean;
  size?: number;
}

function run(text: string, style: RunStyle = {}): string {
  const props = [
    style.bold ? "<w:b/>" : "",
    style.size ? `<w:sz w:val="${style.size}"/><w:szCs w:val="${style.size}"/>` : "",
  ].join("");
  return `<w:r>${props ? `<w:rPr>${props}</w:rPr>` : ""}<w:t xml:space="preserve">${escape(text)}</w:t></w:r>`;
}

interface ParagraphStyle extends RunStyle {
  style?: string;
  align?: "center" | "right";
  keepNext?: boolean;
}

function paragraph(text: string | string[], style: ParagraphStyle = {}): string {
  const props = [
    style.style ? `<w:pStyle w:val="${style.style}"/>` : "",
    style.keepNext ? "<w:keepNext/>" : "",
    style.align ? `<w:jc w:val="${style.align}"/>` : "",
  ].join("");
  const runs = (Array.isArray(text) ? text : [text]).map((t) => run(t, style)).join("");
  return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}${runs}</w:p>`;
}

/** A paragraph holding only a loop's or condition's tag: docxtemplater removes it (paragraphLoop). */
const tagParagraph = (tag: string) => paragraph(tag);

interface Cell {
  text: string;
  bold?: boolean;
  align?: "center" | "right";
}

const cell = (c: string | Cell): Cell => (typeof c === "string" ? { text: c } : c);

/**
 * A bordered table, `widths` in fiftieths of a percent of the text width. A loop over a list is a
 * row whose first cell opens it and whose last closes it: docxtemplater repeats that row.
 */
function table(
  widths: readonly number[],
  rows: readonly (readonly (string | Cell)[])[],
  header = true,
): string {
  const grid = widths.map((w) => `<w:gridCol w:w="${Math.round((w / 5000) * TEXT_WIDTH)}"/>`).join("");
  const body = rows
    .map((row, r) => {
      const isHeader = header && r === 0;
      const cells = row
        .map((c, i) => {
          const { text, bold, align } = cell(c);
          const width = Math.round((widths[i]! / 5000) * TEXT_WIDTH);
          const shade = isHeader ? '<w:shd w:val="clear" w:color="auto" w:fill="E7EEF6"/>' : "";
          return `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${shade}</w:tcPr>${paragraph(text, {
            style: "TableText",
            bold: bold ?? isHeader,
            ...(align && { align }),
          })}</w:tc>`;
        })
        .join("");
      const rowProps = isHeader
        ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        : "<w:trPr><w:cantSplit/></w:trPr>";
      return `<w:tr>${rowProps}${cells}</w:tr>`;
    })
    .join("");
  return (
    `<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="${TEXT_WIDTH}" w:type="dxa"/>` +
    `<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${body}</w:tbl>`
  );
}

/** Label and value rows, the labels bold. */
function facts(rows: readonly (readonly [Localised, string])[], lang: Lang): string {
  return table(
    [1500, 3500],
    rows.map(([label, value]) => [{ text: label[lang], bold: true }, value]),
    false,
  );
}

const right = (text: string): Cell => ({ text, align: "right" });

function documentXml(lang: Lang): string {
  const t = (l: Localised) => l[lang];
  const sep = lang === "zh" ? "，" : ", ";
  const [open, close] = lang === "zh" ? ["（", "）"] : [" (", ")"];
  const body = [
    paragraph(t(L.title), { style: "Title" }),
    paragraph("{organization}", { style: "Subtitle" }),
    paragraph(t(L.basis), { align: "center", size: 18 }),

    paragraph(t(L.assessment), { style: "Heading1" }),
    facts(
      [
        [L.organization, "{organization}"],
        [L.type, "{assessmentType}"],
        [L.modes, "{modes}"],
        [L.dates, "{period}"],
        [L.leadAuditor, "{leadAuditor}"],
        [
          L.state,
          `{stateLabel}{#finalised}${open}${t(L.finalisedBy)} {finalisedBy}${sep}{finalisedAt}${close}{/finalised}` +
            `{#reviewed}${open}${t(L.reviewedBy)} {reviewedBy}${sep}{reviewedAt}${close}{/reviewed}`,
        ],
        [L.reviewComment, "{reviewComment}"],
      ],
      lang,
    ),
    paragraph(t(L.team), { style: "Heading2" }),
    table(
      [1900, 800, 800, 700, 800],
      [
        [t(L.name), t(L.kind), t(L.total), t(L.itemsScored), t(L.coverage)],
        [
          `{#team}{name}{#lead}${t(L.lead)}{/lead}`,
          "{kind}",
          right("{total}"),
          right("{itemsScored}"),
          right("{coverage}{/team}"),
        ],
      ],
    ),

    paragraph(t(L.result), { style: "Heading1" }),
    facts(
      [
        [L.finalScore, "{finalScore}"],
        [L.grade, "{gradeLabel}"],
        [L.conclusion, "{passedLabel}"],
        [L.rawScore, "{rawScore}"],
        [L.applicableTotal, "{applicableTotal}"],
        [L.scaledScore, "{scaledScore}"],
        [L.deductions, `{deductionCount} ${t(L.items)}${sep}−{deductionPoints} ${t(L.points)}`],
        [L.bonus, "+{bonus}"],
      ],
      lang,
    ),
    tagParagraph("{#hasFailReasons}"),
    paragraph(t(L.failReasons), { bold: true, keepNext: true }),
    tagParagraph("{#failReasons}"),
    paragraph("• {message}"),
    tagParagraph("{/failReasons}"),
    tagParagraph("{/hasFailReasons}"),
    tagParagraph("{^complete}"),
    paragraph(t(L.incomplete), { bold: true }),
    tagParagraph("{/complete}"),

    paragraph(t(L.indicators), { style: "Heading1" }),
    table(
      [600, 1900, 600, 700, 600, 600],
      [
        [t(L.clause), t(L.indicator), t(L.weight), t(L.applicableMax), t(L.score), t(L.attainment)],
        [
          "{#indicators}{id}",
          "{name}",
          right("{weight}"),
          right("{applicableMax}"),
          right("{score}"),
          right("{attainment}{/indicators}"),
        ],
        [
          "{#primaries}",
          { text: `${t(L.subtotal)}{name}`, bold: true },
          right("{weight}"),
          right("{applicableMax}"),
          right("{score}"),
          right("{attainment}{/primaries}"),
        ],
        [
          "",
          { text: t(L.sum), bold: true },
          right("{totalWeight}"),
          right("{totalApplicableMax}"),
          { text: "{totalScore}", bold: true, align: "right" },
          right("{totalAttainment}"),
        ],
      ],
    ),

    paragraph(t(L.exclusions), { style: "Heading1" }),
    tagParagraph("{#hasExclusions}"),
    table(
      [900, 1600, 2500],
      [
        [t(L.key), t(L.itemName), t(L.reason)],
        ["{#exclusions}{key}", "{name}", "{reason}{/exclusions}"],
      ],
    ),
    tagParagraph("{/hasExclusions}"),
    tagParagraph("{^hasExclusions}"),
    paragraph(t(L.none)),
    tagParagraph("{/hasExclusions}"),

    paragraph(t(L.special), { style: "Heading1" }),
    tagParagraph("{#hasDeductions}"),
    table(
      [300, 750, 1150, 650, 1050, 650, 450],
      [
        [
          t(L.number),
          t(L.category),
          t(L.description),
          t(L.item),
          t(L.rectification),
          t(L.deadline),
          t(L.status),
        ],
        [
          "{#deductions}{number}",
          "{category}",
          "{description}",
          "{item} {itemTitle}",
          "{rectification}",
          "{deadline}",
          "{status}{/deductions}",
        ],
      ],
    ),
    tagParagraph("{/hasDeductions}"),
    tagParagraph("{^hasDeductions}"),
    paragraph(t(L.none)),
    tagParagraph("{/hasDeductions}"),

    paragraph(t(L.bonusSection), { style: "Heading1" }),
    tagParagraph("{#hasBonus}"),
    table(
      [400, 600, 4000],
      [
        [t(L.number), t(L.bonusPoints), t(L.reason)],
        ["{#bonuses}{number}", right("{points}"), "{reason}{/bonuses}"],
      ],
    ),
    paragraph(`${t(L.bonusApplied)}{bonus}${t(L.bonusClaimed)}{bonusClaimed}${t(L.bonusCap)}`),
    tagParagraph("{/hasBonus}"),
    tagParagraph("{^hasBonus}"),
    paragraph(t(L.none)),
    tagParagraph("{/hasBonus}"),

    paragraph(t(L.agreementSection), { style: "Heading1" }),
    tagParagraph("{#hasAgreement}"),
    table(
      [1900, 700, 800, 800, 800],
      [
        [t(L.evaluator), t(L.itemsScored), t(L.ownMean), t(L.teamMean), t(L.bias)],
        [
          "{#agreement}{name}",
          right("{itemsScored}"),
          right("{mean}"),
          right("{teamMean}"),
          right("{bias}{/agreement}"),
        ],
      ],
    ),
    tagParagraph("{#hasDisagreements}"),
    paragraph(t(L.disagreementsIntro), { bold: true, keepNext: true }),
    table(
      [600, 2600, 600, 600, 600],
      [
        [t(L.code), t(L.itemName), t(L.lowest), t(L.highest), t(L.bands)],
        [
          "{#disagreements}{code}",
          "{title}",
          right("{lowest}"),
          right("{highest}"),
          right("{spreadBands}{/disagreements}"),
        ],
      ],
    ),
    tagParagraph("{/hasDisagreements}"),
    tagParagraph("{^hasDisagreements}"),
    paragraph(t(L.noDisagreements)),
    tagParagraph("{/hasDisagreements}"),
    tagParagraph("{/hasAgreement}"),
    tagParagraph("{^hasAgreement}"),
    paragraph(t(L.oneEvaluator)),
    tagParagraph("{/hasAgreement}"),

    paragraph(t(L.followUpSection), { style: "Heading1" }),
    tagParagraph("{#hasFollowUps}"),
    paragraph(
      `${t(L.followUpCounts)}{followUpsVerified}${t(L.followUpNot)}{followUpsNotVerified}${t(L.followUpOpen)}{followUpsToVerify}${t(L.followUpEnd)}`,
    ),
    table(
      [300, 750, 1250, 450, 1050, 500, 700],
      [
        [
          t(L.number),
          t(L.category),
          t(L.description),
          t(L.item),
          t(L.rectification),
          t(L.outcome),
          t(L.note),
        ],
        [
          "{#followUps}{number}",
          "{category}",
          "{description}",
          "{item}",
          "{rectification}",
          { text: "{outcome}", bold: true },
          "{note}{/followUps}",
        ],
      ],
    ),
    tagParagraph("{/hasFollowUps}"),
    tagParagraph("{^hasFollowUps}"),
    paragraph(t(L.noFollowUps)),
    tagParagraph("{/hasFollowUps}"),

    paragraph(t(L.signatures), { style: "Heading1" }),
    signatureTable(lang),
    // Word ends a body with a paragraph, never a table.
    paragraph(""),
    sectionProperties(),
  ].join("\n");
  return `${XML}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:body>\n${body}\n</w:body></w:document>\n`;
}

/** Lead auditor, reviewer, date: room to sign above the names, the date filled once finalised. */
function signatureTable(lang: Lang): string {
  const t = (l: Localised) => l[lang];
  const signRow = `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="900"/></w:trPr>${[
    "{leadAuditor}",
    "{reviewedBy}",
    "{finalisedDate}",
  ]
    .map(
      (text) =>
        `<w:tc><w:tcPr><w:tcW w:w="${Math.round(TEXT_WIDTH / 3)}" w:type="dxa"/><w:vAlign w:val="bottom"/></w:tcPr>${paragraph(text, { style: "TableText" })}</w:tc>`,
    )
    .join("")}</w:tr>`;
  const head = table([1667, 1667, 1666], [[t(L.leadAuditor), t(L.reviewer), t(L.date)]]);
  return head.replace("</w:tbl>", `${signRow}</w:tbl>`);
}

function sectionProperties(): string {
  const m = PAGE.margin;
  return (
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter"/>` +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${m}" w:right="${m}" w:bottom="${m}" w:left="${m}" w:header="567" w:footer="567" w:gutter="0"/>` +
    `</w:sectPr>`
  );
}

function footerXml(lang: Lang): string {
  const t = (l: Localised) => l[lang];
  const field = (instruction: string) =>
    `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instruction} </w:instrText></w:r>` +
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
  const text = `${t(L.fingerprint)} {fingerprint} · StarScore {starscoreVersion} · ${t(L.layout)} {layoutVersion} · ${t(L.page)} `;
  return (
    `${XML}<w:ftr xmlns:w="${NS.w}" xmlns:r="${NS.r}"><w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr>` +
    `${run(text)}${field("PAGE")}</w:p></w:ftr>\n`
  );
}

function stylesXml(lang: Lang): string {
  const eastAsia = "SimSun";
  const latin = "Arial";
  const style = (id: string, name: string, pPr: string, rPr: string, extra = "") =>
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/>${extra}` +
    `<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="808080"/>`;
  return (
    `${XML}<w:styles xmlns:w="${NS.w}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${latin}"/>` +
    `<w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="${lang === "zh" ? "zh-CN" : "en-GB"}" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr><w:spacing w:after="80" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
    style(
      "Title",
      "Title",
      '<w:spacing w:after="120"/><w:jc w:val="center"/>',
      '<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>',
      "<w:qFormat/>",
    ) +
    style(
      "Subtitle",
      "Subtitle",
      '<w:spacing w:after="60"/><w:jc w:val="center"/>',
      '<w:sz w:val="28"/><w:szCs w:val="28"/>',
      "<w:qFormat/>",
    ) +
    style(
      "Heading1",
      "heading 1",
      '<w:keepNext/><w:spacing w:before="240" w:after="100"/><w:outlineLvl w:val="0"/>',
      '<w:b/><w:color w:val="1F3864"/><w:sz w:val="26"/><w:szCs w:val="26"/>',
      "<w:qFormat/>",
    ) +
    style(
      "Heading2",
      "heading 2",
      '<w:keepNext/><w:spacing w:before="160" w:after="80"/><w:outlineLvl w:val="1"/>',
      '<w:b/><w:sz w:val="22"/><w:szCs w:val="22"/>',
      "<w:qFormat/>",
    ) +
    style(
      "TableText",
      "Table Text",
      '<w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/>',
      '<w:sz w:val="18"/><w:szCs w:val="18"/>',
    ) +
    style(
      "Footer",
      "footer",
      '<w:jc w:val="center"/>',
      '<w:color w:val="595959"/><w:sz w:val="14"/><w:szCs w:val="14"/>',
    ) +
    `<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders>` +
    ["top", "left", "bottom", "right", "insideH", "insideV"].map(border).join("") +
    `</w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
    `</w:styles>\n`
  );
}

const CONTENT_TYPES =
  `${XML}<Types xmlns="${NS.types}">` +
  `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
  `<Default Extension="xml" ContentType="application/xml"/>` +
  `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>` +
  `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
  `</Types>\n`;

const PACKAGE_RELS =
  `${XML}<Relationships xmlns="${NS.rels}">` +
  `<Relationship Id="rId1" Type="${NS.officeDocument}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>\n`;

const DOCUMENT_RELS =
  `${XML}<Relationships xmlns="${NS.rels}">` +
  `<Relationship Id="rIdStyles" Type="${NS.officeDocument}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${NS.officeDocument}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFooter" Type="${NS.officeDocument}/footer" Target="footer1.xml"/>` +
  `</Relationships>\n`;

const SETTINGS = `${XML}<w:settings xmlns:w="${NS.w}"><w:defaultTabStop w:val="720"/></w:settings>\n`;

function coreXml(lang: Lang): string {
  return (
    `${XML}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${escape(L.title[lang])}</dc:title>` +
    `<dc:creator>StarScore</dc:creator><dc:language>${lang === "zh" ? "zh-CN" : "en-GB"}</dc:language></cp:coreProperties>\n`
  );
}

/** Every part of the built-in template in a language, by its path in the package. */
export function builtinTemplateParts(lang: Lang): DocxParts {
  return {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": PACKAGE_RELS,
    "docProps/core.xml": coreXml(lang),
    "word/document.xml": documentXml(lang),
    "word/styles.xml": stylesXml(lang),
    "word/settings.xml": SETTINGS,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/footer1.xml": footerXml(lang),
  };
}

/** The file name of the built-in template in a language (under templates/). */
export const builtinTemplateName = (lang: Lang) => `report-${lang}.docx`;

/** The parts as a .docx package, byte for byte the same each time (a fixed date on every entry). */
export function packDocx(parts: DocxParts): Uint8Array {
  const zip = new PizZip();
  const date = new Date(Date.UTC(2026, 0, 1));
  for (const [name, text] of Object.entries(parts)) zip.file(name, text, { date, createFolders: false });
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}
