import { deterministicId } from "../ids";
import type { ModelInfo } from "../models/fixtures";
import { generateWithinBudget } from "./budget";
import type { PromptCache } from "./cache";
import { planAnswer } from "./compose";
import { promptSegments } from "./tokens";
import type { Message, MessageRequest, OutputBlock, ServerToolUsage } from "./types";

/** The request body minus `stream`: whatever is derived from it is the same streamed or not. */
export function requestSeed(body: object): string {
  return JSON.stringify(
    Object.fromEntries(Object.entries(body).filter(([key]) => key !== "stream")),
  );
}

export interface BuildOptions {
  /** Answering `?beta=true`: the BetaMessage shape (context_management, usage.iterations, speed). */
  beta?: boolean;
}

/** Web searches run in this answer; null when no server tool ran, as the API reports it. */
function serverToolUsage(content: readonly OutputBlock[]): ServerToolUsage | null {
  const searches = content.filter((b) => b.type === "server_tool_use").length;
  return searches > 0 ? { web_search_requests: searches, web_fetch_requests: 0 } : null;
}

/** The complete Message for a validated request; also the source of the streamed events. */
export function buildMessage(
  request: MessageRequest,
  model: ModelInfo,
  cache: PromptCache,
  seed: string,
  options: BuildOptions = {},
): Message {
  const planned = planAnswer(request, seed);
  const generation = generateWithinBudget(
    planned.blocks,
    request.max_tokens ?? 0,
    request.stop_sequences ?? [],
  );
  const stopReason = generation.cut?.reason ?? planned.stopReason;
  const input = cache.account(model.id, promptSegments(request));
  const message: Message = {
    id: deterministicId("msg", seed),
    type: "message",
    role: "assistant",
    // the API echoes the model as requested, alias included
    model: request.model,
    content: generation.content,
    stop_reason: stopReason,
    stop_sequence: generation.cut?.reason === "stop_sequence" ? generation.cut.sequence : null,
    stop_details:
      stopReason === "refusal" ? { type: "refusal", category: null, explanation: null } : null,
    usage: {
      ...input,
      output_tokens: generation.outputTokens,
      service_tier: "standard",
      inference_geo: request.inference_geo ?? "global",
      server_tool_use: serverToolUsage(generation.content),
    },
    container: null,
  };
  if (!options.beta) return message;
  return {
    ...message,
    usage: { ...message.usage, iterations: null, speed: null },
    context_management: null,
  };
}
