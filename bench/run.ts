/**
 * `npm run bench`: every case in fresh processes, the connector and its peers interleaved in the
 * same run, then medians, min-max and ratios against the targets, printed and written to
 * bench/RESULTS.md. Not part of `npm test`: timings belong here, never in unit tests.
 *
 *   npm run bench                     every case
 *   npm run bench -- streams batch    only the named cases (cold, streams, requests, batch, big),
 *                                     printed but not written to bench/RESULTS.md
 *   BENCH_PROCESSES=5 (fresh processes per case and side), BENCH_COLD=30 (cold starts per side)
 *
 * Every case talks over loopback HTTP to bench/support/stubServer.ts, started here in a process
 * of its own, so the server's work is never counted in a side's time or memory.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildFloor } from "./support/floor";
import { startStub } from "./support/startStub";

const ROOT = path.resolve(__dirname, "..");
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 5);
const COLD = Number(process.env.BENCH_COLD ?? 30);
const CASES = ["cold", "streams", "requests", "batch", "big"] as const;
type CaseName = (typeof CASES)[number];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const range = (values: number[]): string =>
  `${Math.min(...values).toFixed(2)}-${Math.max(...values).toFixed(2)}`;

const jsonLine = (output: string): Record<string, number> => {
  const line = output
    .trim()
    .split("\n")
    .reverse()
    .find((text) => text.startsWith("{"));
  if (!line) throw new Error(`a case printed no result:\n${output}`);
  return JSON.parse(line) as Record<string, number>;
};

let stubUrl = "";
const run = (command: string, args: string[]): string => {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, BENCH_URL: stubUrl },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
};
/** A case script in a fresh Node process, with gc exposed so memory baselines are settled. */
const runCase = (script: string, ...args: string[]) =>
  jsonLine(run("node", ["--expose-gc", "--import", "tsx", script, ...args]));

interface Row {
  case: string;
  side: string;
  values: number[];
  unit: string;
  /** The side this one is compared with (in the same case), and the target ratio. */
  against?: string;
  target?: number;
  /** A target on the value itself, not a ratio: "≤ 1 ms". */
  limit?: number;
}

const rows: Row[] = [];
const add = (row: Row) => rows.push(row);

const coldStart = () => {
  const floorBundle = buildFloor("bench/.floor");
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < COLD; i++) {
    // Interleaved, so machine noise falls on both alike.
    ours.push(jsonLine(run("node", ["bench/cases/coldStart.js", "dist/index.js"])).ms);
    floor.push(jsonLine(run("node", ["bench/cases/coldStart.js", floorBundle])).ms);
  }
  const name = "cold start: require of dist/index.js";
  add({
    case: name,
    side: "connector",
    values: ours,
    unit: "ms",
    against: "minimal spectral component",
    target: 1.1,
  });
  add({ case: name, side: "minimal spectral component", values: floor, unit: "ms" });
};

const streams = () => {
  const results = Array.from({ length: PROCESSES }, () => runCase("bench/cases/streams.ts"));
  const of = (key: string) => results.map((result) => result[key]);
  for (const [stream, name] of [
    ["text", "stream to final Message: 19.7 MB of text deltas"],
    ["tool", "stream to final Message: 1 MB tool input in 10,000 pieces"],
  ]) {
    add({
      case: name,
      side: "connector Chat",
      values: of(`${stream}.connector`),
      unit: "ms",
      against: "SDK messages.stream",
      target: 0.4,
    });
    add({
      case: name,
      side: "connector Chat ",
      values: of(`${stream}.connector`),
      unit: "ms",
      against: "node:http floor",
      target: 1.3,
    });
    add({ case: name, side: "SDK messages.stream", values: of(`${stream}.sdk`), unit: "ms" });
    add({ case: name, side: "node:http floor", values: of(`${stream}.floor`), unit: "ms" });
  }
};

const requests = () => {
  const results = Array.from({ length: PROCESSES }, () => runCase("bench/cases/requests.ts"));
  const of = (key: string) => results.map((result) => result[key]);
  for (const concurrency of [1, 32]) {
    const name = `request overhead: 2,000 small chats, ${concurrency === 1 ? "sequential" : "32 at a time"}, per call`;
    const c = `c${concurrency}`;
    add({
      case: name,
      side: "connector perform",
      values: of(`perform.${c}`),
      unit: "ms",
      against: "bare axios.post",
      target: 1.15,
    });
    add({
      case: name,
      side: "connector through the harness",
      values: of(`harness.${c}`),
      unit: "ms",
      against: "bare axios.post",
    });
    add({
      case: name,
      side: "SDK messages.create",
      values: of(`sdk.${c}`),
      unit: "ms",
      against: "bare axios.post",
    });
    add({ case: name, side: "bare axios.post", values: of(`axios.${c}`), unit: "ms" });
  }
  add({
    case: "structured output: added per call after the first",
    side: "Output Schema minus plain chat",
    values: results.map((result) => result.structuredMs - result.plainMs),
    unit: "ms",
    limit: 1,
  });
};

const batch = () => {
  const connector: Record<string, number>[] = [];
  const sdk: Record<string, number>[] = [];
  for (let i = 0; i < PROCESSES; i++) {
    connector.push(runCase("bench/cases/batchResults.ts", "connector"));
    sdk.push(runCase("bench/cases/batchResults.ts", "sdk"));
  }
  const name = "batch results: counts and a page of 100 from 100,000 lines";
  add({
    case: name,
    side: "connector Get Batch Results",
    values: connector.map((r) => r.ms),
    unit: "ms",
    against: "SDK batches.results()",
    target: 1.2,
  });
  add({ case: name, side: "SDK batches.results()", values: sdk.map((r) => r.ms), unit: "ms" });
  add({
    case: name,
    side: "connector peak RSS growth",
    values: connector.map((r) => r.peakRssMb),
    unit: "MB",
    limit: 25,
  });
  add({ case: name, side: "SDK peak RSS growth", values: sdk.map((r) => r.peakRssMb), unit: "MB" });
};

const big = () => {
  for (const [kind, label] of [
    ["pdf", "big input: a 20 MB PDF"],
    ["conversation", "big input: a 30 MB conversation"],
  ]) {
    const connector: Record<string, number>[] = [];
    const floor: Record<string, number>[] = [];
    for (let i = 0; i < PROCESSES; i++) {
      connector.push(runCase("bench/cases/bigInputs.ts", "connector", kind));
      floor.push(runCase("bench/cases/bigInputs.ts", "axios", kind));
    }
    add({
      case: label,
      side: "connector Chat, peak RSS / payload",
      values: connector.map((r) => r.multiple),
      unit: "x",
      against: "bare axios.post, peak RSS / payload",
      target: 1,
    });
    add({
      case: label,
      side: "bare axios.post, peak RSS / payload",
      values: floor.map((r) => r.multiple),
      unit: "x",
    });
    add({
      case: label,
      side: "connector Chat, time",
      values: connector.map((r) => r.ms),
      unit: "ms",
      against: "bare axios.post, time",
    });
    add({ case: label, side: "bare axios.post, time", values: floor.map((r) => r.ms), unit: "ms" });
  }
};

/**
 * The median of each run's ratio to the peer's run beside it (the i-th of one side ran next to
 * the i-th of the other): a slow patch of the machine falls on both of a pair, so it cancels here
 * where it would move a ratio of two medians.
 */
const pairedRatio = (values: number[], base: number[]): number =>
  median(values.map((value, i) => value / base[i]));

const RUNNERS: Record<CaseName, () => void> = { cold: coldStart, streams, requests, batch, big };

const table = (): string[] => [
  "| Case | Side | Median | Min-max | Ratio | Target |",
  "| --- | --- | --- | --- | --- | --- |",
  ...rows.map((row) => {
    const base = row.against
      ? rows.find((other) => other.case === row.case && other.side === row.against)?.values
      : undefined;
    const ratio = base?.length ? pairedRatio(row.values, base) : undefined;
    const verdict = (met: boolean) => (met ? "met" : "missed");
    const target =
      row.target !== undefined && ratio !== undefined
        ? `≤ ${row.target}x ${row.against} (${verdict(ratio <= row.target)})`
        : row.limit !== undefined
          ? `< ${row.limit} ${row.unit} (${verdict(median(row.values) < row.limit)})`
          : "";
    return `| ${row.case} | ${row.side.trim()} | ${median(row.values).toFixed(2)} ${row.unit} | ${range(row.values)} | ${ratio === undefined ? "" : `${ratio.toFixed(2)}x ${row.against}`} | ${target} |`;
  }),
];

const isCase = (name: string): name is CaseName => (CASES as readonly string[]).includes(name);

const main = async () => {
  const named = process.argv.slice(2);
  const unknown = named.filter((name) => !isCase(name));
  if (unknown.length)
    throw new Error(`No case named ${unknown.join(", ")}: choose from ${CASES.join(", ")}.`);
  const chosen = [...new Set(named.filter(isCase))];
  run("npm", ["run", "build"]);
  const stub = await startStub();
  stubUrl = stub.url;
  try {
    for (const name of chosen.length ? chosen : CASES) RUNNERS[name]();
  } finally {
    stub.stop();
  }
  const lines = table();
  const commit = run("git", ["rev-parse", "--short", "HEAD"]).trim();
  const header = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString()}: ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, commit ${commit}. ${PROCESSES} fresh processes per case and side, ${COLD} cold starts per side; medians; each ratio is the median of the ratios of runs made side by side. Every case talks to bench/support/stubServer.ts over loopback HTTP.`,
    "",
  ];
  console.log(lines.join("\n"));
  // A run of some cases only would replace the whole table with part of it.
  if (chosen.length && chosen.length < CASES.length) {
    console.log("\nSome cases only: bench/RESULTS.md is written by a run of every case.");
    return;
  }
  writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), `${[...header, ...lines].join("\n")}\n`);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
