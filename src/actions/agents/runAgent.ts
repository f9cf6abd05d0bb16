import { action } from "@prismatic-io/spectral";
import { runAgentLoop } from "../../agents/loop";
import { exampleAgentResult } from "../../examples";
import { transportInputs } from "../../inputs/shared";
import { agentConfigInputs, agentContextOf, agentInputInput, historyInput } from "./agentInputs";

const { connection, model, instructions, ...rest } = agentConfigInputs;

export const runAgent = action({
  display: {
    label: "Run Agent",
    description:
      "Let Claude work a request through with tools: the integration's own flows, Anthropic's server tools (web search, web fetch, code execution) and MCP servers, turn after turn until it answers, a call needs approval, or a budget (turns, tokens, time) ends the run.",
  },
  inputs: {
    connection,
    model,
    instructions,
    input: agentInputInput,
    history: historyInput,
    ...rest,
    ...transportInputs,
  },
  perform: async (context, { connection, timeout, maxRetries, ...values }) => {
    const agent = agentContextOf(context, connection, { timeout, maxRetries });
    return { data: await runAgentLoop(agent, values) };
  },
  examplePayload: { data: exampleAgentResult },
});
