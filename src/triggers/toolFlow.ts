import { trigger } from "@prismatic-io/spectral";
import { examplePayloadOf } from "../examples";

/**
 * Marks a flow as a tool for Run Agent. The agent calls the flow's webhook with the tool's
 * input as the JSON body and `prismatic-synchronous: true`, so the platform answers with the
 * flow's last step result, which becomes Claude's tool_result. The tool's name, description and
 * input come from the flow's invocation schema, set in the flow's settings.
 */
export const toolFlowTrigger = trigger({
  display: {
    label: "Tool Flow",
    description:
      "Start a flow that Run Agent calls as a tool: the tool's input arrives as the body, and the flow's last step result goes back to Claude. Give the flow an invocation schema (its description and input properties) in the flow's settings.",
  },
  inputs: {},
  synchronousResponseSupport: "valid",
  scheduleSupport: "invalid",
  perform: async (_context, payload) => ({ payload }),
  examplePayload: {
    payload: examplePayloadOf({
      headers: { "content-type": "application/json", "prismatic-synchronous": "true" },
      rawBody: { data: { email: "ada@example.com" } },
      body: { data: { email: "ada@example.com" } },
    }),
  },
});
