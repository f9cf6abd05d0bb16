import { invalidRequest } from "../errors";
import { deterministicId } from "../ids";
import { mentionAt } from "./toolSelection";
import {
  isMcpToolset,
  type McpServerDefinition,
  type McpToolResultOutput,
  type McpToolUseOutput,
  type MessageRequest,
} from "./types";

/** The MCP connector beta whose request shape the simulator speaks (toolsets in `tools`). */
export const MCP_BETA = "mcp-client-2025-11-20";
/** Betas that enable `mcp_servers` with `mcp_toolset` entries: 2025-11-20 and its successor. */
const MCP_BETAS = new Set([MCP_BETA, "mcp-client-2026-09-15"]);

/** A body that names `mcp_servers` at all, read before it is validated. */
export function namesMcpServers(body: unknown): boolean {
  return typeof body === "object" && body !== null && !Array.isArray(body) && "mcp_servers" in body;
}

/**
 * Without the beta the API does not know `mcp_servers`: the refusal names the field and the
 * header that enables it. Checked before the body's schema, as the beta decides which applies.
 */
export function checkMcpBeta(body: unknown, betas: readonly string[]): void {
  if (!namesMcpServers(body) || betas.some((beta) => MCP_BETAS.has(beta))) return;
  throw invalidRequest(
    `mcp_servers: Extra inputs are not permitted. The MCP connector is in beta: send the \`anthropic-beta: ${MCP_BETA}\` header to use \`mcp_servers\`.`,
  );
}

function checkServer(server: McpServerDefinition, index: number, seen: Set<string>): void {
  const where = `mcp_servers.${index}`;
  if (server.type !== "url") throw invalidRequest(`${where}.type: Input should be 'url'`);
  if (server.name.trim() === "") {
    throw invalidRequest(`${where}.name: MCP server name must not be empty`);
  }
  if (seen.has(server.name)) {
    throw invalidRequest(`${where}.name: MCP server names must be unique (${server.name})`);
  }
  seen.add(server.name);
  let protocol = "";
  try {
    protocol = new URL(server.url).protocol;
  } catch {
    throw invalidRequest(`${where}.url: Input should be a valid URL, got '${server.url}'`);
  }
  if (protocol !== "https:") {
    throw invalidRequest(`${where}.url: MCP server URL must use https, got '${server.url}'`);
  }
}

/**
 * The rules of the 2025-11-20 MCP connector beyond the schema: every server a `url` with a
 * unique, non-empty name and an https URL, every server with exactly one `mcp_toolset` in
 * `tools`, and every toolset naming a server. The beta header was checked before the schema.
 */
export function checkMcpServers(request: MessageRequest): void {
  const servers = request.mcp_servers ?? [];
  const seen = new Set<string>();
  servers.forEach((server, index) => {
    checkServer(server, index, seen);
  });

  const toolsets = new Map<string, number>();
  (request.tools ?? []).forEach((tool, index) => {
    if (!isMcpToolset(tool)) return;
    const name = tool.mcp_server_name;
    if (!seen.has(name)) {
      throw invalidRequest(
        `tools.${index}.mcp_server_name: MCP toolset references unknown MCP server '${name}'; it must name one of \`mcp_servers\``,
      );
    }
    if (toolsets.has(name)) {
      throw invalidRequest(
        `tools.${index}.mcp_server_name: MCP server '${name}' is referenced by more than one \`mcp_toolset\``,
      );
    }
    toolsets.set(name, index);
  });
  servers.forEach((server, index) => {
    if (!toolsets.has(server.name)) {
      throw invalidRequest(
        `mcp_servers.${index}: MCP server '${server.name}' has no \`mcp_toolset\` in \`tools\`; add {"type": "mcp_toolset", "mcp_server_name": "${server.name}"}`,
      );
    }
  });
}

/** The servers the text names (whole word, any case), in the order they are first named. */
export function mentionedServers(request: MessageRequest, userText: string): string[] {
  return (request.mcp_servers ?? [])
    .map((server) => ({ name: server.name, at: mentionAt(userText, server.name) }))
    .filter((m) => m.at >= 0)
    .sort((a, b) => a.at - b.at)
    .map((m) => m.name);
}

/** One `lookup` call per named server and its result, as the connector runs them itself. */
export function mcpBlocks(
  servers: readonly string[],
  query: string,
  seed: string,
): Array<McpToolUseOutput | McpToolResultOutput> {
  return servers.flatMap((server, index): Array<McpToolUseOutput | McpToolResultOutput> => {
    const id = deterministicId("mcptoolu", `${seed}:mcp:${index}:${server}`);
    return [
      { type: "mcp_tool_use", id, name: "lookup", server_name: server, input: { query } },
      {
        type: "mcp_tool_result",
        tool_use_id: id,
        is_error: false,
        content: [{ type: "text", text: `MCP ${server} answered: ${query}`, citations: null }],
      },
    ];
  });
}
