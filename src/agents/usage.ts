import type { Usage } from "../messages/types";

/** Token counts summed over every turn of a run. */
export interface AgentUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  /** Server tool uses by kind, such as { web_search_requests: 2 }. */
  server_tool_use: Record<string, number>;
}

export const emptyUsage = (): AgentUsage => ({
  input_tokens: 0,
  output_tokens: 0,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  server_tool_use: {},
});

const count = (value: unknown): number =>
  typeof value === "number" && Number.isFinite(value) ? value : 0;

export const addUsage = (total: AgentUsage, usage: Usage | undefined): AgentUsage => {
  const serverTools = { ...total.server_tool_use };
  const used = usage?.server_tool_use;
  if (used && typeof used === "object") {
    for (const [kind, uses] of Object.entries(used as Record<string, unknown>)) {
      serverTools[kind] = (serverTools[kind] ?? 0) + count(uses);
    }
  }
  return {
    input_tokens: total.input_tokens + count(usage?.input_tokens),
    output_tokens: total.output_tokens + count(usage?.output_tokens),
    cache_creation_input_tokens:
      total.cache_creation_input_tokens + count(usage?.cache_creation_input_tokens),
    cache_read_input_tokens: total.cache_read_input_tokens + count(usage?.cache_read_input_tokens),
    server_tool_use: serverTools,
  };
};

/** What Max Total Tokens counts: every token the run was billed for, cached ones included. */
export const totalTokens = (usage: AgentUsage): number =>
  usage.input_tokens +
  usage.output_tokens +
  usage.cache_creation_input_tokens +
  usage.cache_read_input_tokens;
