import { DEFAULT_MODEL } from "../../src/defaults";
import { SIMULATOR_API_KEY, validateAgainstSchema } from "../simulator";
import { directCall } from "../support/direct";
import { runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

describe("chat", () => {
  it("sends the seed inputs as a Messages request and returns the Message as given", async () => {
    const result = await runAction("chat", {
      connection: connection(),
      initialMessage: "Hello, Claude",
    });

    const [request] = sim().requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/messages");
    expect(request.headers["x-api-key"]).toBe(SIMULATOR_API_KEY);
    expect(request.headers["anthropic-version"]).toBe("2023-06-01");
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    // Empty optional inputs are not sent: no system, no temperature.
    expect(request.body).toEqual({
      model: DEFAULT_MODEL,
      messages: [{ role: "user", content: "Hello, Claude" }],
      max_tokens: 4096,
    });
    expect(validateAgainstSchema("CreateMessageParams", request.body)).toBeUndefined();

    const expected = await directCall(sim().url, "POST", "/v1/messages", request.body);
    // The Message exactly as the API returned it, plus the joined text and the tool calls.
    const message = expected as { content: unknown[] };
    expect(result.data).toEqual({
      ...message,
      text: "Simulated reply to: Hello, Claude",
      toolUses: [],
      conversation: [
        { role: "user", content: "Hello, Claude" },
        { role: "assistant", content: message.content },
      ],
    });
    expect(result.data).toMatchObject({
      type: "message",
      role: "assistant",
      content: [{ type: "text", text: "Simulated reply to: Hello, Claude" }],
      stop_reason: "end_turn",
    });
  });

  it("sends system prompt, max tokens and temperature when set", async () => {
    await runAction("chat", {
      connection: connection(),
      model: "claude-haiku-4-5",
      initialMessage: "Classify: refund request",
      systemPrompt: "You label support tickets.",
      maxTokens: "256",
      temperature: "0",
    });
    const [request] = sim().requests;
    expect(request.body).toEqual({
      model: "claude-haiku-4-5",
      messages: [{ role: "user", content: "Classify: refund request" }],
      system: "You label support tickets.",
      max_tokens: 256,
      temperature: 0,
    });
    expect(validateAgainstSchema("CreateMessageParams", request.body)).toBeUndefined();
  });
});

describe("countTokens", () => {
  it("posts the message to count_tokens and returns only input_tokens", async () => {
    const result = await runAction("countTokens", {
      connection: connection(),
      message: "How many tokens is this?",
    });
    const [request] = sim().requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/messages/count_tokens");
    expect(request.headers["x-api-key"]).toBe(SIMULATOR_API_KEY);
    expect(request.body).toEqual({
      model: DEFAULT_MODEL,
      messages: [{ role: "user", content: "How many tokens is this?" }],
    });
    expect(validateAgainstSchema("CountMessageTokensParams", request.body)).toBeUndefined();
    const expected = (await directCall(
      sim().url,
      "POST",
      "/v1/messages/count_tokens",
      request.body,
    )) as {
      input_tokens: number;
    };
    expect(result.data).toEqual({ input_tokens: expected.input_tokens });
    expect(expected.input_tokens).toBeGreaterThan(0);
  });
});
