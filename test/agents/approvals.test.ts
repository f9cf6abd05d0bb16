import type { AgentResult } from "../../src/agents/loop";
import { type FlowServer, invokeSchema, startFlowServer } from "../support/flowServer";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

const SCHEMAS = {
  "Look up customer": invokeSchema("Look up customer", "Finds a customer by email.", {
    email: { type: "string" },
  }),
  "Send email": invokeSchema("Send email", "Sends an email to a customer.", {
    to: { type: "string" },
  }),
  "Open ticket": invokeSchema("Open ticket", "Opens a support ticket.", {
    subject: { type: "string" },
  }),
};
const FLOWS = ["Look up customer", "Send email", "Open ticket"];

let flows: FlowServer | undefined;
let context: Record<string, unknown> = {};
beforeEach(async () => {
  flows = await startFlowServer({
    "Look up customer": { answer: { name: "Ada" } },
    "Send email": { answer: (input: unknown) => ({ sent: input }) },
    "Open ticket": { answer: { ticket: "T-1" } },
  });
  context = { flowSchemas: SCHEMAS, webhookUrls: flows.webhookUrls, webhookApiKeys: {} };
});
afterEach(async () => {
  await flows?.close();
});

const agentInputs = {
  instructions: "You help support agents.",
  flows: FLOWS,
  approvalRequired: ["Send email", "Open ticket"],
};

const run = async (inputs: Record<string, unknown>): Promise<AgentResult> =>
  (
    await runAction(
      "runAgent",
      { connection: connection(), ...agentInputs, ...inputs },
      { context },
    )
  ).data as AgentResult;

const resume = async (
  state: unknown,
  decisions: unknown[],
  inputs: Record<string, unknown> = {},
): Promise<AgentResult> =>
  (
    await runAction(
      "resumeAgent",
      {
        connection: connection(),
        ...agentInputs,
        state: JSON.stringify(state),
        decisions: JSON.stringify(decisions),
        ...inputs,
      },
      { context },
    )
  ).data as AgentResult;

const lastUserTurn = () => {
  const bodies = sim().requests.map(
    (request) => request.body as { messages: Array<{ role: string; content: unknown }> },
  );
  return bodies.at(-1)?.messages.at(-1)?.content as Array<Record<string, unknown>>;
};

describe("runAgent with approvals", () => {
  it("runs the ungated call first, stops for the gated ones, and resumes with an approval and a rejection", async () => {
    const stopped = await run({ input: "Use Look_up_customer, Send_email and Open_ticket." });
    expect(stopped.stopReason).toBe("approval_required");
    expect(flows?.calls.map((call) => call.flow)).toEqual(["Look up customer"]);
    expect(stopped.pendingApprovals).toEqual([
      {
        toolUseId: expect.stringMatching(/^toolu_/),
        tool: "Send_email",
        flow: "Send email",
        input: { to: "example" },
      },
      {
        toolUseId: expect.stringMatching(/^toolu_/),
        tool: "Open_ticket",
        flow: "Open ticket",
        input: { subject: "example" },
      },
    ]);
    const state = stopped.state;
    expect(state?.pending).toEqual(stopped.pendingApprovals?.map((call) => call.toolUseId));
    expect(state?.results).toHaveLength(1);
    // Compact: the conversation, the waiting ids and results, a hash; no SDK state.
    expect(JSON.stringify(state).length).toBeLessThan(
      2 * JSON.stringify(state?.conversation).length,
    );
    expect(sim().requests).toHaveLength(1);

    const [send, ticket] = stopped.pendingApprovals ?? [];
    const resumed = await resume(state, [
      { toolUseId: send.toolUseId, decision: "approve" },
      {
        toolUseId: ticket.toolUseId,
        decision: "reject",
        feedback: "Tickets are opened by a person.",
      },
    ]);
    expect(flows?.calls.map((call) => call.flow)).toEqual(["Look up customer", "Send email"]);
    const results = lastUserTurn();
    expect(results.map((block) => [block.tool_use_id, block.is_error ?? false])).toEqual([
      [expect.any(String), false],
      [send.toolUseId, false],
      [ticket.toolUseId, true],
    ]);
    expect(results[2].content).toBe(
      "The user rejected this call: Tickets are opened by a person. Do not try it again as it was; take the feedback into account.",
    );
    expect(resumed.stopReason).toBe("end_turn");
    expect(resumed.text).toContain("Tickets are opened by a person.");
    expect(resumed.turns).toBe(2);
    expect(resumed.usage.input_tokens).toBeGreaterThan(stopped.usage.input_tokens);
  });

  it("stops again on a later gated call, and runs an approved call with an edited input", async () => {
    const first = await run({ input: "[[simulate:sequence]] Use Send_email, then Open_ticket." });
    expect(first.pendingApprovals?.map((call) => call.tool)).toEqual(["Send_email"]);
    const second = await resume(first.state, [
      {
        toolUseId: first.pendingApprovals?.[0].toolUseId,
        decision: "approve",
        input: { to: "ada@example.com" },
      },
    ]);
    expect(flows?.calls.map((call) => [call.flow, call.body])).toEqual([
      ["Send email", { to: "ada@example.com" }],
    ]);
    expect(String(lastUserTurn()[0].content)).toBe(
      '(Run with the input the user edited it to: {"to":"ada@example.com"}) {"sent":{"to":"ada@example.com"}}',
    );
    expect(second.stopReason).toBe("approval_required");
    expect(second.pendingApprovals?.map((call) => call.tool)).toEqual(["Open_ticket"]);
    expect(second.toolCalls).toEqual([
      expect.objectContaining({ tool: "Send_email", input: { to: "ada@example.com" } }),
    ]);
    const third = await resume(second.state, [
      { toolUseId: second.pendingApprovals?.[0].toolUseId, decision: "approve" },
    ]);
    expect(third).toMatchObject({ stopReason: "end_turn", turns: 3 });
    expect(flows?.calls.map((call) => call.flow)).toEqual(["Send email", "Open ticket"]);
  });

  describe("refuses before sending", () => {
    let stopped: AgentResult;
    beforeEach(async () => {
      stopped = await run({ input: "Use Send_email and Open_ticket." });
      sim().reset();
    });
    const ids = () => stopped.pendingApprovals?.map((call) => call.toolUseId) ?? [];

    it("a pending call without a decision, naming it", async () => {
      const error = await failureOf(
        resume(stopped.state, [{ toolUseId: ids()[0], decision: "approve" }]),
      );
      expect(error.message).toBe(
        `Decisions: no decision for ${ids()[1]}; each pending call needs one (approve or reject).`,
      );
    });

    it("a decision for a call that is not pending", async () => {
      const error = await failureOf(
        resume(stopped.state, [
          ...ids().map((toolUseId) => ({ toolUseId, decision: "approve" })),
          { toolUseId: "toolu_01Unknown", decision: "approve" },
        ]),
      );
      expect(error.message).toMatch(
        /^Decisions: toolu_01Unknown is not a pending call of this run/,
      );
    });

    it("an agent configured differently from the one that stopped", async () => {
      const error = await failureOf(
        resume(
          stopped.state,
          ids().map((toolUseId) => ({ toolUseId, decision: "approve" })),
          { instructions: "Something else." },
        ),
      );
      expect(error.message).toMatch(
        /^Instructions: is not what it was when the run stopped: the State's configuration hash differs\./,
      );
    });

    it("a decision that is neither approve nor reject, and a state that is not one", async () => {
      const bad = await failureOf(
        resume(stopped.state, [{ toolUseId: ids()[0], decision: "maybe" }]),
      );
      expect(bad.message).toMatch(/^Decisions: toolu_\w+: decision must be approve or reject/);
      const notState = await failureOf(resume({ hello: "world" }, []));
      expect(notState.message).toMatch(/^State: must be the state of a Run Agent/);
    });

    it("an approval flow that is not among the Flows", async () => {
      const error = await failureOf(run({ input: "Hi", approvalRequired: ["Delete account"] }));
      expect(error.message).toMatch(/^Approval Required: "Delete account" is not one of the Flows/);
    });

    afterEach(() => {
      expect(sim().requests).toHaveLength(0);
      expect(flows?.calls).toHaveLength(0);
    });
  });
});
