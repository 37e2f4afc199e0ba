import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { BatchOutcome, ScoreOptions } from "./score-command";
import type { ScoreRequest, ScoreReply } from "./score-worker";

/**
 * Scoring many files on the machine's cores: this thread scores files as before, and worker
 * threads (./score-worker.ts, Node's worker_threads) score others at the same time, each taking the
 * next file when it is done with one. The outcomes are handed on in the files' order, each as soon
 * as it and all before it are ready, so that the output is the same as one file after another.
 *
 * Threads: STARSCORE_THREADS when set (1 scores everything here), else one per core up to
 * MAX_THREADS, and only when there are at least FILES_PER_THREAD files for each: a worker costs a
 * start of its own (a V8 isolate, the reader's modules loaded again), which a handful of files does
 * not repay.
 */
export const MAX_THREADS = 4;
export const FILES_PER_THREAD = 25;
/** The most threads STARSCORE_THREADS may ask for: past a few per core, threads only queue. */
export const MAX_ASKED_THREADS = MAX_THREADS * 4;
/** Files sent to a worker before it has answered: it starts the next as soon as it sends one back. */
const AHEAD = 2;

export function threadsFor(files: number, env: NodeJS.ProcessEnv, cores = availableParallelism()): number {
  const asked = Number(env.STARSCORE_THREADS);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, files, MAX_ASKED_THREADS);
  return Math.max(1, Math.min(cores, MAX_THREADS, Math.floor(files / FILES_PER_THREAD)));
}

/** The worker's script: lib/cli/score-worker.js beside this module once built (npm run build:cli). */
const WORKER_SCRIPT = path.join(__dirname, "score-worker.js");

/** `score` is how this thread scores a file: what the workers run too (scoreForBatch). */
export async function scoreInOrder(
  files: readonly string[],
  options: ScoreOptions,
  env: NodeJS.ProcessEnv,
  score: (file: string, options: ScoreOptions) => Promise<BatchOutcome>,
  hand: (outcome: BatchOutcome) => void,
): Promise<void> {
  // From the TypeScript sources (the unit tests) there is no worker script: one thread.
  const threads = existsSync(WORKER_SCRIPT) ? threadsFor(files.length, env) : 1;
  const outcomes: (BatchOutcome | undefined)[] = new Array(files.length);
  let handed = 0;
  const done = (index: number, outcome: BatchOutcome) => {
    outcomes[index] = outcome;
    while (handed < files.length && outcomes[handed] !== undefined) {
      hand(outcomes[handed]!);
      outcomes[handed] = undefined; // handed on: not kept for the rest of the batch
      handed += 1;
    }
  };
  let next = 0;
  const take = () => (next < files.length ? next++ : undefined);
  const workers = Array.from({ length: threads - 1 }, () => runWorker(files, options, take, done));
  // This thread too, from the first file on (the workers start meanwhile). Between files it lets
  // the event loop run: scoring a file never waits for I/O, so the workers' replies (and their next
  // files) would otherwise wait until this thread had taken every file itself.
  const here = (async () => {
    for (let index = take(); index !== undefined; index = take()) {
      done(index, await score(files[index]!, options));
      if (threads > 1) await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await Promise.all([here, ...workers]);
}

/** One worker thread scoring files taken from the batch until none is left. */
function runWorker(
  files: readonly string[],
  options: ScoreOptions,
  take: () => number | undefined,
  done: (index: number, outcome: BatchOutcome) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SCRIPT);
    let pending = 0;
    const send = () => {
      const index = take();
      if (index === undefined) return false;
      pending += 1;
      worker.postMessage({ index, file: files[index]!, options } satisfies ScoreRequest);
      return true;
    };
    worker.on("message", (reply: ScoreReply) => {
      pending -= 1;
      if ("crash" in reply) {
        void worker.terminate();
        reject(Object.assign(new Error(reply.crash.message), { stack: reply.crash.stack }));
        return;
      }
      done(reply.index, reply.outcome);
      if (!send() && pending === 0) void worker.terminate().then(() => resolve());
    });
    worker.on("error", reject);
    let sent = 0;
    while (sent < AHEAD && send()) sent += 1;
    if (sent === 0) void worker.terminate().then(() => resolve());
  });
}
