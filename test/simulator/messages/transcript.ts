import {
  type InputBlock,
  type InputMessage,
  isBlock,
  type MessageRequest,
  type ToolResultBlockParam,
} from "./types";

/** A string `content` is shorthand for one text block. */
export function blocksOf(message: InputMessage): InputBlock[] {
  return typeof message.content === "string"
    ? [{ type: "text", text: message.content }]
    : message.content;
}

export interface LastUserTurn {
  /** Its text blocks joined with spaces. */
  text: string;
  images: number;
  documents: number;
  toolResults: ToolResultBlockParam[];
}

export function lastUserTurn(request: MessageRequest): LastUserTurn {
  const message = [...request.messages].reverse().find((m) => m.role === "user");
  const blocks = message ? blocksOf(message) : [];
  const texts: string[] = [];
  const toolResults: ToolResultBlockParam[] = [];
  let images = 0;
  let documents = 0;
  for (const block of blocks) {
    if (isBlock(block, "text")) texts.push(block.text);
    else if (isBlock(block, "image")) images++;
    else if (isBlock(block, "document")) documents++;
    else if (isBlock(block, "tool_result")) toolResults.push(block);
  }
  return { text: texts.join(" "), images, documents, toolResults };
}

/** A tool result's content as plain text; non-text parts are named in brackets. */
export function toolResultText(result: ToolResultBlockParam): string {
  if (result.content === undefined) return "";
  if (typeof result.content === "string") return result.content;
  return result.content
    .map((block) => (isBlock(block, "text") ? block.text : `[${block.type}]`))
    .join(" ");
}

/** Every tool_result block of the conversation's user turns, in order. */
export function allToolResults(request: MessageRequest): ToolResultBlockParam[] {
  return request.messages.flatMap((message) =>
    message.role === "user"
      ? blocksOf(message).filter((block): block is ToolResultBlockParam =>
          isBlock(block, "tool_result"),
        )
      : [],
  );
}

/** Whether the last user message is the conversation's first one (the opening turn). */
export function isOpeningTurn(request: MessageRequest): boolean {
  const users = request.messages.filter((m) => m.role === "user");
  return users.length === 1;
}
