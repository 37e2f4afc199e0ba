import { Option } from "commander";
import type { Lang } from "../spec/types";
import { pickLang } from "./lang";

/** Where the CLI writes, and the environment it reads its language from. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

/** What each command module needs to register itself on the program. */
export interface CommandContext {
  io: Io;
  setExit: (code: number) => void;
  /** The user's language: the --lang option, else the locale, else Chinese. */
  lang: (option: string | undefined) => Lang;
  /** The --lang option; `what` says what else the language decides. */
  langOption: (what?: string) => Option;
}

export function commandContext(io: Io, setExit: (code: number) => void): CommandContext {
  return {
    io,
    setExit,
    lang: (option) => pickLang(option, io.env),
    langOption: (what) =>
      new Option(
        "--lang <lang>",
        `zh | en${what ? `: ${what}` : ""} (default: from the locale, else zh)`,
      ).choices(["zh", "en"]),
  };
}
