import { action, input } from "@prismatic-io/spectral";
import { classify, cleanBranches, ELSE_BRANCH } from "../../classify/classify";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleMessage } from "../../examples";
import { instructionsInput } from "../../inputs/agent";
import { requiredString, toKeyValues } from "../../inputs/clean";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const classifyAndBranch = action({
  display: {
    label: "Classify and Branch",
    description:
      "Let Claude route a text (a ticket, an email) to one of your branches, each with when to choose it; Else when none fits. Returns the branch, the reason and the usage.",
  },
  allowsBranching: true,
  staticBranchNames: [ELSE_BRANCH],
  dynamicBranchInput: "branches",
  inputs: {
    connection: connectionInput,
    model: modelInput,
    input: input({
      label: "Input",
      type: "text",
      required: true,
      example: "I was charged twice for my March invoice, please send the money back.",
      comments: "The text to classify, such as a support ticket or an email.",
      clean: requiredString("Input"),
    }),
    branches: input({
      label: "Branches",
      type: "string",
      collection: "keyvaluelist",
      required: true,
      example: "Refund",
      comments:
        "One entry per branch: the key is the branch name (the flow's branch), the value says when to choose it, such as Refund → the customer asks for money back. Else is added for texts that fit none.",
      clean: (value: unknown) => cleanBranches(toKeyValues("Branches", value)),
    }),
    instructions: {
      ...instructionsInput,
      comments: "Optional extra guidance for the choice, such as which branch wins when two fit.",
      example: "When a text is both a bug and a refund request, choose Refund.",
    },
    ...transportInputs,
  },
  perform: async (context, { connection, timeout, maxRetries, ...values }) => {
    const client = createAnthropicClient(
      connection,
      context,
      toClientOptions({ timeout, maxRetries }),
    );
    const result = await classify(client, values);
    context.logger.info(`Classify and Branch: ${result.branch} (${result.reason})`);
    return { branch: result.branch, data: result };
  },
  examplePayload: {
    branch: "Refund",
    data: {
      branch: "Refund",
      reason: "The customer asks for a duplicate charge to be paid back.",
      stopReason: "tool_use",
      usage: exampleMessage.usage,
    },
  },
});
