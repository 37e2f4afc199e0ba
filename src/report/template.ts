import Docxtemplater from "docxtemplater";
import InspectModule from "docxtemplater/js/inspect-module.js";
import PizZip from "pizzip";
import type { Localised } from "../spec/types";
import type { ReportModel } from "./model";
import { TAGS, type ListTag, type ScalarTag } from "./tags";

/**
 * A report template (.docx, docxtemplater's tag syntax) filled from the report model. Pure: bytes
 * in, bytes out, so the CLI and the task pane (in the browser) run the same code.
 *
 * The template is checked before anything is filled: every tag must be one of the model's (TAGS),
 * where it is used (a list's fields inside its loop `{#deductions}…{/deductions}`, the top-level
 * tags anywhere, as docxtemplater looks a name up from the innermost loop outwards). Every tag that
 * is not, each raw-XML tag (`{@x}`, which would insert its value as markup) and every syntax error
 * docxtemplater finds is a problem, with where it is; there is no document then.
 *
 * Values go in as text: docxtemplater escapes them as XML text (`<`, `&`, `{` stay characters),
 * the filled text is never parsed again for tags, and a line break in the user's text becomes a
 * line break (`linebreaks`). Characters XML 1.0 cannot hold (control characters) are dropped, so the
 * document always opens.
 */
export interface TemplateProblem {
  /** The tag as written between the braces ("bogus", "#loop", "@raw"); "" for a syntax error without one. */
  tag: string;
  message: Localised;
  where: Localised;
}

export type FillResult = { ok: true; docx: Uint8Array } | { ok: false; problems: TemplateProblem[] };

type AnyTag = ScalarTag<unknown> | ListTag<unknown>;
type Scope = Readonly<Record<string, AnyTag>>;

interface Part {
  type: string;
  value: string;
  module?: string;
  raw?: string;
  inverted?: boolean;
  offset?: number;
  subparsed?: Part[];
}

const OPTIONS = { paragraphLoop: true, linebreaks: true, nullGetter: () => "" };

/** The template checked against the model's tags, then filled with the model. */
export function fillTemplate(template: Uint8Array, model: ReportModel): FillResult {
  const opened = openTemplate(template);
  if (!opened.ok) return opened;
  const { doc, inspect } = opened;
  const problems: TemplateProblem[] = [];
  for (const file of inspect.getTemplatedFiles()) {
    const parts = (inspect.fullInspected[file] as unknown as { postparsed: Part[] }).postparsed;
    const locate = locator(file, doc.getZip().file(file)?.asText() ?? "");
    checkParts(parts, [TAGS as unknown as Scope], (part, message) =>
      problems.push({ tag: part.raw ?? part.value, message, where: locate(part.offset) }),
    );
  }
  if (problems.length > 0) return { ok: false, problems };
  doc.render(xmlSafe(model));
  return { ok: true, docx: doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" }) };
}

type Opened =
  | { ok: true; doc: Docxtemplater<PizZip>; inspect: InspectModule }
  | { ok: false; problems: TemplateProblem[] };

function openTemplate(template: Uint8Array): Opened {
  let zip: PizZip;
  try {
    zip = new PizZip(template);
  } catch {
    return { ok: false, problems: [notADocx] };
  }
  if (!zip.file("word/document.xml")) return { ok: false, problems: [notADocx] };
  const inspect = new InspectModule();
  try {
    return { ok: true, doc: new Docxtemplater(zip, { ...OPTIONS, modules: [inspect] }), inspect };
  } catch (error) {
    return { ok: false, problems: syntaxProblems(error, zip) };
  }
}

const notADocx: TemplateProblem = {
  tag: "",
  message: {
    zh: "模板不是 Word 文档（.docx）。",
    en: "The template is not a Word document (.docx).",
  },
  where: { zh: "", en: "" },
};

/** Each tag of `parts` against the scopes (innermost last), loops opening their list's fields. */
function checkParts(
  parts: readonly Part[],
  scopes: readonly Scope[],
  report: (part: Part, message: Localised) => void,
): void {
  for (const part of parts) {
    if (part.type !== "placeholder") continue;
    const name = part.value.trim();
    if (part.module === "rawxml") {
      report(part, {
        zh: `不允许原始 XML 标签 {${part.raw}}：报告的内容只作为文字插入。请改为 {${name}}。`,
        en: `Raw XML tags such as {${part.raw}} are not allowed: the report inserts text only. Use {${name}}.`,
      });
      continue;
    }
    const tag = lookUp(name, scopes);
    if (!tag) {
      report(part, {
        zh: `未知标签 {${part.raw ?? part.value}}${scopes.length > 1 ? "（在此循环中）" : ""}。`,
        en: `Unknown tag {${part.raw ?? part.value}}${scopes.length > 1 ? " (in this loop)" : ""}.`,
      });
      continue;
    }
    if (part.module === "loop") {
      const opens = tag.type === "list" && !part.inverted;
      checkParts(
        part.subparsed ?? [],
        opens ? [...scopes, (tag as ListTag<unknown>).fields as Scope] : scopes,
        report,
      );
    } else if (tag.type === "list") {
      report(part, {
        zh: `{${name}} 是列表：请用循环 {#${name}}…{/${name}}。`,
        en: `{${name}} is a list: use a loop, {#${name}}…{/${name}}.`,
      });
    }
  }
}

function lookUp(name: string, scopes: readonly Scope[]): AnyTag | undefined {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    if (Object.hasOwn(scope, name)) return scope[name];
  }
  return undefined;
}

/** docxtemplater's own errors (an unclosed loop, an unopened one, a stray brace), with where. */
function syntaxProblems(error: unknown, zip: PizZip): TemplateProblem[] {
  type Props = {
    id?: string;
    explanation?: string;
    xtag?: string;
    file?: string;
    offset?: number;
    errors?: unknown[];
  };
  const props = (error as { properties?: Props }).properties;
  if (!props) throw error;
  const errors = props.errors && props.errors.length > 0 ? props.errors : [error];
  return errors.map((e) => {
    const p = (e as { properties?: Props }).properties ?? {};
    const file = p.file ?? "word/document.xml";
    const explanation = p.explanation ?? String(e);
    return {
      tag: p.xtag ?? "",
      message: { zh: `模板语法错误：${explanation}`, en: `Template syntax error: ${explanation}` },
      where: locator(file, zip.file(file)?.asText() ?? "")(p.offset),
    };
  });
}

/**
 * Where a tag is, from its offset in the part's text (docxtemplater counts the characters of the
 * part's text runs): the part (body, header, footer), the paragraph's number in it and its text.
 */
function locator(file: string, xml: string): (offset: number | undefined) => Localised {
  const paragraphs: { start: number; text: string }[] = [];
  const open: { start: number; text: string }[] = [];
  let length = 0;
  for (const m of xml.matchAll(/<w:p[\s>]|<\/w:p>|<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) {
    if (m[0].startsWith("</w:p")) open.pop();
    else if (m[0].startsWith("<w:p")) {
      const paragraph = { start: length, text: "" };
      paragraphs.push(paragraph);
      open.push(paragraph);
    } else {
      const text = m[1] ?? "";
      open.at(-1)!.text += text;
      length += text.length;
    }
  }
  const part = partName(file);
  return (offset) => {
    if (offset === undefined) return part;
    let index = -1;
    paragraphs.forEach((p, i) => {
      if (p.start <= offset && p.text.length > 0) index = i;
    });
    if (index < 0) return part;
    const text = unescapeXml(paragraphs[index]!.text);
    const shown = text.length > 80 ? `${text.slice(0, 77)}…` : text;
    index += 1;
    return { zh: `${part.zh}第 ${index} 段：“${shown}”`, en: `${part.en}, paragraph ${index}: “${shown}”` };
  };
}

function partName(file: string): Localised {
  const header = /word\/header(\d*)\.xml$/.exec(file);
  if (header) return { zh: `页眉 ${header[1]}`, en: `header ${header[1]}` };
  const footer = /word\/footer(\d*)\.xml$/.exec(file);
  if (footer) return { zh: `页脚 ${footer[1]}`, en: `footer ${footer[1]}` };
  if (file === "word/document.xml") return { zh: "正文", en: "body" };
  return { zh: file, en: file };
}

/** XML text with its five entities undone. */
export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Characters XML 1.0 allows: tab, newline, carriage return and the rest from U+0020 (surrogates paired). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe<T>(value: T): T {
  if (typeof value === "string") return value.replace(NOT_XML, "") as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  }
  return value;
}
