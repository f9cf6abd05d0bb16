import { type CustomTool, isCustomTool, type MessageRequest } from "./types";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Where a tool's name first appears in the text as a whole word (names may contain - and _). */
function mentionAt(text: string, name: string): number {
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
