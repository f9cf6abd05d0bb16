import { type CustomTool, isBlock, isCustomTool, type MessageRequest } from "./types";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a name first appears in the text as a whole word (names may contain - and _). */
export function mentionAt(text: string, name: string): number {
  const match = new RegExp(`(?<![A-Za-z0-9_-])${escapeRegExp(name)}(?![A-Za-z0-9_-])`, "i").exec(
    text,
  );
  return match ? match.index : -1;
}

/**
 * The custom tools the simulated model calls, in call order; empty for a plain answer.
 * - tool_choice none, or no custom tools: none.
 * - tool_choice tool: that tool.
 * - tool_choice any: the mentioned tools, else the first custom tool.
 * - auto (or unset): the tools the text mentions by name.
 * Several tools are called in parallel unless disable_parallel_tool_use is true.
 */
export function selectTools(request: MessageRequest, userText: string): CustomTool[] {
  const choice = request.tool_choice ?? { type: "auto" };
  const custom = (request.tools ?? []).filter(isCustomTool);
  if (choice.type === "none" || custom.length === 0) return [];
  if (choice.type === "tool") return custom.filter((tool) => tool.name === choice.name);

  const mentioned = custom
    .map((tool) => ({ tool, at: mentionAt(userText, tool.name) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => m.tool);
  const chosen = mentioned.length > 0 ? mentioned : choice.type === "any" ? [custom[0]] : [];
  return choice.disable_parallel_tool_use ? chosen.slice(0, 1) : chosen;
}

/** `[[simulate:sequence]]` in the conversation's first user text: one tool call per turn. */
const SEQUENCE_DIRECTIVE = "[[simulate:sequence]]";

function firstUserText(request: MessageRequest): string {
  const first = request.messages.find((m) => m.role === "user");
  if (!first) return "";
  if (typeof first.content === "string") return first.content;
  return first.content.flatMap((b) => (isBlock(b, "text") ? [b.text] : [])).join(" ");
}

/**
 * The tools a sequenced conversation calls, one per turn, in the order the first user text
 * first mentions them; undefined when the conversation is not sequenced (no directive, no
 * mentioned tool, or a tool_choice of none or tool, which keep their usual meaning).
 */
export function sequencedTools(request: MessageRequest): CustomTool[] | undefined {
  const text = firstUserText(request);
  if (!text.includes(SEQUENCE_DIRECTIVE)) return undefined;
  const choice = request.tool_choice ?? { type: "auto" };
  if (choice.type === "none" || choice.type === "tool") return undefined;
  const tools = (request.tools ?? [])
    .filter(isCustomTool)
    .map((tool) => ({ tool, at: mentionAt(text, tool.name) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => m.tool);
  return tools.length > 0 ? tools : undefined;
}

/** Names of the custom tools the assistant turns of the conversation already called. */
export function calledToolNames(request: MessageRequest): Set<string> {
  const names = new Set<string>();
  for (const message of request.messages) {
    if (message.role !== "assistant" || typeof message.content === "string") continue;
    for (const block of message.content) if (isBlock(block, "tool_use")) names.add(block.name);
  }
  return names;
}
