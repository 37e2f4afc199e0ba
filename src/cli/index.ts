import { Command, CommanderError, Option } from "commander";
import { EXIT, UserError } from "./errors";
import { VERSION } from "../version";
import { pickLang } from "./lang";
import { scoreCommand } from "./score-command";

/** `starscore`: the scoring engine and workbook tools, headless. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
  env: process.env,
};

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command("starscore")
    .description("StarScore 商品售后服务认证评分 / after-sales service certification scoring")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });
  const langOption = () =>
    new Option("--lang <lang>", "zh | en (default: from the locale, else zh)").choices(["zh", "en"]);

  program
    .command("score")
    .description("score an assessment file (JSON) / 计算评估文件的得分")
    .argument("<file>", "assessment.json")
    .option("--json", "print the result as JSON")
    .addOption(langOption())
    .action((file: string, options: { json?: boolean; lang?: string }) => {
      setExit(scoreCommand(file, { json: options.json, lang: pickLang(options.lang, io.env) }, io.out));
    });
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
      io.err([error.localized[lang], ...error.details.map((d) => `  ${d}`)].join("\n"));
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
