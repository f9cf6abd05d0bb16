import { InputError, preview } from "../inputs/clean";
import { isObject } from "../util/isObject";

/** The MCP connector is still in beta: its header goes with every request that names a server. */
export const MCP_CONNECTOR_BETA = "mcp-client-2025-11-20";

const LABEL = "MCP Servers";

export interface McpServer {
  type: "url";
  name: string;
  url: string;
  authorization_token?: string;
  [field: string]: unknown;
}

export interface McpParts {
  servers: McpServer[];
  /** An `mcp_toolset` for each server the Tools do not configure already. */
  toolsets: Array<{ type: "mcp_toolset"; mcp_server_name: string }>;
  betas: string[];
}

const checkServer = (server: unknown, index: number, seen: Set<string>): McpServer => {
  const at = `item ${index}`;
  if (!isObject(server)) {
    throw new InputError(LABEL, `${at} must be an object {type: "url", name, url}.`);
  }
  if (server.type !== "url") {
    throw new InputError(
      LABEL,
      `${at} needs "type": "url" (the only kind the MCP connector takes).`,
    );
  }
  if (typeof server.name !== "string" || !server.name.trim()) {
    throw new InputError(LABEL, `${at} needs a name, such as "crm".`);
  }
  if (seen.has(server.name)) {
    throw new InputError(LABEL, `two servers are named "${server.name}"; names must be unique.`);
  }
  seen.add(server.name);
  let url: URL | undefined;
  try {
    url = typeof server.url === "string" ? new URL(server.url) : undefined;
  } catch {
    url = undefined;
  }
  if (url?.protocol !== "https:") {
    throw new InputError(
      LABEL,
      `"${server.name}" needs an https url, such as https://mcp.example.com/sse; got "${preview(server.url)}".`,
    );
  }
  if (server.authorization_token !== undefined && typeof server.authorization_token !== "string") {
    throw new InputError(LABEL, `"${server.name}": authorization_token must be text.`);
  }
  return server as McpServer;
};

/** The API's `mcp_servers`, the toolsets that enable them, and the beta they need. */
export const mcpParts = (servers: unknown[] | undefined, tools: readonly unknown[]): McpParts => {
  if (!servers?.length) return { servers: [], toolsets: [], betas: [] };
  const seen = new Set<string>();
  const checked = servers.map((server, index) => checkServer(server, index, seen));
  const configured = new Set(
    tools.flatMap((tool) =>
      isObject(tool) && tool.type === "mcp_toolset" ? [String(tool.mcp_server_name)] : [],
    ),
  );
  return {
    servers: checked,
    toolsets: checked
      .filter((server) => !configured.has(server.name))
      .map((server) => ({ type: "mcp_toolset" as const, mcp_server_name: server.name })),
    betas: [MCP_CONNECTOR_BETA],
  };
};
