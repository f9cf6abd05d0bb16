/**
 * The server every benchmark talks to over loopback: an Anthropic-shaped stub that answers from
 * bytes built once (bench/support/payloads.ts), so what is timed is the client, not a server's
 * work. It runs in its own process (`tsx bench/support/stubServer.ts`), so its memory and CPU
 * are not counted in a case's, and prints `{"url": ...}` when it listens.
 *
 *   POST /v1/messages          small JSON message (JSON that fits the bench's schema when an
 *                              output_config.format is sent); with "stream": true, the SSE
 *                              stream the last user turn names ("bench:text" or "bench:tool")
 *   GET  /v1/messages/batches/:id            an ended batch whose results_url points here
 *   GET  /v1/messages/batches/:id/results    the results file, as application/binary
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { BENCH_BATCH_ID, resultsFile, textStream, toolStream } from "./payloads";

/** Bodies above this are drained, not parsed: they are the big-input case's, never a stream's. */
const PARSED_BODY_LIMIT = 256 * 1024;

export const STREAMS = {
  text: textStream(Number(process.env.BENCH_TEXT_MB ?? 19.7)),
  tool: toolStream(1, 10_000),
} as const;
const RESULTS = resultsFile(Number(process.env.BENCH_RESULT_LINES ?? 100_000));

const messageWith = (text: string) =>
  JSON.stringify({
    id: "msg_bench",
    type: "message",
    role: "assistant",
    model: "claude-haiku-4-5",
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 8, output_tokens: 3 },
  });
const MESSAGE = messageWith("Hello!");
/** The answer to a request with an Output Schema (output_config.format), which it must fit. */
const STRUCTURED = messageWith(JSON.stringify({ name: "Ada", email: "ada@example.com" }));

let served = 0;
const requestId = () => `req_bench${(served++).toString(36).padStart(12, "0")}`;

const lastUserText = (body: { messages?: Array<{ content?: unknown }> }): string => {
  const content = body.messages?.at(-1)?.content;
  if (typeof content === "string") return content;
  return Array.isArray(content) ? JSON.stringify(content) : "";
};

const server = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (chunk: Buffer) => {
    size += chunk.length;
    if (size <= PARSED_BODY_LIMIT) chunks.push(chunk);
  });
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://bench");
    const headers = { "request-id": requestId() };
    if (req.method === "POST" && url.pathname === "/v1/messages") {
      const body = size <= PARSED_BODY_LIMIT ? JSON.parse(Buffer.concat(chunks).toString()) : {};
      if (body.stream === true) {
        const stream = lastUserText(body).includes("bench:tool") ? STREAMS.tool : STREAMS.text;
        res.writeHead(200, { ...headers, "content-type": "text/event-stream" });
        res.end(stream);
        return;
      }
      res.writeHead(200, { ...headers, "content-type": "application/json" });
      res.end(body.output_config?.format ? STRUCTURED : MESSAGE);
      return;
    }
    const batch = `/v1/messages/batches/${BENCH_BATCH_ID}`;
    if (req.method === "GET" && url.pathname === batch) {
      res.writeHead(200, { ...headers, "content-type": "application/json" });
      res.end(
        JSON.stringify({
          id: BENCH_BATCH_ID,
          type: "message_batch",
          processing_status: "ended",
          request_counts: { processing: 0, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
          ended_at: "2026-12-04T00:00:00Z",
          created_at: "2026-12-03T00:00:00Z",
          expires_at: "2026-12-04T00:00:00Z",
          archived_at: null,
          cancel_initiated_at: null,
          results_url: `http://${req.headers.host}${batch}/results`,
        }),
      );
      return;
    }
    if (req.method === "GET" && url.pathname === `${batch}/results`) {
      res.writeHead(200, { ...headers, "content-type": "application/binary" });
      res.end(RESULTS);
      return;
    }
    res.writeHead(404, { ...headers, "content-type": "application/json" });
    res.end(
      JSON.stringify({
        type: "error",
        error: { type: "not_found_error", message: `${req.method} ${url.pathname}` },
      }),
    );
  });
});
server.keepAliveTimeout = 60_000;

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
