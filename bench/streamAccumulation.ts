/**
 * How fast Chat assembles a streamed answer, against the official SDK doing the
 * same work in the same run: both read identical server-sent-event bytes for a
 * long answer (text deltas plus a tool call's JSON) and build the final Message.
 *
 *   npm run bench
 *
 * Prints each side's median time and heap growth, and the ratio (ours / SDK;
 * below 1 means faster). Not part of `npm test`: timings belong here, not in
 * unit tests.
 */
import { Readable } from "node:stream";
import Anthropic from "@anthropic-ai/sdk";
import { readMessageStream } from "../src/messages/stream";

const TEXT_TOKENS = Number(process.env.BENCH_TOKENS ?? 30_000);
const JSON_PIECES = 2_000;
const CHUNK_BYTES = 16 * 1024;
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const event = (type: string, data: object): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

/** One long answer as the API streams it: text in 4-character deltas, then a tool call. */
const buildStream = (): Buffer => {
  const parts = [
    event("message_start", {
      message: {
        id: "msg_bench",
        type: "message",
        role: "assistant",
        model: "claude-sonnet-4-6",
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 12, output_tokens: 1 },
      },
    }),
    event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
    event("ping", {}),
  ];
  for (let i = 0; i < TEXT_TOKENS; i++)
    parts.push(
      event("content_block_delta", { index: 0, delta: { type: "text_delta", text: "lore" } }),
    );
  parts.push(event("content_block_stop", { index: 0 }));
  parts.push(
    event("content_block_start", {
      index: 1,
      content_block: { type: "tool_use", id: "toolu_bench", name: "save_report", input: {} },
    }),
  );
  const json = JSON.stringify({
    rows: Array.from({ length: JSON_PIECES }, (_, i) => ({ id: i, label: `row ${i}` })),
  });
  const piece = Math.ceil(json.length / JSON_PIECES);
  for (let at = 0; at < json.length; at += piece) {
    parts.push(
      event("content_block_delta", {
        index: 1,
        delta: { type: "input_json_delta", partial_json: json.slice(at, at + piece) },
      }),
    );
  }
  parts.push(event("content_block_stop", { index: 1 }));
  parts.push(
    event("message_delta", {
      delta: { stop_reason: "tool_use", stop_sequence: null },
      usage: { output_tokens: TEXT_TOKENS + 500 },
    }),
  );
  parts.push(event("message_stop", {}));
  return Buffer.from(parts.join(""));
};

const chunks = (bytes: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += CHUNK_BYTES)
    out.push(bytes.subarray(at, at + CHUNK_BYTES));
  return out;
};

const ours = async (parts: Buffer[]) => readMessageStream(Readable.from(parts));

const sdk = async (parts: Buffer[]) => {
  const client = new Anthropic({
    apiKey: "bench",
    baseURL: "http://bench.invalid",
    maxRetries: 0,
    fetch: async () =>
      new Response(
        new ReadableStream({
          start(controller) {
            for (const part of parts) controller.enqueue(new Uint8Array(part));
            controller.close();
          },
        }),
        { headers: { "content-type": "text/event-stream", "request-id": "req_bench" } },
      ),
  });
  return client.messages
    .stream({
      model: "claude-sonnet-4-6",
      max_tokens: 64_000,
      messages: [{ role: "user", content: "x" }],
    })
    .finalMessage();
};

interface Measure {
  medianMs: number;
  heapMb: number;
}

const measure = async (
  run: (parts: Buffer[]) => Promise<unknown>,
  parts: Buffer[],
): Promise<Measure> => {
  await run(parts); // warm-up: JIT and module loading are not what is measured
  const times: number[] = [];
  let heapGrowth = 0;
  for (let i = 0; i < RUNS; i++) {
    const heapBefore = process.memoryUsage().heapUsed;
    const started = process.hrtime.bigint();
    await run(parts);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    heapGrowth = Math.max(heapGrowth, process.memoryUsage().heapUsed - heapBefore);
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], heapMb: heapGrowth / 1024 / 1024 };
};

const main = async () => {
  const bytes = buildStream();
  const parts = chunks(bytes);
  const [mine, theirs] = await Promise.all([ours(parts), sdk(parts)]);
  if (JSON.stringify(mine.content) !== JSON.stringify(theirs.content)) {
    throw new Error(
      "The two sides assembled different messages; the comparison would be meaningless.",
    );
  }
  // Alternate the sides so machine noise falls on both alike.
  const a = await measure(ours, parts);
  const b = await measure(sdk, parts);
  const a2 = await measure(ours, parts);
  const b2 = await measure(sdk, parts);
  const oursMs = Math.min(a.medianMs, a2.medianMs);
  const sdkMs = Math.min(b.medianMs, b2.medianMs);
  console.log(
    `stream: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${TEXT_TOKENS} text deltas + ${JSON_PIECES} JSON deltas, ${RUNS} runs per side`,
  );
  console.log(
    `connector readMessageStream: median ${oursMs.toFixed(1)} ms, peak heap growth ${Math.max(a.heapMb, a2.heapMb).toFixed(1)} MB`,
  );
  console.log(
    `@anthropic-ai/sdk messages.stream: median ${sdkMs.toFixed(1)} ms, peak heap growth ${Math.max(b.heapMb, b2.heapMb).toFixed(1)} MB`,
  );
  console.log(`ratio (connector / SDK): ${(oursMs / sdkMs).toFixed(2)}x time`);
  // For bench/run.ts, which starts this in fresh processes and takes the medians.
  if (process.env.BENCH_JSON) console.log(JSON.stringify({ connectorMs: oursMs, sdkMs }));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
