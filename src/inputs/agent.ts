import { input } from "@prismatic-io/spectral";
import { cleanDecisions, cleanState } from "../agents/approvals";
import {
  AGENT_MAX_TURNS_DEFAULT,
  AGENT_TOOL_TIMEOUT_SECONDS_DEFAULT,
  MAX_TIMEOUT_MS,
} from "../defaults";
import type { MessageParam } from "../messages/types";
import { isObject } from "../util/isObject";
import { CACHE_MODES, cacheInput } from "./chatOptions";
import { InputError, jsonArray, oneOf, optionalNumber, optionalString, parseJson } from "./clean";
import { messageInput, systemPromptInput } from "./messages";

const MAX_SECONDS = Math.floor(MAX_TIMEOUT_MS / 1000);

/** Chat's System Prompt and Message, under the names an agent gives them. */
export const instructionsInput = input({
  ...systemPromptInput,
  label: "Instructions",
  example:
    "You help support agents. Look customers up before answering, and open a ticket when asked.",
  comments: "The agent's system prompt: its role, what its tools are for, and how to answer.",
  clean: optionalString("Instructions"),
});

export const agentInputInput = input({
  ...messageInput,
  label: "Input",
  example: "Is ada@example.com on the Pro plan? If so, open a ticket about her login problem.",
  comments: "The user's request. With History, it is added as the next user turn.",
  clean: optionalString("Input"),
});

export const historyInput = input({
  label: "History",
  type: "code",
  language: "json",
  required: false,
  example:
    '{"conversation": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello!"}]}',
  comments:
    "An earlier Run Agent step's result (or its conversation), to continue that conversation: its turns are sent first, then the Input.",
  clean: (value: unknown): MessageParam[] | undefined => {
    const parsed = parseJson("History", value);
    if (parsed === undefined) return undefined;
    const result = isObject(parsed) && isObject(parsed.data) ? parsed.data : parsed;
    const turns = isObject(result) ? result.conversation : result;
    if (!Array.isArray(turns)) {
      throw new InputError(
        "History",
        "must be an earlier Run Agent result (with its conversation) or a JSON array of {role, content} turns.",
      );
    }
    return turns as MessageParam[];
  },
});

export const flowsInput = input({
  label: "Flows",
  type: "flow",
  collection: "valuelist",
  required: false,
  example: "Look up customer",
  comments:
    "The integration's flows Claude may call as tools. Each needs an invocation schema with a description (the Tool Flow trigger gives it one); it is run synchronously and its answer goes back to Claude.",
  clean: (value: unknown): string[] => {
    if (value === undefined || value === null || value === "") return [];
    const flows = Array.isArray(value) ? value : [value];
    return flows.flatMap((flow) => {
      if (flow === undefined || flow === null || flow === "") return [];
      if (typeof flow !== "string")
        throw new InputError(
          "Flows",
          "must be a list of flow names; pick flows of this integration.",
        );
      return [flow.trim()];
    });
  },
});

export const mcpServersInput = input({
  label: "MCP Servers",
  type: "code",
  language: "json",
  required: false,
  example:
    '[{"type": "url", "name": "crm", "url": "https://mcp.example.com/sse", "authorization_token": "..."}]',
  comments:
    "Remote MCP servers Claude may use, as the API's mcp_servers: {type: url, name, url, authorization_token?}. Anthropic calls them directly; the MCP connector beta header is added for you.",
  clean: jsonArray("MCP Servers"),
});

export const maxTurnsInput = input({
  label: "Max Turns",
  type: "string",
  required: false,
  default: String(AGENT_MAX_TURNS_DEFAULT),
  example: "5",
  comments: `Budget: the most requests to Claude in one run (default ${AGENT_MAX_TURNS_DEFAULT}). The run ends with stopReason max_turns when reached.`,
  clean: (value: unknown): number =>
    optionalNumber({ label: "Max Turns", min: 1, max: 1000, integer: true })(value) ??
    AGENT_MAX_TURNS_DEFAULT,
});

export const maxTotalTokensInput = input({
  label: "Max Total Tokens",
  type: "string",
  required: false,
  example: "200000",
  comments:
    "Budget: once the run has used this many tokens (input, output and cached, over all turns), no further turn starts; stopReason max_total_tokens. Empty: no limit.",
  clean: optionalNumber({ label: "Max Total Tokens", min: 1, integer: true }),
});

export const timeLimitSecondsInput = input({
  label: "Time Limit (seconds)",
  type: "string",
  required: false,
  example: "300",
  comments:
    "Budget: the run ends with stopReason time_limit once this long has passed; a turn under way is given only the time left. Empty: no limit.",
  clean: optionalNumber({ label: "Time Limit (seconds)", min: 1, max: MAX_SECONDS, integer: true }),
});

export const toolTimeoutSecondsInput = input({
  label: "Tool Timeout (seconds)",
  type: "string",
  required: false,
  default: String(AGENT_TOOL_TIMEOUT_SECONDS_DEFAULT),
  example: "30",
  comments: `How long a flow may take to answer a tool call (default ${AGENT_TOOL_TIMEOUT_SECONDS_DEFAULT}); a slower one is reported to Claude as failed.`,
  clean: (value: unknown): number =>
    optionalNumber({ label: "Tool Timeout (seconds)", min: 1, max: MAX_SECONDS, integer: true })(
      value,
    ) ?? AGENT_TOOL_TIMEOUT_SECONDS_DEFAULT,
});

/** Chat's Prompt Caching, on by default for an agent: every turn repeats the same beginning. */
export const agentCacheInput = input({
  ...cacheInput,
  default: "5m",
  comments:
    "Caching (default 5 minutes): the instructions, the tools and the newest turn are marked, so each turn of the run reads the one before from the cache.",
  clean: (value: unknown) => oneOf("Prompt Caching", CACHE_MODES)(value) ?? "5m",
});

export const approvalRequiredInput = input({
  label: "Approval Required",
  type: "flow",
  collection: "valuelist",
  required: false,
  example: "Send email",
  comments:
    "Flows among Flows whose calls wait for a person: the run stops with stopReason approval_required, pendingApprovals and a state; Resume Agent goes on once they are decided. Other calls of the same turn run first.",
  clean: (value: unknown): string[] => flowsInput.clean(value),
});

export const stateInput = input({
  label: "State",
  type: "code",
  language: "json",
  required: true,
  example:
    '{"version": 1, "configHash": "...", "conversation": [...], "pending": ["toolu_01..."], "results": [], "turns": 1, "usage": {...}}',
  comments:
    "The state of the Run Agent (or Resume Agent) step that stopped for approval: map its data.state, or the whole result.",
  clean: cleanState,
});

export const decisionsInput = input({
  label: "Decisions",
  type: "code",
  language: "json",
  required: true,
  example:
    '[{"toolUseId": "toolu_01A", "decision": "approve"}, {"toolUseId": "toolu_01B", "decision": "reject", "feedback": "Do not email the whole list."}, {"toolUseId": "toolu_01C", "decision": "approve", "input": {"to": "ada@example.com"}}]',
  comments:
    "One decision per pending call, by its toolUseId: approve (optionally with an edited input), or reject with feedback Claude will read.",
  clean: cleanDecisions,
});
