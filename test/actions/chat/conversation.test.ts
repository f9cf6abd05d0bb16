import { DEFAULT_MODEL } from "../../../src/defaults";
import { expectValidCreateBody, runChat } from "../../support/chat";
import { useSimulator } from "../../support/harness";
import { weatherTool } from "../../support/tools";

const { sim, connection } = useSimulator();

describe("chat conversations", () => {
  it("sends earlier turns from Messages with the Message as the last user turn", async () => {
    const history = [
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: [{ type: "text", text: "Nice to meet you, Ada." }] },
    ];
    const data = await runChat(connection(), {
      messages: JSON.stringify(history),
      initialMessage: "What is my name?",
    });
    const [request] = sim().requests;
    expect(request.body).toEqual({
      model: DEFAULT_MODEL,
      max_tokens: 4096,
      messages: [...history, { role: "user", content: "What is my name?" }],
    });
    expectValidCreateBody(request);
    expect(data.text).toBe("Simulated reply to: What is my name?");
    expect(data.conversation).toEqual([
      ...history,
      { role: "user", content: "What is my name?" },
      { role: "assistant", content: data.content },
    ]);
  });

  it("accepts Messages already parsed by an earlier step", async () => {
    await runChat(connection(), { messages: [{ role: "user", content: "Hi there" }] });
    expect(sim().requests[0].body).toMatchObject({
      messages: [{ role: "user", content: "Hi there" }],
    });
  });

  it("continues from a Previous Response: its conversation, then the new message", async () => {
    const first = await runChat(connection(), { initialMessage: "Remember the number 7." });
    sim().reset();
    const second = await runChat(connection(), {
      previousResponse: first,
      initialMessage: "Which number?",
    });
    expect(sim().requests[0].body).toMatchObject({
      messages: [
        { role: "user", content: "Remember the number 7." },
        { role: "assistant", content: first.content },
        { role: "user", content: "Which number?" },
      ],
    });
    expect(second.conversation).toHaveLength(4);
  });

  it("adds a Message from elsewhere as Claude's turn after Messages", async () => {
    const reply = { role: "assistant", content: [{ type: "text", text: "42." }] };
    await runChat(connection(), {
      messages: JSON.stringify([{ role: "user", content: "Answer?" }]),
      previousResponse: JSON.stringify({ data: reply }),
      initialMessage: "Why?",
    });
    expect(sim().requests[0].body).toMatchObject({
      messages: [
        { role: "user", content: "Answer?" },
        { role: "assistant", content: reply.content },
        { role: "user", content: "Why?" },
      ],
    });
  });
});

describe("the tool loop over two steps", () => {
  it("chat with a tool, answer with Tool Results, chat again", async () => {
    const first = await runChat(connection(), {
      initialMessage: "What is the weather in Paris? Use get_weather.",
      tools: JSON.stringify([weatherTool]),
    });
    expect(sim().requests[0].body).toEqual({
      model: DEFAULT_MODEL,
      max_tokens: 4096,
      messages: [{ role: "user", content: "What is the weather in Paris? Use get_weather." }],
      tools: [weatherTool],
    });
    expectValidCreateBody(sim().requests[0]);
    expect(first.stop_reason).toBe("tool_use");
    expect(first.toolUses).toEqual([
      expect.objectContaining({
        type: "tool_use",
        id: expect.stringMatching(/^toolu_/),
        name: "get_weather",
        input: { city: "example" },
      }),
    ]);
    expect(first.toolUses[0]).toBe(first.content.find((block) => block.type === "tool_use"));
    const call = first.toolUses[0];

    sim().reset();
    const second = await runChat(connection(), {
      previousResponse: first,
      toolResults: JSON.stringify([{ tool_use_id: call.id, content: "18°C and sunny" }]),
      tools: JSON.stringify([weatherTool]),
    });
    const [request] = sim().requests;
    expect(request.body).toEqual({
      model: DEFAULT_MODEL,
      max_tokens: 4096,
      messages: [
        { role: "user", content: "What is the weather in Paris? Use get_weather." },
        { role: "assistant", content: first.content },
        {
          role: "user",
          content: [{ type: "tool_result", tool_use_id: call.id, content: "18°C and sunny" }],
        },
      ],
      tools: [weatherTool],
    });
    expectValidCreateBody(request);
    expect(second.stop_reason).toBe("end_turn");
    expect(second.text).toBe("Tool results received: 18°C and sunny");
    expect(second.toolUses).toEqual([]);
  });

  it("sends structured tool results as JSON text and keeps is_error", async () => {
    const first = await runChat(connection(), {
      initialMessage: "Use get_weather",
      tools: [weatherTool],
    });
    sim().reset();
    await runChat(connection(), {
      previousResponse: first,
      toolResults: [{ tool_use_id: first.toolUses[0].id, content: { tempC: 18 }, is_error: false }],
      tools: [weatherTool],
    });
    expect((sim().requests[0].body as { messages: unknown[] }).messages.at(-1)).toEqual({
      role: "user",
      content: [
        {
          type: "tool_result",
          tool_use_id: first.toolUses[0].id,
          content: '{"tempC":18}',
          is_error: false,
        },
      ],
    });
  });

  it("keeps thinking blocks and signatures so thinking works with tools", async () => {
    const first = await runChat(connection(), {
      initialMessage: "Use get_weather for Oslo",
      tools: [weatherTool],
      thinking: "enabled",
      budgetTokens: "2048",
    });
    expect(sim().requests[0].body).toMatchObject({
      thinking: { type: "enabled", budget_tokens: 2048 },
    });
    expect(first.content[0]).toEqual({
      type: "thinking",
      thinking: expect.any(String),
      signature: expect.any(String),
    });
    expect(String((first.content[0] as Record<string, unknown>).signature).length).toBeGreaterThan(
      10,
    );

    sim().reset();
    const second = await runChat(connection(), {
      previousResponse: first,
      toolResults: [{ tool_use_id: first.toolUses[0].id, content: "-2°C" }],
      tools: [weatherTool],
      thinking: "enabled",
      budgetTokens: "2048",
    });
    const [request] = sim().requests;
    const assistantTurn = (request.body as { messages: Array<{ content: unknown[] }> }).messages[1];
    expect(assistantTurn.content[0]).toEqual(first.content[0]);
    expectValidCreateBody(request);
    expect(second.text).toBe("Tool results received: -2°C");
  });
});
