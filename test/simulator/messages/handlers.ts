import type { ApiVersion } from "../auth";
import { validBody } from "../body";
import { invalidRequest, notFound } from "../errors";
import { type ModelInfo, resolveModel } from "../models/fixtures";
import type { HandlerResult, RequestContext } from "../router";
import type { PromptCache } from "./cache";
import { checkConversation } from "./conversation";
import { checkMcpBeta, checkMcpServers } from "./mcp";
import { buildMessage, requestSeed } from "./message";
import { checkParameters } from "./parameters";
import { messageEvents } from "./stream";
import { promptSegments, totalInputTokens } from "./tokens";
import type { Message, MessageRequest } from "./types";

/** What the API checks once the body matches the schema: the model, then the semantics. */
function checkedModel(request: MessageRequest, apiVersion: ApiVersion): ModelInfo {
  const model = resolveModel(request.model);
  if (!model) throw notFound(`model: ${request.model}`);
  checkParameters(request, model, apiVersion);
  checkMcpServers(request);
  checkConversation(request, apiVersion);
  const inputTokens = totalInputTokens(promptSegments(request));
  if (inputTokens > model.max_input_tokens) {
    throw invalidRequest(
      `prompt is too long: ${inputTokens} tokens > ${model.max_input_tokens} maximum`,
    );
  }
  return model;
}

/** Everything both endpoints check, in the API's order: schema, model, then semantics. */
function acceptedRequest(
  context: RequestContext,
  schemaName: string,
): { request: MessageRequest; model: ModelInfo } {
  // the MCP connector's beta header decides whether `mcp_servers` exists at all
  checkMcpBeta(context.request.body, context.betas);
  const request = validBody(context.request, schemaName) as MessageRequest;
  return { request, model: checkedModel(request, context.apiVersion) };
}

/**
 * The Message the API would answer to a request already valid against CreateMessageParams
 * (a batch request's `params`); throws the ApiError the API would answer instead. `seed` makes
 * ids unique per batch request while staying deterministic.
 */
export function messageFor(
  request: MessageRequest,
  apiVersion: ApiVersion,
  cache: PromptCache,
  seed: string,
): Message {
  const model = checkedModel(request, apiVersion);
  return buildMessage(request, model, cache, `${seed}:${requestSeed(request)}`);
}

/**
 * Beta requests are validated against the Beta schemas and answered as BetaMessages. Older SDKs
 * (and the connector) mark them with `?beta=true`; SDK 1.12's beta client sends only the
 * `anthropic-beta` header, which is what the API itself goes by.
 */
const isBeta = (context: RequestContext): boolean =>
  context.request.query.beta === "true" || context.betas.length > 0;
const schemaFor = (context: RequestContext, name: string): string =>
  isBeta(context) ? `Beta${name}` : name;

export function createMessage(context: RequestContext): HandlerResult {
  const { request, model } = acceptedRequest(context, schemaFor(context, "CreateMessageParams"));
  const message = buildMessage(request, model, context.cache, requestSeed(request), {
    beta: isBeta(context),
  });
  if (request.stream) return { kind: "sse", events: messageEvents(message) };
  return { kind: "json", body: message };
}

export function countTokens(context: RequestContext): HandlerResult {
  const { request } = acceptedRequest(context, schemaFor(context, "CountMessageTokensParams"));
  return { kind: "json", body: { input_tokens: totalInputTokens(promptSegments(request)) } };
}
