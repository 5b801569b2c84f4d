import { describe, expect, it } from "vitest";
import { SEMI_SPACE_MB, workerExecArgv } from "../../app/lib/worker-flags.server";

describe("the workers' V8 settings", () => {
  it("give the young generation 32 MB semi-spaces, after the primary's own flags", () => {
    expect(workerExecArgv(["--import", "tsx"])).toEqual(["--import", "tsx", `--max-semi-space-size=${SEMI_SPACE_MB}`]);
  });

  it("keep an operator's own size, from the node command or NODE_OPTIONS", () => {
    expect(workerExecArgv(["--max-semi-space-size=8"])).toEqual(["--max-semi-space-size=8"]);
    expect(workerExecArgv(["--import", "tsx"], "--max_semi_space_size=64 --enable-source-maps")).toEqual(["--import", "tsx"]);
  });
});
