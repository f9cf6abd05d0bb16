import type { AgentResult } from "../../src/agents/loop";
import {
  type FlowScript,
  type FlowServer,
  invokeSchema,
  startFlowServer,
} from "../support/flowServer";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

const SCHEMAS = {
  "Look up customer": invokeSchema(
    "Look up customer",
    "Finds a customer by email: name and plan.",
    {
      email: { type: "string", description: "The customer's email" },
    },
  ),
  "Open ticket": invokeSchema("Open ticket", "Opens a support ticket for a customer.", {
    email: { type: "string" },
    subject: { type: "string" },
  }),
};

const CUSTOMER = { name: "Ada Lovelace", plan: "pro" };
const TICKET = { ticket: "T-1042" };

let flows: FlowServer | undefined;
afterEach(async () => {
  await flows?.close();
  flows = undefined;
});

const withFlows = async (scripts: Record<string, FlowScript>, schemas: object = SCHEMAS) => {
  flows = await startFlowServer(scripts);
  return { flowSchemas: schemas, webhookUrls: flows.webhookUrls, webhookApiKeys: {} };
};

const runAgent = async (
  inputs: Record<string, unknown>,
  context: Record<string, unknown> = {},
): Promise<AgentResult> =>
  (await runAction("runAgent", { connection: connection(), ...inputs }, { context }))
    .data as AgentResult;

type Body = {
  system?: unknown;
  tools?: Array<Record<string, unknown>>;
  messages: Array<{ role: string; content: unknown }>;
  [field: string]: unknown;
};
const bodies = (): Body[] =>
  sim()
    .requests.filter((request) => request.path === "/v1/messages")
    .map((request) => request.body as Body);

describe("runAgent with flows as tools", () => {
  it("uses two flows over three turns, at the wire", async () => {
    const context = await withFlows({
      "Look up customer": { answer: CUSTOMER },
      "Open ticket": { answer: TICKET },
    });
    const result = await runAgent(
      {
        instructions: "You help support agents.",
        input: "[[simulate:sequence]] Use Look_up_customer, then Open_ticket.",
        flows: ["Look up customer", "Open ticket"],
      },
      context,
    );
    const sent = bodies();
    expect(sent).toHaveLength(3);
    const tools = [
      {
        name: "Look_up_customer",
        description: "Finds a customer by email: name and plan.",
        input_schema: {
          type: "object",
          properties: { email: { type: "string", description: "The customer's email" } },
          required: ["email"],
        },
      },
      {
        name: "Open_ticket",
        description: "Opens a support ticket for a customer.",
        input_schema: {
          type: "object",
          properties: { email: { type: "string" }, subject: { type: "string" } },
          required: ["email", "subject"],
        },
        cache_control: { type: "ephemeral", ttl: "5m" },
      },
    ];
    expect(sent[0]).toEqual({
      model: "claude-sonnet-4-6",
      system: [
        {
          type: "text",
          text: "You help support agents.",
          cache_control: { type: "ephemeral", ttl: "5m" },
        },
      ],
      messages: [
        {
          role: "user",
          content: [
            {
              type: "text",
              text: "[[simulate:sequence]] Use Look_up_customer, then Open_ticket.",
              cache_control: { type: "ephemeral", ttl: "5m" },
            },
          ],
        },
      ],
      tools,
      max_tokens: 4096,
    });
    // Every turn sends the same tools and instructions, and the whole conversation so far.
    for (const body of sent) expect(body.tools).toEqual(tools);
    expect(sent[2].messages.map((turn) => turn.role)).toEqual([
      "user",
      "assistant",
      "user",
      "assistant",
      "user",
    ]);

    expect(flows?.calls.map((call) => [call.flow, call.body])).toEqual([
      ["Look up customer", { email: "example" }],
      ["Open ticket", { email: "example", subject: "example" }],
    ]);
    for (const call of flows?.calls ?? []) {
      expect(call.headers["prismatic-synchronous"]).toBe("true");
    }
    const lastTurn = sent[2].messages[4].content as Array<Record<string, unknown>>;
    expect(lastTurn[0]).toMatchObject({ type: "tool_result", content: JSON.stringify(TICKET) });
    expect(lastTurn[0].is_error).toBeUndefined();

    expect(result.stopReason).toBe("end_turn");
    expect(result.turns).toBe(3);
    expect(result.text).toContain(JSON.stringify(CUSTOMER));
    expect(result.text).toContain(JSON.stringify(TICKET));
    expect(result.toolCalls).toEqual([
      expect.objectContaining({
        tool: "Look_up_customer",
        flow: "Look up customer",
        input: { email: "example" },
        result: JSON.stringify(CUSTOMER),
        turn: 1,
      }),
      expect.objectContaining({ tool: "Open_ticket", result: JSON.stringify(TICKET), turn: 2 }),
    ]);
    const responses = sim().requests.length;
    expect(responses).toBe(3);
    expect(result.usage.input_tokens).toBeGreaterThan(0);
    expect(result.usage.output_tokens).toBeGreaterThan(0);
    expect(result.conversation).toHaveLength(6);
    expect(result.conversation[5].role).toBe("assistant");
  });

  it("runs the tool calls of one turn concurrently", async () => {
    const context = await withFlows({
      "Look up customer": { answer: CUSTOMER, delayMs: 400 },
      "Open ticket": { answer: TICKET, delayMs: 400 },
    });
    const result = await runAgent(
      {
        input: "Use Look_up_customer and Open_ticket.",
        flows: ["Look up customer", "Open ticket"],
      },
      context,
    );
    const [first, second] = flows?.calls ?? [];
    // The second call started before the first one had answered.
    expect(second.startedAt).toBeLessThan(first.endedAt ?? 0);
    expect(result.toolCalls.map((call) => call.turn)).toEqual([1, 1]);
    expect(result.turns).toBe(2);
  });

  it("gives Claude an error result for a flow that fails, one that times out and one that is not synchronous", async () => {
    const context = await withFlows(
      {
        "Look up customer": { status: 500, answer: { error: "database down" } },
        "Open ticket": { answer: TICKET, delayMs: 3_000 },
        Notify: { answer: { executionId: "SW5zdGFuY2VGbG93Q29uZmlnOjE=" } },
      },
      {
        ...SCHEMAS,
        Notify: invokeSchema("Notify", "Sends a notification.", { text: { type: "string" } }),
      },
    );
    const result = await runAgent(
      {
        input: "Use Look_up_customer, Open_ticket and Notify.",
        flows: ["Look up customer", "Open ticket", "Notify"],
        toolTimeoutSeconds: "1",
      },
      context,
    );
    expect(result.stopReason).toBe("end_turn");
    const results = bodies()[1].messages[2].content as Array<Record<string, unknown>>;
    expect(results.map((block) => block.is_error)).toEqual([true, true, true]);
    expect(results[0].content).toBe(
      'The tool "Look up customer" failed with HTTP 500. Check the input you gave it, or answer without it.',
    );
    expect(results[1].content).toBe(
      'The tool "Open ticket" did not answer within 1 seconds. Try again later, or answer without it.',
    );
    expect(results[2].content).toMatch(/not synchronous/);
    expect(result.toolCalls.map((call) => Boolean(call.error))).toEqual([true, true, true]);
  });
});

describe("runAgent budgets end the run cleanly", () => {
  const loop = {
    input: "[[simulate:sequence]] Use Look_up_customer, then Open_ticket.",
    flows: ["Look up customer", "Open ticket"],
  };
  const scripts = { "Look up customer": { answer: CUSTOMER }, "Open ticket": { answer: TICKET } };

  it("stops at Max Turns with the conversation so far", async () => {
    const result = await runAgent({ ...loop, maxTurns: "1" }, await withFlows(scripts));
    expect(result).toMatchObject({ stopReason: "max_turns", turns: 1, text: "" });
    expect(result.toolCalls).toHaveLength(1);
    expect(result.conversation.map((turn) => turn.role)).toEqual(["user", "assistant", "user"]);
    expect(bodies()).toHaveLength(1);
  });

  it("stops at Max Total Tokens", async () => {
    const result = await runAgent({ ...loop, maxTotalTokens: "10" }, await withFlows(scripts));
    expect(result).toMatchObject({ stopReason: "max_total_tokens", turns: 1 });
  });

  it("stops at the Time Limit", async () => {
    const result = await runAgent(
      { ...loop, timeLimitSeconds: "1" },
      await withFlows({ ...scripts, "Look up customer": { answer: CUSTOMER, delayMs: 1_200 } }),
    );
    expect(result).toMatchObject({ stopReason: "time_limit", turns: 1 });
  });

  it("ends with the API's stop reason when Claude stops at max_tokens or refuses", async () => {
    const result = await runAgent({ input: "[[simulate:refusal]] Hello" });
    expect(result).toMatchObject({ stopReason: "refusal", turns: 1 });
  });
});

describe("runAgent with thinking, history, server tools and MCP", () => {
  it("sends the thinking block back unchanged with the tool results", async () => {
    const context = await withFlows({ "Look up customer": { answer: CUSTOMER } });
    const result = await runAgent(
      {
        input: "Use Look_up_customer.",
        flows: ["Look up customer"],
        thinking: "enabled",
        budgetTokens: "1024",
        maxTokens: "2048",
      },
      context,
    );
    const [first, second] = bodies();
    expect(first.thinking).toEqual({ type: "enabled", budget_tokens: 1024 });
    const thinking = (result.conversation[1].content as Array<Record<string, unknown>>)[0];
    expect(thinking.type).toBe("thinking");
    expect((second.messages[1].content as unknown[])[0]).toEqual(thinking);
    expect(result.stopReason).toBe("end_turn");
  });

  it("continues an earlier run from its result given as History", async () => {
    const first = await runAgent({ input: "My name is Ada." });
    sim().reset();
    await runAgent({ history: JSON.stringify({ data: first }), input: "What is my name?" });
    const [body] = bodies();
    expect(body.messages.map((turn) => turn.role)).toEqual(["user", "assistant", "user"]);
    expect(body.messages[0].content).toBe("My name is Ada.");
  });

  it("passes server tools through and sums their use", async () => {
    const result = await runAgent({
      input: "search the web for the Prismatic changelog",
      tools: JSON.stringify([{ type: "web_search_20250305", name: "web_search", max_uses: 2 }]),
    });
    const [body] = bodies();
    expect(body.tools).toEqual([
      {
        type: "web_search_20250305",
        name: "web_search",
        max_uses: 2,
        cache_control: { type: "ephemeral", ttl: "5m" },
      },
    ]);
    expect(result.stopReason).toBe("end_turn");
    expect(result.usage.server_tool_use.web_search_requests).toBe(1);
  });

  it("continues a turn the API paused, without a new user turn", async () => {
    const result = await runAgent({
      input: "[[simulate:pause_turn]] search the web for the Prismatic changelog",
      tools: JSON.stringify([{ type: "web_search_20250305", name: "web_search" }]),
    });
    const sent = bodies();
    expect(sent).toHaveLength(2);
    expect(sent[1].messages.map((turn) => turn.role)).toEqual(["user", "assistant"]);
    expect(result).toMatchObject({ stopReason: "end_turn", turns: 2 });
  });

  it("sends MCP servers with their toolsets and the MCP connector beta", async () => {
    const servers = [
      {
        type: "url",
        name: "crm",
        url: "https://mcp.example.com/sse",
        authorization_token: "tok-123",
      },
    ];
    const result = await runAgent({
      input: "Ask crm about Ada.",
      mcpServers: JSON.stringify(servers),
    });
    const [request] = sim().requests;
    expect(request.headers["anthropic-beta"]).toBe("mcp-client-2025-11-20");
    expect(request.query).toEqual({ beta: "true" });
    const body = request.body as Body;
    expect(body.mcp_servers).toEqual(servers);
    expect(body.tools).toEqual([
      {
        type: "mcp_toolset",
        mcp_server_name: "crm",
        cache_control: { type: "ephemeral", ttl: "5m" },
      },
    ]);
    expect(result.stopReason).toBe("end_turn");
    expect(JSON.stringify(result)).not.toContain("tok-123");
  });

  it("returns the final answer parsed with an Output Schema", async () => {
    const result = await runAgent({
      input: "Extract: Ada Lovelace",
      outputSchema: JSON.stringify({
        type: "object",
        properties: { name: { type: "string" } },
        required: ["name"],
      }),
    });
    expect(result.output).toEqual({ name: expect.any(String) });
  });
});

describe("runAgent refuses bad input before sending", () => {
  const refusals: Array<[string, Record<string, unknown>, object, RegExp]> = [
    [
      "a flow without an invocation schema",
      { flows: ["Sync orders"] },
      {},
      /^Flows: the flow "Sync orders" has no invocation schema/,
    ],
    [
      "a flow schema without a description",
      { flows: ["Look up customer"] },
      { "Look up customer": invokeSchema("Look up customer", "", {}) },
      /^Flows: the flow "Look up customer" has an invocation schema without a description/,
    ],
    [
      "two flows whose tool names clash",
      { flows: ["Open ticket", "Open ticket!"] },
      {
        "Open ticket": SCHEMAS["Open ticket"],
        "Open ticket!": invokeSchema("Open ticket!", "Opens another ticket.", {}),
      },
      /^Flows: the flows "Open ticket" and "Open ticket!" both become the tool "Open_ticket"; rename one of them\.$/,
    ],
    ["Max Turns 0", { maxTurns: "0" }, {}, /^Max Turns: /],
    [
      "an MCP server without https",
      { mcpServers: '[{"type": "url", "name": "crm", "url": "http://mcp.example.com"}]' },
      {},
      /^MCP Servers: "crm" needs an https url/,
    ],
    [
      "MCP Servers that are not JSON",
      { mcpServers: "[{oops" },
      {},
      /^MCP Servers: must be valid JSON/,
    ],
    [
      "an MCP server without a name",
      { mcpServers: '[{"type": "url", "url": "https://mcp.example.com"}]' },
      {},
      /^MCP Servers: item 0 needs a name/,
    ],
  ];

  it.each(refusals)("refuses %s", async (_name, inputs, schemas, message) => {
    const error = await failureOf(
      runAction(
        "runAgent",
        { connection: connection(), input: "Hello", ...inputs },
        { context: { flowSchemas: schemas, webhookUrls: {} } },
      ),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});
