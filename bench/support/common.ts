/** What every case shares: the stub's address, a connection to it, quiet steps, clocks. */
import type { ActionContext, Connection } from "@prismatic-io/spectral";

/** The stub server bench/run.ts started (bench/support/stubServer.ts). */
export const STUB_URL = (() => {
  const url = process.env.BENCH_URL;
  if (!url) throw new Error("BENCH_URL is not set: run the cases through `npm run bench`.");
  return url;
})();
export const BENCH_KEY = "sk-ant-bench-0000000000000000";

export const connection: Connection = {
  key: "anthropic",
  configVarKey: "anthropicConnection",
  fields: { apiKey: BENCH_KEY, baseUrl: STUB_URL },
};

const quiet = () => undefined;
export const quietLogger = {
  info: quiet,
  warn: quiet,
  error: quiet,
  debug: quiet,
  log: quiet,
  trace: quiet,
  metric: quiet,
};
/** The parts of a step's context the connector reads; enough to call a perform directly. */
export const quietContext = {
  logger: quietLogger,
  debug: { enabled: false },
} as unknown as ActionContext;

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

export const elapsedMs = async (work: () => Promise<unknown>): Promise<number> => {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
};

/** Milliseconds per call for `calls` calls, `concurrency` at a time, after a warm-up. */
export const perCallMs = async (
  calls: number,
  concurrency: number,
  run: (i: number) => Promise<unknown>,
): Promise<number> => {
  for (let i = 0; i < 20; i++) await run(i);
  // The previous side's garbage is collected now, not on this side's clock.
  settle();
  let next = 0;
  const worker = async () => {
    while (next < calls) await run(next++);
  };
  const ms = await elapsedMs(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return ms / calls;
};

/** Peak resident memory since `baselineRss` was read, in MB (the process's high-water mark). */
export const peakRssGrowthMb = (baselineRss: number): number =>
  Math.max(0, process.resourceUsage().maxRSS * 1024 - baselineRss) / 1024 / 1024;

/** Settles the heap, so a memory baseline is what is live, not garbage not yet collected. */
export const settle = (): void => {
  (globalThis as { gc?: () => void }).gc?.();
};

/** The one line bench/run.ts reads. */
export const emit = (result: Record<string, number>): void => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

export const runCase = (main: () => Promise<void>): void => {
  main().catch((error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  });
};
