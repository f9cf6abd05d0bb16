import type { ApiVersion } from "../auth";
import { invalidRequest } from "../errors";
import { type ModelInfo, SAMPLING_RESTRICTED } from "../models/fixtures";
import type { MessageRequest } from "./types";

const SAMPLING = ["temperature", "top_p", "top_k"] as const;

/** Parameter rules beyond the schema: API version, model limits, thinking, tools. */
export function checkParameters(
  request: MessageRequest,
  model: ModelInfo,
  version: ApiVersion,
): void {
  checkSampling(request, model, version);
  checkMaxTokens(request, model);
  checkThinking(request, model);
  checkTools(request);
}

function checkSampling(request: MessageRequest, model: ModelInfo, version: ApiVersion): void {
  // the OpenAPI document predates 2026-10-21, which dropped the sampling parameters
  if (version === "2026-10-21") {
    for (const field of SAMPLING) {
      if (request[field] !== undefined) {
        throw invalidRequest(`${field}: Extra inputs are not permitted`);
      }
    }
  }
  if (SAMPLING_RESTRICTED.has(model.id)) {
    if (request.temperature !== undefined && request.temperature !== 1) {
      throw invalidRequest(
        `temperature: ${model.id} does not support \`temperature\`; only 1.0 is accepted`,
      );
    }
    if (request.top_p !== undefined && request.top_p < 0.99) {
      throw invalidRequest(
        `top_p: ${model.id} does not support \`top_p\`; only values >= 0.99 are accepted`,
      );
    }
    if (request.top_k !== undefined) {
      throw invalidRequest(`top_k: ${model.id} does not support \`top_k\``);
    }
  }
}

function checkMaxTokens(request: MessageRequest, model: ModelInfo): void {
  if (request.max_tokens !== undefined && request.max_tokens > model.max_tokens) {
    throw invalidRequest(
      `max_tokens: ${request.max_tokens} > ${model.max_tokens}, which is the maximum allowed number of output tokens for ${model.id}`,
    );
  }
}

function checkThinking(request: MessageRequest, model: ModelInfo): void {
  const thinking = request.thinking;
  if (!thinking || thinking.type === "disabled") return;
  if (!model.capabilities.thinking.supported) {
    throw invalidRequest(`thinking: extended thinking is not supported by ${model.id}`);
  }
  if (
    thinking.type === "enabled" &&
    request.max_tokens !== undefined &&
    request.max_tokens <= thinking.budget_tokens
  ) {
    throw invalidRequest("`max_tokens` must be greater than `thinking.budget_tokens`");
  }
  if (request.temperature !== undefined && request.temperature !== 1) {
    throw invalidRequest("`temperature` may only be set to 1 when thinking is enabled");
  }
  if (request.top_k !== undefined) {
    throw invalidRequest("`top_k` must be unset when thinking is enabled");
  }
  if (request.top_p !== undefined && request.top_p < 0.95) {
    throw invalidRequest("`top_p` must be unset or between 0.95 and 1 when thinking is enabled");
  }
  const forced = request.tool_choice?.type === "any" || request.tool_choice?.type === "tool";
  if (forced) {
    throw invalidRequest("Thinking may not be enabled when `tool_choice` forces tool use.");
  }
}

function checkTools(request: MessageRequest): void {
  const tools = request.tools ?? [];
  // an mcp_toolset has no name of its own (its tools are named by the server)
  const names = tools.flatMap((tool) => ("name" in tool ? [tool.name] : []));
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate !== undefined)
    throw invalidRequest(`tools: Tool names must be unique (${duplicate})`);
  const choice = request.tool_choice;
  if (!choice || choice.type === "auto" || choice.type === "none") return;
  if (tools.length === 0) {
    throw invalidRequest("tool_choice: may only be specified while providing tools");
  }
  if (choice.type === "tool" && !names.includes(choice.name)) {
    throw invalidRequest(`tool_choice.name: tool '${choice.name}' not found in \`tools\``);
  }
}
