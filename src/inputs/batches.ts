import { input } from "@prismatic-io/spectral";
import {
  BATCH_RESULT_TYPES,
  BATCH_RESULTS_LIMIT_DEFAULT,
  BATCH_RESULTS_LIMIT_MAX,
  type BatchResultType,
  MAX_BATCH_REQUESTS,
} from "../defaults";
import { formatCount } from "../util/formatCount";
import { attachmentInputs } from "./attachments";
import {
  budgetTokensInput,
  cacheInput,
  disableParallelToolUseInput,
  effortInput,
  metadataUserIdInput,
  outputSchemaInput,
  serviceTierInput,
  stopSequencesInput,
  thinkingInput,
  toolChoiceInput,
  toolsInput,
  topKInput,
  topPInput,
} from "./chatOptions";
import { InputError, jsonArray, optionalNumber, preview, valueList } from "./clean";
import { requiredIdOf } from "./ids";
import { maxTokensInput, systemPromptInput, temperatureInput } from "./messages";
import { limitInput } from "./pagination";
import { modelInput } from "./shared";

export const EXAMPLE_BATCH_ID = "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d";

export const batchIdInput = input({
  label: "Batch ID",
  type: "string",
  required: true,
  example: EXAMPLE_BATCH_ID,
  comments: "The id of the message batch, as Create Batch or List Batches returned it.",
  clean: requiredIdOf({
    label: "Batch ID",
    prefix: "msgbatch_",
    example: EXAMPLE_BATCH_ID,
    segment: true,
  }),
});

export const requestsInput = input({
  label: "Requests",
  type: "code",
  language: "json",
  required: false,
  example:
    '[{"custom_id": "ticket-1", "params": {"messages": [{"role": "user", "content": "Summarize: ..."}]}}, {"custom_id": "ticket-2", "params": {"model": "claude-haiku-4-5", "max_tokens": 512, "messages": [{"role": "user", "content": "Summarize: ..."}]}}]',
  comments: `One form of the batch: a JSON array of {custom_id, params}, up to ${formatCount(MAX_BATCH_REQUESTS)}. params are Messages API parameters; what an item leaves out comes from the inputs below (Model, Max Tokens, System Prompt, ...). custom_id: 1 to 64 letters, digits, _ or -, each used once. Leave empty when you give Prompts.`,
  clean: jsonArray("Requests"),
});

export const promptsInput = input({
  label: "Prompts",
  type: "text",
  collection: "valuelist",
  required: false,
  example: "Summarize this support ticket: ...",
  comments:
    "The other form of the batch: one request per prompt, each sent as the user's message with the inputs below; results carry custom ids prompt-1, prompt-2, ... in this order. Leave empty when you give Requests.",
  clean: valueList("Prompts", { trim: false }),
});

/** Chat's own definitions of everything a batch's requests share: defined once, used by both. */
export const sharedRequestInputs = {
  model: modelInput,
  systemPrompt: systemPromptInput,
  maxTokens: maxTokensInput,
  temperature: temperatureInput,
  ...attachmentInputs,
  tools: toolsInput,
  toolChoice: toolChoiceInput,
  disableParallelToolUse: disableParallelToolUseInput,
  thinking: thinkingInput,
  budgetTokens: budgetTokensInput,
  effort: effortInput,
  cache: cacheInput,
  outputSchema: outputSchemaInput,
  topP: topPInput,
  topK: topKInput,
  stopSequences: stopSequencesInput,
  metadataUserId: metadataUserIdInput,
  serviceTier: serviceTierInput,
};

export const resultTypesInput = input({
  label: "Result Types",
  type: "string",
  collection: "valuelist",
  required: false,
  example: "errored",
  comments: `Only results of these types: ${BATCH_RESULT_TYPES.join(", ")}. Empty: every type.`,
  clean: (value: unknown): BatchResultType[] =>
    valueList("Result Types", { trim: true })(value).map((type) => {
      if (!(BATCH_RESULT_TYPES as readonly string[]).includes(type)) {
        throw new InputError(
          "Result Types",
          `"${preview(type)}" is not a result type; use ${BATCH_RESULT_TYPES.join(", ")}.`,
        );
      }
      return type as BatchResultType;
    }),
});

export const customIdsInput = input({
  label: "Custom IDs",
  type: "string",
  collection: "valuelist",
  required: false,
  example: "prompt-1",
  comments: "Only the results of these requests, by their custom_id. Empty: every request.",
  clean: valueList("Custom IDs", { trim: true }),
});

export const offsetInput = input({
  label: "Offset",
  type: "string",
  required: false,
  default: "0",
  example: "100",
  comments:
    "How many matching results to skip: 0 for the first page, then the result's nextOffset.",
  clean: (value: unknown): number =>
    optionalNumber({ label: "Offset", min: 0, integer: true })(value) ?? 0,
});

export const resultsLimitInput = limitInput({
  max: BATCH_RESULTS_LIMIT_MAX,
  byDefault: BATCH_RESULTS_LIMIT_DEFAULT,
});
