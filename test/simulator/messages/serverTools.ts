import { deterministicId, sha256 } from "../ids";
import { blocksOf } from "./transcript";
import type {
  MessageRequest,
  ServerToolUseOutput,
  WebSearchResult,
  WebSearchToolResultOutput,
} from "./types";

/** Anthropic-run tools, named by their versioned type (`web_search_20250305`, ...). */
const SERVER_TOOL_TYPE = /^(web_search_|web_fetch_|code_execution_)/;

export function hasServerTool(request: MessageRequest): boolean {
  return (request.tools ?? []).some(
    (tool) => typeof tool.type === "string" && SERVER_TOOL_TYPE.test(tool.type),
  );
}

/**
 * The simulated model searches the web when a server tool is offered and the last user text
 * says "search" (search, searches, searching; not "research") or `[[simulate:server_tool]]`.
 */
export function wantsWebSearch(request: MessageRequest, userText: string): boolean {
  return (
    hasServerTool(request) &&
    (/\bsearch/i.test(userText) || userText.includes("[[simulate:server_tool]]"))
  );
}

/** Server-side results end a paused turn: the client sends the turn back to continue it. */
const SERVER_RESULT_TYPES = new Set([
  "web_search_tool_result",
  "web_fetch_tool_result",
  "code_execution_tool_result",
  "bash_code_execution_tool_result",
  "text_editor_code_execution_tool_result",
  "mcp_tool_result",
]);

/**
 * A request continuing a `pause_turn`: its last message is the assistant's paused turn, ending
 * in a server tool's result, with no user turn after it.
 */
export function continuesPausedTurn(request: MessageRequest): boolean {
  const last = request.messages[request.messages.length - 1];
  if (last?.role !== "assistant") return false;
  const blocks = blocksOf(last);
  const final = blocks[blocks.length - 1];
  return final !== undefined && SERVER_RESULT_TYPES.has(final.type);
}

function snippet(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

function searchResults(query: string): WebSearchResult[] {
  const slug = encodeURIComponent(snippet(query, 40).toLowerCase().replace(/\s+/g, "-"));
  return [
    {
      type: "web_search_result",
      url: `https://example.com/search/${slug}`,
      title: `About "${snippet(query, 60)}" | Example`,
      encrypted_content: sha256(`web_search:1:${query}`).toString("base64"),
      page_age: "April 30, 2026",
    },
    {
      type: "web_search_result",
      url: `https://news.example.org/${slug}`,
      title: `${snippet(query, 60)}: the latest | Example News`,
      encrypted_content: sha256(`web_search:2:${query}`).toString("base64"),
      page_age: "1 week ago",
    },
  ];
}

/** One web search: the call (input `{ query }`) and its result, two web_search_result items. */
export function webSearchBlocks(
  query: string,
  seed: string,
): [ServerToolUseOutput, WebSearchToolResultOutput] {
  const id = deterministicId("srvtoolu", `${seed}:web_search`);
  return [
    {
      type: "server_tool_use",
      id,
      name: "web_search",
      input: { query },
      caller: { type: "direct" },
    },
    {
      type: "web_search_tool_result",
      tool_use_id: id,
      content: searchResults(query),
      caller: { type: "direct" },
    },
  ];
}
