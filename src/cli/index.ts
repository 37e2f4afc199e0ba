import { Command, CommanderError } from "commander";
import { VERSION } from "../version";
import { commandContext, type CommandContext, type Io } from "./context";
import { EXIT, UserError } from "./errors";
import { pickLang } from "./lang";

export type { Io } from "./context";

/** `starscore`: the scoring engine and workbook tools, headless. */
const defaultIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  env: process.env,
};

type Register = (program: Command, ctx: CommandContext) => void;

/**
 * Every command, in the order `starscore --help` lists them: each file's register adds one. A
 * command's module is loaded only when that command runs (or for the help and an unknown command,
 * all of them), so `starscore score FILE.json` does not load the workbook, report and merge code the
 * other commands import (docs/performance.md).
 */
const COMMANDS: readonly (readonly [name: string, load: () => Promise<Register>])[] = [
  ["score", async () => (await import("./score-command")).registerScore],
  ["plan", async () => (await import("./plan-command")).registerPlan],
  ["compare", async () => (await import("./compare-command")).registerCompare],
  ["generate", async () => (await import("./generate-command")).registerGenerate],
  ["export", async () => (await import("./export-command")).registerExport],
  ["verify", async () => (await import("./verify-command")).registerVerify],
  ["convert", async () => (await import("./convert-command")).registerConvert],
  ["report", async () => (await import("./report-command")).registerReport],
  ["merge", async () => (await import("./merge-command")).registerMerge],
];

/** The program with the command `argv` names, or with every command when it names none of them. */
export async function buildProgram(
  io: Io,
  setExit: (code: number) => void,
  argv: readonly string[] = [],
): Promise<Command> {
  const program = new Command("starscore")
    .description("StarScore 商品售后服务认证评分 / after-sales service certification scoring")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const ctx = commandContext(io, setExit);
  const named = COMMANDS.filter(([name]) => name === argv[2]);
  for (const [, load] of named.length ? named : COMMANDS) (await load())(program, ctx);
  return program;
}

/** Runs the CLI and returns its exit code; user mistakes become messages, never stack traces. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = await buildProgram(io, (c) => (code = c), argv);
  try {
    await program.parseAsync([...argv]);
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof UserError) {
      const lang = pickLang(argValue(argv, "--lang"), io.env);
      io.err([error.localised[lang], ...error.details.map((d) => `  ${d}`)].join("\n"));
      return EXIT.usage;
    }
    throw error;
  }
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (require.main === module) {
  main(process.argv).then((code) => (process.exitCode = code));
}
