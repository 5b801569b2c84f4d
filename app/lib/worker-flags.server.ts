/**
 * V8 settings of the worker processes. A page request allocates a few megabytes that die at once
 * (React elements, the page's data and its HTML); in V8's default young generation (16 MB
 * semi-spaces) the busiest pages filled it so often that collection took a large share of their
 * time. With 32 MB semi-spaces the meeting page took 7 % less CPU a request and the board served
 * 14 % more requests a second on two cores (docs/decisions/0015-young-generation.md), for at most
 * 32 MB more memory per worker. An operator's own choice (in NODE_OPTIONS or the node command) is
 * kept.
 */
export const SEMI_SPACE_MB = 32;

export function workerExecArgv(execArgv: readonly string[], nodeOptions = ""): string[] {
  const given = [...execArgv, ...nodeOptions.split(/\s+/)].some((arg) => /^--max[-_]semi[-_]space[-_]size\b/.test(arg));
  return given ? [...execArgv] : [...execArgv, `--max-semi-space-size=${SEMI_SPACE_MB}`];
}
