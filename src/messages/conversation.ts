import type { ApiVersion } from "../defaults";
import { InputError } from "../inputs/clean";
import { isObject } from "../util/isObject";
import { withoutUndefined } from "../util/withoutUndefined";
import type { ContentBlock, MessageParam, Role } from "./types";

/** Cleaned conversation inputs, in the order they join the conversation. */
export interface ConversationParts {
  messages?: unknown[];
  previousResponse?: Record<string, unknown>;
  toolResults?: unknown[];
  /** Attachment blocks, placed before the message text as Anthropic recommends. */
  attachments?: ContentBlock[];
  message?: string;
}

const ROLES: readonly Role[] = ["user", "assistant"];

const checkTurn = (label: string, turn: unknown, index: number): MessageParam => {
  if (!isObject(turn))
    throw new InputError(label, `turn ${index} must be an object with role and content.`);
  if (!ROLES.includes(turn.role as Role)) {
    throw new InputError(
      label,
      `turn ${index} has role "${String(turn.role)}"; use user or assistant (the system prompt has its own input).`,
    );
  }
  const { content } = turn;
  const blocksValid =
    Array.isArray(content) &&
    content.every((block) => isObject(block) && typeof block.type === "string");
  if (!(typeof content === "string" && content.length > 0) && !blocksValid) {
    throw new InputError(
      label,
      `turn ${index} needs content: a non-empty string or an array of blocks with a type.`,
    );
  }
  return { ...turn } as unknown as MessageParam;
};

const blocksOf = (turn: MessageParam): ContentBlock[] =>
  typeof turn.content === "string" ? [{ type: "text", text: turn.content }] : turn.content;

const toolUseIds = (turn: MessageParam | undefined): Set<string> =>
  new Set(
    turn?.role === "assistant"
      ? blocksOf(turn)
          .filter((block) => block.type === "tool_use" || block.type === "server_tool_use")
          .map((block) => String((block as { id?: unknown }).id))
      : [],
  );

/** The API's rule: each tool_result answers a tool_use of the turn just before. */
const checkToolResults = (label: string, turns: MessageParam[]): void => {
  turns.forEach((turn, index) => {
    if (turn.role !== "user") return;
    const known = toolUseIds(turns[index - 1]);
    for (const block of blocksOf(turn)) {
      if (block.type !== "tool_result") continue;
      const id = String((block as { tool_use_id?: unknown }).tool_use_id);
      if (!known.has(id)) {
        throw new InputError(
          label,
          `tool_result for tool_use_id "${id}" has no matching tool_use in the assistant turn before it. Pass the Chat step that asked for the tool as Previous Response.`,
        );
      }
    }
  });
};

const toToolResultBlocks = (results: unknown[]): ContentBlock[] =>
  results.map((result, index) => {
    if (!isObject(result) || typeof result.tool_use_id !== "string" || !result.tool_use_id) {
      throw new InputError(
        "Tool Results",
        `item ${index} needs a tool_use_id (the id of the tool_use block it answers).`,
      );
    }
    const { tool_use_id, content, is_error } = result;
    if (is_error !== undefined && typeof is_error !== "boolean") {
      throw new InputError("Tool Results", `item ${index}: is_error must be true or false.`);
    }
    // Blocks and text go as they are; any other value (an earlier step's object) is sent as JSON text.
    const blockContent =
      typeof content === "string" || Array.isArray(content)
        ? content
        : content === undefined
          ? undefined
          : JSON.stringify(content);
    return withoutUndefined({
      type: "tool_result",
      tool_use_id,
      content: blockContent,
      is_error,
    }) as ContentBlock;
  });

/** Adds user blocks to the conversation, joining the last turn when it is the user's already. */
const appendUserBlocks = (turns: MessageParam[], blocks: ContentBlock[]): void => {
  if (!blocks.length) return;
  const last = turns.at(-1);
  if (last?.role === "user") last.content = [...blocksOf(last), ...blocks];
  else turns.push({ role: "user", content: blocks });
};

/**
 * The turns before this step: the conversation a Previous Response carries
 * (Chat returns it as data.conversation), or the Messages input with the
 * Previous Response's reply after it.
 */
const history = (parts: ConversationParts): MessageParam[] => {
  const carried = parts.previousResponse?.conversation;
  if (Array.isArray(carried)) {
    if (parts.messages?.length) {
      throw new InputError(
        "Messages",
        "leave it empty: Previous Response already carries the conversation so far (its data.conversation).",
      );
    }
    const turns = carried.map((turn, index) => checkTurn("Previous Response", turn, index));
    checkToolResults("Previous Response", turns);
    return turns;
  }
  const turns = (parts.messages ?? []).map((turn, index) => checkTurn("Messages", turn, index));
  checkToolResults("Messages", turns);
  if (parts.previousResponse) {
    turns.push({ role: "assistant", content: parts.previousResponse.content as ContentBlock[] });
  }
  return turns;
};

/**
 * Builds the `messages` array from the conversation inputs and refuses what
 * the API would: no turns, a first turn that is not the user's, unknown roles,
 * or tool results without the tool call they answer.
 */
export const buildConversation = (parts: ConversationParts): MessageParam[] => {
  const turns = history(parts);
  if (parts.toolResults?.length) {
    const results = toToolResultBlocks(parts.toolResults);
    checkToolResults("Tool Results", [...turns.slice(-1), { role: "user", content: results }]);
    appendUserBlocks(turns, results);
  }
  const newBlocks: ContentBlock[] = [...(parts.attachments ?? [])];
  if (parts.message) newBlocks.push({ type: "text", text: parts.message });
  // A question on its own in a new turn stays a plain string, as the seed component sent it.
  if (newBlocks.length === 1 && parts.message && turns.at(-1)?.role !== "user") {
    turns.push({ role: "user", content: parts.message });
  } else {
    appendUserBlocks(turns, newBlocks);
  }

  if (!turns.length) {
    throw new InputError(
      "Message",
      "is required; enter the message to send to Claude, or give Messages.",
    );
  }
  if (turns[0].role !== "user") {
    throw new InputError(
      "Messages",
      "the first turn must be the user's; the API does not accept a conversation that opens with Claude.",
    );
  }
  return turns;
};

/**
 * API version 2026-10-21 no longer takes documents in Claude's turns nor
 * citations on the user's text; say so before sending rather than after.
 */
export const checkVersionRules = (turns: MessageParam[], apiVersion: ApiVersion): void => {
  if (apiVersion !== "2026-10-21") return;
  turns.forEach((turn, index) => {
    for (const block of blocksOf(turn)) {
      if (turn.role === "assistant" && block.type === "document") {
        throw new InputError(
          "Messages",
          `turn ${index} is Claude's and holds a document block, which API version 2026-10-21 does not accept; move the document to a user turn.`,
        );
      }
      const citations = (block as { citations?: unknown }).citations;
      if (
        turn.role === "user" &&
        block.type === "text" &&
        Array.isArray(citations) &&
        citations.length
      ) {
        throw new InputError(
          "Messages",
          `turn ${index} is the user's and has text with citations, which API version 2026-10-21 does not accept; remove the citations.`,
        );
      }
    }
  });
};
