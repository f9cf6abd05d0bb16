/**
 * The benchmark cases still run and their sides still agree, on payloads small enough for a unit
 * run. No timing is asserted here (that is `npm run bench`'s job); what can fail is a case that
 * no longer starts, a side that answers differently from its peers (each case checks that
 * itself), or a result line without the numbers bench/run.ts reads.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildFloor } from "../bench/support/floor";
import { type RunningStub, startStub } from "../bench/support/startStub";

const ROOT = path.resolve(__dirname, "..");
const SMALL = {
  BENCH_TEXT_MB: "0.2",
  BENCH_RESULT_LINES: "2000",
  BENCH_PDF_MB: "1",
  BENCH_CONVERSATION_MB: "1",
  BENCH_RUNS: "1",
  BENCH_CALLS: "40",
};

let stub: RunningStub;
beforeAll(async () => {
  stub = await startStub(SMALL);
}, 60_000);
afterAll(() => stub?.stop());

const runCase = (script: string, ...args: string[]): Record<string, number> => {
  const result = spawnSync("node", ["--expose-gc", "--import", "tsx", script, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...SMALL, BENCH_URL: stub.url },
  });
  if (result.status !== 0) throw new Error(`${script} ${args.join(" ")} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as Record<string, number>;
};

const expectTimes = (result: Record<string, number>, keys: string[]) => {
  expect(Object.keys(result).sort()).toEqual([...keys].sort());
  for (const key of keys) expect(result[key]).toBeGreaterThan(0);
};

describe("the benchmark cases run against the stub, every side agreeing", () => {
  it("cold start: the floor component builds with the connector's config and is timed", () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), "floor-"));
    try {
      const bundle = buildFloor(outDir);
      expect(bundle).toBe(path.join(outDir, "index.js"));
      const result = spawnSync("node", ["bench/cases/coldStart.js", bundle], {
        cwd: ROOT,
        encoding: "utf8",
      });
      expect(result.stderr).toBe("");
      expectTimes(JSON.parse(result.stdout) as Record<string, number>, ["ms"]);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  }, 120_000);

  it("streams: connector, SDK and node:http floor assemble the same answers", () => {
    const sides = ["connector", "sdk", "floor"];
    expectTimes(
      runCase("bench/cases/streams.ts"),
      ["text", "tool"].flatMap((stream) => sides.map((side) => `${stream}.${side}`)),
    );
  }, 60_000);

  it("requests: every side at both concurrencies, and the Output Schema pair", () => {
    const sides = ["perform", "harness", "sdk", "axios"];
    expectTimes(runCase("bench/cases/requests.ts"), [
      ...["c1", "c32"].flatMap((c) => sides.map((side) => `${side}.${c}`)),
      "structuredMs",
      "plainMs",
    ]);
  }, 60_000);

  it("batch results: the connector and the SDK count the same file", () => {
    const connector = runCase("bench/cases/batchResults.ts", "connector");
    const sdk = runCase("bench/cases/batchResults.ts", "sdk");
    // One line in 50 is errored, one canceled and one expired; the rest succeeded.
    expect(connector.succeeded).toBe(2000 - 3 * 40);
    expect(sdk.succeeded).toBe(connector.succeeded);
    expect(connector.ms).toBeGreaterThan(0);
  }, 60_000);

  it("big inputs: both sides send both payloads", () => {
    for (const kind of ["pdf", "conversation"]) {
      for (const side of ["connector", "axios"]) {
        const result = runCase("bench/cases/bigInputs.ts", side, kind);
        expect(result.payloadMb).toBeCloseTo(1, 1);
        expect(result.ms).toBeGreaterThan(0);
      }
    }
  }, 120_000);
});
