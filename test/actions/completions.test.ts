import { toCompletionPrompt } from "../../src/completions/buildRequest";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

interface Completion {
  type: string;
  id: string;
  completion: string;
  stop_reason: string | null;
  model: string;
}

describe("toCompletionPrompt", () => {
  it.each([
    ["plain text", "Why is the sky blue?", "\n\nHuman: Why is the sky blue?\n\nAssistant:"],
    [
      "the turn format",
      "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Why?\n\nAssistant:",
      "\n\nHuman: Hi\n\nAssistant: Hello!\n\nHuman: Why?\n\nAssistant:",
    ],
    [
      "a prefilled answer",
      "\n\nHuman: Name a colour.\n\nAssistant: The colour is",
      "\n\nHuman: Name a colour.\n\nAssistant: The colour is",
    ],
    ["a Human turn alone", "\n\nHuman: Hi", "\n\nHuman: Hi\n\nAssistant:"],
    ["Human: without its blank line", "Human: Hi", "\n\nHuman: Human: Hi\n\nAssistant:"],
  ])("%s", (_name, prompt, sent) => {
    expect(toCompletionPrompt(prompt)).toBe(sent);
  });
});

describe("createCompletion", () => {
  it("POSTs /v1/complete with the wrapped prompt and only the inputs given", async () => {
    const result = await runAction("createCompletion", {
      connection: connection(),
      model: "claude-2.1",
      prompt: "Why is the sky blue?",
      stopSequences: ["\n\nHuman:", "END"],
      temperature: "0.5",
      topK: "10",
      metadataUserId: "user-42",
    });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["POST", "/v1/complete"]);
    expect(request.query).toEqual({});
    expect(request.body).toEqual({
      model: "claude-2.1",
      prompt: "\n\nHuman: Why is the sky blue?\n\nAssistant:",
      max_tokens_to_sample: 1024,
      stop_sequences: ["\n\nHuman:", "END"],
      temperature: 0.5,
      top_k: 10,
      metadata: { user_id: "user-42" },
    });
    const completion = result.data as Completion;
    expect(completion.type).toBe("completion");
    expect(completion.model).toBe("claude-2.1");
    expect(typeof completion.completion).toBe("string");
    expect(completion.stop_reason).not.toBeNull();
  });

  it("joins the stream into the same answer the non-streaming call gives", async () => {
    const inputs = {
      connection: connection(),
      model: "claude-2.1",
      prompt: "Tell me a story about a lighthouse.",
      maxTokensToSample: "64",
    };
    const plain = (await runAction("createCompletion", inputs)).data as Completion;
    const streamed = (await runAction("createCompletion", { ...inputs, stream: true }))
      .data as Completion;
    const [, request] = sim().requests;
    expect(request.body).toEqual({
      model: "claude-2.1",
      prompt: "\n\nHuman: Tell me a story about a lighthouse.\n\nAssistant:",
      max_tokens_to_sample: 64,
      stream: true,
    });
    expect(request.headers.accept).toBe("text/event-stream");
    expect({ ...streamed, id: "" }).toEqual({ ...plain, id: "" });
    expect(streamed.completion.length).toBeGreaterThan(0);
  });

  it("fails, with no partial completion, when the stream ends before its stop_reason", async () => {
    sim().enqueueFaults({ truncateStream: true });
    const error = await failureOf(
      runAction("createCompletion", {
        connection: connection(),
        model: "claude-2.1",
        prompt: "Hello",
        stream: true,
        maxRetries: "0",
      }),
    );
    expect(error.message).toMatch(
      /^Anthropic API stream ended before the final completion event with its stop_reason; .+ \(request-id req_\w+\)$/,
    );
    expect(error.type).toBe("incomplete_stream");
  });

  it("surfaces an error event in the stream as one clear error", async () => {
    sim().enqueueFaults({ midStreamError: { type: "overloaded_error", message: "Overloaded" } });
    const error = await failureOf(
      runAction("createCompletion", {
        connection: connection(),
        model: "claude-2.1",
        prompt: "Hello",
        stream: true,
        maxRetries: "0",
      }),
    );
    expect(error.message).toMatch(/^Anthropic API stream error overloaded_error: /);
    expect(error.type).toBe("overloaded_error");
    expect(error.retryable).toBe(true);
  });

  it.each([
    ["no prompt", { prompt: "  " }, /^Prompt: is required/],
    ["no model", { model: "" }, /^Model: /],
    ["a Max Tokens To Sample of 0", { maxTokensToSample: "0" }, /^Max Tokens To Sample: /],
  ])("refuses %s before sending", async (_name, inputs, message) => {
    const error = await failureOf(
      runAction("createCompletion", {
        connection: connection(),
        model: "claude-2.1",
        prompt: "Hello",
        ...inputs,
      }),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});
