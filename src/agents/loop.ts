import type { ActionContext, ActionLogger } from "@prismatic-io/spectral";
import type { AnthropicClient } from "../client/createAnthropicClient";
import type { ApiVersion } from "../defaults";
import { InputError } from "../inputs/clean";
import { messageText, toolUsesOf } from "../messages/blocks";
import { buildCreateMessageRequest, type GenerationValues } from "../messages/buildRequest";
import { sendMessage, shouldStream } from "../messages/send";
import { readStructuredOutput, structuredOutputMode } from "../messages/structuredOutput";
import type { ContentBlock, Message, MessageParam, ToolUseBlock } from "../messages/types";
import { configHashOf, configPrintOf } from "./configHash";
import { flowTools } from "./flowTools";
import { mcpParts } from "./mcp";
import { runFlowTool, type ToolOutcome } from "./runFlowTool";
import { type AgentUsage, addUsage, emptyUsage, totalTokens } from "./usage";

/** The cleaned inputs of Run Agent: Chat's generation values, plus the agent's own. */
export interface AgentValues
  extends Pick<
    GenerationValues,
    "model" | "thinking" | "budgetTokens" | "effort" | "outputSchema" | "cache" | "maxTokens"
  > {
  instructions?: string;
  input?: string;
  history?: MessageParam[];
  flows: string[];
  tools?: unknown[];
  mcpServers?: unknown[];
  maxTurns: number;
  maxTotalTokens?: number;
  timeLimitSeconds?: number;
  toolTimeoutSeconds: number;
  /** Flows whose calls wait for a person's decision (see Resume Agent). */
  approvalRequired?: string[];
}

/** Why a run ended: the API's stop reason, or the budget that ended it. */
export type AgentStopReason =
  | "end_turn"
  | "stop_sequence"
  | "max_tokens"
  | "refusal"
  | "model_context_window_exceeded"
  | "max_turns"
  | "max_total_tokens"
  | "time_limit"
  | "approval_required"
  | string;

export interface ToolCall {
  tool: string;
  /** The flow the tool ran. */
  flow: string;
  input: unknown;
  /** The start of what the flow answered, or, when it failed, why. */
  result?: string;
  error?: string;
  durationMs: number;
  turn: number;
}

/** A call that waits for a person: what Resume Agent's Decisions answer, by toolUseId. */
export interface PendingApproval {
  toolUseId: string;
  tool: string;
  flow: string;
  input: unknown;
}

export interface AgentResult {
  text: string;
  output?: unknown;
  stopReason: AgentStopReason;
  turns: number;
  toolCalls: ToolCall[];
  usage: AgentUsage;
  /** Every turn, for the next run's History. */
  conversation: MessageParam[];
  /** With stopReason approval_required: the calls waiting, and what Resume Agent takes back. */
  pendingApprovals?: PendingApproval[];
  state?: AgentState;
}

/**
 * Everything Resume Agent needs, and nothing more: the conversation (ending in the turn that
 * asked for the calls), which calls wait, the results the same turn already has, and a hash of
 * the agent's configuration, so the run resumes with the agent that started it.
 */
export interface AgentState {
  version: 1;
  configHash: string;
  /** A short hash per setting: a mismatch names the input that changed. */
  configPrint: string;
  conversation: MessageParam[];
  pending: string[];
  results: ContentBlock[];
  turns: number;
  usage: AgentUsage;
}

/** What the loop needs of its step: the client for each turn, and the flows. */
export interface AgentContext {
  logger: ActionLogger;
  flowSchemas: ActionContext["flowSchemas"];
  invokeFlow: ActionContext["invokeFlow"];
  /** A client whose per-attempt timeout is at most `timeoutMs` (what is left of the time limit). */
  clientFor: (timeoutMs: number | undefined) => AnthropicClient;
  apiVersion: ApiVersion;
}

/** Chat's labels for what Run Agent calls Input, History and Instructions. */
const AGENT_LABELS: ReadonlyArray<readonly [chat: string, agent: string]> = [
  ["Messages", "History"],
  ["Message", "Input"],
  ["System Prompt", "Instructions"],
];

const asAgentInputs = <T>(build: () => T): T => {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const match = AGENT_LABELS.find(([chat]) => error.message.startsWith(`${chat}: `));
    if (!match) throw error;
    throw new InputError(match[1], error.message.slice(match[0].length + 2));
  }
};

const SHORT_RESULT = 500;
const short = (text: string): string =>
  text.length > SHORT_RESULT ? `${text.slice(0, SHORT_RESULT)}...` : text;

/** Stop reasons after which the loop goes on: tools to run, or a paused server-tool turn. */
const CONTINUES = new Set(["tool_use", "pause_turn"]);

const toolResultBlock = (use: ToolUseBlock, outcome: ToolOutcome): ContentBlock => ({
  type: "tool_result",
  tool_use_id: use.id,
  content: outcome.content,
  ...(outcome.isError ? { is_error: true } : {}),
});

/** What a run is set up with: its tools, how each turn's request is built, its config hash. */
export interface PreparedAgent {
  flowByTool: Map<string, string>;
  /** Tool names whose calls need approval. */
  gated: Set<string>;
  betas: string[];
  mcpServers: unknown[];
  request: (
    messages: MessageParam[],
    message?: string,
  ) => ReturnType<typeof buildCreateMessageRequest>;
  configHash: string;
}

export const prepareAgent = (context: AgentContext, values: AgentValues): PreparedAgent => {
  const tools = flowTools(values.flows, context.flowSchemas);
  const flowByTool = new Map(tools.map(({ definition, flow }) => [definition.name, flow]));
  const gated = new Set<string>();
  for (const flow of values.approvalRequired ?? []) {
    const tool = tools.find((entry) => entry.flow === flow);
    if (!tool) {
      throw new InputError(
        "Approval Required",
        `"${flow}" is not one of the Flows; pick flows from Flows whose calls need approval.`,
      );
    }
    gated.add(tool.definition.name);
  }
  const userTools = values.tools ?? [];
  const mcp = mcpParts(values.mcpServers, userTools);
  const allTools = [...tools.map((tool) => tool.definition), ...userTools, ...mcp.toolsets];
  if (values.outputSchema && structuredOutputMode(values.model) === "tool") {
    throw new InputError(
      "Output Schema",
      `on ${values.model} is answered through a forced tool, which would stop the agent from calling its own tools; use a newer model, or leave Output Schema empty.`,
    );
  }
  const request = (messages: MessageParam[], message?: string) =>
    buildCreateMessageRequest(
      {
        model: values.model,
        systemPrompt: values.instructions,
        messages,
        message,
        tools: allTools.length ? allTools : undefined,
        thinking: values.thinking,
        budgetTokens: values.budgetTokens,
        effort: values.effort,
        outputSchema: values.outputSchema,
        cache: values.cache,
        maxTokens: values.maxTokens,
      },
      context.apiVersion,
    );
  return {
    flowByTool,
    gated,
    betas: mcp.betas,
    mcpServers: mcp.servers,
    request,
    configHash: configHashOf(values),
  };
};

/** Where a loop starts: a fresh request, or a resumed run's conversation. */
export interface LoopStart {
  conversation: MessageParam[];
  turns: number;
  usage: AgentUsage;
}

export const runUses = async (
  context: AgentContext,
  agent: PreparedAgent,
  values: AgentValues,
  uses: Array<ToolUseBlock>,
  turn: number,
  toolCalls: ToolCall[],
): Promise<ContentBlock[]> => {
  // Every tool of the turn runs at once: Claude asked for them together.
  const outcomes = await Promise.all(
    uses.map((use) => {
      const flow = agent.flowByTool.get(use.name);
      if (flow === undefined) {
        return Promise.resolve<ToolOutcome>({
          content: `There is no tool "${use.name}" in this agent; use one of: ${[...agent.flowByTool.keys()].join(", ") || "none"}.`,
          isError: true,
          durationMs: 0,
        });
      }
      return runFlowTool(context, flow, use.input, values.toolTimeoutSeconds);
    }),
  );
  uses.forEach((use, index) => {
    const outcome = outcomes[index];
    toolCalls.push({
      tool: use.name,
      flow: agent.flowByTool.get(use.name) ?? "",
      input: use.input,
      ...(outcome.isError ? { error: short(outcome.content) } : { result: short(outcome.content) }),
      durationMs: outcome.durationMs,
      turn,
    });
  });
  return uses.map((use, index) => toolResultBlock(use, outcomes[index]));
};

/** The tool_use blocks' order decides the results' order, whichever finished or waited first. */
export const inUseOrder = (uses: ToolUseBlock[], results: ContentBlock[]): ContentBlock[] =>
  uses.flatMap((use) =>
    results.filter((block) => (block as { tool_use_id?: unknown }).tool_use_id === use.id),
  );

/**
 * Runs Claude with the integration's flows as tools until it answers, a budget ends the run,
 * or a call waits for approval. Server tools and MCP servers run on Anthropic's side; only flow
 * tools come back here. Every ending is clean: the conversation so far and the reason.
 */
export const agentLoop = async (
  context: AgentContext,
  agent: PreparedAgent,
  values: AgentValues,
  start: LoopStart,
  toolCalls: ToolCall[] = [],
): Promise<AgentResult> => {
  const started = Date.now();
  let built = agent.request(start.conversation);
  let conversation = built.history;
  let usage = start.usage;
  let turns = start.turns;
  let last: Message | undefined;
  let stopReason: AgentStopReason | undefined;
  let waiting: { pending: PendingApproval[]; state: AgentState } | undefined;
  const limitMs =
    values.timeLimitSeconds === undefined ? undefined : values.timeLimitSeconds * 1000;
  const remainingMs = () => (limitMs === undefined ? undefined : limitMs - (Date.now() - started));

  for (;;) {
    if (turns >= values.maxTurns) stopReason = "max_turns";
    else if (values.maxTotalTokens !== undefined && totalTokens(usage) >= values.maxTotalTokens)
      stopReason = "max_total_tokens";
    else if ((remainingMs() ?? 1) <= 0) stopReason = "time_limit";
    if (stopReason) break;

    turns += 1;
    const body = agent.mcpServers.length
      ? { ...built.body, mcp_servers: agent.mcpServers }
      : built.body;
    const client = context.clientFor(remainingMs());
    last = await sendMessage(client, body, {
      stream: shouldStream(false, values.maxTokens),
      betas: agent.betas,
    });
    usage = addUsage(usage, last.usage);
    conversation = [...conversation, { role: "assistant", content: last.content }];
    const uses = last.stop_reason === "tool_use" ? toolUsesOf(last) : [];
    context.logger.info(
      `Run Agent turn ${turns}: stop_reason ${last.stop_reason}${uses.length ? `, ${uses.length} tool call(s): ${uses.map((use) => use.name).join(", ")}` : ""}; ${totalTokens(usage)} tokens so far.`,
    );
    if (!CONTINUES.has(String(last.stop_reason))) {
      stopReason = last.stop_reason ?? "end_turn";
      break;
    }
    if (uses.length) {
      const gated = uses.filter((use) => agent.gated.has(use.name));
      const free = uses.filter((use) => !agent.gated.has(use.name));
      // Calls that need no approval run now; their results wait with the ones that do.
      const results = await runUses(context, agent, values, free, turns, toolCalls);
      if (gated.length) {
        stopReason = "approval_required";
        waiting = {
          pending: gated.map((use) => ({
            toolUseId: use.id,
            tool: use.name,
            flow: agent.flowByTool.get(use.name) ?? "",
            input: use.input,
          })),
          state: {
            version: 1,
            configHash: agent.configHash,
            configPrint: configPrintOf(values),
            conversation,
            pending: gated.map((use) => use.id),
            results,
            turns,
            usage,
          },
        };
        break;
      }
      conversation = [...conversation, { role: "user", content: inUseOrder(uses, results) }];
    }
    // pause_turn: the assistant turn goes back as it is, and the API carries on from it.
    built = agent.request(conversation);
    conversation = built.history;
  }

  const finished = stopReason === "end_turn" || stopReason === "stop_sequence";
  // A budget that ended the run mid-loop leaves no answer; an API stop keeps what Claude wrote.
  const answered = last !== undefined && !CONTINUES.has(String(last.stop_reason));
  const result: AgentResult = {
    text: last && answered ? messageText(last) : "",
    stopReason: stopReason ?? "end_turn",
    turns,
    toolCalls,
    usage,
    conversation,
  };
  if (waiting) {
    result.pendingApprovals = waiting.pending;
    result.state = waiting.state;
  }
  if (values.outputSchema) {
    result.output =
      last && stopReason === "end_turn"
        ? readStructuredOutput(last, values.outputSchema, "native")
        : null;
  }
  if (waiting) {
    context.logger.info(
      `Run Agent waits for approval of ${waiting.pending.map((call) => `${call.tool} (${call.toolUseId})`).join(", ")}; resume it with Resume Agent.`,
    );
  } else if (!finished) {
    context.logger.warn(
      `Run Agent stopped after ${turns} turn(s): ${stopReason}. The conversation so far is in the result; give it as History to go on.`,
    );
  }
  return result;
};

export const runAgentLoop = async (
  context: AgentContext,
  values: AgentValues,
): Promise<AgentResult> => {
  const agent = prepareAgent(context, values);
  if (!values.input && !values.history?.length) {
    throw new InputError("Input", "is required; enter the request for the agent, or give History.");
  }
  // The first request is built before anything is sent, so bad input fails the step at once,
  // named as the agent's inputs are (Chat's builder knows them as Message and Messages).
  const first = asAgentInputs(() => agent.request(values.history ?? [], values.input));
  return agentLoop(context, agent, values, {
    conversation: first.history,
    turns: 0,
    usage: emptyUsage(),
  });
};
