/**
 * POST /v1/complete, the legacy Text Completions API: the same deterministic answer as
 * /v1/messages would give to the last Human turn, as one completion or as `completion` events.
 */
import { validBody } from "../body";
import { notFound } from "../errors";
import { deterministicId } from "../ids";
import { type Generation, generateWithinBudget } from "../messages/budget";
import { planAnswer } from "../messages/compose";
import { requestSeed } from "../messages/message";
import { chunkText } from "../messages/stream";
import type { MessageRequest } from "../messages/types";
import { resolveModel } from "../models/fixtures";
import type { HandlerResult, RequestContext } from "../router";
import type { SseEvent } from "../sse";
import { HUMAN, lastHumanText } from "./prompt";

interface CompletionRequest {
  model: string;
  prompt: string;
  max_tokens_to_sample: number;
  stop_sequences?: string[];
  stream?: boolean;
}

type CompletionStopReason = "stop_sequence" | "max_tokens";

export interface Completion {
  type: "completion";
  id: string;
  completion: string;
  stop_reason: CompletionStopReason;
  model: string;
  /** The stop sequence that ended it ("\n\nHuman:" for a natural end); null at max_tokens. */
  stop: string | null;
}

function buildCompletion(request: CompletionRequest, seed: string): Completion {
  const asMessage: MessageRequest = {
    model: request.model,
    max_tokens: request.max_tokens_to_sample,
    messages: [{ role: "user", content: lastHumanText(request.prompt) }],
  };
  const text = planAnswer(asMessage, seed)
    .blocks.map((block) => (block.type === "text" ? block.text : ""))
    .join("");
  // completions conventionally begin with the space after "Assistant:"
  const generation = generateWithinBudget(
    [{ type: "text", text: ` ${text}`, citations: null }],
    request.max_tokens_to_sample,
    request.stop_sequences ?? [],
  );
  const first = generation.content[0];
  return {
    type: "completion",
    id: deterministicId("compl", seed),
    completion: first?.type === "text" ? first.text : "",
    ...stopOf(generation.cut),
    model: request.model,
  };
}

function stopOf(cut: Generation["cut"]): Pick<Completion, "stop_reason" | "stop"> {
  if (cut?.reason === "max_tokens") return { stop_reason: "max_tokens", stop: null };
  if (cut?.reason === "stop_sequence") return { stop_reason: "stop_sequence", stop: cut.sequence };
  // a finished answer is the model reaching the next Human turn, which the API reports as such
  return { stop_reason: "stop_sequence", stop: HUMAN };
}

/**
 * The API's legacy stream: a `completion` event per piece of text (stop_reason null), a `ping`
 * after the first, and a last `completion` with no text that carries the stop reason.
 */
function completionEvents(completion: Completion): { events: SseEvent[]; last: SseEvent } {
  const { id, model } = completion;
  const events: SseEvent[] = [];
  chunkText(completion.completion).forEach((piece, index) => {
    events.push({
      event: "completion",
      data: { type: "completion", id, completion: piece, stop_reason: null, model },
    });
    if (index === 0) events.push({ event: "ping", data: { type: "ping" } });
  });
  if (events.length === 0) events.push({ event: "ping", data: { type: "ping" } });
  const last: SseEvent = { event: "completion", data: { ...completion, completion: "" } };
  events.push(last);
  return { events, last };
}

export function createCompletion(context: RequestContext): HandlerResult {
  const request = validBody(context.request, "CompletionRequest") as CompletionRequest;
  if (!resolveModel(request.model)) throw notFound(`model: ${request.model}`);
  const completion = buildCompletion(request, requestSeed(request));
  if (!request.stream) return { kind: "json", body: completion };
  const { events, last } = completionEvents(completion);
  return {
    kind: "sse",
    events,
    isDelta: (event) => event.event === "completion" && event !== last,
  };
}
