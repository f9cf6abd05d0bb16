/**
 * Big inputs: a 20 MB PDF and a 30 MB conversation sent to the stub, by the connector's Chat
 * (through spectral's harness, as a step gets them from earlier steps) and by a bare axios.post of
 * the same body, built in the timed part as a caller must. One side and one input per fresh
 * process (`tsx bench/cases/bigInputs.ts connector|axios pdf|conversation`), so peak RSS is that
 * side's own; printed as growth over the payload's size, with the median time of three sends.
 */
import { testing } from "@prismatic-io/spectral";
import axios from "axios";
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

const MB = 1024 * 1024;
const SENDS = 3;
const PDF_MB = Number(process.env.BENCH_PDF_MB ?? 20);
const CONVERSATION_MB = Number(process.env.BENCH_CONVERSATION_MB ?? 30);
const MODEL = "claude-sonnet-4-6";
const PROMPT = "Summarise this.";

/** A PDF-shaped file: the header the connector's sniffing checks, then bytes that do not compress. */
const pdfOf = (bytes: number): Buffer => {
  const file = Buffer.alloc(bytes);
  let state = 1;
  for (let i = 0; i < bytes; i++) {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    file[i] = state >> 16;
  }
  file.write("%PDF-1.7\n", 0);
  file.write("\n%%EOF\n", bytes - 7);
  return file;
};

/** Turns of about 10 KB each, user and assistant in turn, ending with the assistant. */
const conversationOf = (bytes: number): Array<{ role: string; content: string }> => {
  const turn = "The quarterly figures, line by line, as the customer sent them. ".repeat(160);
  const turns = Math.round(bytes / turn.length / 2) * 2;
  return Array.from({ length: turns }, (_, i) => ({
    role: i % 2 === 0 ? "user" : "assistant",
    content: `${i}: ${turn}`,
  }));
};

const harness = testing.createHarness(component);
const chat = (inputs: Record<string, unknown>) =>
  harness.action(
    "chat",
    { connection, model: MODEL, maxTokens: "1024", initialMessage: PROMPT, ...inputs },
    { logger: quietLogger } as unknown as Parameters<typeof harness.action>[2],
  );

const http = axios.create({
  baseURL: `${STUB_URL}/v1`,
  headers: { "x-api-key": BENCH_KEY, "anthropic-version": "2023-06-01" },
  maxBodyLength: Number.POSITIVE_INFINITY,
  maxContentLength: Number.POSITIVE_INFINITY,
});
const post = (messages: unknown[]) =>
  http.post("/messages", { model: MODEL, max_tokens: 1024, messages });

const SENDERS = {
  pdf: {
    payload: () => pdfOf(PDF_MB * MB),
    connector: (pdf: Buffer) => chat({ files: [{ data: pdf, contentType: "application/pdf" }] }),
    axios: (pdf: Buffer) =>
      post([
        {
          role: "user",
          content: [
            {
              type: "document",
              source: {
                type: "base64",
                media_type: "application/pdf",
                data: pdf.toString("base64"),
              },
            },
            { type: "text", text: PROMPT },
          ],
        },
      ]),
  },
  conversation: {
    payload: () => conversationOf(CONVERSATION_MB * MB),
    connector: (turns: unknown[]) => chat({ messages: turns }),
    axios: (turns: unknown[]) => post([...turns, { role: "user", content: PROMPT }]),
  },
} as const;

const main = async () => {
  const side = process.argv[2] === "axios" ? "axios" : "connector";
  const kind = process.argv[3] === "conversation" ? "conversation" : "pdf";
  const sender = SENDERS[kind];
  const payload = sender.payload();
  const payloadMb =
    (Buffer.isBuffer(payload) ? payload.length : Buffer.byteLength(JSON.stringify(payload))) / MB;
  const send = sender[side] as (value: typeof payload) => Promise<unknown>;
  // A small send first, so modules and sockets are warm before the baseline is read.
  await (side === "axios" ? post([{ role: "user", content: "hi" }]) : chat({}));
  settle();
  const baseline = process.memoryUsage().rss;
  const times: number[] = [];
  for (let i = 0; i < SENDS; i++) times.push(await elapsedMs(() => send(payload)));
  const growth = peakRssGrowthMb(baseline);
  emit({ ms: median(times), peakRssMb: growth, payloadMb, multiple: growth / payloadMb });
};

runCase(main);
