/**
 * Proves the simulator speaks the Anthropic API as the official SDK and plain HTTP clients
 * expect: the SDK half drives @anthropic-ai/sdk against it, the fetch half pins the wire format;
 * the last part covers message batches, files and legacy text completions, both ways.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Anthropic, { toFile } from "@anthropic-ai/sdk";
import Ajv2020 from "ajv/dist/2020";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import {
  type Fault,
  SIMULATOR_API_KEY,
  type Simulator,
  startSimulator,
  validateAgainstSchema,
} from "./simulator";
import { extractSubset } from "./simulator/schema/extractSpec";
import { sharedPath } from "./support/shared";

// the SDK would otherwise pick these up and talk to somewhere else
delete process.env.ANTHROPIC_BASE_URL;
delete process.env.ANTHROPIC_API_KEY;
delete process.env.ANTHROPIC_AUTH_TOKEN;

let sim: Simulator;
let client: Anthropic;

beforeAll(async () => {
  sim = await startSimulator();
  client = new Anthropic({ apiKey: SIMULATOR_API_KEY, baseURL: sim.url, maxRetries: 2 });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const MODEL = "claude-haiku-4-5";
const WEATHER_TOOL = {
  name: "get_weather",
  description: "Current weather for a city",
  input_schema: {
    type: "object" as const,
    properties: {
      location: { type: "string" },
      unit: { type: "string", enum: ["celsius", "fahrenheit"] },
      days: { type: "integer", minimum: 1 },
    },
    required: ["location", "unit"],
  },
};
const TIME_TOOL = {
  name: "get_time",
  input_schema: {
    type: "object" as const,
    properties: { zone: { type: "string" } },
    required: ["zone"],
  },
};

/** finalMessage() adds a `parsed_output` the plain create() result does not have. */
function withoutParsedOutput(message: object): object {
  return Object.fromEntries(Object.entries(message).filter(([key]) => key !== "parsed_output"));
}

interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

const HEADERS = {
  "content-type": "application/json",
  "x-api-key": SIMULATOR_API_KEY,
  "anthropic-version": "2023-06-01",
};

async function api(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string | undefined> } = {},
): Promise<ApiResponse> {
  const headers = Object.fromEntries(
    Object.entries({ ...HEADERS, ...init.headers }).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  );
  const response = await fetch(`${sim.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    body:
      init.body === undefined
        ? undefined
        : typeof init.body === "string"
          ? init.body
          : JSON.stringify(init.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

interface MessageJson {
  id: string;
  model: string;
  content: Array<Record<string, unknown> & { type: string }>;
  stop_reason: string;
  stop_sequence: string | null;
  usage: Record<string, number | object | null | string>;
}

interface ErrorJson {
  type: string;
  error: { type: string; message: string };
  request_id: string;
}

async function create(body: Record<string, unknown>, headers?: Record<string, string>) {
  const response = await api("/v1/messages", {
    body: { model: MODEL, max_tokens: 1024, ...body },
    headers,
  });
  return { ...response, message: response.json as MessageJson, error: response.json as ErrorJson };
}

function userSays(text: string) {
  return { messages: [{ role: "user", content: text }] };
}

function sseEvents(text: string): EventSourceMessage[] {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  parser.feed(text);
  return events;
}

describe("with the official SDK", () => {
  it("creates a message, authenticating the way the SDK does", async () => {
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 256,
      messages: [{ role: "user", content: "Hello, Claude" }],
    });

    expect(message).toMatchObject({
      type: "message",
      role: "assistant",
      model: MODEL,
      stop_reason: "end_turn",
      stop_sequence: null,
      content: [{ type: "text", text: "Simulated reply to: Hello, Claude" }],
    });
    expect(message.id).toMatch(/^msg_[A-Za-z0-9]{24}$/);
    expect(validateAgainstSchema("Message", message)).toBeUndefined();
    const [request] = sim.requests;
    expect(request.headers.authorization).toBe(`Bearer ${SIMULATOR_API_KEY}`);
    expect(request.headers["anthropic-version"]).toBe("2026-10-21");
    expect(validateAgainstSchema("CreateMessageParams", request.body)).toBeUndefined();
  });

  const streamCases: Array<[string, Anthropic.MessageCreateParamsNonStreaming]> = [
    [
      "text",
      { model: MODEL, max_tokens: 256, messages: [{ role: "user", content: "Tell me a story" }] },
    ],
    [
      "tool_use",
      {
        model: MODEL,
        max_tokens: 256,
        tools: [WEATHER_TOOL],
        messages: [{ role: "user", content: "What is the weather in Paris? Use get_weather." }],
      },
    ],
    [
      "thinking",
      {
        model: MODEL,
        max_tokens: 2048,
        thinking: { type: "enabled", budget_tokens: 1024 },
        messages: [{ role: "user", content: "Why is the sky blue?" }],
      },
    ],
    [
      "parallel tool_use",
      {
        model: MODEL,
        max_tokens: 256,
        tools: [WEATHER_TOOL, TIME_TOOL],
        messages: [{ role: "user", content: "Use get_time, then get_weather" }],
      },
    ],
    [
      "cited",
      {
        model: MODEL,
        max_tokens: 256,
        messages: [
          {
            role: "user",
            content: [
              {
                type: "document",
                source: { type: "text", media_type: "text/plain", data: "Grass is green." },
                citations: { enabled: true },
              },
              { type: "text", text: "What colour is grass?" },
            ],
          },
        ],
      },
    ],
    [
      "structured",
      {
        model: MODEL,
        max_tokens: 256,
        output_config: {
          format: {
            type: "json_schema",
            schema: { type: "object", properties: { answer: { type: "string" } } },
          },
        },
        messages: [{ role: "user", content: "Answer as JSON" }],
      },
    ],
    [
      "cut-off",
      {
        model: MODEL,
        max_tokens: 10,
        messages: [{ role: "user", content: "respond with 50 tokens" }],
      },
    ],
    [
      "stop-sequence",
      {
        model: MODEL,
        max_tokens: 100,
        stop_sequences: ["to:"],
        messages: [{ role: "user", content: "Hi" }],
      },
    ],
    [
      "refused",
      {
        model: MODEL,
        max_tokens: 100,
        messages: [{ role: "user", content: "[[simulate:refusal]]" }],
      },
    ],
  ];

  it.each(streamCases)(
    "streams a %s answer that accumulates to the created message",
    async (_, params) => {
      const created = await client.messages.create(params);
      const streamed = await client.messages.stream(params).finalMessage();

      expect(withoutParsedOutput(streamed)).toEqual(created);
      expect(validateAgainstSchema("Message", created)).toBeUndefined();
      expect(sim.requests[1].body).toMatchObject({ stream: true });
    },
  );

  it("lists every model across pages with auto-pagination", async () => {
    const ids: string[] = [];
    for await (const model of client.models.list()) ids.push(model.id);

    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(["claude-sonnet-4-5-20250929", "claude-3-haiku-20240307"]),
    );
    const pages = sim.requests.filter((r) => r.path === "/v1/models");
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages[1].query.after_id).toBe(ids[19]);
  });

  it("resolves an alias to the dated model", async () => {
    const model = await client.models.retrieve("claude-haiku-4-5");
    expect(model.id).toBe("claude-haiku-4-5-20251001");
  });

  it("counts tokens", async () => {
    const count = await client.messages.countTokens({
      model: MODEL,
      messages: [{ role: "user", content: "Hello, Claude" }],
    });
    expect(count.input_tokens).toBeGreaterThan(0);
  });

  it("retries a 529 that says when, and succeeds", async () => {
    sim.enqueueFaults({ status: 529, headers: { "retry-after-ms": "10" } });

    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 64,
      messages: [{ role: "user", content: "Hi" }],
    });

    expect(message.stop_reason).toBe("end_turn");
    expect(sim.requests).toHaveLength(2);
    expect(sim.requests[1].headers["x-stainless-retry-count"]).toBe("1");
  });

  it("retries a dropped connection", async () => {
    sim.enqueueFaults({ drop: true });
    const message = await client.messages.create({
      model: MODEL,
      max_tokens: 64,
      messages: [{ role: "user", content: "Hi" }],
    });
    expect(message.type).toBe("message");
    expect(sim.requests).toHaveLength(2);
  });

  it("surfaces a 400 as BadRequestError with the request id", async () => {
    const failure = await client.messages
      .create({ model: MODEL, max_tokens: -1, messages: [{ role: "user", content: "Hi" }] })
      .catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
    const error = failure as InstanceType<typeof Anthropic.BadRequestError>;
    expect(error.status).toBe(400);
    expect(error.requestID).toMatch(/^req_[A-Za-z0-9]{24}$/);
    expect(error.error).toEqual({
      type: "error",
      error: {
        type: "invalid_request_error",
        message: "max_tokens: Input should be greater than or equal to 0",
      },
      request_id: error.requestID,
    });
    expect(sim.requests).toHaveLength(1);
  });

  it("surfaces a wrong key as AuthenticationError", async () => {
    const stranger = new Anthropic({ apiKey: "sk-ant-wrong", baseURL: sim.url, maxRetries: 0 });
    await expect(
      stranger.messages.create({
        model: MODEL,
        max_tokens: 16,
        messages: [{ role: "user", content: "Hi" }],
      }),
    ).rejects.toBeInstanceOf(Anthropic.AuthenticationError);
  });

  it("rejects the stream when an error event arrives mid-stream", async () => {
    sim.enqueueFaults({ midStreamError: { type: "overloaded_error", message: "Overloaded" } });
    const stream = client.messages.stream({
      model: MODEL,
      max_tokens: 256,
      messages: [{ role: "user", content: "Tell me a story" }],
    });
    const texts: string[] = [];
    stream.on("text", (text) => texts.push(text));

    const failure = await stream.finalMessage().catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect((failure as InstanceType<typeof Anthropic.APIError>).type).toBe("overloaded_error");
    expect(texts.length).toBeGreaterThan(0);
  });
});

describe("over plain HTTP", () => {
  describe("envelope and headers", () => {
    it("puts a request-id on every response", async () => {
      sim.enqueueFaults({ status: 529 });
      const responses = [
        await api("/v1/models"),
        await api("/v1/models"),
        await api("/v1/nope"),
        await api("/v1/models", { headers: { "x-api-key": undefined } }),
        await create({ stream: true, ...userSays("hi") }),
      ];
      expect(responses.map((r) => r.status)).toEqual([529, 200, 404, 401, 200]);
      for (const response of responses) {
        expect(response.headers.get("request-id")).toMatch(/^req_[A-Za-z0-9]{24}$/);
      }
    });

    it("wraps errors in the API's envelope with the same request id", async () => {
      const response = await api("/v1/models/claude-nonexistent");
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(response.json).toEqual({
        type: "error",
        error: { type: "not_found_error", message: "model: claude-nonexistent" },
        request_id: response.headers.get("request-id"),
      });
      expect(validateAgainstSchema("ErrorResponse", response.json)).toBeUndefined();
    });

    it.each([
      [400, "invalid_request_error"],
      [401, "authentication_error"],
      [402, "billing_error"],
      [403, "permission_error"],
      [404, "not_found_error"],
      [408, "timeout_error"],
      [409, "conflict_error"],
      [413, "request_too_large"],
      [429, "rate_limit_error"],
      [500, "api_error"],
      [503, "api_error"],
      [504, "timeout_error"],
      [529, "overloaded_error"],
    ])("a %i fault answers %s", async (status, type) => {
      sim.enqueueFaults({ status, headers: { "retry-after": "3", "x-should-retry": "false" } });
      const response = await api("/v1/models");
      expect(response.status).toBe(status);
      expect((response.json as ErrorJson).error.type).toBe(type);
      expect(response.headers.get("retry-after")).toBe("3");
      expect(response.headers.get("x-should-retry")).toBe("false");
    });

    it("lets a fault override the error type and message", async () => {
      sim.enqueueFaults({ status: 400, errorType: "billing_error", message: "Top up" });
      const { json } = await api("/v1/models");
      expect((json as ErrorJson).error).toEqual({ type: "billing_error", message: "Top up" });
    });

    it("delays an answer and records faulted requests in order", async () => {
      const faults: Fault[] = [{ delayMs: 120 }, { status: 500 }];
      sim.enqueueFaults(...faults);
      const started = Date.now();
      const first = await api("/v1/models?limit=1");
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(first.status).toBe(200);
      expect((await api("/v1/models?limit=2")).status).toBe(500);
      expect((await api("/v1/models?limit=3")).status).toBe(200);
      expect(sim.requests.map((r) => r.query.limit)).toEqual(["1", "2", "3"]);
    });

    it("requires the anthropic-version header and knows its values", async () => {
      const missing = await api("/v1/models", { headers: { "anthropic-version": undefined } });
      expect(missing.status).toBe(400);
      expect((missing.json as ErrorJson).error).toEqual({
        type: "invalid_request_error",
        message: "anthropic-version: header is required",
      });
      const unknown = await api("/v1/models", { headers: { "anthropic-version": "2020-01-01" } });
      expect(unknown.status).toBe(400);
      const newer = await api("/v1/models", { headers: { "anthropic-version": "2026-10-21" } });
      expect(newer.status).toBe(200);
    });

    it("authenticates with x-api-key or a bearer token, nothing else", async () => {
      const bearer = await api("/v1/models", {
        headers: { "x-api-key": undefined, authorization: `Bearer ${SIMULATOR_API_KEY}` },
      });
      expect(bearer.status).toBe(200);
      const wrong = await api("/v1/models", { headers: { "x-api-key": "sk-ant-nope" } });
      expect(wrong.status).toBe(401);
      expect((wrong.json as ErrorJson).error).toEqual({
        type: "authentication_error",
        message: "invalid x-api-key",
      });
    });

    it("answers unknown paths with 404 and wrong methods with 405", async () => {
      const unknown = await api("/v1/complete-me");
      expect(unknown.status).toBe(404);
      expect((unknown.json as ErrorJson).error.type).toBe("not_found_error");
      const wrongMethod = await api("/v1/messages");
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get("allow")).toBe("POST");
    });

    it("records requests as received", async () => {
      await api("/v1/models?limit=2&after_id=claude-opus-4-7", {
        headers: { "anthropic-beta": "a-beta, b-beta" },
      });
      await create(userSays("record me"));
      const [list, post] = sim.requests;
      expect(list).toMatchObject({
        method: "GET",
        path: "/v1/models",
        query: { limit: "2", after_id: "claude-opus-4-7" },
        rawBody: "",
        body: undefined,
      });
      expect(list.headers["anthropic-beta"]).toBe("a-beta, b-beta");
      expect(post.method).toBe("POST");
      expect(post.body).toEqual(JSON.parse(post.rawBody));
      sim.reset();
      expect(sim.requests).toHaveLength(0);
    });
  });

  describe("request validation", () => {
    it("refuses a body that is not JSON", async () => {
      const response = await api("/v1/messages", { body: "{not json" });
      expect(response.status).toBe(400);
      expect((response.json as ErrorJson).error.message).toBe(
        "There was an error parsing the body of your request",
      );
    });

    it.each([
      [{ foo: 1, ...userSays("hi") }, "foo: Extra inputs are not permitted"],
      [{ messages: [{ role: "user" }] }, "messages.0.content: Field required"],
      [
        { max_tokens: -5, ...userSays("hi") },
        "max_tokens: Input should be greater than or equal to 0",
      ],
      [
        { messages: [{ role: "system", content: "x" }] },
        "messages.0.role: Input should be 'user' or 'assistant'",
      ],
      [
        { messages: [{ role: "user", content: [{ type: "text" }] }] },
        "messages.0.content.0.text: Field required",
      ],
      [
        { thinking: { type: "enabled", budget_tokens: 100 }, ...userSays("hi") },
        "thinking.budget_tokens: Input should be greater than or equal to 1024",
      ],
      [{ messages: [] }, "messages: List should have at least 1 item after validation, not 0"],
      [
        { messages: [{ role: "assistant", content: "hi" }] },
        'messages: first message must use the "user" role',
      ],
    ])("refuses %j", async (body, message) => {
      const { status, error } = await create(body);
      expect(status).toBe(400);
      expect(error.error).toEqual({ type: "invalid_request_error", message });
    });

    it("answers an unknown model with 404", async () => {
      const { status, error } = await create({ model: "claude-9", ...userSays("hi") });
      expect(status).toBe(404);
      expect(error.error).toEqual({ type: "not_found_error", message: "model: claude-9" });
    });

    it("refuses sampling parameters under anthropic-version 2026-10-21 only", async () => {
      const body = { temperature: 0.5, ...userSays("hi") };
      const newer = await create(body, { "anthropic-version": "2026-10-21" });
      expect(newer.status).toBe(400);
      expect(newer.error.error.message).toBe("temperature: Extra inputs are not permitted");
      expect((await create(body)).status).toBe(200);
    });

    it("refuses a tool_result without a tool_use before it", async () => {
      const { status, error } = await create({
        messages: [
          { role: "user", content: "What's the weather?" },
          { role: "assistant", content: "Let me check." },
          {
            role: "user",
            content: [{ type: "tool_result", tool_use_id: "toolu_missing", content: "sunny" }],
          },
        ],
      });
      expect(status).toBe(400);
      expect(error.error.message).toBe(
        "messages.2.content.0: unexpected `tool_use_id` found in `tool_result` blocks: toolu_missing. Each `tool_result` block must have a corresponding `tool_use` block in the previous message.",
      );
    });

    it("refuses thinking budgets at or above max_tokens and unsigned thinking blocks", async () => {
      const budget = await create({
        max_tokens: 1024,
        thinking: { type: "enabled", budget_tokens: 1024 },
        ...userSays("hi"),
      });
      expect(budget.status).toBe(400);
      const unsigned = await create({
        messages: [
          { role: "user", content: "hi" },
          {
            role: "assistant",
            content: [
              { type: "thinking", thinking: "hmm", signature: "" },
              { type: "text", text: "Hello" },
            ],
          },
          { role: "user", content: "again" },
        ],
      });
      expect(unsigned.status).toBe(400);
      expect(unsigned.error.error.message).toMatch(/^messages\.1\.content\.0\.signature: /);
    });

    it("refuses invalid base64 and unknown media types", async () => {
      const image = (media_type: string, data: string) =>
        create({
          messages: [
            {
              role: "user",
              content: [{ type: "image", source: { type: "base64", media_type, data } }],
            },
          ],
        });
      expect((await image("image/png", "not base64!")).error.error.message).toBe(
        "messages.0.content.0.source.data: Input should be valid base64 data",
      );
      expect((await image("image/bmp", "aGk=")).status).toBe(400);
    });

    it("ships the schemas of the reference spec", () => {
      const text = readFileSync(sharedPath("reference", "anthropic-openapi.json"), "utf8");
      const sha = createHash("sha256").update(text).digest("hex");
      const shipped: unknown = JSON.parse(
        readFileSync(join(__dirname, "simulator", "schema", "openapi-subset.json"), "utf8"),
      );
      expect(extractSubset(JSON.parse(text), sha)).toEqual(shipped);
    });

    it("exposes schema validation for other tests", () => {
      const valid = { model: MODEL, max_tokens: 10, messages: [{ role: "user", content: "hi" }] };
      expect(validateAgainstSchema("CreateMessageParams", valid)).toBeUndefined();
      expect(validateAgainstSchema("CreateMessageParams", { ...valid, extra: true })).toBe(
        "extra: Extra inputs are not permitted",
      );
      expect(validateAgainstSchema("CountMessageTokensParams", { ...valid })).toBe(
        "max_tokens: Extra inputs are not permitted",
      );
      expect(() => validateAgainstSchema("NoSuchSchema", {})).toThrow(/unknown schema/);
    });
  });

  describe("models", () => {
    async function page(query: string) {
      const response = await api(`/v1/models${query}`);
      return {
        status: response.status,
        page: response.json as {
          data: Array<{ id: string; created_at: string }>;
          has_more: boolean;
          first_id: string | null;
          last_id: string | null;
        },
      };
    }

    it("lists newest first, 20 by default", async () => {
      const { page: first } = await page("");
      expect(first.data).toHaveLength(20);
      expect(first.has_more).toBe(true);
      const dates = first.data.map((m) => m.created_at);
      expect([...dates].sort().reverse()).toEqual(dates);
      for (const model of first.data)
        expect(validateAgainstSchema("ModelInfo", model)).toBeUndefined();
      expect(validateAgainstSchema("ListResponse_ModelInfo_", first)).toBeUndefined();
    });

    it("pages forward with after_id and back with before_id", async () => {
      const { page: all } = await page("?limit=1000");
      const ids = all.data.map((m) => m.id);
      expect(all.has_more).toBe(false);

      const { page: second } = await page(`?limit=5&after_id=${ids[4]}`);
      expect(second.data.map((m) => m.id)).toEqual(ids.slice(5, 10));
      expect(second).toMatchObject({ has_more: true, first_id: ids[5], last_id: ids[9] });

      const { page: back } = await page(`?limit=3&before_id=${ids[5]}`);
      expect(back.data.map((m) => m.id)).toEqual(ids.slice(2, 5));
      expect(back.has_more).toBe(true);

      const { page: start } = await page(`?limit=3&before_id=${ids[2]}`);
      expect(start.data.map((m) => m.id)).toEqual(ids.slice(0, 2));
      expect(start.has_more).toBe(false);

      const { page: empty } = await page(`?before_id=${ids[0]}`);
      expect(empty).toEqual({ data: [], has_more: false, first_id: null, last_id: null });

      const { page: tail } = await page(`?after_id=${ids[ids.length - 2]}`);
      expect(tail).toMatchObject({ has_more: false, first_id: ids[ids.length - 1] });
    });

    it.each(["0", "1001", "ten"])("refuses limit=%s", async (limit) => {
      const { status } = await page(`?limit=${limit}`);
      expect(status).toBe(400);
    });

    it("gets one model by id or alias, URL-decoded", async () => {
      const dated = await api("/v1/models/claude-3-7-sonnet-20250219");
      expect(dated.json).toMatchObject({ id: "claude-3-7-sonnet-20250219", type: "model" });
      const alias = await api(`/v1/models/${encodeURIComponent("claude-opus-4-5")}`);
      expect(alias.json).toMatchObject({ id: "claude-opus-4-5-20251101" });
    });
  });

  describe("answers", () => {
    it("is deterministic and echoes the model as requested", async () => {
      const a = await create(userSays("same"));
      const b = await create(userSays("same"));
      const c = await create(userSays("different"));
      expect(b.message).toEqual(a.message);
      expect(c.message.id).not.toBe(a.message.id);
      expect(a.message.model).toBe(MODEL);
    });

    it("counts the same input tokens as the message reports", async () => {
      const body = { system: "You are terse.", ...userSays("Count me in, please.") };
      const { message } = await create(body);
      const count = await api("/v1/messages/count_tokens", { body: { model: MODEL, ...body } });
      expect(count.json).toEqual({ input_tokens: message.usage.input_tokens });
    });

    it("writes N tokens of filler on request and stops at max_tokens", async () => {
      const full = await create(userSays("respond with 50 tokens"));
      expect(full.message.usage.output_tokens).toBe(50);
      expect(String(full.message.content[0].text)).toHaveLength(200);

      const cut = await create({ max_tokens: 20, ...userSays("respond with 50 tokens") });
      expect(cut.message.stop_reason).toBe("max_tokens");
      expect(cut.message.usage.output_tokens).toBe(20);
      expect(String(cut.message.content[0].text)).toHaveLength(80);
    });

    it("stops before a stop sequence", async () => {
      const { message } = await create({
        stop_sequences: ["NEVER", "reply"],
        ...userSays("hello"),
      });
      expect(message).toMatchObject({
        stop_reason: "stop_sequence",
        stop_sequence: "reply",
        content: [{ type: "text", text: "Simulated " }],
      });
    });

    it("answers max_tokens 0 with no content, which pre-warms the cache", async () => {
      const { message } = await create({ max_tokens: 0, ...userSays("warm up") });
      expect(message).toMatchObject({ content: [], stop_reason: "max_tokens" });
      expect(message.usage.output_tokens).toBe(0);
    });

    it.each([
      ["[[simulate:refusal]]", "refusal"],
      ["[[simulate:pause_turn]]", "pause_turn"],
      ["[[simulate:context_window]]", "model_context_window_exceeded"],
    ])("honours %s", async (directive, stopReason) => {
      const { message } = await create(userSays(`hello ${directive}`));
      expect(message.stop_reason).toBe(stopReason);
    });

    it("notes images and documents it was shown", async () => {
      const png = Buffer.from("89504e470d0a1a0a", "hex").toString("base64");
      const { message } = await create({
        messages: [
          {
            role: "user",
            content: [
              { type: "image", source: { type: "base64", media_type: "image/png", data: png } },
              {
                type: "document",
                source: { type: "text", media_type: "text/plain", data: "Notes." },
              },
              { type: "text", text: "Describe these" },
            ],
          },
        ],
      });
      expect(message.content[0].text).toBe(
        "Simulated reply to: Describe these (saw 1 image, 1 document)",
      );
    });

    it("calls a mentioned tool with input generated from its schema", async () => {
      const { message } = await create({
        tools: [WEATHER_TOOL],
        ...userSays("Use get_weather for Oslo"),
      });
      expect(message.stop_reason).toBe("tool_use");
      expect(message.content.map((b) => b.type)).toEqual(["text", "tool_use"]);
      expect(message.content[1]).toMatchObject({
        type: "tool_use",
        name: "get_weather",
        input: { location: "example", unit: "celsius" },
      });
      expect(message.content[1].id).toMatch(/^toolu_[A-Za-z0-9]{24}$/);
      expect(validateAgainstSchema("Message", message)).toBeUndefined();
    });

    it("calls tools in parallel unless told not to, and obeys tool_choice", async () => {
      const both = userSays("Use get_time and get_weather");
      const parallel = await create({ tools: [WEATHER_TOOL, TIME_TOOL], ...both });
      expect(
        parallel.message.content.filter((b) => b.type === "tool_use").map((b) => b.name),
      ).toEqual(["get_time", "get_weather"]);
      const single = await create({
        tools: [WEATHER_TOOL, TIME_TOOL],
        tool_choice: { type: "auto", disable_parallel_tool_use: true },
        ...both,
      });
      expect(single.message.content.filter((b) => b.type === "tool_use")).toHaveLength(1);

      const forced = await create({
        tools: [WEATHER_TOOL, TIME_TOOL],
        tool_choice: { type: "tool", name: "get_time" },
        ...userSays("hi"),
      });
      expect(forced.message.content[1]).toMatchObject({
        name: "get_time",
        input: { zone: "example" },
      });
      const any = await create({
        tools: [WEATHER_TOOL, TIME_TOOL],
        tool_choice: { type: "any" },
        ...userSays("hi"),
      });
      expect(any.message.content[1]).toMatchObject({ name: "get_weather" });
      const none = await create({
        tools: [WEATHER_TOOL],
        tool_choice: { type: "none" },
        ...userSays("use get_weather"),
      });
      expect(none.message.stop_reason).toBe("end_turn");
      const unmentioned = await create({ tools: [WEATHER_TOOL], ...userSays("hello") });
      expect(unmentioned.message.content.map((b) => b.type)).toEqual(["text"]);
    });

    it("answers tool results", async () => {
      const first = await create({ tools: [WEATHER_TOOL], ...userSays("get_weather please") });
      const toolUse = first.message.content[1];
      const { status, message } = await create({
        tools: [WEATHER_TOOL],
        messages: [
          { role: "user", content: "get_weather please" },
          { role: "assistant", content: first.message.content },
          {
            role: "user",
            content: [
              {
                type: "tool_result",
                tool_use_id: toolUse.id,
                content: [{ type: "text", text: "12°C, rain" }],
              },
            ],
          },
        ],
      });
      expect(status).toBe(200);
      expect(message.content).toEqual([
        { type: "text", text: "Tool results received: 12°C, rain", citations: null },
      ]);
    });

    it("thinks first when thinking is on, with a signature", async () => {
      const { message } = await create({
        max_tokens: 2000,
        thinking: { type: "adaptive" },
        ...userSays("Why?"),
      });
      expect(message.content[0]).toMatchObject({ type: "thinking" });
      expect(String(message.content[0].signature)).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(message.content[1]).toMatchObject({ type: "text" });
    });

    it("returns structured output that validates against the requested schema", async () => {
      const schema = {
        type: "object",
        properties: {
          name: { type: "string" },
          age: { type: "integer", minimum: 18 },
          email: { type: "string", format: "email" },
          tags: { type: "array", items: { type: "string" }, minItems: 1 },
          kind: { enum: ["a", "b"] },
          address: {
            type: "object",
            properties: { city: { type: "string" } },
            required: ["city"],
            additionalProperties: false,
          },
        },
        required: ["name", "age"],
        additionalProperties: false,
      };
      const { message } = await create({
        output_config: { format: { type: "json_schema", schema } },
        ...userSays("Extract the person"),
      });
      expect(message.content).toHaveLength(1);
      const output: unknown = JSON.parse(String(message.content[0].text));
      const ajv = new Ajv2020({ strict: false, validateFormats: false });
      expect(ajv.validate(schema, output)).toBe(true);
      expect(output).toMatchObject({
        name: "example",
        age: 18,
        kind: "a",
        address: { city: "example" },
      });
    });

    it("cites documents that have citations enabled", async () => {
      const pdf = Buffer.from(
        "%PDF-1.4\n1 0 obj << /Type /Page >> stream\nBT (The PDF says hello. More.) Tj ET\nendstream\n",
      ).toString("base64");
      const body = {
        messages: [
          {
            role: "user",
            content: [
              {
                type: "document",
                title: "Grass",
                source: {
                  type: "text",
                  media_type: "text/plain",
                  data: "The grass is green. The sky is blue.",
                },
                citations: { enabled: true },
              },
              {
                type: "document",
                source: { type: "base64", media_type: "application/pdf", data: pdf },
                citations: { enabled: true },
              },
              {
                type: "document",
                source: { type: "content", content: [{ type: "text", text: "Block one" }] },
                citations: { enabled: true },
              },
              {
                type: "document",
                source: { type: "text", media_type: "text/plain", data: "Uncited." },
              },
              { type: "text", text: "What colour is the grass?" },
            ],
          },
        ],
      };
      const { message } = await create(body);
      expect(message.content[1].citations).toEqual([
        {
          type: "char_location",
          cited_text: "The grass is green.",
          document_index: 0,
          document_title: "Grass",
          start_char_index: 0,
          end_char_index: 19,
          file_id: null,
        },
        {
          type: "page_location",
          cited_text: "The PDF says hello.",
          document_index: 1,
          document_title: null,
          start_page_number: 1,
          end_page_number: 2,
          file_id: null,
        },
        {
          type: "content_block_location",
          cited_text: "Block one",
          document_index: 2,
          document_title: null,
          start_block_index: 0,
          end_block_index: 1,
          file_id: null,
        },
      ]);
      expect(validateAgainstSchema("Message", message)).toBeUndefined();

      const streamed = await create({ ...body, stream: true });
      const deltas = sseEvents(streamed.text)
        .map(
          (e) => JSON.parse(e.data) as { type: string; index?: number; delta?: { type: string } },
        )
        .filter((e) => e.type === "content_block_delta" && e.index === 1)
        .map((e) => e.delta?.type);
      expect(deltas.slice(0, 4)).toEqual([
        "citations_delta",
        "citations_delta",
        "citations_delta",
        "text_delta",
      ]);
    });
  });

  describe("prompt caching", () => {
    const longSystem = "You are a meticulous assistant. ".repeat(200);
    const cached = (ttl?: "1h") => ({
      system: [
        {
          type: "text",
          text: longSystem,
          cache_control: { type: "ephemeral", ...(ttl ? { ttl } : {}) },
        },
      ],
    });

    it("writes the cached prefix once, then reads it", async () => {
      const prefixTokens = Math.ceil(longSystem.length / 4);
      const first = await create({ ...cached(), ...userSays("first") });
      expect(first.message.usage).toMatchObject({
        cache_creation_input_tokens: prefixTokens,
        cache_read_input_tokens: 0,
        cache_creation: { ephemeral_5m_input_tokens: prefixTokens, ephemeral_1h_input_tokens: 0 },
      });
      const second = await create({ ...cached(), ...userSays("second") });
      expect(second.message.usage).toMatchObject({
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: prefixTokens,
      });
      expect(second.message.usage.input_tokens).toBe(first.message.usage.input_tokens);

      sim.reset();
      const afterReset = await create({ ...cached(), ...userSays("third") });
      expect(afterReset.message.usage.cache_creation_input_tokens).toBe(prefixTokens);
    });

    it("bills a 1h breakpoint as such and reports nothing without markers", async () => {
      const hour = await create({ ...cached("1h"), ...userSays("hi") });
      expect(hour.message.usage.cache_creation).toEqual({
        ephemeral_5m_input_tokens: 0,
        ephemeral_1h_input_tokens: Math.ceil(longSystem.length / 4),
      });
      const plain = await create({ system: longSystem, ...userSays("hi") });
      expect(plain.message.usage).toMatchObject({
        cache_creation_input_tokens: 0,
        cache_read_input_tokens: 0,
      });
    });

    it("caches up to the last block with top-level cache_control", async () => {
      const body = {
        cache_control: { type: "ephemeral" },
        ...userSays("a question worth caching"),
      };
      const first = await create(body);
      expect(first.message.usage.cache_creation_input_tokens).toBeGreaterThan(0);
      const second = await create(body);
      expect(second.message.usage.cache_read_input_tokens).toBe(
        first.message.usage.cache_creation_input_tokens,
      );
    });
  });

  describe("streaming", () => {
    it("sends the API's event sequence, each event valid against the spec", async () => {
      const response = await create({
        stream: true,
        tools: [WEATHER_TOOL],
        ...userSays("get_weather in Rome"),
      });
      expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(response.text).toMatch(/^event: message_start\ndata: \{.*\}\n\n/);
      const events = sseEvents(response.text);
      const types = events.map((e) => e.event);
      expect(types[0]).toBe("message_start");
      expect(types.slice(1, 3)).toEqual(["content_block_start", "ping"]);
      expect(types.slice(-2)).toEqual(["message_delta", "message_stop"]);
      for (const event of events) {
        const data = JSON.parse(event.data) as { type: string };
        expect(data.type).toBe(event.event);
        expect(validateAgainstSchema("MessageStreamEvent", data)).toBeUndefined();
      }
      const jsonDeltas = events
        .map((e) => JSON.parse(e.data) as { delta?: { type: string; partial_json?: string } })
        .filter((e) => e.delta?.type === "input_json_delta");
      expect(jsonDeltas.length).toBeGreaterThan(2);
      expect(JSON.parse(jsonDeltas.map((e) => e.delta?.partial_json).join(""))).toEqual({
        location: "example",
        unit: "celsius",
      });
    });

    it("can truncate a stream without message_stop", async () => {
      sim.enqueueFaults({ truncateStream: true });
      const response = await create({ stream: true, ...userSays("tell me more") });
      const types = sseEvents(response.text).map((e) => e.event);
      expect(types).toEqual([
        "message_start",
        "content_block_start",
        "ping",
        "content_block_delta",
        "content_block_delta",
      ]);
    });

    it("can break a stream with an error event", async () => {
      sim.enqueueFaults({
        midStreamError: { type: "api_error", message: "Internal server error" },
      });
      const events = sseEvents((await create({ stream: true, ...userSays("go") })).text);
      expect(events[events.length - 1]).toMatchObject({ event: "error" });
      expect(JSON.parse(events[events.length - 1].data)).toEqual({
        type: "error",
        error: { type: "api_error", message: "Internal server error" },
      });
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Agent loops: sequenced tools, server tools and pause_turn, the MCP connector, thinking

type Params = Anthropic.MessageCreateParamsNonStreaming;

/** The blocks of an answer as the SDK types them, which are also valid as the next request's. */
const asParams = (content: Anthropic.ContentBlock[]): Anthropic.ContentBlockParam[] =>
  content as unknown as Anthropic.ContentBlockParam[];

function toolUses(message: Anthropic.Message): Anthropic.ToolUseBlock[] {
  return message.content.filter((b): b is Anthropic.ToolUseBlock => b.type === "tool_use");
}

function textOf(message: { content: Array<{ type: string }> }): string {
  return message.content
    .flatMap((b) => (b.type === "text" ? [(b as Anthropic.TextBlock).text] : []))
    .join("\n");
}

/** Runs a client-side tool loop to the end, answering each call with `run`. */
async function agentLoop(
  params: Params,
  run: (call: Anthropic.ToolUseBlock) => string,
  turns = 6,
): Promise<{ messages: Anthropic.MessageParam[]; answers: Anthropic.Message[] }> {
  const messages = [...params.messages];
  const answers: Anthropic.Message[] = [];
  for (let i = 0; i < turns; i++) {
    const answer = await client.messages.create({ ...params, messages });
    answers.push(answer);
    messages.push({ role: "assistant", content: asParams(answer.content) });
    if (answer.stop_reason !== "tool_use") break;
    messages.push({
      role: "user",
      content: toolUses(answer).map((call) => ({
        type: "tool_result" as const,
        tool_use_id: call.id,
        content: run(call),
      })),
    });
  }
  return { messages, answers };
}

const RESULTS: Record<string, string> = { get_time: "10:00 CET", get_weather: "12°C, rain" };

const WEB_SEARCH_TOOL = { type: "web_search_20250305" as const, name: "web_search" as const };

describe("agent loops with the official SDK", () => {
  describe("sequenced tools", () => {
    const sequenced: Params = {
      model: MODEL,
      max_tokens: 512,
      tools: [WEATHER_TOOL, TIME_TOOL],
      messages: [
        { role: "user", content: "[[simulate:sequence]] Use get_time, then get_weather for Oslo" },
      ],
    };

    it("calls one tool per turn, in mention order, then reads back every result", async () => {
      const { answers } = await agentLoop(sequenced, (call) => RESULTS[call.name]);

      expect(answers.map((a) => a.stop_reason)).toEqual(["tool_use", "tool_use", "end_turn"]);
      expect(answers[0].content).toEqual([
        { type: "text", text: "I'll use the get_time tool.", citations: null },
        expect.objectContaining({ type: "tool_use", name: "get_time", input: { zone: "example" } }),
      ]);
      expect(answers[1].content).toEqual([
        { type: "text", text: "Next I'll use the get_weather tool.", citations: null },
        expect.objectContaining({ type: "tool_use", name: "get_weather" }),
      ]);
      expect(answers[2].content).toEqual([
        { type: "text", text: "Tool results received: 10:00 CET; 12°C, rain", citations: null },
      ]);
      const ids = answers.flatMap((a) => toolUses(a).map((call) => call.id));
      expect(ids).toHaveLength(2);
      expect(new Set(ids).size).toBe(2);
      for (const id of ids) expect(id).toMatch(/^toolu_01[A-Za-z0-9]{22}$/);
      for (const answer of answers)
        expect(validateAgainstSchema("Message", answer)).toBeUndefined();
    });

    it("reports usage an agent can sum: input grows with the conversation", async () => {
      const { answers } = await agentLoop(sequenced, (call) => RESULTS[call.name]);
      const inputs = answers.map((a) => a.usage.input_tokens);
      expect(inputs[1]).toBeGreaterThan(inputs[0]);
      expect(inputs[2]).toBeGreaterThan(inputs[1]);
      for (const answer of answers) {
        expect(answer.usage.output_tokens).toBeGreaterThan(0);
        expect(answer.usage).toMatchObject({
          cache_creation_input_tokens: 0,
          cache_read_input_tokens: 0,
          server_tool_use: null,
        });
      }
      // what count_tokens says for each step's request is what that step was billed
      const count = await client.messages.countTokens({
        model: MODEL,
        tools: sequenced.tools,
        messages: sequenced.messages,
      });
      expect(count.input_tokens).toBe(inputs[0]);
    });

    it("streams each step as it answers it", async () => {
      const { messages } = await agentLoop(sequenced, (call) => RESULTS[call.name]);
      // the request of step 2: the opening turn, the first call and its result
      const step2 = { ...sequenced, messages: messages.slice(0, 3) };
      const created = await client.messages.create(step2);
      const streamed = await client.messages.stream(step2).finalMessage();
      expect(withoutParsedOutput(streamed)).toEqual(created);
      expect(toolUses(created)[0].name).toBe("get_weather");
    });

    it("keeps calling tools in parallel without the directive", async () => {
      const { answers } = await agentLoop(
        {
          ...sequenced,
          messages: [{ role: "user", content: "Use get_time, then get_weather for Oslo" }],
        },
        (call) => RESULTS[call.name],
      );
      expect(answers.map((a) => a.stop_reason)).toEqual(["tool_use", "end_turn"]);
      expect(toolUses(answers[0]).map((call) => call.name)).toEqual(["get_time", "get_weather"]);
      expect(textOf(answers[1])).toBe("Tool results received: 10:00 CET; 12°C, rain");
    });
  });

  describe("server tools and pause_turn", () => {
    const searching: Params = {
      model: MODEL,
      max_tokens: 512,
      tools: [WEB_SEARCH_TOOL],
      messages: [{ role: "user", content: "Please search for eclipse news" }],
    };

    it("searches the web with a server tool, counting the search in usage", async () => {
      const message = await client.messages.create(searching);

      expect(message.stop_reason).toBe("end_turn");
      expect(message.content.map((b) => b.type)).toEqual([
        "server_tool_use",
        "web_search_tool_result",
        "text",
      ]);
      const [use, result] = message.content as [
        Anthropic.ServerToolUseBlock,
        Anthropic.WebSearchToolResultBlock,
      ];
      expect(use).toEqual({
        type: "server_tool_use",
        id: expect.stringMatching(/^srvtoolu_01[A-Za-z0-9]{22}$/),
        name: "web_search",
        input: { query: "Please search for eclipse news" },
        caller: { type: "direct" },
      });
      expect(result).toMatchObject({ type: "web_search_tool_result", tool_use_id: use.id });
      expect(result.content).toEqual([
        {
          type: "web_search_result",
          url: expect.stringMatching(/^https:\/\//),
          title: expect.any(String),
          encrypted_content: expect.any(String),
          page_age: "April 30, 2026",
        },
        expect.objectContaining({ type: "web_search_result", page_age: "1 week ago" }),
      ]);
      expect(textOf(message)).toBe("Simulated reply to: Please search for eclipse news");
      expect(message.usage.server_tool_use).toEqual({
        web_search_requests: 1,
        web_fetch_requests: 0,
      });
      expect(validateAgainstSchema("Message", message)).toBeUndefined();
    });

    it("searches on [[simulate:server_tool]] too, and only with a server tool offered", async () => {
      const directed = await client.messages.create({
        ...searching,
        messages: [{ role: "user", content: "Eclipses? [[simulate:server_tool]]" }],
      });
      expect(directed.content[0].type).toBe("server_tool_use");
      const without = await client.messages.create({ ...searching, tools: [WEATHER_TOOL] });
      expect(without.content.map((b) => b.type)).toEqual(["text"]);
      expect(without.usage.server_tool_use).toBeNull();
    });

    it("streams the search: the call's input as JSON deltas, the result whole", async () => {
      const created = await client.messages.create(searching);
      const streamed = await client.messages.stream(searching).finalMessage();
      expect(withoutParsedOutput(streamed)).toEqual(created);

      const response = await create({ ...searching, stream: true });
      const events = sseEvents(response.text).map((e) => JSON.parse(e.data));
      for (const data of events) {
        expect(validateAgainstSchema("MessageStreamEvent", data)).toBeUndefined();
      }
      const starts = events.filter((e) => e.type === "content_block_start");
      expect(starts[0].content_block).toEqual({ ...created.content[0], input: {} });
      expect(starts[1].content_block).toEqual(created.content[1]);
      expect(events.filter((e) => e.type === "content_block_delta" && e.index === 1)).toEqual([]);
      const delta = events.find((e) => e.type === "message_delta");
      expect(delta.usage.server_tool_use).toEqual({
        web_search_requests: 1,
        web_fetch_requests: 0,
      });
    });

    it("pauses after the server tool and continues the turn it is sent back", async () => {
      const opening: Anthropic.MessageParam = {
        role: "user",
        content: "search for eclipse news [[simulate:pause_turn]]",
      };
      const paused = await client.messages.create({ ...searching, messages: [opening] });
      expect(paused.stop_reason).toBe("pause_turn");
      expect(paused.content.map((b) => b.type)).toEqual([
        "server_tool_use",
        "web_search_tool_result",
      ]);
      expect(paused.usage.server_tool_use).toEqual({
        web_search_requests: 1,
        web_fetch_requests: 0,
      });

      const continuation: Params = {
        ...searching,
        messages: [opening, { role: "assistant", content: asParams(paused.content) }],
      };
      const resumed = await client.messages.create(continuation);
      expect(resumed.stop_reason).toBe("end_turn");
      expect(resumed.content).toEqual([
        {
          type: "text",
          text: "Simulated reply to: search for eclipse news [[simulate:pause_turn]]",
          citations: null,
        },
      ]);
      expect(resumed.usage.server_tool_use).toBeNull();
      expect(resumed.usage.input_tokens).toBeGreaterThan(paused.usage.input_tokens);
      expect(validateAgainstSchema("Message", paused)).toBeUndefined();
      expect(validateAgainstSchema("Message", resumed)).toBeUndefined();

      const streamed = await client.messages.stream(continuation).finalMessage();
      expect(withoutParsedOutput(streamed)).toEqual(resumed);
    });
  });

  describe("the MCP connector (beta)", () => {
    const MCP_BETA = "mcp-client-2025-11-20";
    const docsServer = { type: "url" as const, name: "docs", url: "https://mcp.example.com/sse" };
    const mcpParams = (
      text: string,
      overrides: Partial<Anthropic.Beta.MessageCreateParamsNonStreaming> = {},
    ): Anthropic.Beta.MessageCreateParamsNonStreaming => ({
      model: MODEL,
      max_tokens: 512,
      betas: [MCP_BETA],
      mcp_servers: [docsServer],
      tools: [{ type: "mcp_toolset", mcp_server_name: "docs" }],
      messages: [{ role: "user", content: text }],
      ...overrides,
    });

    it("calls the named server's tool and answers with its result", async () => {
      const message = await client.beta.messages.create(mcpParams("Ask docs about rate limits"));

      const [request] = sim.requests;
      // SDK 1.12's beta client marks the request with the header only (no ?beta=true)
      expect(request.query.beta).toBeUndefined();
      expect(request.headers["anthropic-beta"]).toBe(MCP_BETA);
      expect(validateAgainstSchema("BetaCreateMessageParams", request.body)).toBeUndefined();
      expect(message.stop_reason).toBe("end_turn");
      const [use, result, reply] = message.content as [
        Anthropic.Beta.BetaMCPToolUseBlock,
        Anthropic.Beta.BetaMCPToolResultBlock,
        Anthropic.Beta.BetaTextBlock,
      ];
      expect(use).toEqual({
        type: "mcp_tool_use",
        id: expect.stringMatching(/^mcptoolu_01[A-Za-z0-9]{22}$/),
        name: "lookup",
        server_name: "docs",
        input: { query: "Ask docs about rate limits" },
      });
      expect(result).toEqual({
        type: "mcp_tool_result",
        tool_use_id: use.id,
        is_error: false,
        content: [
          { type: "text", text: "MCP docs answered: Ask docs about rate limits", citations: null },
        ],
      });
      expect(reply).toMatchObject({
        type: "text",
        text: "Simulated reply to: Ask docs about rate limits",
      });
      expect(message.context_management).toBeNull();
      expect(validateAgainstSchema("BetaMessage", message)).toBeUndefined();
    });

    it("streams MCP blocks the way the beta SDK accumulates them", async () => {
      const params = mcpParams("What does DOCS say?");
      const created = await client.beta.messages.create(params);
      const streamed = await client.beta.messages.stream(params).finalMessage();
      expect(withoutParsedOutput(streamed)).toEqual(created);

      // over plain HTTP the header alone makes it a beta request, with or without ?beta=true
      const { betas: _, ...body } = params;
      const plain = await create({ ...body, stream: true }, { "anthropic-beta": MCP_BETA });
      const beta = await api("/v1/messages?beta=true", {
        body: { ...body, stream: true },
        headers: { "anthropic-beta": MCP_BETA },
      });
      expect(beta.text).toBe(plain.text);
      const events = sseEvents(beta.text).map((e) => JSON.parse(e.data));
      // the reference spec's BetaMessageStreamEvent has no ping (only MessageStreamEvent got one)
      expect(events.filter((e) => e.type === "ping")).toHaveLength(1);
      for (const data of events.filter((e) => e.type !== "ping")) {
        expect(validateAgainstSchema("BetaMessageStreamEvent", data)).toBeUndefined();
      }
      const starts = events.filter((e) => e.type === "content_block_start");
      expect(starts.map((e) => e.content_block.type)).toEqual([
        "mcp_tool_use",
        "mcp_tool_result",
        "text",
      ]);
      expect(starts[1].content_block).toEqual(created.content[1]);
    });

    it("refuses mcp_servers without the beta header, naming the beta", async () => {
      const { betas: _, ...withoutBeta } = mcpParams("Ask docs");
      const failure = await client.beta.messages.create(withoutBeta).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
      const error = failure as InstanceType<typeof Anthropic.BadRequestError>;
      expect(error.error).toMatchObject({
        error: {
          type: "invalid_request_error",
          message: expect.stringContaining(`anthropic-beta: ${MCP_BETA}`),
        },
      });
      expect(error.message).toMatch(/^400 .*mcp_servers/);
    });

    it.each([
      [
        "an http URL",
        { mcp_servers: [{ ...docsServer, url: "http://mcp.example.com/sse" }] },
        "mcp_servers.0.url: MCP server URL must use https, got 'http://mcp.example.com/sse'",
      ],
      [
        "a server without a name",
        { mcp_servers: [{ type: "url", url: docsServer.url }] },
        "mcp_servers.0.name: Field required",
      ],
      [
        "a server that is not a url",
        { mcp_servers: [{ ...docsServer, type: "stdio" }] },
        "mcp_servers.0.type: Input should be 'url'",
      ],
      [
        "a server without a toolset",
        { tools: [] },
        `mcp_servers.0: MCP server 'docs' has no \`mcp_toolset\` in \`tools\`; add {"type": "mcp_toolset", "mcp_server_name": "docs"}`,
      ],
      [
        "a toolset for an unknown server",
        {
          tools: [
            { type: "mcp_toolset", mcp_server_name: "docs" },
            { type: "mcp_toolset", mcp_server_name: "wiki" },
          ],
        },
        "tools.1.mcp_server_name: MCP toolset references unknown MCP server 'wiki'; it must name one of `mcp_servers`",
      ],
    ])("refuses %s, naming the field", async (_, overrides, message) => {
      const failure = await client.beta.messages
        .create(
          mcpParams(
            "Ask docs",
            overrides as Partial<Anthropic.Beta.MessageCreateParamsNonStreaming>,
          ),
        )
        .catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
      expect((failure as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: { type: "invalid_request_error", message },
      });
    });

    it("answers without MCP blocks when no server is named", async () => {
      const message = await client.beta.messages.create(mcpParams("Hello there"));
      expect(message.content.map((b) => b.type)).toEqual(["text"]);
    });
  });

  describe("thinking in tool loops", () => {
    const thinkingLoop: Params = {
      model: MODEL,
      max_tokens: 4096,
      thinking: { type: "enabled", budget_tokens: 1024 },
      tools: [WEATHER_TOOL, TIME_TOOL],
      messages: [{ role: "user", content: "[[simulate:sequence]] get_time then get_weather" }],
    };

    it("thinks first in every step, and accepts its thinking blocks sent back", async () => {
      const { answers } = await agentLoop(thinkingLoop, (call) => RESULTS[call.name]);
      expect(answers.map((a) => a.stop_reason)).toEqual(["tool_use", "tool_use", "end_turn"]);
      for (const answer of answers) {
        expect(answer.content[0]).toEqual({
          type: "thinking",
          thinking: expect.any(String),
          signature: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/),
        });
      }
      expect(textOf(answers[2])).toBe("Tool results received: 10:00 CET; 12°C, rain");
    });

    /** The request of step 2, with the first answer's blocks passed through `edit`. */
    async function step2(edit: (content: Anthropic.ContentBlock[]) => Anthropic.ContentBlock[]) {
      const first = await client.messages.create(thinkingLoop);
      const call = toolUses(first)[0];
      return client.messages
        .create({
          ...thinkingLoop,
          messages: [
            ...thinkingLoop.messages,
            { role: "assistant", content: asParams(edit(first.content)) },
            {
              role: "user",
              content: [{ type: "tool_result", tool_use_id: call.id, content: "10:00" }],
            },
          ],
        })
        .catch((e: unknown) => e as InstanceType<typeof Anthropic.BadRequestError>);
    }

    it("refuses a tool loop whose thinking block was dropped", async () => {
      const failure = await step2((content) => content.filter((b) => b.type !== "thinking"));
      expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
      expect((failure as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: {
          type: "invalid_request_error",
          message:
            "messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found `text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable `thinking`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking",
        },
      });
    });

    it.each([
      [
        "a signature from elsewhere",
        (b: Anthropic.ThinkingBlock) => ({
          ...b,
          signature: Buffer.alloc(64, 7).toString("base64"),
        }),
      ],
      [
        "an edited thinking text",
        (b: Anthropic.ThinkingBlock) => ({ ...b, thinking: `${b.thinking}!` }),
      ],
      [
        "a signature that is not base64",
        (b: Anthropic.ThinkingBlock) => ({ ...b, signature: "not base64!" }),
      ],
    ])("refuses a thinking block with %s", async (_, alter) => {
      const failure = await step2((content) =>
        content.map((b) => (b.type === "thinking" ? alter(b) : b)),
      );
      expect(failure).toBeInstanceOf(Anthropic.BadRequestError);
      expect((failure as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: {
          type: "invalid_request_error",
          message: "messages.1.content.0.signature: Invalid `signature` in `thinking` block",
        },
      });
    });

    it("accepts the untouched blocks, streamed or not, and a loop with thinking off", async () => {
      const ok = await step2((content) => content);
      expect(ok).not.toBeInstanceOf(Error);
      const streamedFirst = await client.messages.stream(thinkingLoop).finalMessage();
      const created = await client.messages.create(thinkingLoop);
      expect(withoutParsedOutput(streamedFirst)).toEqual(created);

      const { thinking: _, ...withoutThinking } = thinkingLoop;
      const { answers } = await agentLoop(withoutThinking, (call) => RESULTS[call.name]);
      expect(answers.every((a) => a.content[0].type === "text")).toBe(true);
    });

    it("verifies omitted thinking too, and a paused server turn sent back", async () => {
      const omitted = await agentLoop(
        { ...thinkingLoop, thinking: { type: "adaptive", display: "omitted" } },
        (call) => RESULTS[call.name],
      );
      expect(omitted.answers.map((a) => a.stop_reason)).toEqual([
        "tool_use",
        "tool_use",
        "end_turn",
      ]);
      expect(omitted.answers[0].content[0]).toMatchObject({ type: "thinking", thinking: "" });

      const opening: Anthropic.MessageParam = {
        role: "user",
        content: "search the news [[simulate:pause_turn]]",
      };
      const searching = { ...thinkingLoop, tools: [WEB_SEARCH_TOOL], messages: [opening] };
      const paused = await client.messages.create(searching);
      expect(paused.content.map((b) => b.type)).toEqual([
        "thinking",
        "server_tool_use",
        "web_search_tool_result",
      ]);
      const resume = (content: Anthropic.ContentBlock[]) =>
        client.messages
          .create({
            ...searching,
            messages: [opening, { role: "assistant", content: asParams(content) }],
          })
          .catch((e: unknown) => e as InstanceType<typeof Anthropic.BadRequestError>);
      const resumed = await resume(paused.content);
      expect(resumed).toMatchObject({ stop_reason: "end_turn", content: [{ type: "text" }] });
      const dropped = await resume(paused.content.slice(1));
      expect(dropped).toBeInstanceOf(Anthropic.BadRequestError);
      expect((dropped as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: {
          message: expect.stringMatching(
            /^messages\.1\.content\.0\.type: Expected `thinking` or `redacted_thinking`, but found `server_tool_use`\./,
          ),
        },
      });
    });

    it("keeps a cut thinking block verifiable", async () => {
      const cut = await client.messages.create({
        model: MODEL,
        max_tokens: 10,
        thinking: { type: "adaptive" },
        messages: [{ role: "user", content: "Think it over" }],
      });
      expect(cut.content.map((b) => b.type)).toEqual(["thinking"]);
      expect(cut.stop_reason).toBe("max_tokens");
      const follow = await client.messages.create({
        ...thinkingLoop,
        messages: [
          { role: "user", content: "hi" },
          { role: "assistant", content: asParams(cut.content) },
          { role: "user", content: "go on" },
        ],
      });
      expect(follow.stop_reason).toBe("end_turn");
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Message batches, files and legacy text completions

const batchParams = (text: string, model: string = MODEL) => ({
  model,
  max_tokens: 64,
  messages: [{ role: "user" as const, content: text }],
});

/** Every line of a batch's results, through the SDK's JSONL decoder. */
async function resultsOf(id: string): Promise<Anthropic.Messages.MessageBatchIndividualResponse[]> {
  const lines: Anthropic.Messages.MessageBatchIndividualResponse[] = [];
  for await (const line of await client.messages.batches.results(id)) lines.push(line);
  return lines;
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

/** Bytes that break naive multipart parsing: CRLFs, a fake delimiter, every byte value. */
const TRICKY_BYTES = Buffer.concat([
  Buffer.from("%PDF-1.7\r\n--not-the-boundary\r\n\r\n"),
  Buffer.from(Array.from({ length: 256 }, (_, i) => i)),
  Buffer.from("\r\n%%EOF"),
]);

const HOUR_MS = 60 * 60 * 1000;

describe("message batches with the official SDK", () => {
  it("creates a batch in progress and retrieves it", async () => {
    const before = sim.clock.now();
    const batch = await client.messages.batches.create({
      requests: [
        { custom_id: "first", params: batchParams("one") },
        { custom_id: "second", params: batchParams("two") },
      ],
    });

    expect(batch).toMatchObject({
      type: "message_batch",
      processing_status: "in_progress",
      request_counts: { processing: 2, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
      ended_at: null,
      archived_at: null,
      cancel_initiated_at: null,
      results_url: null,
    });
    expect(batch.id).toMatch(/^msgbatch_01[A-Za-z0-9]{22}$/);
    const created = Date.parse(batch.created_at);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(Date.parse(batch.expires_at) - created).toBe(24 * HOUR_MS);
    expect(validateAgainstSchema("MessageBatch", batch)).toBeUndefined();
    expect(sim.requests[0]).toMatchObject({ method: "POST", path: "/v1/messages/batches" });
    expect(await client.messages.batches.retrieve(batch.id)).toEqual(batch);
    expect(sim.batches.get(batch.id)).toEqual(batch);
  });

  it("refuses bad requests as the API words them", async () => {
    const cases: Array<[unknown[], string]> = [
      [
        [
          { custom_id: "a", params: batchParams("x") },
          { custom_id: "b", params: { model: MODEL, messages: [] } },
        ],
        "requests.1.params.max_tokens: Field required",
      ],
      [
        [{ custom_id: "no spaces", params: batchParams("x") }],
        "requests.0.custom_id: String should match pattern '^[a-zA-Z0-9_-]{1,64}$'",
      ],
      [
        [
          { custom_id: "same", params: batchParams("x") },
          { custom_id: "same", params: batchParams("y") },
        ],
        'requests.1.custom_id: duplicate custom_id "same" (also requests.0.custom_id); custom_id must be unique within a batch',
      ],
      [[], "requests: List should have at least 1 item after validation"],
    ];
    for (const [requests, message] of cases) {
      const error = await failureOf(
        client.messages.batches.create({
          requests: requests as Anthropic.Messages.BatchCreateParams["requests"],
        }),
      );
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: { type: "invalid_request_error", message },
      });
    }
    expect(sim.batches.list()).toHaveLength(0);
  });

  it("lists batches newest first across pages", async () => {
    const seeded = [0, 1, 2, 3, 4].map((i) =>
      sim.batches.seed({ count: 1, createdAt: sim.clock.now() - (5 - i) * 1000 }),
    );
    const ids: string[] = [];
    for await (const batch of client.messages.batches.list({ limit: 2 })) ids.push(batch.id);

    expect(ids).toEqual(seeded.map((b) => b.id).reverse());
    const pages = sim.requests.filter((r) => r.path === "/v1/messages/batches");
    expect(pages.map((r) => r.query.after_id)).toEqual([undefined, ids[1], ids[3]]);
    const { data, has_more, first_id, last_id } = await client.messages.batches.list({ limit: 3 });
    const page = { data, has_more, first_id, last_id };
    expect(page).toMatchObject({ has_more: true, first_id: ids[0], last_id: ids[2] });
    expect(validateAgainstSchema("ListResponse_MessageBatch_", page)).toBeUndefined();
  });

  it("cancels an in-progress batch; its requests end canceled", async () => {
    const { id } = await client.messages.batches.create({
      requests: [
        { custom_id: "a", params: batchParams("one") },
        { custom_id: "b", params: batchParams("two") },
      ],
    });
    const canceling = await client.messages.batches.cancel(id);
    expect(canceling.processing_status).toBe("canceling");
    expect(canceling.cancel_initiated_at).not.toBeNull();
    expect(await client.messages.batches.cancel(id)).toEqual(canceling);

    const ended = sim.batches.setStatus(id, "ended");
    expect(ended.request_counts).toEqual({
      processing: 0,
      succeeded: 0,
      errored: 0,
      canceled: 2,
      expired: 0,
    });
    expect(await resultsOf(id)).toEqual([
      { custom_id: "a", result: { type: "canceled" } },
      { custom_id: "b", result: { type: "canceled" } },
    ]);
    const again = await failureOf(client.messages.batches.cancel(id));
    expect(again).toBeInstanceOf(Anthropic.BadRequestError);
  });

  it("deletes only ended batches", async () => {
    const { id } = sim.batches.seed({ count: 3, status: "in_progress" });
    const early = await failureOf(client.messages.batches.delete(id));
    expect(early).toBeInstanceOf(Anthropic.BadRequestError);
    expect((early as Error).message).toMatch(/cannot be deleted while it is in_progress/);

    sim.batches.setStatus(id, "ended");
    expect(await client.messages.batches.delete(id)).toEqual({
      id,
      type: "message_batch_deleted",
    });
    await expect(client.messages.batches.retrieve(id)).rejects.toBeInstanceOf(
      Anthropic.NotFoundError,
    );
    expect(sim.batches.get(id)).toBeUndefined();
  });

  it("answers each request of an ended batch as /v1/messages would", async () => {
    const { id } = await client.messages.batches.create({
      requests: [
        { custom_id: "ok", params: batchParams("Hello from a batch") },
        { custom_id: "bad-model", params: batchParams("hi", "claude-nonexistent") },
      ],
    });
    await expect(client.messages.batches.results(id)).rejects.toThrow(/results_url/);

    const ended = sim.batches.setStatus(id, "ended");
    expect(ended).toMatchObject({
      processing_status: "ended",
      request_counts: { processing: 0, succeeded: 1, errored: 1, canceled: 0, expired: 0 },
      results_url: `${sim.url}/v1/messages/batches/${id}/results`,
    });
    expect(ended.ended_at).not.toBeNull();

    const lines = await resultsOf(id);
    expect(lines.map((l) => [l.custom_id, l.result.type])).toEqual([
      ["ok", "succeeded"],
      ["bad-model", "errored"],
    ]);
    for (const line of lines) {
      expect(validateAgainstSchema("MessageBatchIndividualResponse", line)).toBeUndefined();
    }
    const direct = await client.messages.create(batchParams("Hello from a batch"));
    const [ok, bad] = lines.map((l) => l.result);
    if (ok.type !== "succeeded" || bad.type !== "errored") throw new Error("unexpected results");
    expect({ ...ok.message, id: "" }).toEqual({ ...direct, id: "" });
    expect(ok.message.id).toMatch(/^msg_01/);
    expect(bad.error).toEqual({
      type: "error",
      error: { type: "not_found_error", message: "model: claude-nonexistent" },
      request_id: expect.stringMatching(/^req_[A-Za-z0-9]{24}$/),
    });
    // the same lines every time: results are produced anew, deterministically
    expect(await resultsOf(id)).toEqual(lines);
  });

  it("streams a seeded batch's results, cycling the four result types", async () => {
    const batch = sim.batches.seed({ count: 10 });
    expect(batch.request_counts).toEqual({
      processing: 0,
      succeeded: 3,
      errored: 3,
      canceled: 2,
      expired: 2,
    });
    const lines = await resultsOf(batch.id);
    expect(lines.map((l) => l.custom_id)).toEqual(Array.from({ length: 10 }, (_, i) => `req-${i}`));
    expect(lines.slice(0, 4).map((l) => l.result.type)).toEqual([
      "succeeded",
      "errored",
      "canceled",
      "expired",
    ]);
    for (const line of lines) {
      expect(validateAgainstSchema("MessageBatchIndividualResponse", line)).toBeUndefined();
    }
  });

  it("retries a results download that hit a 529, as for any request", async () => {
    const { id } = sim.batches.seed({ count: 2 });
    sim.enqueueFaults({}, { status: 529, headers: { "retry-after-ms": "10" } });
    expect(await resultsOf(id)).toHaveLength(2);
    const paths = sim.requests.map((r) => r.path);
    expect(paths).toEqual([
      `/v1/messages/batches/${id}`,
      `/v1/messages/batches/${id}/results`,
      `/v1/messages/batches/${id}/results`,
    ]);
  });
});

describe("message batches over plain HTTP", () => {
  it("serves results as chunked JSONL, with a planted malformed line as is", async () => {
    const { id } = sim.batches.seed({
      count: 3,
      result: (i) =>
        i === 1
          ? '{"custom_id": "broken", "resu'
          : { custom_id: `r${i}`, result: { type: "expired" } },
    });
    expect(sim.batches.get(id)?.request_counts).toMatchObject({ expired: 2, processing: 0 });
    const response = await api(`/v1/messages/batches/${id}/results`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/x-jsonl");
    expect(response.headers.get("content-length")).toBeNull();
    expect(response.headers.get("request-id")).toMatch(/^req_/);
    expect(response.text).toBe(
      [
        '{"custom_id":"r0","result":{"type":"expired"}}',
        '{"custom_id": "broken", "resu',
        '{"custom_id":"r2","result":{"type":"expired"}}',
        "",
      ].join("\n"),
    );
  });

  it("streams many lines in order, over many chunks", async () => {
    const { id } = sim.batches.seed({ count: 3000 });
    const response = await api(`/v1/messages/batches/${id}/results`);
    const lines = response.text.trimEnd().split("\n");
    expect(response.text.length).toBeGreaterThan(10 * 64 * 1024);
    expect(lines).toHaveLength(3000);
    expect(lines.map((l) => (JSON.parse(l) as { custom_id: string }).custom_id)).toEqual(
      Array.from({ length: 3000 }, (_, i) => `req-${i}`),
    );
  });

  it("produces results only as fast as the client reads them", async () => {
    let produced = 0;
    const count = 100_000;
    const filler = "x".repeat(500);
    const { id } = sim.batches.seed({
      count,
      counts: { succeeded: 0, errored: count, canceled: 0, expired: 0 },
      result: (i) => {
        produced++;
        return {
          custom_id: `req-${i}`,
          result: {
            type: "errored",
            error: {
              type: "error",
              error: { type: "api_error", message: filler },
              request_id: null,
            },
          },
        };
      },
    });
    expect(produced).toBe(0);
    const response = await fetch(`${sim.url}/v1/messages/batches/${id}/results`, {
      headers: HEADERS,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const first = await reader.read();
    expect(first.value?.length).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    // about 60 MB in all: only what fits in the socket buffers may have been produced
    expect(produced).toBeLessThan(count / 2);
    await reader.cancel();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const afterCancel = produced;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBe(afterCancel);
  });

  it("breaks a results stream mid-body when a fault says so", async () => {
    const { id } = sim.batches.seed({ count: 4 });
    sim.enqueueFaults({ truncateStream: true });
    const truncated = await api(`/v1/messages/batches/${id}/results`);
    expect(truncated.status).toBe(200);
    const full = await api(`/v1/messages/batches/${id}/results`);
    expect(full.text.startsWith(truncated.text)).toBe(true);
    expect(truncated.text.length).toBeLessThan(full.text.length);

    sim.enqueueFaults({ dropMidBody: true });
    await expect(api(`/v1/messages/batches/${id}/results`)).rejects.toThrow();
  });

  it("refuses results before the batch has ended, and unknown ids", async () => {
    const { id } = sim.batches.seed({ count: 1, status: "in_progress" });
    const early = await api(`/v1/messages/batches/${id}/results`);
    expect(early.status).toBe(400);
    expect((early.json as ErrorJson).error.message).toMatch(/still in_progress/);
    const unknown = await api("/v1/messages/batches/msgbatch_nope");
    expect(unknown.status).toBe(404);
    expect((unknown.json as ErrorJson).error.type).toBe("not_found_error");
  });

  it("refuses more than 100,000 requests with a 400", async () => {
    const requests = Array.from({ length: 100_001 }, (_, i) => ({
      custom_id: `r${i}`,
      params: batchParams("x"),
    }));
    const response = await api("/v1/messages/batches", { body: { requests } });
    expect(response.status).toBe(400);
    expect((response.json as ErrorJson).error.message).toBe(
      "requests: List should have at most 100000 items after validation, not 100001",
    );
  });

  it("checks the key and the version as for messages", async () => {
    const noKey = await api("/v1/messages/batches", { headers: { "x-api-key": undefined } });
    expect(noKey.status).toBe(401);
    const noVersion = await api("/v1/files", { headers: { "anthropic-version": undefined } });
    expect(noVersion.status).toBe(400);
    const wrongMethod = await api("/v1/messages/batches/msgbatch_x/cancel");
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
  });

  it("moves batches on only forwards", () => {
    const { id } = sim.batches.seed({ count: 1 });
    expect(() => sim.batches.setStatus(id, "in_progress")).toThrow(/back/);
    expect(() => sim.batches.setStatus("msgbatch_nope", "ended")).toThrow(/no batch/);
    sim.reset();
    expect(sim.batches.list()).toEqual([]);
  });
});

describe("files with the official SDK", () => {
  it("uploads a file byte for byte, without a beta header", async () => {
    const before = sim.clock.now();
    const file = await toFile(TRICKY_BYTES, "report.pdf", { type: "application/pdf" });
    const metadata = await client.files.upload({ file });

    expect(metadata).toEqual({
      id: expect.stringMatching(/^file_01[A-Za-z0-9]{22}$/),
      type: "file",
      filename: "report.pdf",
      mime_type: "application/pdf",
      size_bytes: TRICKY_BYTES.length,
      created_at: expect.any(String),
      downloadable: false,
      expires_at: null,
    });
    expect(Date.parse(metadata.created_at)).toBeGreaterThanOrEqual(before);
    expect(sim.files.get(metadata.id)?.bytes.equals(TRICKY_BYTES)).toBe(true);
    const [request] = sim.requests;
    expect(request.path).toBe("/v1/files");
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    expect(request.rawBytes.includes(TRICKY_BYTES)).toBe(true);
    expect(await client.files.retrieveMetadata(metadata.id)).toEqual(metadata);
  });

  it("expires an upload after expires_in_seconds", async () => {
    const file = await toFile(Buffer.from("short-lived"), "note.txt", { type: "text/plain" });
    const metadata = await client.files.upload({ file, expires_in_seconds: 3600 });
    expect(Date.parse(metadata.expires_at ?? "") - Date.parse(metadata.created_at)).toBe(HOUR_MS);

    sim.clock.advance(HOUR_MS);
    const expired = await failureOf(client.files.retrieveMetadata(metadata.id));
    expect(expired).toBeInstanceOf(Anthropic.FileExpiredError);
    expect((expired as InstanceType<typeof Anthropic.FileExpiredError>).errorCode).toBe(
      "file_expired",
    );
    const ids: string[] = [];
    for await (const listed of client.files.list()) ids.push(listed.id);
    expect(ids).not.toContain(metadata.id);
  });

  it.each([["59"], ["7776001"], ["soon"]])("refuses expires_in_seconds=%s", async (value) => {
    const form = new FormData();
    form.append("file", new Blob(["x"]), "x.txt");
    form.append("expires_in_seconds", value);
    const response = await fetch(`${sim.url}/v1/files`, {
      method: "POST",
      headers: { "x-api-key": SIMULATOR_API_KEY, "anthropic-version": "2023-06-01" },
      body: form,
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.message).toMatch(/^expires_in_seconds: /);
    expect(sim.files.list()).toHaveLength(0);
  });

  it("lists files newest first, auto-paging with the page cursor", async () => {
    const added = [1, 2, 3, 4, 5].map((i) =>
      sim.files.add({ filename: `f${i}.txt`, mimeType: "text/plain", bytes: Buffer.from(`${i}`) }),
    );
    const ids: string[] = [];
    for await (const file of client.files.list({ limit: 2 })) ids.push(file.id);

    expect(ids).toEqual(added.map((f) => f.id).reverse());
    const pages = sim.requests.filter((r) => r.path === "/v1/files");
    expect(pages).toHaveLength(3);
    expect(pages[0].query.page).toBeUndefined();
    expect(pages[1].query.page).toMatch(/^page_/);
    expect(pages.every((r) => r.query.limit === "2")).toBe(true);
  });

  it("filters by ids, sent as ids[] by the SDK or as plain repeated ids", async () => {
    const [a, b, c] = ["a", "b", "c"].map((name) =>
      sim.files.add({ filename: name, mimeType: "text/plain", bytes: Buffer.from(name) }),
    );
    const page = await client.files.list({ ids: [a.id, c.id, "file_unknown"] });
    expect(page.data.map((f) => f.id)).toEqual([c.id, a.id]);
    expect(page.next_page).toBeNull();
    expect(sim.requests[0].queryAll["ids[]"]).toEqual([a.id, c.id, "file_unknown"]);

    const plain = await api(`/v1/files?ids=${b.id}&ids=${a.id}`);
    expect((plain.json as { data: Array<{ id: string }> }).data.map((f) => f.id)).toEqual([
      b.id,
      a.id,
    ]);
    expect(sim.requests[1].queryAll.ids).toEqual([b.id, a.id]);
    expect(sim.requests[1].query.ids).toBe(a.id);
  });

  it("downloads a downloadable file byte for byte", async () => {
    const { id } = sim.files.add({
      filename: "chart.png",
      mimeType: "image/png",
      bytes: TRICKY_BYTES,
      downloadable: true,
    });
    const response = await client.files.download(id);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe(String(TRICKY_BYTES.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(TRICKY_BYTES)).toBe(true);
  });

  it("refuses to download an uploaded file with the SDK's typed error", async () => {
    const metadata = await client.files.upload({
      file: await toFile(Buffer.from("mine"), "mine.txt", { type: "text/plain" }),
    });
    const error = await failureOf(client.files.download(metadata.id));
    expect(error).toBeInstanceOf(Anthropic.FileNotDownloadableError);
    const typed = error as InstanceType<typeof Anthropic.FileNotDownloadableError>;
    expect(typed.status).toBe(400);
    expect(typed.errorCode).toBe("file_not_downloadable");
    expect(typed.message).toMatch(/Only files created by tools or skills/);
  });

  it("deletes a file", async () => {
    const { id } = sim.files.add({
      filename: "x",
      mimeType: "text/plain",
      bytes: Buffer.from("x"),
    });
    expect(await client.files.delete(id)).toEqual({ id, type: "file_deleted" });
    await expect(client.files.retrieveMetadata(id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
    await expect(client.files.delete(id)).rejects.toBeInstanceOf(Anthropic.NotFoundError);
  });

  it("refuses uploads over the quota, which files.add bypasses", async () => {
    sim.files.setQuotaBytes(10);
    sim.files.add({ filename: "big", mimeType: "text/plain", bytes: Buffer.alloc(20) });
    const error = await failureOf(
      client.files.upload({ file: await toFile(Buffer.from("x"), "x.txt") }),
    );
    expect(error).toBeInstanceOf(Anthropic.StorageQuotaExceededError);
    sim.reset();
    await client.files.upload({ file: await toFile(Buffer.alloc(20), "x.txt") });
  });

  it("maps a fault's error details to the SDK's typed errors", async () => {
    sim.enqueueFaults({ status: 404, details: { error_code: "file_expired" } });
    const error = await failureOf(client.files.retrieveMetadata("file_any"));
    expect(error).toBeInstanceOf(Anthropic.FileExpiredError);
  });
});

describe("files over plain HTTP", () => {
  it("names an upload from its part, keeping only the last path component", async () => {
    const form = new FormData();
    form.append("file", new Blob(["a,b"]), "C:\\Users\\me\\data.csv");
    const response = await fetch(`${sim.url}/v1/files`, {
      method: "POST",
      headers: { "x-api-key": SIMULATOR_API_KEY, "anthropic-version": "2023-06-01" },
      body: form,
    });
    expect(await response.json()).toMatchObject({
      filename: "data.csv",
      mime_type: "application/octet-stream",
    });
    const missing = await api("/v1/files", { body: "{}" });
    expect(missing.status).toBe(400);
    // the old beta header is still accepted
    const beta = await api("/v1/files", { headers: { "anthropic-beta": "files-api-2025-04-14" } });
    expect(beta.status).toBe(200);
  });

  it("refuses a bad page cursor, and ids combined with page or over 100", async () => {
    const bad = await api("/v1/files?page=page_forged");
    expect(bad.status).toBe(400);
    const combined = await api("/v1/files?ids[]=file_a&page=x");
    expect(combined.status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `ids[]=file_${i}`).join("&");
    expect((await api(`/v1/files?${many}`)).status).toBe(400);
  });

  it("lists the legacy way when told to, until reset", async () => {
    const added = [1, 2, 3].map((i) =>
      sim.files.add({ filename: `${i}`, mimeType: "text/plain", bytes: Buffer.from(`${i}`) }),
    );
    sim.files.setListStyle("legacy");
    const first = await api("/v1/files?limit=2");
    expect(first.json).toMatchObject({
      has_more: true,
      first_id: added[2].id,
      last_id: added[1].id,
    });
    const second = await api(`/v1/files?limit=2&after_id=${added[1].id}`);
    expect(second.json).toMatchObject({ has_more: false, data: [{ id: added[0].id }] });
    expect(validateAgainstSchema("BetaFileListResponse", first.json)).toBeUndefined();
    sim.reset();
    expect(await api("/v1/files")).toMatchObject({ json: { data: [], next_page: null } });
  });

  it("refuses an unknown file and one that expired, with its error code", async () => {
    const unknown = await api("/v1/files/file_nope/content");
    expect(unknown.status).toBe(404);
    const { id } = sim.files.add({
      filename: "old",
      mimeType: "text/plain",
      bytes: Buffer.from("old"),
      downloadable: true,
      expiresInSeconds: 3600,
      createdAt: sim.clock.now() - 2 * HOUR_MS,
    });
    const expired = await api(`/v1/files/${id}/content`);
    expect(expired.status).toBe(404);
    expect((expired.json as { error: { details?: object } }).error.details).toEqual({
      error_code: "file_expired",
    });
  });
});

interface CompletionJson {
  type: "completion";
  id: string;
  completion: string;
  stop_reason: string | null;
  model: string;
  stop?: string | null;
}

const completionBody = (text: string, extra: Record<string, unknown> = {}) => ({
  model: "claude-2.1",
  max_tokens_to_sample: 256,
  prompt: `\n\nHuman: ${text}\n\nAssistant:`,
  ...extra,
});

describe("legacy text completions with the official SDK", () => {
  it("completes a prompt", async () => {
    const completion = await client.post<CompletionJson>("/v1/complete", {
      body: completionBody("Hello there"),
    });
    expect(completion).toEqual({
      type: "completion",
      id: expect.stringMatching(/^compl_01[A-Za-z0-9]{22}$/),
      completion: " Simulated reply to: Hello there",
      stop_reason: "stop_sequence",
      model: "claude-2.1",
      stop: "\n\nHuman:",
    });
    expect(validateAgainstSchema("CompletionResponse", completion)).toBeUndefined();
    expect(sim.requests[0].path).toBe("/v1/complete");
  });

  it("honours max_tokens_to_sample and stop_sequences", async () => {
    const cut = await client.post<CompletionJson>("/v1/complete", {
      body: completionBody("respond with 50 tokens", { max_tokens_to_sample: 5 }),
    });
    expect(cut).toMatchObject({ stop_reason: "max_tokens", stop: null });
    expect(cut.completion).toHaveLength(20);
    const stopped = await client.post<CompletionJson>("/v1/complete", {
      body: completionBody("Hello", { stop_sequences: ["reply"] }),
    });
    expect(stopped).toMatchObject({
      completion: " Simulated ",
      stop_reason: "stop_sequence",
      stop: "reply",
    });
  });

  it("streams completion events that add up to the completion", async () => {
    const body = completionBody("Tell me a story about streams");
    const whole = await client.post<CompletionJson>("/v1/complete", { body });
    const stream = await client.post<AsyncIterable<CompletionJson>>("/v1/complete", {
      body: { ...body, stream: true },
      stream: true,
    });
    const events: CompletionJson[] = [];
    for await (const event of stream) events.push(event);

    expect(events.length).toBeGreaterThan(2);
    expect(events.map((e) => e.completion).join("")).toBe(whole.completion);
    expect(events.slice(0, -1).every((e) => e.stop_reason === null && e.id === whole.id)).toBe(
      true,
    );
    expect(events[events.length - 1]).toMatchObject({
      stop_reason: "stop_sequence",
      completion: "",
      stop: "\n\nHuman:",
    });
  });

  it("rejects the stream when an error event arrives mid-stream", async () => {
    sim.enqueueFaults({ midStreamError: { type: "overloaded_error", message: "Overloaded" } });
    const stream = await client.post<AsyncIterable<CompletionJson>>("/v1/complete", {
      body: { ...completionBody("Tell me a long story"), stream: true },
      stream: true,
    });
    const seen: CompletionJson[] = [];
    const failure = await (async () => {
      for await (const event of stream) seen.push(event);
    })().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Anthropic.APIError);
    expect(seen).toHaveLength(2);
  });

  it("refuses a prompt out of the Human/Assistant format", async () => {
    const cases: Array<[string, string]> = [
      ["Hello", 'prompt must start with "\\n\\nHuman:" turn after an optional system prompt'],
      ["\n\nHuman: Hello", 'prompt must end with "\\n\\nAssistant:" turn'],
    ];
    for (const [prompt, message] of cases) {
      const error = await failureOf(
        client.post("/v1/complete", { body: { ...completionBody("x"), prompt } }),
      );
      expect(error).toBeInstanceOf(Anthropic.BadRequestError);
      expect((error as InstanceType<typeof Anthropic.BadRequestError>).error).toMatchObject({
        error: { type: "invalid_request_error", message },
      });
    }
    const missing = await failureOf(
      client.post("/v1/complete", { body: { model: "claude-2.1", prompt: "\n\nHuman: x" } }),
    );
    expect((missing as Error).message).toMatch(/max_tokens_to_sample: Field required/);
  });
});

describe("legacy text completions over plain HTTP", () => {
  it("sends completion events with a ping, and truncates on a fault", async () => {
    const body = { ...completionBody("Tell me a story"), stream: true };
    const response = await api("/v1/complete", { body });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const names = sseEvents(response.text).map((e) => e.event);
    expect(names[0]).toBe("completion");
    expect(names[1]).toBe("ping");
    expect(names.filter((n) => n === "ping")).toHaveLength(1);

    sim.enqueueFaults({ truncateStream: true });
    const truncated = sseEvents((await api("/v1/complete", { body })).text);
    expect(truncated.map((e) => e.event)).toEqual(["completion", "ping", "completion"]);
    expect(truncated.every((e) => JSON.parse(e.data).stop_reason !== "stop_sequence")).toBe(true);
  });
});

describe("recording", () => {
  it("keeps every query value in order and the exact body bytes", async () => {
    await api("/v1/models?limit=1&limit=2&x=%20y");
    const [request] = sim.requests;
    expect(request.query).toEqual({ limit: "2", x: " y" });
    expect(request.queryAll).toEqual({ limit: ["1", "2"], x: [" y"] });
    expect(request.rawBytes).toEqual(Buffer.alloc(0));
    await create(userSays("bytes"));
    expect(sim.requests[1].rawBytes.toString("utf8")).toBe(sim.requests[1].rawBody);
  });
});
