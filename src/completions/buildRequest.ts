import { AI_PROMPT, HUMAN_PROMPT } from "../defaults";
import { withoutUndefined } from "../util/withoutUndefined";

export interface CompletionValues {
  model: string;
  prompt: string;
  maxTokensToSample: number;
  stopSequences?: string[];
  temperature?: number;
  topP?: number;
  topK?: number;
  metadataUserId?: string;
}

export interface CompletionBody {
  model: string;
  prompt: string;
  max_tokens_to_sample: number;
  stop_sequences?: string[];
  temperature?: number;
  top_p?: number;
  top_k?: number;
  metadata?: { user_id: string };
  stream?: boolean;
}

/**
 * The API takes only prompts in its turn format. A plain question is wrapped as one Human turn
 * answered by the Assistant; a prompt already in that format is sent as written, its
 * Assistant turn added when it has none.
 */
export const toCompletionPrompt = (prompt: string): string => {
  if (!prompt.startsWith(HUMAN_PROMPT)) return `${HUMAN_PROMPT} ${prompt}${AI_PROMPT}`;
  return prompt.includes(AI_PROMPT) ? prompt : `${prompt}${AI_PROMPT}`;
};

export const buildCompletionBody = (values: CompletionValues): CompletionBody =>
  withoutUndefined({
    model: values.model,
    prompt: toCompletionPrompt(values.prompt),
    max_tokens_to_sample: values.maxTokensToSample,
    stop_sequences: values.stopSequences,
    temperature: values.temperature,
    top_p: values.topP,
    top_k: values.topK,
    metadata: values.metadataUserId ? { user_id: values.metadataUserId } : undefined,
  });
