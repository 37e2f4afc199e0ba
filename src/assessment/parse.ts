import { z } from "zod";
import type { Lang } from "../spec/types";
import { assessmentSchema, type Assessment } from "./schema";

/** One reason an input is not an assessment file, with the JSON path of the offending value. */
export interface SchemaError {
  /** JSONPath of the value, e.g. `$.scores.B1[2]`. */
  path: string;
  message: string;
}

export type ParseResult = { ok: true; assessment: Assessment } | { ok: false; errors: SchemaError[] };

const LOCALES = { zh: z.locales.zhCN, en: z.locales.en };

const FILE_MESSAGES = {
  notJson: { zh: "不是有效的 JSON：", en: "Not valid JSON: " },
};

/** Reads an assessment from JSON text, reporting every schema error in the user's language. */
export function parseAssessmentJson(json: string, lang: Lang): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [{ path: "$", message: FILE_MESSAGES.notJson[lang] + detail }] };
  }
  return parseAssessment(data, lang);
}

export function parseAssessment(data: unknown, lang: Lang): ParseResult {
  const result = assessmentSchema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, assessment: result.data };
  const localise = LOCALES[lang]().localeError;
  const errors = result.error.issues.map((issue) => ({
    path: jsonPath(issue.path),
    message: String(localise(issue as Parameters<typeof localise>[0]) ?? issue.message),
  }));
  return { ok: false, errors };
}

function jsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === "number") return `${acc}[${key}]`;
    const name = String(key);
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? `${acc}.${name}` : `${acc}[${JSON.stringify(name)}]`;
  }, "$");
}
