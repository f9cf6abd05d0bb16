import type { ApiVersion } from "../auth";
import { invalidRequest } from "../errors";
import { continuesPausedTurn } from "./serverTools";
import { verifyThinkingSignature } from "./signature";
import { blocksOf } from "./transcript";
import { type InputBlock, isBlock, type MessageRequest } from "./types";

/**
 * The conversation rules the API enforces beyond the schema, with its wording. Any violation
 * throws a 400 invalid_request_error.
 */
export function checkConversation(request: MessageRequest, version: ApiVersion): void {
  const { messages } = request;
  if (messages.length === 0) {
    throw invalidRequest("messages: List should have at least 1 item after validation, not 0");
  }
  if (messages[0].role !== "user") {
    throw invalidRequest('messages: first message must use the "user" role');
  }
  messages.forEach((message, index) => {
    const blocks = blocksOf(message);
    const isFinalAssistant = index === messages.length - 1 && message.role === "assistant";
    if (!isFinalAssistant && isEmptyContent(message.content)) {
      throw invalidRequest(
        `messages.${index}: all messages must have non-empty content except for the optional final assistant message`,
      );
    }
    if (isFinalAssistant && /\s$/.test(finalText(blocks))) {
      throw invalidRequest("final assistant content cannot end with trailing whitespace");
    }
    blocks.forEach((block, blockIndex) => {
      checkBlock(block, `messages.${index}.content.${blockIndex}`, message.role, version);
    });
    if (message.role === "user") checkToolResults(request, index);
    if (message.role === "assistant" && index + 1 < messages.length) {
      checkToolUsesAnswered(request, index);
    }
  });
  checkThinkingLoop(request);
}

const thinkingOn = (request: MessageRequest): boolean =>
  request.thinking?.type === "enabled" || request.thinking?.type === "adaptive";

/**
 * The assistant message the answer continues: the one before a last user turn of tool results
 * (a tool loop), or a final paused turn sent back to go on with; undefined otherwise.
 */
function continuedAssistantIndex(request: MessageRequest): number | undefined {
  const { messages } = request;
  const last = messages.length - 1;
  if (continuesPausedTurn(request)) return last;
  const final = messages[last];
  const carriesResults =
    final.role === "user" && blocksOf(final).some((block) => isBlock(block, "tool_result"));
  return carriesResults && messages[last - 1]?.role === "assistant" ? last - 1 : undefined;
}

/**
 * With thinking on, every thinking block sent back must carry the signature the simulator gave
 * it for exactly that text, and the assistant message a tool loop continues must start with its
 * thinking block: the API's two refusals when a client drops or edits thinking.
 */
function checkThinkingLoop(request: MessageRequest): void {
  if (!thinkingOn(request)) return;
  request.messages.forEach((message, index) => {
    if (message.role !== "assistant") return;
    blocksOf(message).forEach((block, blockIndex) => {
      if (isBlock(block, "thinking") && !verifyThinkingSignature(block.thinking, block.signature)) {
        throw invalidRequest(
          `messages.${index}.content.${blockIndex}.signature: Invalid \`signature\` in \`thinking\` block`,
        );
      }
    });
  });
  const index = continuedAssistantIndex(request);
  if (index === undefined) return;
  const first = blocksOf(request.messages[index])[0];
  if (first && (first.type === "thinking" || first.type === "redacted_thinking")) return;
  throw invalidRequest(
    `messages.${index}.content.0.type: Expected \`thinking\` or \`redacted_thinking\`, but found \`${first?.type ?? "nothing"}\`. When \`thinking\` is enabled, a final \`assistant\` message must start with a thinking block (preceeding the lastmost set of \`tool_use\` and \`tool_result\` blocks). We recommend you include thinking blocks from previous turns. To avoid this requirement, disable \`thinking\`. Please consult our documentation at https://docs.claude.com/en/docs/build-with-claude/extended-thinking`,
  );
}

function isEmptyContent(content: string | InputBlock[]): boolean {
  return typeof content === "string" ? content === "" : content.length === 0;
}

function finalText(blocks: InputBlock[]): string {
  const last = blocks[blocks.length - 1];
  return last && isBlock(last, "text") ? last.text : "";
}

function checkBlock(
  block: InputBlock,
  where: string,
  role: "user" | "assistant",
  version: ApiVersion,
): void {
  // thinking blocks must come back exactly as received, signature included
  if (isBlock(block, "thinking") && block.signature.trim() === "") {
    throw invalidRequest(`${where}.signature: Invalid \`signature\` in \`thinking\` block`);
  }
  if (version === "2026-10-21") {
    if (role === "assistant" && isBlock(block, "document")) {
      throw invalidRequest(`${where}: \`document\` blocks are not allowed in assistant messages`);
    }
    if (role === "user" && isBlock(block, "text") && (block.citations?.length ?? 0) > 0) {
      throw invalidRequest(`${where}.citations: citations are not allowed on user text blocks`);
    }
  }
}

function toolUseIds(blocks: InputBlock[]): string[] {
  return blocks.flatMap((block) => (isBlock(block, "tool_use") ? [block.id] : []));
}

function checkToolResults(request: MessageRequest, index: number): void {
  const previous = request.messages[index - 1];
  const known = new Set(previous?.role === "assistant" ? toolUseIds(blocksOf(previous)) : []);
  blocksOf(request.messages[index]).forEach((block, blockIndex) => {
    if (isBlock(block, "tool_result") && !known.has(block.tool_use_id)) {
      throw invalidRequest(
        `messages.${index}.content.${blockIndex}: unexpected \`tool_use_id\` found in \`tool_result\` blocks: ${block.tool_use_id}. Each \`tool_result\` block must have a corresponding \`tool_use\` block in the previous message.`,
      );
    }
  });
}

function checkToolUsesAnswered(request: MessageRequest, index: number): void {
  const next = request.messages[index + 1];
  const answered = new Set(
    blocksOf(next).flatMap((block) => (isBlock(block, "tool_result") ? [block.tool_use_id] : [])),
  );
  const missing = toolUseIds(blocksOf(request.messages[index])).filter((id) => !answered.has(id));
  if (missing.length > 0) {
    throw invalidRequest(
      `messages.${index + 1}: \`tool_use\` ids were found without \`tool_result\` blocks immediately after: ${missing.join(", ")}. Each \`tool_use\` block must have a corresponding \`tool_result\` block in the next message.`,
    );
  }
}
