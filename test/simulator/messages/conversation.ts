import type { ApiVersion } from "../auth";
import { invalidRequest } from "../errors";
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
