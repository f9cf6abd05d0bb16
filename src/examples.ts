/** Realistic results shown in the designer before a step has run. */
export const exampleMessage = {
  id: "msg_01XFDUDYJgAACzvnptvVoYEL",
  type: "message" as const,
  role: "assistant" as const,
  model: "claude-sonnet-4-6",
  content: [
    {
      type: "text" as const,
      text: "The customer cannot log in after the password reset and asks for a callback today.",
      citations: null,
    },
  ],
  stop_reason: "end_turn",
  stop_sequence: null,
  stop_details: null,
  usage: {
    input_tokens: 42,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    output_tokens: 21,
    service_tier: "standard",
    inference_geo: "global",
    server_tool_use: null,
  },
  container: null,
};

const supported = { supported: true };
const unsupported = { supported: false };

/** What GET /v1/models/{id} answers: the id, and what the model can do and take. */
export const exampleModel = {
  type: "model" as const,
  id: "claude-sonnet-4-6",
  display_name: "Claude Sonnet 4.6",
  created_at: "2026-02-17T00:00:00Z",
  capabilities: {
    batch: supported,
    citations: supported,
    code_execution: supported,
    context_management: {
      clear_thinking_20251015: supported,
      clear_tool_uses_20250919: supported,
      compact_20260112: supported,
      supported: true,
    },
    effort: {
      high: supported,
      low: supported,
      max: supported,
      medium: supported,
      supported: true,
      xhigh: supported,
    },
    image_input: supported,
    pdf_input: supported,
    structured_outputs: supported,
    thinking: { supported: true, types: { adaptive: supported, enabled: supported } },
  },
  max_input_tokens: 1_000_000,
  max_tokens: 64_000,
};

export const exampleModelPage = {
  data: [
    exampleModel,
    {
      type: "model" as const,
      id: "claude-haiku-4-5-20251001",
      display_name: "Claude Haiku 4.5",
      created_at: "2025-10-15T00:00:00Z",
      capabilities: {
        ...exampleModel.capabilities,
        context_management: {
          ...exampleModel.capabilities.context_management,
          compact_20260112: unsupported,
        },
        effort: { ...exampleModel.capabilities.effort, max: unsupported, xhigh: unsupported },
        thinking: { supported: true, types: { adaptive: unsupported, enabled: supported } },
      },
      max_input_tokens: 200_000,
      max_tokens: 64_000,
    },
  ],
  has_more: true,
  first_id: "claude-sonnet-4-6",
  last_id: "claude-haiku-4-5-20251001",
};

export const exampleChatResult = {
  ...exampleMessage,
  text: exampleMessage.content[0].text,
  toolUses: [],
  conversation: [
    { role: "user" as const, content: "Summarize this support ticket in two sentences." },
    { role: "assistant" as const, content: exampleMessage.content },
  ],
};

export const exampleBatch = {
  id: "msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d",
  type: "message_batch" as const,
  processing_status: "ended" as const,
  request_counts: { processing: 0, succeeded: 998, errored: 2, canceled: 0, expired: 0 },
  created_at: "2026-12-03T09:00:00.000Z",
  ended_at: "2026-12-03T09:41:17.000Z",
  expires_at: "2026-12-04T09:00:00.000Z",
  archived_at: null,
  cancel_initiated_at: null,
  results_url:
    "https://api.anthropic.com/v1/messages/batches/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/results",
};

/** A batch just created: still processing, no results yet. */
export const exampleNewBatch = {
  ...exampleBatch,
  processing_status: "in_progress" as const,
  request_counts: { processing: 1000, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
  ended_at: null,
  results_url: null,
};

export const exampleBatchPage = {
  data: [exampleBatch],
  has_more: false,
  first_id: exampleBatch.id,
  last_id: exampleBatch.id,
};

export const exampleBatchResults = {
  results: [
    {
      custom_id: "prompt-1",
      result: { type: "succeeded", message: exampleMessage },
    },
    {
      custom_id: "prompt-2",
      result: {
        type: "errored",
        error: {
          type: "error",
          error: { type: "invalid_request_error", message: "max_tokens: Field required" },
          request_id: "req_011CSHoEeqs5C35K2UUqR7Fy",
        },
      },
    },
  ],
  counts: { succeeded: 998, errored: 2, canceled: 0, expired: 0 },
  total: 1000,
  matched: 1000,
  offset: 0,
  limit: 100,
  nextOffset: 100,
};

export const exampleFile = {
  id: "file_011CNha8iCJcU1wXNR6q4V8w",
  type: "file" as const,
  filename: "annual-report.pdf",
  mime_type: "application/pdf",
  size_bytes: 1_048_576,
  created_at: "2026-12-03T09:00:00.000Z",
  downloadable: false,
  expires_at: null,
};

export const exampleFilePage = { data: [exampleFile], next_page: null };

export const exampleCompletion = {
  type: "completion" as const,
  id: "compl_018CKm6gsux7P8yMcwZbeCPw",
  completion: " The customer cannot log in after the password reset and asks for a callback today.",
  stop_reason: "stop_sequence",
  model: "claude-2.1",
  stop: "\n\nHuman:",
};

export const exampleAgentResult = {
  text: "Ada Lovelace is on the Pro plan; I opened ticket T-1042 about her login problem.",
  stopReason: "end_turn",
  turns: 3,
  toolCalls: [
    {
      tool: "Look_up_customer",
      flow: "Look up customer",
      input: { email: "ada@example.com" },
      result: '{"name":"Ada Lovelace","plan":"pro"}',
      durationMs: 412,
      turn: 1,
    },
    {
      tool: "Open_ticket",
      flow: "Open ticket",
      input: { email: "ada@example.com", subject: "Cannot log in" },
      result: '{"ticket":"T-1042"}',
      durationMs: 655,
      turn: 2,
    },
  ],
  usage: {
    input_tokens: 1840,
    output_tokens: 212,
    cache_creation_input_tokens: 1024,
    cache_read_input_tokens: 2048,
    server_tool_use: {},
  },
  conversation: [
    { role: "user" as const, content: "Is ada@example.com on the Pro plan? If so, open a ticket." },
    {
      role: "assistant" as const,
      content: [
        {
          type: "text" as const,
          text: "Ada Lovelace is on the Pro plan; I opened ticket T-1042 about her login problem.",
        },
      ],
    },
  ],
};

/** A trigger's example payload: what the trigger itself fills in, over the platform's own fields. */
export const examplePayloadOf = <
  T extends { headers: Record<string, string>; rawBody: unknown; body: unknown },
>(
  own: T,
) => ({
  queryParameters: {},
  pathFragment: "",
  webhookUrls: {},
  webhookApiKeys: {},
  invokeUrl: "",
  executionId: "",
  customer: { id: "", name: "", externalId: "" },
  instance: { id: "", name: "" },
  user: { id: "", name: "", email: "", externalId: "" },
  integration: { id: "", name: "", versionSequenceId: "", externalVersion: "" },
  flow: { id: "", name: "", stableId: "" },
  startedAt: "",
  globalDebug: false,
  ...own,
});
