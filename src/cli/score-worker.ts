import { parentPort } from "node:worker_threads";
import { scoreForBatch, type BatchOutcome, type ScoreOptions } from "./score-command";

/**
 * A worker thread of `starscore score` with several files (./score-pool.ts): it scores each file it
 * is sent and sends back what to print, or the error that is not the user's (a bug), with its stack.
 */
export interface ScoreRequest {
  index: number;
  file: string;
  options: ScoreOptions;
}

export type ScoreReply =
  { index: number; outcome: BatchOutcome } | { index: number; crash: { message: string; stack?: string } };

parentPort?.on("message", (request: ScoreRequest) => {
  scoreForBatch(request.file, request.options).then(
    (outcome) => parentPort!.postMessage({ index: request.index, outcome } satisfies ScoreReply),
    (error: unknown) => {
      const crash =
        error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
      parentPort!.postMessage({ index: request.index, crash } satisfies ScoreReply);
    },
  );
});
