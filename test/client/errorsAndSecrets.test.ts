import { ConnectionError } from "@prismatic-io/spectral";
import { AnthropicApiError, AnthropicAuthError } from "../../src/client/errors";
import { SIMULATOR_API_KEY } from "../simulator";
import {
  capturingLogger,
  connectionFor,
  failureOf,
  runAction,
  useSimulator,
} from "../support/harness";
import { getModelFailureFrom } from "../support/stubServer";

const { sim, connection } = useSimulator();

/** Everything an error could show the platform, flattened to text. */
const everythingIn = (error: Error): string =>
  [
    error.message,
    error.stack ?? "",
    JSON.stringify(error),
    JSON.stringify(Object.entries(error)),
  ].join("\n");

describe("API errors", () => {
  it("surface as one clear error with status, type, message and request-id", async () => {
    sim().enqueueFaults({
      status: 429,
      message: "Number of request tokens has exceeded your per-minute rate limit",
      headers: { "x-should-retry": "false" },
    });
    const error = await failureOf(
      runAction("chat", { connection: connection(), initialMessage: "hi" }),
    );
    expect(error).toBeInstanceOf(AnthropicApiError);
    expect(error.message).toMatch(
      /^Anthropic API 429 rate_limit_error: Number of request tokens has exceeded your per-minute rate limit \(request-id req_\w+\)$/,
    );
    expect(error.status).toBe(429);
    expect(error.type).toBe("rate_limit_error");
    expect(error.requestId).toMatch(/^req_\w+$/);
    expect(error).not.toHaveProperty("config");
    expect(error).not.toHaveProperty("response");
    expect(error).not.toHaveProperty("isAxiosError");
  });

  it("a 400 from the API names the field the API complained about", async () => {
    const error = await failureOf(
      runAction("rawRequest", {
        connection: connection(),
        url: "/messages",
        method: "POST",
        data: '{"model":"claude-haiku-4-5"}',
      }),
    );
    expect(error.message).toMatch(
      /^Anthropic API 400 invalid_request_error: .*messages.*\(request-id req_\w+\)$/,
    );
  });

  it.each([
    [401, "Authentication error"],
    [403, "This API key is not allowed to use this API."],
  ])("%i refusing the key also marks the connection", async (status, message) => {
    sim().enqueueFaults({ status, message });
    const error = await failureOf(
      runAction("getModel", { connection: connection(), model: "claude-haiku-4-5" }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(AnthropicAuthError);
    expect(error.status).toBe(status);
    expect(error.message).toMatch(
      new RegExp(`^Anthropic API ${status} (authentication|permission)_error: `),
    );
  });

  it("a wrong key is an authentication error that does not echo the key", async () => {
    const wrongKey = "sk-ant-wrong-key-0000000000";
    const error = await failureOf(
      runAction("listModels", { connection: connection({ apiKey: wrongKey }) }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^Anthropic API 401 authentication_error: /);
    expect(everythingIn(error)).not.toContain(wrongKey);
  });

  it("a connection that cannot be reached says so without the key", async () => {
    const closed = connectionFor("http://127.0.0.1:9"); // discard port: nothing listens
    const error = await failureOf(runAction("listModels", { connection: closed, maxRetries: "0" }));
    expect(error.message).toBe(
      "Anthropic API request failed before a response arrived (GET /v1/models): ECONNREFUSED. Check the connection's Base URL and the network.",
    );
    expect(everythingIn(error)).not.toContain(SIMULATOR_API_KEY);
  });
});

describe("the API key", () => {
  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      "a 500",
      async () =>
        sim().enqueueFaults({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }),
    ],
    ["a 401", async () => sim().enqueueFaults({ status: 401 })],
    ["a timeout", async () => sim().enqueueFaults({ delayMs: 500 }, { delayMs: 500 })],
  ];
  it.each(cases)("is absent from the error after %s", async (_name, arrange) => {
    await arrange();
    const error = await failureOf(
      runAction("chat", {
        connection: connection(),
        initialMessage: "hi",
        timeout: "100",
        maxRetries: "1",
      }),
    );
    expect(everythingIn(error)).not.toContain(SIMULATOR_API_KEY);
  });

  it.each([
    ["x-api-key", {}],
    ["bearer", { authStyle: "bearer" }],
  ])("is redacted from debug logs (%s auth)", async (_style, fields) => {
    const { lines, logger } = capturingLogger();
    sim().enqueueFaults({ status: 529, headers: { "retry-after-ms": "0" } });
    await runAction(
      "chat",
      {
        connection: connection({
          ...fields,
          extraHeaders: [
            { key: "x-portkey-api-key", value: "pk-secret-123" },
            { key: "x-portkey-virtual-key", value: "vk-secret-456" },
          ],
        }),
        initialMessage: "hi",
      },
      { debug: true, logger },
    );
    const log = lines.join("\n");
    expect(log).toContain("Anthropic request:");
    expect(log).toContain("Anthropic response:");
    expect(log).toContain("[redacted]");
    expect(log).toContain('"status":529');
    expect(log).not.toContain(SIMULATOR_API_KEY);
    expect(log).not.toContain("pk-secret-123");
    expect(log).not.toContain("vk-secret-456");
  });

  it("is not logged at all without debug", async () => {
    const { lines, logger } = capturingLogger();
    await runAction("chat", { connection: connection(), initialMessage: "hi" }, { logger });
    expect(lines.filter((line) => line.includes("Anthropic request"))).toEqual([]);
  });

  it("is absent from returned data", async () => {
    const result = await runAction("rawRequest", {
      connection: connection(),
      url: "/models",
      method: "GET",
      debugRequest: "true",
    });
    expect(JSON.stringify(result)).not.toContain(SIMULATOR_API_KEY);
  });
});

describe("redaction happens before any clipping", () => {
  it("a key that straddles the clip of a gateway's body leaves no piece of itself", async () => {
    const { error } = await getModelFailureFrom({
      status: 500,
      contentType: "text/plain",
      body: `${"x".repeat(290)} ${SIMULATOR_API_KEY} trailing`,
    });
    // The clip may cut the marker, never the key: only "[redact..." can remain.
    expect(error.message).toMatch(/ \[redact/);
    expect(everythingIn(error)).not.toContain(SIMULATOR_API_KEY.slice(0, 10));
  });

  it("a key that straddles the debug log's body clip leaves no piece of itself", async () => {
    const { lines, logger } = capturingLogger();
    await runAction(
      "rawRequest",
      {
        connection: connection(),
        url: "/messages/count_tokens",
        method: "POST",
        data: JSON.stringify({
          model: "claude-haiku-4-5",
          messages: [{ role: "user", content: `${"y".repeat(1_950)}${SIMULATOR_API_KEY}` }],
        }),
        debugRequest: "true",
      },
      { logger },
    );
    const log = lines.join("\n");
    expect(log).toContain("[redacted]");
    expect(log).not.toContain(SIMULATOR_API_KEY.slice(0, 10));
  });

  it("a key in the Base URL's path is not in debug log URLs", async () => {
    const { lines, logger } = capturingLogger();
    await failureOf(
      runAction(
        "listModels",
        { connection: connection({ baseUrl: `${sim().url}/${SIMULATOR_API_KEY}` }) },
        { debug: true, logger },
      ),
    );
    expect(lines.join("\n")).toContain("Anthropic request:");
    expect(lines.join("\n")).not.toContain(SIMULATOR_API_KEY);
  });

  it.each([
    ["credentials", "https://user:hunter2@gw.example.com/v1"],
    ["a query", "https://gw.example.com/?token=hunter2"],
    ["a fragment", "https://gw.example.com/#hunter2"],
  ])("a Base URL refused for %s is not kept verbatim in the error", async (_name, baseUrl) => {
    const error = await failureOf(runAction("listModels", { connection: connection({ baseUrl }) }));
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error.message).toBe(
      "Base URL: must not contain credentials, a query string or a fragment.",
    );
    expect(everythingIn(error)).not.toContain("hunter2");
    expect(sim().requests).toHaveLength(0);
  });
});
