import { validBody } from "../body";
import { invalidRequest, notFound } from "../errors";
import { type ModelInfo, resolveModel } from "../models/fixtures";
import type { HandlerResult, RequestContext } from "../router";
import { checkConversation } from "./conversation";
import { buildMessage, requestSeed } from "./message";
import { checkParameters } from "./parameters";
import { messageEvents } from "./stream";
import { promptSegments, totalInputTokens } from "./tokens";
import type { MessageRequest } from "./types";

/** Everything both endpoints check, in the API's order: schema, model, then semantics. */
function acceptedRequest(
  context: RequestContext,
  schemaName: string,
): { request: MessageRequest; model: ModelInfo } {
  const request = validBody(context.request, schemaName) as MessageRequest;
  const model = resolveModel(request.model);
  if (!model) throw notFound(`model: ${request.model}`);
  checkParameters(request, model, context.apiVersion);
  checkConversation(request, context.apiVersion);
  const inputTokens = totalInputTokens(promptSegments(request));
  if (inputTokens > model.max_input_tokens) {
    throw invalidRequest(
      `prompt is too long: ${inputTokens} tokens > ${model.max_input_tokens} maximum`,
    );
  }
  return { request, model };
}

/** The SDK sends beta features to `?beta=true`, whose body schema is the Beta one. */
const schemaFor = (context: RequestContext, name: string): string =>
  context.request.query.beta === "true" ? `Beta${name}` : name;

export function createMessage(context: RequestContext): HandlerResult {
  const { request, model } = acceptedRequest(context, schemaFor(context, "CreateMessageParams"));
  const message = buildMessage(request, model, context.cache, requestSeed(request));
  if (request.stream) return { kind: "sse", events: messageEvents(message) };
  return { kind: "json", body: message };
}

export function countTokens(context: RequestContext): HandlerResult {
  const { request } = acceptedRequest(context, schemaFor(context, "CountMessageTokensParams"));
  return { kind: "json", body: { input_tokens: totalInputTokens(promptSegments(request)) } };
}
