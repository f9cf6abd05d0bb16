/**
 * `npm run bench`: every case in fresh processes, the connector and its peers interleaved in
 * the same run, then medians, min-max and ratios printed and written to bench/RESULTS.md.
 * Not part of `npm test`: timings belong here, never in unit tests.
 *
 *   BENCH_PROCESSES=5 (runs of each case), BENCH_COLD=20 (cold starts per side)
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 5);
const COLD = Number(process.env.BENCH_COLD ?? 20);
const TSX = path.join(ROOT, "node_modules", ".bin", "tsx");

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

const run = (command: string, args: string[], env: Record<string, string> = {}): string => {
  const result = spawnSync(command, args, {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed:\n${result.stderr}`);
  return result.stdout;
};

interface Row {
  case: string;
  side: string;
  values: number[];
  unit: string;
  /** The side this one is compared with, and the target ratio (undefined: no target). */
  against?: string;
  target?: number;
}

const rows: Row[] = [];
const values = (side: string): number[] => rows.find((row) => row.side === side)?.values ?? [];

const coldStart = () => {
  run("npx", [
    "webpack",
    "--entry-reset",
    "--entry",
    "./bench/floor/component.js",
    "--output-path",
    "bench/.floor",
  ]);
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < COLD; i++) {
    // Interleaved, so machine noise falls on both alike.
    ours.push(jsonLine(run("node", ["bench/cases/coldStart.js", "dist/index.js"])).ms);
    floor.push(jsonLine(run("node", ["bench/cases/coldStart.js", "bench/.floor/index.js"])).ms);
  }
  rows.push({
    case: "cold start: require of the bundle",
    side: "connector",
    values: ours,
    unit: "ms",
    against: "minimal spectral component",
    target: 1.1,
  });
  rows.push({
    case: "cold start: require of the bundle",
    side: "minimal spectral component",
    values: floor,
    unit: "ms",
  });
};

const repeated = (script: string, env: Record<string, string>) =>
  Array.from({ length: PROCESSES }, () => jsonLine(run(TSX, [script], env)));

const streaming = () => {
  const results = repeated("bench/streamAccumulation.ts", { BENCH_JSON: "1", BENCH_RUNS: "5" });
  const name = "stream to final Message (3.7 MB SSE)";
  rows.push({
    case: name,
    side: "connector stream",
    values: results.map((r) => r.connectorMs),
    unit: "ms",
    against: "SDK messages.stream",
    target: 0.4,
  });
  rows.push({
    case: name,
    side: "SDK messages.stream",
    values: results.map((r) => r.sdkMs),
    unit: "ms",
  });
};

const requests = () => {
  const results = repeated("bench/cases/requests.ts", {});
  const name = "request overhead: small chats, sequential, per call";
  rows.push({
    case: name,
    side: "connector chat (harness)",
    values: results.map((r) => r.connectorMs),
    unit: "ms",
    against: "bare axios.post",
    target: 1.15,
  });
  rows.push({
    case: name,
    side: "SDK messages.create",
    values: results.map((r) => r.sdkMs),
    unit: "ms",
    against: "bare axios.post",
  });
  rows.push({
    case: name,
    side: "bare axios.post",
    values: results.map((r) => r.axiosMs),
    unit: "ms",
  });
  rows.push({
    case: "structured output: added per call",
    side: "output schema minus plain",
    values: results.map((r) => r.structuredMs - r.plainMs),
    unit: "ms",
  });
};

const main = () => {
  run("npm", ["run", "build"]);
  coldStart();
  streaming();
  requests();
  const lines = [
    "| Case | Side | Median | Min-max | Ratio | Target |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map((row) => {
      const base = row.against ? values(row.against) : [];
      const ratio = base.length ? median(row.values) / median(base) : undefined;
      const target =
        row.target === undefined
          ? ""
          : `≤ ${row.target}x ${row.against}${ratio !== undefined && ratio > row.target ? " (missed)" : " (met)"}`;
      return `| ${row.case} | ${row.side} | ${median(row.values).toFixed(2)} ${row.unit} | ${range(row.values)} | ${ratio === undefined ? "" : `${ratio.toFixed(2)}x ${row.against}`} | ${target} |`;
    }),
  ];
  const commit = run("git", ["rev-parse", "--short", "HEAD"]).trim();
  const header = [
    "# Benchmark results",
    "",
    `Written by \`npm run bench\` on ${new Date().toISOString()}: ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores), Node ${process.version}, commit ${commit}. ${PROCESSES} fresh processes per case, ${COLD} cold starts per side; medians, ratios within this run.`,
    "",
  ];
  writeFileSync(path.join(ROOT, "bench", "RESULTS.md"), `${[...header, ...lines].join("\n")}\n`);
  console.log(lines.join("\n"));
};

main();
