import type { Message, ToolUseBlock } from "./types";

/** Every text block of a reply, joined: what a later step usually maps. */
export const messageText = (message: Message): string =>
  message.content
    .filter((block) => block.type === "text")
    .map((block) => String((block as { text?: unknown }).text ?? ""))
    .join("");

export const toolUsesOf = (message: Message): ToolUseBlock[] =>
  message.content.filter((block): block is ToolUseBlock => block.type === "tool_use");
