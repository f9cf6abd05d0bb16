import { NON_STREAMING_MAX_TOKENS } from "../../../src/defaults";
import { SIMULATOR_API_KEY } from "../../simulator";
import { expectValidCreateBody, runChat } from "../../support/chat";
import { capturingLogger, failureOf, useSimulator } from "../../support/harness";
import { weatherTool } from "../../support/tools";

const { sim, connection } = useSimulator();

/**
 * The same request streamed and not, each against a fresh simulator state (so
 * the second does not read the prompt cache the first wrote): the results must
 * be identical.
 */
const bothWays = async (params: Record<string, unknown>) => {
  const whole = await runChat(connection(), { ...params, stream: "false" });
  const [plain] = sim().requests;
  sim().reset();
  const streamed = await runChat(connection(), { ...params, stream: "true" });
  return { whole, streamed, plain, sse: sim().requests[0] };
};

describe("streaming", () => {
  it("sends stream: true and accumulates exactly the non-streaming Message", async () => {
    const { whole, streamed, plain, sse } = await bothWays({
      initialMessage: "Tell me about streams",
    });
    expect(plain.body).not.toHaveProperty("stream");
    expect(sse.body).toEqual({ ...(plain.body as object), stream: true });
    expect(sse.headers.accept).toBe("text/event-stream");
    expectValidCreateBody(sse);
    expect(streamed).toEqual(whole);
    expect(streamed.text).toBe("Simulated reply to: Tell me about streams");
  });

  it.each([
    [
      "tool_use with input JSON",
      { initialMessage: "Use get_weather please", tools: [weatherTool] },
    ],
    [
      "thinking with a signature",
      { initialMessage: "Think first", thinking: "enabled", budgetTokens: "1024" },
    ],
    [
      "citations",
      {
        initialMessage: "Cite it",
        files: [{ data: Buffer.from("The sky is blue."), contentType: "text/plain" }],
        citations: "true",
      },
    ],
    [
      "structured output",
      {
        initialMessage: "Extract",
        outputSchema: { type: "object", properties: { a: { type: "integer" } }, required: ["a"] },
      },
    ],
    [
      "cache usage",
      { initialMessage: "Cached", systemPrompt: "Long stable instructions.", cache: "1h" },
    ],
  ])("accumulates %s to the same Message", async (_name, params) => {
    const { whole, streamed } = await bothWays(params);
    expect(streamed).toEqual(whole);
  });

  it("streams a 30,000-token answer on its own, beyond what finishes in 10 minutes without streaming", async () => {
    const { lines, logger } = capturingLogger();
    const data = await runChat(
      connection(),
      { initialMessage: "Write the report: respond with 30000 tokens", maxTokens: "32000" },
      { logger },
    );
    const [request] = sim().requests;
    expect(request.body).toMatchObject({ max_tokens: 32000, stream: true });
    expect(data.usage.output_tokens).toBe(30000);
    expect(data.stop_reason).toBe("end_turn");
    expect(data.text.length).toBeGreaterThanOrEqual(30000 * 4 - 1);
    expect(lines).toContainEqual(expect.stringContaining("streaming the answer"));
  });

  it("does not stream on its own at or below the threshold", async () => {
    await runChat(connection(), {
      initialMessage: "hi",
      maxTokens: String(NON_STREAMING_MAX_TOKENS),
    });
    expect(sim().requests[0].body).not.toHaveProperty("stream");
  });

  it("turns a mid-stream error event into one clear error, not a partial result", async () => {
    sim().enqueueFaults({ midStreamError: { type: "overloaded_error", message: "Overloaded" } });
    const error = await failureOf(runChat(connection(), { initialMessage: "hi", stream: "true" }));
    expect(error.message).toMatch(
      /^Anthropic API stream error overloaded_error: Overloaded \(request-id req_\w+\)$/,
    );
    expect(error.type).toBe("overloaded_error");
  });

  it("refuses a stream that ends without message_stop", async () => {
    sim().enqueueFaults({ truncateStream: true });
    const error = await failureOf(runChat(connection(), { initialMessage: "hi", stream: "true" }));
    expect(error.message).toMatch(
      /^Anthropic API stream ended before message_stop; the answer is incomplete/,
    );
    expect(error.type).toBe("incomplete_stream");
  });

  it("retries a stream whose connection breaks, and returns the whole answer", async () => {
    sim().enqueueFaults({ dropMidStream: true });
    const data = await runChat(connection(), { initialMessage: "hi", stream: "true" });
    expect(sim().requests).toHaveLength(2);
    expect(data.stop_reason).toBe("end_turn");
  });

  it("turns a connection that keeps breaking mid-stream into one clear error that holds no request", async () => {
    sim().enqueueFaults({ dropMidStream: true }, { dropMidStream: true }, { dropMidStream: true });
    const error = await failureOf(runChat(connection(), { initialMessage: "hi", stream: "true" }));
    expect(error.message).toMatch(
      /^Anthropic API stream broke off before the answer was complete \(\w+\); no partial result is returned\. Retry the step\. \(request-id req_\w+\)$/,
    );
    expect(error.type).toBe("connection_error");
    expect(error).not.toHaveProperty("config");
    expect(`${JSON.stringify(error)} ${error.stack}`).not.toContain(SIMULATOR_API_KEY);
  });

  it("retries a 529 before the stream starts and reads an error body from a streamed request", async () => {
    sim().enqueueFaults({ status: 529, headers: { "retry-after-ms": "0" } });
    const data = await runChat(connection(), { initialMessage: "hi", stream: "true" });
    expect(sim().requests).toHaveLength(2);
    expect(data.stop_reason).toBe("end_turn");

    sim().reset();
    sim().enqueueFaults({ status: 400, message: "max_tokens: too large" });
    const error = await failureOf(runChat(connection(), { initialMessage: "hi", stream: "true" }));
    expect(error.message).toMatch(
      /^Anthropic API 400 invalid_request_error: max_tokens: too large \(request-id req_\w+\)$/,
    );
  });
});
