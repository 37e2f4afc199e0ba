import { randomBytes } from "node:crypto";
import { existsSync, linkSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileError, UserError } from "./errors";

export interface WriteOptions {
  /** Replace an existing file. */
  force?: boolean;
  /** The command's input files: writing over one of them is refused as clearly as any other file. */
  inputs?: readonly (string | undefined)[];
}

/**
 * Writes a whole file or nothing: the data goes to a temporary file in the same directory, which
 * then takes the target's name in one step. Without `force` an existing file is never replaced,
 * not even by a file that appears while we write (the final step is a hard link, which fails when
 * the name is taken).
 */
export function writeFileAtomic(target: string, data: Buffer | string, options: WriteOptions = {}): void {
  if (!options.force) refuseExisting(target, options.inputs ?? []);
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(
    dir,
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    writeFileSync(temp, data, { flag: "wx" });
    if (options.force) renameSync(temp, target);
    else placeWithoutReplacing(temp, target, options.inputs ?? []);
  } catch (error) {
    throw fileError(error, (reason) => ({
      zh: `无法写入文件 ${target}（${reason}）。`,
      en: `Cannot write the file ${target} (${reason}).`,
    }));
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}

function placeWithoutReplacing(temp: string, target: string, inputs: readonly (string | undefined)[]): void {
  try {
    linkSync(temp, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") refuseExisting(target, inputs);
    // File systems without hard links: check, then rename (a narrow race, but never a partial file).
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw error;
    refuseExisting(target, inputs);
    renameSync(temp, target);
  }
}

/** Refuses (a UserError) when `target` exists: an input of the command or any other file. */
export function refuseExisting(target: string, inputs: readonly (string | undefined)[]): void {
  if (!existsSync(target)) return;
  const isInput = inputs.some((input) => input !== undefined && sameFile(input, target));
  throw new UserError(
    isInput
      ? {
          zh: `输出文件 ${target} 就是输入文件：不会覆盖它。请另选输出文件名，或加 --force 覆盖。`,
          en: `The output ${target} is the input file: it is not overwritten. Choose another name, or add --force to overwrite it.`,
        }
      : {
          zh: `文件 ${target} 已存在：不会覆盖它。请另选输出文件名，或加 --force 覆盖。`,
          en: `The file ${target} already exists and is not overwritten. Choose another name, or add --force to overwrite it.`,
        },
  );
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return path.resolve(a) === path.resolve(b);
  }
}
