import type { ActionContext, Connection } from "@prismatic-io/spectral";
import type { AgentContext } from "../../agents/loop";
import { createAnthropicClient } from "../../client/createAnthropicClient";
import {
  agentCacheInput,
  agentInputInput,
  approvalRequiredInput,
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
import { connectionInput, modelInput, toClientOptions } from "../../inputs/shared";

/** What configures an agent, shared by Run Agent and Resume Agent (Chat's definitions reused). */
export const agentConfigInputs = {
  connection: connectionInput,
  model: modelInput,
  instructions: instructionsInput,
  flows: flowsInput,
  approvalRequired: approvalRequiredInput,
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
};

export { agentInputInput, historyInput };

/** The loop's view of the step: a client per turn, capped by what is left of the time limit. */
export const agentContextOf = (
  context: ActionContext,
  connection: Connection,
  transport: { timeout?: number; maxRetries?: number },
): AgentContext => {
  const clientFor = (remainingMs: number | undefined) => {
    const { timeout } = transport;
    const capped =
      remainingMs === undefined
        ? timeout
        : Math.max(1, Math.min(timeout ?? remainingMs, remainingMs));
    return createAnthropicClient(
      connection,
      context,
      toClientOptions({ timeout: capped, maxRetries: transport.maxRetries }),
    );
  };
  return {
    logger: context.logger,
    flowSchemas: context.flowSchemas,
    invokeFlow: context.invokeFlow,
    clientFor,
    apiVersion: clientFor(undefined).settings.apiVersion,
  };
};
