import { Command, CommanderError } from "commander";
import { VERSION } from "../version";
import { commandContext, type Io } from "./context";
import { registerCompare } from "./compare-command";
import { registerConvert } from "./convert-command";
import { EXIT, UserError } from "./errors";
import { registerExport } from "./export-command";
import { registerGenerate } from "./generate-command";
import { pickLang } from "./lang";
import { registerPlan } from "./plan-command";
import { registerReport } from "./report-command";
import { registerMerge } from "./merge-command";
import { registerScore } from "./score-command";
import { registerVerify } from "./verify-command";

export type { Io } from "./context";

/** `starscore`: the scoring engine and workbook tools, headless. */
const defaultIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  env: process.env,
};

/** Every command, in the order `starscore --help` lists them: each file's register adds one. */
const COMMANDS = [
  registerScore,
  registerPlan,
  registerCompare,
  registerGenerate,
  registerExport,
  registerVerify,
  registerConvert,
  registerReport,
  registerMerge,
];

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("starscore")
    .description("StarScore 商品售后服务认证评分 / after-sales service certification scoring")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const ctx = commandContext(io, setExit);
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/** Runs the CLI and returns its exit code; user mistakes become messages, never stack traces. */
export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
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
