import type { ActionContext, ActionLogger } from "@prismatic-io/spectral";
import type { AnthropicClient } from "../client/createAnthropicClient";
import type { ApiVersion } from "../defaults";
import { InputError } from "../inputs/clean";
import { messageText, toolUsesOf } from "../messages/blocks";
import { buildCreateMessageRequest, type GenerationValues } from "../messages/buildRequest";
import { sendMessage, shouldStream } from "../messages/send";
import { readStructuredOutput, structuredOutputMode } from "../messages/structuredOutput";
import type { ContentBlock, Message, MessageParam, ToolUseBlock } from "../messages/types";
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

export interface AgentResult {
  text: string;
  output?: unknown;
  stopReason: AgentStopReason;
  turns: number;
  toolCalls: ToolCall[];
  usage: AgentUsage;
  /** Every turn, for the next run's History. */
  conversation: MessageParam[];
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

/**
 * Runs Claude with the integration's flows as tools until it answers or a budget ends the
 * run. Server tools and MCP servers run on Anthropic's side; only flow tools come back here.
 * Every budget ends the run cleanly, with the conversation so far and the reason.
 */
export const runAgentLoop = async (
  context: AgentContext,
  values: AgentValues,
): Promise<AgentResult> => {
  const started = Date.now();
  const tools = flowTools(values.flows, context.flowSchemas);
  const flowByTool = new Map(tools.map(({ definition, flow }) => [definition.name, flow]));
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

  if (!values.input && !values.history?.length) {
    throw new InputError("Input", "is required; enter the request for the agent, or give History.");
  }
  // The first request is built before anything is sent, so bad input fails the step at once,
  // named as the agent's inputs are (Chat's builder knows them as Message and Messages).
  let built = asAgentInputs(() => request(values.history ?? [], values.input));
  let conversation = built.history;
  let usage = emptyUsage();
  const toolCalls: ToolCall[] = [];
  let turns = 0;
  let last: Message | undefined;
  let stopReason: AgentStopReason | undefined;
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
    const body = mcp.servers.length ? { ...built.body, mcp_servers: mcp.servers } : built.body;
    const client = context.clientFor(remainingMs());
    last = await sendMessage(client, body, {
      stream: shouldStream(false, values.maxTokens),
      betas: mcp.betas,
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
      const turn = turns;
      // Every tool of the turn runs at once: Claude asked for them together.
      const outcomes = await Promise.all(
        uses.map((use) => {
          const flow = flowByTool.get(use.name);
          if (flow === undefined) {
            return Promise.resolve<ToolOutcome>({
              content: `There is no tool "${use.name}" in this agent; use one of: ${[...flowByTool.keys()].join(", ") || "none"}.`,
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
          flow: flowByTool.get(use.name) ?? "",
          input: use.input,
          ...(outcome.isError
            ? { error: short(outcome.content) }
            : { result: short(outcome.content) }),
          durationMs: outcome.durationMs,
          turn,
        });
      });
      conversation = [
        ...conversation,
        { role: "user", content: uses.map((use, index) => toolResultBlock(use, outcomes[index])) },
      ];
    }
    // pause_turn: the assistant turn goes back as it is, and the API carries on from it.
    built = request(conversation);
    conversation = built.history;
  }

  const finished = stopReason === "end_turn" || stopReason === "stop_sequence";
  // A budget that ended the run mid-loop leaves no answer; an API stop keeps what Claude wrote.
  const answered = last !== undefined && !CONTINUES.has(String(last.stop_reason));
  const result: AgentResult = {
    text: last && answered ? messageText(last) : "",
    stopReason,
    turns,
    toolCalls,
    usage,
    conversation,
  };
  if (values.outputSchema) {
    result.output =
      last && stopReason === "end_turn"
        ? readStructuredOutput(last, values.outputSchema, "native")
        : null;
  }
  if (!finished) {
    context.logger.warn(
      `Run Agent stopped after ${turns} turn(s): ${stopReason}. The conversation so far is in the result; give it as History to go on.`,
    );
  }
  return result;
};
