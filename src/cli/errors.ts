import type { Localised } from "../spec/types";

/**
 * A mistake of the user's (a missing file, a bad option, a file that is not an assessment): shown
 * as a message in their language with exit code 2, never as a stack trace.
 */
export class UserError extends Error {
  constructor(
    readonly localised: Localised,
    readonly details: readonly string[] = [],
  ) {
    super(localised.en);
    this.name = "UserError";
  }
}

/**
 * A file system error as the user's mistake, its code (ENOENT, EACCES, …) in the message; a
 * UserError already thrown goes on as it is.
 */
export function fileError(error: unknown, message: (reason: string) => Localised): UserError {
  if (error instanceof UserError) return error;
  return new UserError(message((error as NodeJS.ErrnoException).code ?? String(error)));
}

export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;
