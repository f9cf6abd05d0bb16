import { DEFAULT_MODEL } from "../../../src/defaults";
import { validateAgainstSchema } from "../../simulator";
import { PNG_1X1 } from "../../support/files";
import { runAction, useSimulator } from "../../support/harness";
import { lookupTool } from "../../support/tools";

const { sim, connection } = useSimulator();

describe("countTokens with the whole conversation", () => {
  it("counts the same conversation, system, tools, thinking and attachments Chat would send", async () => {
    const history = [
      { role: "user", content: "Hi" },
      { role: "assistant", content: "Hello!" },
    ];
    const result = await runAction("countTokens", {
      connection: connection(),
      message: "What is in this picture?",
      systemPrompt: "Be brief.",
      messages: JSON.stringify(history),
      files: [{ data: PNG_1X1, contentType: "image/png" }],
      tools: JSON.stringify([lookupTool]),
      toolChoice: "auto",
      thinking: "enabled",
      budgetTokens: "1024",
    });
    const [request] = sim().requests;
    expect(request.path).toBe("/v1/messages/count_tokens");
    expect(request.body).toEqual({
      model: DEFAULT_MODEL,
      system: "Be brief.",
      messages: [
        ...history,
        {
          role: "user",
          content: [
            {
              type: "image",
              source: { type: "base64", media_type: "image/png", data: PNG_1X1.toString("base64") },
            },
            { type: "text", text: "What is in this picture?" },
          ],
        },
      ],
      tools: [lookupTool],
      tool_choice: { type: "auto" },
      thinking: { type: "enabled", budget_tokens: 1024 },
    });
    expect(validateAgainstSchema("CountMessageTokensParams", request.body)).toBeUndefined();
    expect(result.data).toEqual({ input_tokens: expect.any(Number) });
  });

  it("counts a tool loop step and sends file ids with the files beta", async () => {
    const chat = await runAction("chat", {
      connection: connection(),
      initialMessage: "lookup_order 7",
      tools: [lookupTool],
    });
    const first = chat.data as { toolUses: Array<{ id: string }> };
    sim().reset();
    await runAction("countTokens", {
      connection: connection(),
      previousResponse: first,
      toolResults: [{ tool_use_id: first.toolUses[0].id, content: "shipped" }],
      tools: [lookupTool],
      fileIds: ["file_abc123"],
    });
    const [request] = sim().requests;
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(request.query).toEqual({});
    expect((request.body as { messages: unknown[] }).messages.at(-1)).toEqual({
      role: "user",
      content: [
        { type: "tool_result", tool_use_id: first.toolUses[0].id, content: "shipped" },
        { type: "document", source: { type: "file", file_id: "file_abc123" } },
      ],
    });
    expect(validateAgainstSchema("BetaCountMessageTokensParams", request.body)).toBeUndefined();
  });
});
