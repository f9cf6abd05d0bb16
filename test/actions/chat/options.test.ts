import { DEFAULT_MODEL } from "../../../src/defaults";
import { expectValidCreateBody, runChat } from "../../support/chat";
import { capturingLogger, failureOf, useSimulator } from "../../support/harness";
import { lookupTool, refundTool } from "../../support/tools";

const { sim, connection } = useSimulator();

const webSearch = { type: "web_search_20250305", name: "web_search", max_uses: 3 };

const sentBody = () => sim().requests[0].body as Record<string, unknown>;

describe("sampling and control", () => {
  it("sends top_p, top_k, stop sequences, metadata and service tier only when set", async () => {
    await runChat(connection(), {
      initialMessage: "List three colours",
      topP: "0.9",
      topK: "40",
      stopSequences: ["END", "STOP"],
      metadataUserId: "13803d75-b4b5-4c3e-b2a2-6f21399b021b",
      serviceTier: "standard_only",
    });
    expect(sentBody()).toEqual({
      model: DEFAULT_MODEL,
      max_tokens: 4096,
      messages: [{ role: "user", content: "List three colours" }],
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ["END", "STOP"],
      metadata: { user_id: "13803d75-b4b5-4c3e-b2a2-6f21399b021b" },
      service_tier: "standard_only",
    });
    expectValidCreateBody(sim().requests[0]);
  });

  it("keeps stop sequences that are whitespace, as typed", async () => {
    await runChat(connection(), { initialMessage: "hi", stopSequences: ["\n\nHuman:", "\n", ""] });
    expect(sentBody().stop_sequences).toEqual(["\n\nHuman:", "\n"]);
  });

  it("returns the stop sequence that ended the answer", async () => {
    const data = await runChat(connection(), {
      initialMessage: "count to ten",
      stopSequences: ["to"],
    });
    expect(data.stop_reason).toBe("stop_sequence");
    expect(data.stop_sequence).toBe("to");
    expect(data.text).toBe("Simulated reply ");
  });

  it.each([
    ["temperature", "Temperature", { temperature: "0.5" }],
    ["top_p", "Top P", { topP: "0.5" }],
    ["top_k", "Top K", { topK: "5" }],
  ])(
    "refuses %s under API version 2026-10-21, naming the version",
    async (field, label, params) => {
      const error = await failureOf(
        runChat(connection({ apiVersion: "2026-10-21" }), { initialMessage: "hi", ...params }),
      );
      expect(error.message).toBe(
        `${label}: API version 2026-10-21 does not accept ${field}; leave it empty, or set the connection's API Version to 2023-06-01.`,
      );
      expect(sim().requests).toHaveLength(0);
    },
  );

  it.each(["claude-opus-4-20250514", "claude-opus-4-1-20250805", "claude-sonnet-4-20250514"])(
    "sends temperature to %s, which takes sampling",
    async (model) => {
      await runChat(connection(), { model, initialMessage: "hi", temperature: "0.2" });
      expect(sentBody()).toEqual({
        model,
        max_tokens: 4096,
        messages: [{ role: "user", content: "hi" }],
        temperature: 0.2,
      });
    },
  );

  it("sends temperature to an id it does not know, leaving the answer to the API", async () => {
    const error = await failureOf(
      runChat(connection(), { model: "claude-acc-01", initialMessage: "hi", temperature: "0.2" }),
    );
    // The simulator knows no such model: the refusal is the API's, not the connector's.
    expect(error.message).toMatch(/^Anthropic API 404 not_found_error: model: claude-acc-01/);
    expect(sentBody()).toMatchObject({ model: "claude-acc-01", temperature: 0.2 });
  });

  it("names the API version first when both it and the model refuse sampling", async () => {
    const error = await failureOf(
      runChat(connection({ apiVersion: "2026-10-21" }), {
        model: "claude-opus-4-7",
        initialMessage: "hi",
        temperature: "0.2",
      }),
    );
    expect(error.message).toMatch(
      /^Temperature: API version 2026-10-21 does not accept temperature/,
    );
    expect(sim().requests).toHaveLength(0);
  });

  it.each([
    ["max_tokens", "respond with 50 tokens", { maxTokens: "10" }, "Claude stopped at Max Tokens"],
    ["pause_turn", "[[simulate:pause_turn]]", {}, "Claude paused a long-running turn"],
    ["refusal", "[[simulate:refusal]]", {}, "Claude declined to answer"],
    [
      "model_context_window_exceeded",
      "[[simulate:context_window]]",
      {},
      "filled the model's context window",
    ],
  ])("returns stop reason %s as data and logs a warning", async (reason, text, params, warning) => {
    const { lines, logger } = capturingLogger();
    const data = await runChat(connection(), { initialMessage: text, ...params }, { logger });
    expect(data.stop_reason).toBe(reason);
    expect(lines.filter((line) => line.startsWith("warn "))).toEqual([
      expect.stringContaining(warning),
    ]);
  });
});

describe("tools", () => {
  it("passes custom and server tools as given", async () => {
    await runChat(connection(), {
      initialMessage: "Where is order 12?",
      tools: JSON.stringify([lookupTool, webSearch]),
    });
    expect(sentBody().tools).toEqual([lookupTool, webSearch]);
    expectValidCreateBody(sim().requests[0]);
  });

  it.each([
    ["auto", false, { type: "auto" }],
    ["any", false, { type: "any" }],
    ["none", false, { type: "none" }],
    ["refund_order", false, { type: "tool", name: "refund_order" }],
    ["", true, { type: "auto", disable_parallel_tool_use: true }],
    ["any", true, { type: "any", disable_parallel_tool_use: true }],
  ])("tool choice %p with parallel off=%p sends %j", async (toolChoice, disable, expected) => {
    await runChat(connection(), {
      initialMessage: "Check order 12",
      tools: [lookupTool, refundTool],
      toolChoice,
      disableParallelToolUse: String(disable),
    });
    expect(sentBody().tool_choice).toEqual(expected);
    expectValidCreateBody(sim().requests[0]);
  });

  it("returns parallel tool calls, or one when parallel use is off", async () => {
    const both = await runChat(connection(), {
      initialMessage: "lookup_order then refund_order",
      tools: [lookupTool, refundTool],
    });
    expect(both.toolUses.map((call) => call.name)).toEqual(["lookup_order", "refund_order"]);
    const one = await runChat(connection(), {
      initialMessage: "lookup_order then refund_order",
      tools: [lookupTool, refundTool],
      disableParallelToolUse: "true",
    });
    expect(one.toolUses.map((call) => call.name)).toEqual(["lookup_order"]);
  });
});

describe("extended thinking", () => {
  it("sends adaptive thinking with effort in output_config", async () => {
    const data = await runChat(connection(), {
      initialMessage: "Plan a trip",
      thinking: "adaptive",
      effort: "high",
    });
    expect(sentBody()).toEqual({
      model: DEFAULT_MODEL,
      max_tokens: 4096,
      messages: [{ role: "user", content: "Plan a trip" }],
      thinking: { type: "adaptive" },
      output_config: { effort: "high" },
    });
    expectValidCreateBody(sim().requests[0]);
    expect(data.content.map((block) => block.type)).toEqual(["thinking", "text"]);
    expect(data.text).toBe("Simulated reply to: Plan a trip");
  });
});

describe("prompt caching", () => {
  it.each(["5m", "1h"] as const)(
    "marks system, tools and the last user turn with ttl %s and returns cache usage",
    async (ttl) => {
      const marker = { type: "ephemeral", ttl };
      const params = {
        initialMessage: "Summarise our refund policy.",
        systemPrompt: "You are the support assistant for ACME. Policy: refunds within 30 days.",
        tools: [lookupTool, refundTool],
        cache: ttl,
      };
      const first = await runChat(connection(), params);
      expect(sentBody()).toEqual({
        model: DEFAULT_MODEL,
        max_tokens: 4096,
        system: [{ type: "text", text: params.systemPrompt, cache_control: marker }],
        tools: [lookupTool, { ...refundTool, cache_control: marker }],
        messages: [
          {
            role: "user",
            content: [{ type: "text", text: params.initialMessage, cache_control: marker }],
          },
        ],
      });
      expectValidCreateBody(sim().requests[0]);
      const written = ttl === "5m" ? "ephemeral_5m_input_tokens" : "ephemeral_1h_input_tokens";
      expect(first.usage.cache_creation_input_tokens).toBeGreaterThan(0);
      expect(first.usage.cache_read_input_tokens).toBe(0);
      expect((first.usage.cache_creation as Record<string, number>)[written]).toBe(
        first.usage.cache_creation_input_tokens,
      );
      // The conversation handed on carries no markers, so later turns never pile up breakpoints.
      expect(JSON.stringify(first.conversation)).not.toContain("cache_control");

      const second = await runChat(connection(), params);
      expect(second.usage.cache_read_input_tokens).toBe(first.usage.cache_creation_input_tokens);
      expect(second.usage.cache_creation_input_tokens).toBe(0);
    },
  );

  it("refuses more than four breakpoints before sending", async () => {
    const marked = (text: string) => ({
      role: "user",
      content: [{ type: "text", text, cache_control: { type: "ephemeral" } }],
    });
    const reply = { role: "assistant", content: "ok" };
    const error = await failureOf(
      runChat(connection(), {
        messages: [marked("a"), reply, marked("b"), reply, marked("c"), reply],
        initialMessage: "d",
        systemPrompt: "s",
        cache: "5m",
      }),
    );
    expect(error.message).toMatch(
      /^Prompt Caching: would make 5 cache breakpoints, and the API allows 4/,
    );
    expect(sim().requests).toHaveLength(0);
  });
});
