/**
 * Request overhead: small non-streaming chats against the stub server, sequential and 32 at a
 * time, by the connector's Chat with its perform called directly (inputs already cleaned) and
 * through spectral's harness (cleaning included, as the platform runs a step), by the official
 * SDK's messages.create, and by a bare axios.post (the floor). Then the per-call cost an Output
 * Schema adds to a chat. Prints one JSON line of ms per call.
 */
import Anthropic from "@anthropic-ai/sdk";
import { type ActionInputParameters, testing } from "@prismatic-io/spectral";
import axios from "axios";
import component from "../../src";
import { chat } from "../../src/actions/messages/chat";
import {
  BENCH_KEY,
  connection,
  emit,
  median,
  perCallMs,
  quietContext,
  quietLogger,
  runCase,
  STUB_URL,
} from "../support/common";

const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
const CONCURRENCY = 32;
const ROUNDS = 10;
const SCHEMA = {
  type: "object",
  properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
  required: ["name", "email"],
};

type ChatInputs = typeof chat.inputs;
const raw = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  connection,
  model: "claude-haiku-4-5",
  initialMessage: "hi",
  maxTokens: "64",
  ...extra,
});
/** Each input through its own clean function once, as spectral does before a perform runs. */
const cleaned = (values: Record<string, unknown>): ActionInputParameters<ChatInputs> =>
  Object.fromEntries(
    Object.entries(chat.inputs).map(([key, input]) => {
      const { clean, default: fallback } = input as {
        clean?: (v: unknown) => unknown;
        default?: unknown;
      };
      const value = values[key] ?? fallback;
      return [key, clean ? clean(value) : value];
    }),
  ) as ActionInputParameters<ChatInputs>;

const main = async () => {
  const harness = testing.createHarness(component);
  const harnessContext = { logger: quietLogger } as unknown as Parameters<typeof harness.action>[2];
  const body = {
    model: "claude-haiku-4-5",
    max_tokens: 64,
    messages: [{ role: "user" as const, content: "hi" }],
  };
  const sdk = new Anthropic({ apiKey: BENCH_KEY, baseURL: STUB_URL, maxRetries: 0 });
  const http = axios.create({
    baseURL: `${STUB_URL}/v1`,
    headers: { "x-api-key": BENCH_KEY, "anthropic-version": "2023-06-01" },
  });
  const plain = cleaned(raw());
  const structured = cleaned(raw({ outputSchema: JSON.stringify(SCHEMA) }));
  const sides: Record<string, () => Promise<unknown>> = {
    perform: () => chat.perform(quietContext, plain),
    harness: () => harness.action("chat", raw(), harnessContext),
    sdk: () => sdk.messages.create(body),
    axios: () => http.post("/messages", body),
  };
  // Sides take turns in rounds, so a slow patch of the machine falls on all of them alike, and
  // each side's figure is its median round, so one such patch does not move it.
  const rounds: Record<string, number[]> = {};
  for (const concurrency of [1, CONCURRENCY]) {
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, run] of Object.entries(sides)) {
        const key = `${name}.c${concurrency}`;
        rounds[key] = [...(rounds[key] ?? []), await perCallMs(CALLS / ROUNDS, concurrency, run)];
      }
    }
  }
  const result: Record<string, number> = Object.fromEntries(
    Object.entries(rounds).map(([key, values]) => [key, median(values)]),
  );
  result.structuredMs = await perCallMs(CALLS / 4, 1, () => chat.perform(quietContext, structured));
  result.plainMs = await perCallMs(CALLS / 4, 1, () => chat.perform(quietContext, plain));
  emit(result);
};

runCase(main);
