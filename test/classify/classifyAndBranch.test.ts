import { definition } from "../../src";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

const BRANCHES = [
  { key: "Refund", value: "the customer asks for money back" },
  { key: "Bug", value: "something in the product is broken" },
  { key: "Sales", value: "a prospect asks about buying" },
];

const classifyText = async (input: string, extra: Record<string, unknown> = {}) =>
  (await runAction("classifyAndBranch", {
    connection: connection(),
    input,
    branches: BRANCHES,
    ...extra,
  })) as unknown as { branch: string; data: { branch: string; reason: string; usage: unknown } };

describe("classifyAndBranch", () => {
  it("forces the choice through a tool whose input is an enum of the branches and Else", async () => {
    const result = await classifyText("Refund please: I was charged twice.");
    const [request] = sim().requests;
    expect(request.body).toEqual({
      model: "claude-sonnet-4-6",
      system:
        "Classify the user's text into exactly one branch, and say why in one short sentence.\n- Refund: the customer asks for money back\n- Bug: something in the product is broken\n- Sales: a prospect asks about buying\n- Else: none of the above fits.",
      messages: [{ role: "user", content: "Refund please: I was charged twice." }],
      tools: [
        {
          name: "choose_branch",
          description: "Choose the one branch the text belongs to.",
          input_schema: {
            type: "object",
            properties: {
              branch: {
                type: "string",
                enum: ["Refund", "Bug", "Sales", "Else"],
                description: "The branch that fits best; Else when none does.",
              },
              reason: { type: "string", description: "Why, in one short sentence." },
            },
            required: ["branch", "reason"],
          },
        },
      ],
      tool_choice: { type: "tool", name: "choose_branch" },
      max_tokens: 1024,
    });
    expect(result.branch).toBe("Refund");
    expect(result.data).toMatchObject({ branch: "Refund", reason: expect.any(String) });
    expect(result.data.usage).toMatchObject({ input_tokens: expect.any(Number) });
  });

  it.each([
    ["Refund", "Refund: charged twice"],
    ["Bug", "A Bug: the export button crashes"],
    ["Sales", "Sales question: how much for 50 seats?"],
    ["Else", "Else: what is the weather?"],
  ])("chooses %s", async (branch, text) => {
    expect((await classifyText(text)).branch).toBe(branch);
  });

  it("sends no sampling parameters, so it works on models that refuse them", async () => {
    await classifyText("Bug report", { model: "claude-opus-4-7" });
    const body = sim().requests[0].body as Record<string, unknown>;
    for (const key of ["temperature", "top_p", "top_k", "thinking"])
      expect(key in body).toBe(false);
  });

  it("goes to Else when the answer names no branch", async () => {
    sim().enqueueFaults({
      raw: {
        body: JSON.stringify({
          id: "msg_01",
          type: "message",
          role: "assistant",
          model: "claude-sonnet-4-6",
          content: [
            {
              type: "tool_use",
              id: "toolu_01",
              name: "choose_branch",
              input: { branch: "Billing", reason: "x" },
            },
          ],
          stop_reason: "tool_use",
          stop_sequence: null,
          usage: { input_tokens: 10, output_tokens: 5 },
        }),
      },
    });
    const result = await classifyText("Something about invoices");
    expect(result.branch).toBe("Else");
    expect(result.data.reason).toBe('The answer named no branch ("Billing" is not one).');
  });

  it("goes to Else on a refusal", async () => {
    const result = await classifyText("[[simulate:refusal]] Refund");
    expect(result.branch).toBe("Else");
    expect(result.data.reason).toBe("Claude declined to classify this text.");
  });

  it("declares its branches as spectral's dynamic branches, with Else static", () => {
    const action = definition.actions.classifyAndBranch as unknown as Record<string, unknown>;
    expect(action.allowsBranching).toBe(true);
    expect(action.dynamicBranchInput).toBe("branches");
    expect(action.staticBranchNames).toEqual(["Else"]);
  });

  it.each([
    ["no branches", { branches: [] }, /^Branches: is required/],
    [
      "a branch called Else",
      { branches: [{ key: "else", value: "x" }] },
      /^Branches: "else" is the static branch/,
    ],
    [
      "a branch without when",
      { branches: [{ key: "Refund", value: "" }] },
      /^Branches: "Refund" needs a value/,
    ],
    [
      "a branch twice",
      {
        branches: [
          { key: "Bug", value: "a" },
          { key: "Bug", value: "b" },
        ],
      },
      /^Branches: "Bug" is used twice/,
    ],
    ["no input", { input: "" }, /^Input: is required/],
  ])("refuses %s before sending", async (_name, inputs, message) => {
    const error = await failureOf(
      runAction("classifyAndBranch", {
        connection: connection(),
        input: "Hello",
        branches: BRANCHES,
        ...inputs,
      }),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});
