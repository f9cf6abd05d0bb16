import { action } from "@prismatic-io/spectral";
import { runAgentLoop } from "../../agents/loop";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import { exampleAgentResult } from "../../examples";
import {
  agentCacheInput,
  agentInputInput,
  flowsInput,
  historyInput,
  instructionsInput,
  maxTotalTokensInput,
  maxTurnsInput,
  mcpServersInput,
  timeLimitSecondsInput,
  toolTimeoutSecondsInput,
} from "../../inputs/agent";
import {
  budgetTokensInput,
  effortInput,
  outputSchemaInput,
  thinkingInput,
  toolsInput,
} from "../../inputs/chatOptions";
import { maxTokensInput } from "../../inputs/messages";
import { connectionInput, modelInput, toClientOptions, transportInputs } from "../../inputs/shared";

export const runAgent = action({
  display: {
    label: "Run Agent",
    description:
      "Let Claude work a request through with tools: the integration's own flows, Anthropic's server tools (web search, web fetch, code execution) and MCP servers, turn after turn until it answers or a budget (turns, tokens, time) ends the run.",
  },
  inputs: {
    connection: connectionInput,
    model: modelInput,
    instructions: instructionsInput,
    input: agentInputInput,
    history: historyInput,
    flows: flowsInput,
    tools: toolsInput,
    mcpServers: mcpServersInput,
    maxTurns: maxTurnsInput,
    maxTotalTokens: maxTotalTokensInput,
    timeLimitSeconds: timeLimitSecondsInput,
    toolTimeoutSeconds: toolTimeoutSecondsInput,
    thinking: thinkingInput,
    budgetTokens: budgetTokensInput,
    effort: effortInput,
    outputSchema: outputSchemaInput,
    cache: agentCacheInput,
    maxTokens: maxTokensInput,
    ...transportInputs,
  },
  perform: async (context, { connection, timeout, maxRetries, ...values }) => {
    const clientFor = (remainingMs: number | undefined) => {
      const capped =
        remainingMs === undefined
          ? timeout
          : Math.max(1, Math.min(timeout ?? remainingMs, remainingMs));
      return createAnthropicClient(
        connection,
        context,
        toClientOptions({ timeout: capped, maxRetries }),
      );
    };
    const data = await runAgentLoop(
      {
        logger: context.logger,
        flowSchemas: context.flowSchemas,
        invokeFlow: context.invokeFlow,
        clientFor,
        apiVersion: clientFor(undefined).settings.apiVersion,
      },
      values,
    );
    return { data };
  },
  examplePayload: { data: exampleAgentResult },
});
