import { action } from "@prismatic-io/spectral";
import { resumeAgentLoop } from "../../agents/resume";
import { exampleAgentResult } from "../../examples";
import { decisionsInput, stateInput } from "../../inputs/agent";
import { transportInputs } from "../../inputs/shared";
import { agentConfigInputs, agentContextOf } from "./agentInputs";

export const resumeAgent = action({
  display: {
    label: "Resume Agent",
    description:
      "Go on with a Run Agent run that stopped for approval: give its state and a decision per pending call (approve, approve with an edited input, or reject with feedback), with the same agent inputs.",
  },
  inputs: {
    ...agentConfigInputs,
    state: stateInput,
    decisions: decisionsInput,
    ...transportInputs,
  },
  perform: async (context, { connection, timeout, maxRetries, state, decisions, ...values }) => {
    const agent = agentContextOf(context, connection, { timeout, maxRetries });
    return { data: await resumeAgentLoop(agent, values, state, decisions) };
  },
  examplePayload: { data: exampleAgentResult },
});
