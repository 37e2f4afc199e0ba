import type { Lang } from "../spec/types";

/** The CLI speaks Chinese first: English only when asked, or when the locale says English. */
export function pickLang(option: string | undefined, env: NodeJS.ProcessEnv = process.env): Lang {
  if (option === "zh" || option === "en") return option;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return /^en/i.test(locale) ? "en" : "zh";
}
