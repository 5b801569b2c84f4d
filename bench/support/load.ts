import os from "node:os";
import autocannon from "autocannon";
import { median } from "./stats";

export type LoadFigures = {
  /** Requests answered per second in the measured window. */
  rps: number;
  /** 99th percentile of the response times in the measured window, ms. */
  p99: number;
  /** 99th percentile over the whole run, the connections' opening included, ms. */
  p99WithRamp: number;
  /** Connection errors, timeouts and unexpected answers (by default: 400 or more) over the whole run. */
  bad: number;
  /** Server CPU time per answered request in the measured window (all its processes), ms; null without /proc. */
  cpuPerRequest: number | null;
};

export type LoadOptions = {
  url: string;
  connections?: number;
  /** Measured seconds. */
  duration?: number;
  /** Seconds at the start in which the connections are opened and not counted. */
  settle?: number;
  headers?: Record<string, string>;
  method?: "GET" | "POST";
  body?: string;
  /** The server's CPU time so far (ms), for the CPU per request. */
  cpuMs?: () => number;
  /** Whether an answer is the expected one; by default any status under 400. */
  expected?: (status: number) => boolean;
};

/**
 * Drives a page with keep-alive connections, as a reverse proxy or many browsers would, and
 * measures the steady state: the first `settle` seconds only open the connections. Node accepts
 * one new connection per turn of its event loop, so under full load the last of 32 fresh
 * connections waits behind 31 turns of work; that opening ramp says nothing about the page and is
 * reported apart (`p99WithRamp`).
 */
export async function drive(options: LoadOptions): Promise<LoadFigures> {
  const { url, connections = 32, duration = 5, settle = 1.5, headers = {}, method = "GET", body, cpuMs, expected = (status) => status < 400 } = options;
  // Without a callback autocannon returns its run: an event emitter that is also a promise of the result.
  const instance = autocannon({ url, connections, duration: settle + duration, headers, method, body }) as unknown as Promise<autocannon.Result> &
    Pick<NodeJS.EventEmitter, "on">;
  const times: number[] = [];
  let windowStart: number | null = null;
  let cpuStart: number | null = null;
  let bad = 0;
  const timer = setTimeout(() => {
    windowStart = performance.now();
    cpuStart = cpuMs ? cpuMs() : null;
  }, settle * 1000);
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (!expected(statusCode)) bad++;
    if (windowStart !== null) times.push(responseTime);
  });
  const result = await instance;
  clearTimeout(timer);
  const windowEnd = performance.now();
  const cpuEnd = cpuMs ? cpuMs() : null;
  times.sort((a, b) => a - b);
  const seconds = windowStart === null ? 0 : (windowEnd - windowStart) / 1000;
  return {
    rps: seconds > 0 ? times.length / seconds : 0,
    p99: times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(times.length * 0.99))]) : NaN,
    p99WithRamp: result.latency.p99,
    bad: bad + result.errors + result.timeouts,
    cpuPerRequest: cpuStart !== null && cpuEnd !== null && times.length ? (cpuEnd - cpuStart) / times.length : null,
  };
}

/** The machine the figures come from, for the bench's first line. */
export function machineLine(workers: number): string {
  return `machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}, Node ${process.version}; Pleno in ${workers} process${workers > 1 ? "es" : ""} (PLENO_WORKERS)`;
}

export type PageToDrive = { label: string; path: string; headers?: Record<string, string> };
/** A page's figures; `spread` lists the req/s of each round when there were several. */
export type PageFigures = LoadFigures & { label: string; spread?: string };

/**
 * Every page (the first is the baseline) warmed up for 2 s, then measured in `rounds` interleaved
 * rounds; each figure is the median of its rounds, so a drift of the machine during the run weighs
 * on the baseline and the pages alike.
 */
export async function interleavedRounds(baseUrl: string, pages: PageToDrive[], options: { cpuMs?: () => number; rounds?: number } = {}): Promise<PageFigures[]> {
  const { cpuMs, rounds = 3 } = options;
  const run = (p: PageToDrive, duration: number) => drive({ url: `${baseUrl}${p.path}`, headers: p.headers, duration, cpuMs });
  for (const p of pages) await run(p, 2);
  const runs = pages.map(() => [] as LoadFigures[]);
  for (let round = 0; round < rounds; round++) for (const [i, p] of pages.entries()) runs[i].push(await run(p, 5));
  return runs.map((rs, i) => ({
    label: pages[i].label,
    rps: median(rs.map((r) => r.rps)),
    p99: median(rs.map((r) => r.p99)),
    p99WithRamp: median(rs.map((r) => r.p99WithRamp)),
    bad: rs.reduce((n, r) => n + r.bad, 0),
    cpuPerRequest: rs.every((r) => r.cpuPerRequest !== null) ? median(rs.map((r) => r.cpuPerRequest!)) : null,
    spread: rs.map((r) => r.rps.toFixed(0)).join("/"),
  }));
}

/** Issue #9's aim for a main page: half the bare route's requests per second, p99 under 100 ms. */
export function mainPageAim(page: { rps: number; p99: number }, base: { rps: number }): string {
  return `aim ≥ 0.50 and p99 < 100 ms: ${page.rps / base.rps >= 0.5 && page.p99 < 100 ? "met" : "NOT met"}`;
}

/** One page's line: requests per second (with each round's), p99 with and without the ramp, ratio to the base. */
export function pageLine(r: PageFigures, base: PageFigures | null): string {
  const ratio = base ? `  ratio ${(r.rps / base.rps).toFixed(2)}` : "";
  const spread = r.spread ? ` [${r.spread}]` : "";
  return `${r.label.padEnd(24)} ${r.rps.toFixed(0).padStart(5)} req/s${spread}  p99 ${String(r.p99).padStart(4)} ms (ramp ${r.p99WithRamp})${ratio}  bad ${r.bad}`;
}
