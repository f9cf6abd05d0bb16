/**
 * Request overhead: N small non-streaming chats against the local simulator, sequential, by
 * the connector's Chat (through spectral's harness), the official SDK's messages.create, and a
 * bare axios.post (the floor); then the per-call cost a chat with an Output Schema adds.
 * Prints one JSON line of medians per side.
 */
import Anthropic from "@anthropic-ai/sdk";
import { type Connection, testing } from "@prismatic-io/spectral";
import axios from "axios";
import component from "../../src";
import { SIMULATOR_API_KEY, startSimulator } from "../../test/simulator";

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const SCHEMA = {
  type: "object",
  properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
  required: ["name", "email"],
};

const timed = async (calls: number, run: (i: number) => Promise<unknown>): Promise<number> => {
  for (let i = 0; i < 20; i++) await run(i); // warm-up
  const started = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await run(i);
  return Number(process.hrtime.bigint() - started) / 1e6 / calls;
};

const main = async () => {
  const sim = await startSimulator();
  const harness = testing.createHarness(component);
  const connection: Connection = {
    key: "anthropic",
    configVarKey: "anthropicConnection",
    fields: { apiKey: SIMULATOR_API_KEY, baseUrl: sim.url },
  };
  const quiet = {
    logger: { info() {}, warn() {}, error() {}, debug() {}, log() {}, trace() {}, metric() {} },
  };
  const body = {
    model: "claude-haiku-4-5",
    max_tokens: 64,
    messages: [{ role: "user", content: "hi" }],
  };
  const sdk = new Anthropic({ apiKey: SIMULATOR_API_KEY, baseURL: sim.url, maxRetries: 0 });
  const http = axios.create({
    baseURL: `${sim.url}/v1`,
    headers: { "x-api-key": SIMULATOR_API_KEY, "anthropic-version": "2023-06-01" },
  });
  const chat = (extra: Record<string, unknown>) => () =>
    harness.action(
      "chat",
      { connection, model: "claude-haiku-4-5", initialMessage: "hi", maxTokens: "64", ...extra },
      quiet as Parameters<typeof harness.action>[2],
    );
  const result = {
    connectorMs: await timed(CALLS, chat({})),
    sdkMs: await timed(CALLS, () =>
      sdk.messages.create(body as Anthropic.MessageCreateParamsNonStreaming),
    ),
    axiosMs: await timed(CALLS, () => http.post("/messages", body)),
    structuredMs: await timed(CALLS / 4, chat({ outputSchema: JSON.stringify(SCHEMA) })),
    plainMs: await timed(CALLS / 4, chat({})),
  };
  sim.requests.length = 0;
  await sim.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
