import cluster, { type Worker } from "node:cluster";
import { RateLimiter } from "./rate-limit";

export type LimitAnswer = { allowed: boolean; retryAfterSeconds: number };
export type TakeHit = (key: string) => LimitAnswer | Promise<LimitAnswer>;

const ASK = "pleno:rate-limit:take";
const ANSWER = "pleno:rate-limit:answer";

type AskMessage = { type: typeof ASK; id: number; key: string };
type AnswerMessage = { type: typeof ANSWER; id: number; answer: LimitAnswer };

/** How long a worker waits for the primary's count before it counts on its own. */
const ANSWER_WAIT_MS = 1000;

/**
 * A per-address counter that holds across all of Pleno's server processes. In one process it is
 * a plain RateLimiter; in a cluster worker each hit is counted by the primary (see
 * `answerRateLimits`), so an address gets its limit once, not once per worker. Should the primary
 * not answer in time, the worker counts the hit itself rather than hold the request.
 */
export function sharedRateLimiter(limit: number, windowMs: number): TakeHit {
  const local = new RateLimiter(limit, windowMs);
  if (!cluster.isWorker || !process.send) return (key) => local.take(key);

  let lastId = 0;
  const waiting = new Map<number, { resolve: (answer: LimitAnswer) => void; timer: NodeJS.Timeout }>();
  process.on("message", (message: unknown) => {
    const m = message as Partial<AnswerMessage> | null;
    if (m?.type !== ANSWER || typeof m.id !== "number" || !m.answer) return;
    const entry = waiting.get(m.id);
    if (!entry) return;
    waiting.delete(m.id);
    clearTimeout(entry.timer);
    entry.resolve(m.answer);
  });
  return (key) =>
    new Promise<LimitAnswer>((resolve) => {
      const id = ++lastId;
      const timer = setTimeout(() => {
        waiting.delete(id);
        resolve(local.take(key));
      }, ANSWER_WAIT_MS);
      timer.unref();
      waiting.set(id, { resolve, timer });
      process.send!({ type: ASK, id, key } satisfies AskMessage, undefined, undefined, (error) => {
        if (!error) return;
        waiting.delete(id);
        clearTimeout(timer);
        resolve(local.take(key));
      });
    });
}

/** The primary's side: answers a worker's hits from the one counter all workers share. */
export function answerRateLimits(worker: Worker, limiter: RateLimiter) {
  worker.on("message", (message: unknown) => {
    const m = message as Partial<AskMessage> | null;
    if (m?.type !== ASK || typeof m.id !== "number" || typeof m.key !== "string") return;
    if (!worker.isConnected()) return;
    worker.send({ type: ANSWER, id: m.id, answer: limiter.take(m.key.slice(0, 200)) } satisfies AnswerMessage);
  });
}
