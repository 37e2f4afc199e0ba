import { spawn } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { UserError } from "./errors";

/**
 * A .docx converted to PDF by LibreOffice (`soffice --headless --convert-to pdf`), the one
 * converter that is free, runs headless on every platform and reads WordprocessingML well. Each
 * conversion has its own LibreOffice profile (-env:UserInstallation) in its own temporary
 * directory, so two conversions at once, or a LibreOffice the user has open, never meet.
 */
const TIMEOUT_MS = 180_000;

/** soffice on the PATH (soffice.exe or soffice.com on Windows), or undefined. */
export function findSoffice(pathVariable: string | undefined): string | undefined {
  const names = process.platform === "win32" ? ["soffice.com", "soffice.exe"] : ["soffice"];
  for (const dir of (pathVariable ?? "").split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const NO_SOFFICE = {
  zh:
    "无法生成 PDF：PATH 上没有 LibreOffice 的 soffice。请安装 LibreOffice（https://www.libreoffice.org/download/；" +
    "Debian/Ubuntu：sudo apt-get install libreoffice-writer；macOS：brew install --cask libreoffice，并把 " +
    "/Applications/LibreOffice.app/Contents/MacOS 加入 PATH；Windows：把 C:\\Program Files\\LibreOffice\\program 加入 PATH），" +
    "或者输出 Word 文档（-o report.docx），用 Word 或 WPS 打开后另存为 PDF。未写入任何文件。",
  en:
    "Cannot make a PDF: LibreOffice's soffice is not on the PATH. Install LibreOffice (https://www.libreoffice.org/download/; " +
    "Debian/Ubuntu: sudo apt-get install libreoffice-writer; macOS: brew install --cask libreoffice, then add " +
    "/Applications/LibreOffice.app/Contents/MacOS to the PATH; Windows: add C:\\Program Files\\LibreOffice\\program to the PATH), " +
    "or write a Word document (-o report.docx) and save it as PDF from Word or WPS. Nothing was written.",
};

/** The PDF of a .docx, through `soffice`; a failed conversion is a UserError with LibreOffice's words. */
export async function docxToPdf(docx: Uint8Array, soffice: string, env: NodeJS.ProcessEnv): Promise<Buffer> {
  const dir = mkdtempSync(path.join(tmpdir(), "starscore-pdf-"));
  try {
    const input = path.join(dir, "report.docx");
    writeFileSync(input, docx);
    const profile = pathToFileURL(path.join(dir, "profile")).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      "--headless",
      "--norestore",
      "--convert-to",
      "pdf",
      "--outdir",
      dir,
      input,
    ];
    const { code, output } = await run(soffice, args, env);
    try {
      return readFileSync(path.join(dir, "report.pdf"));
    } catch {
      throw new UserError(
        {
          zh: `LibreOffice 没有生成 PDF（退出码 ${code}）。未写入任何文件。`,
          en: `LibreOffice made no PDF (exit code ${code}). Nothing was written.`,
        },
        output.trim().split("\n").slice(-5),
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve({ code: (error as NodeJS.ErrnoException).code ?? "error", output: error.message });
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? signal ?? "?", output });
    });
  });
}
