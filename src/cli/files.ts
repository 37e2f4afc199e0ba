import { readFileSync } from "node:fs";
import { parseAssessmentJson } from "../assessment/parse";
import type { Assessment } from "../assessment/schema";
import type { Lang } from "../spec/types";
import { UserError } from "./errors";

export function readAssessmentFile(path: string, lang: Lang): Assessment {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new UserError({
      zh: `无法读取文件 ${path}（${reason}）。`,
      en: `Cannot read the file ${path} (${reason}).`,
    });
  }
  const parsed = parseAssessmentJson(text.replace(/^\uFEFF/, ""), lang);
  if (parsed.ok) return parsed.assessment;
  throw new UserError(
    { zh: `${path} 不是有效的评估文件：`, en: `${path} is not a valid assessment file:` },
    parsed.errors.map((e) => `${e.path}: ${e.message}`),
  );
}
