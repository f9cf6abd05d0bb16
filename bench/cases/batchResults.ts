/**
 * Batch results: the counts by type and one page of 100 from the middle of a 100,000-line results
 * file, served by the stub. One side per fresh process (`tsx bench/cases/batchResults.ts
 * connector|sdk`), so its peak RSS is its own: the connector's Get Batch Results (through
 * spectral's harness), or the official SDK's `batches.results()` iterator, counting every line
 * and keeping the same page. Prints the median time of three reads and the peak RSS growth.
 */
import Anthropic from "@anthropic-ai/sdk";
import { testing } from "@prismatic-io/spectral";
import component from "../../src";
import {
  BENCH_KEY,
  connection,
  elapsedMs,
  emit,
  median,
  peakRssGrowthMb,
  quietLogger,
  runCase,
  STUB_URL,
  settle,
} from "../support/common";
import { BENCH_BATCH_ID } from "../support/payloads";

/** The stub's file length (bench/support/stubServer.ts reads the same variable). */
const LINES = Number(process.env.BENCH_RESULT_LINES ?? 100_000);
const OFFSET = LINES / 2;
const LIMIT = 100;
const READS = 3;

interface Outcome {
  total: number;
  succeeded: number;
  first: string;
  last: string;
}

const harness = testing.createHarness(component);
const connector = async (): Promise<Outcome> => {
  const { data } = (await harness.action(
    "getBatchResults",
    { connection, batchId: BENCH_BATCH_ID, offset: String(OFFSET), limit: String(LIMIT) },
    { logger: quietLogger } as unknown as Parameters<typeof harness.action>[2],
  )) as {
    data: { total: number; counts: { succeeded: number }; results: Array<{ custom_id: string }> };
  };
  return {
    total: data.total,
    succeeded: data.counts.succeeded,
    first: data.results[0].custom_id,
    last: data.results[LIMIT - 1].custom_id,
  };
};

const client = new Anthropic({ apiKey: BENCH_KEY, baseURL: STUB_URL, maxRetries: 0 });
const sdk = async (): Promise<Outcome> => {
  let total = 0;
  let succeeded = 0;
  const page: string[] = [];
  for await (const line of await client.messages.batches.results(BENCH_BATCH_ID)) {
    if (total >= OFFSET && page.length < LIMIT) page.push(line.custom_id);
    if (line.result.type === "succeeded") succeeded++;
    total++;
  }
  return { total, succeeded, first: page[0], last: page[LIMIT - 1] };
};

const main = async () => {
  const side = process.argv[2] === "sdk" ? sdk : connector;
  settle();
  const baseline = process.memoryUsage().rss;
  const times: number[] = [];
  let outcome: Outcome | undefined;
  for (let i = 0; i < READS; i++) {
    times.push(
      await elapsedMs(async () => {
        outcome = await side();
      }),
    );
  }
  // Both sides must have read the same file to the same page, or the comparison is meaningless.
  if (outcome?.total !== LINES || outcome.first !== `prompt-${OFFSET + 1}`) {
    throw new Error(`unexpected outcome: ${JSON.stringify(outcome)}`);
  }
  emit({ ms: median(times), peakRssMb: peakRssGrowthMb(baseline), succeeded: outcome.succeeded });
};

runCase(main);
