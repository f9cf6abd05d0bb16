import type { AnthropicClient } from "../client/createAnthropicClient";
import { InputError, type KeyValue, toOptionalString } from "../inputs/clean";
import { toolUsesOf } from "../messages/blocks";
import { buildCreateMessageRequest } from "../messages/buildRequest";
import { sendMessage } from "../messages/send";
import type { ToolDefinition } from "../messages/tools";
import type { Usage } from "../messages/types";
import { isObject } from "../util/isObject";

/** The static branch taken when no dynamic branch fits, or the answer names none. */
export const ELSE_BRANCH = "Else";
const CHOOSE_TOOL = "choose_branch";
/** A name and a sentence: a small, fixed answer. */
const CLASSIFY_MAX_TOKENS = 1024;

export interface Branch {
  name: string;
  when: string;
}

export interface Classification {
  branch: string;
  reason: string;
  stopReason: string | null;
  usage: Usage;
}

/** The Branches input: each name once, each with when to choose it, none called Else. */
export const cleanBranches = (pairs: KeyValue[]): Branch[] => {
  const seen = new Set<string>();
  const branches = pairs.map(({ key, value }) => {
    const name = key.trim();
    const when = toOptionalString(value, "Branches")?.trim() ?? "";
    if (name.toLowerCase() === ELSE_BRANCH.toLowerCase()) {
      throw new InputError(
        "Branches",
        `"${name}" is the static branch taken when nothing fits; give the other branches other names.`,
      );
    }
    if (seen.has(name))
      throw new InputError("Branches", `"${name}" is used twice; each branch needs its own name.`);
    if (!when) {
      throw new InputError(
        "Branches",
        `"${name}" needs a value saying when to choose it, such as "the customer asks for money back".`,
      );
    }
    seen.add(name);
    return { name, when };
  });
  if (branches.length === 0) {
    throw new InputError(
      "Branches",
      'is required: add a branch name with when to choose it, such as Refund → "the customer asks for money back".',
    );
  }
  return branches;
};

const chooseTool = (branches: Branch[]): ToolDefinition => ({
  name: CHOOSE_TOOL,
  description: "Choose the one branch the text belongs to.",
  input_schema: {
    type: "object",
    properties: {
      branch: {
        type: "string",
        enum: [...branches.map((branch) => branch.name), ELSE_BRANCH],
        description: `The branch that fits best; ${ELSE_BRANCH} when none does.`,
      },
      reason: { type: "string", description: "Why, in one short sentence." },
    },
    required: ["branch", "reason"],
  },
});

const guidance = (branches: Branch[], instructions: string | undefined): string =>
  [
    "Classify the user's text into exactly one branch, and say why in one short sentence.",
    ...branches.map((branch) => `- ${branch.name}: ${branch.when}`),
    `- ${ELSE_BRANCH}: none of the above fits.`,
    ...(instructions ? ["", instructions] : []),
  ].join("\n");

/**
 * Classifies through a forced tool whose input is an enum of the branches, so the answer is
 * one of them by construction; anything else (a gateway's free text, a refusal) goes to Else.
 * No sampling parameters are sent, so it works on every model.
 */
export const classify = async (
  client: AnthropicClient,
  values: { model: string; input: string; instructions?: string; branches: Branch[] },
): Promise<Classification> => {
  const { body } = buildCreateMessageRequest(
    {
      model: values.model,
      systemPrompt: guidance(values.branches, values.instructions),
      message: values.input,
      tools: [chooseTool(values.branches)],
      toolChoice: CHOOSE_TOOL,
      maxTokens: CLASSIFY_MAX_TOKENS,
    },
    client.settings.apiVersion,
  );
  const message = await sendMessage(client, body, { stream: false });
  const choice = toolUsesOf(message).find((use) => use.name === CHOOSE_TOOL)?.input;
  const names = new Set(values.branches.map((branch) => branch.name));
  const named = isObject(choice) && typeof choice.branch === "string" ? choice.branch : undefined;
  const reason = isObject(choice) && typeof choice.reason === "string" ? choice.reason : "";
  const base = { stopReason: message.stop_reason, usage: message.usage };
  if (message.stop_reason === "refusal") {
    return { ...base, branch: ELSE_BRANCH, reason: "Claude declined to classify this text." };
  }
  if (named === undefined || (!names.has(named) && named !== ELSE_BRANCH)) {
    return {
      ...base,
      branch: ELSE_BRANCH,
      reason: `The answer named no branch${named ? ` ("${named.slice(0, 60)}" is not one)` : ""}.`,
    };
  }
  return { ...base, branch: named, reason };
};
