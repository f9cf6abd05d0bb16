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
    },
  ],
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: {
    input_tokens: 42,
    output_tokens: 21,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    service_tier: "standard",
  },
};

export const exampleModel = {
  type: "model" as const,
  id: "claude-sonnet-4-6",
  display_name: "Claude Sonnet 4.6",
  created_at: "2026-02-17T00:00:00Z",
};

export const exampleModelPage = {
  data: [
    exampleModel,
    {
      type: "model" as const,
      id: "claude-haiku-4-5-20251001",
      display_name: "Claude Haiku 4.5",
      created_at: "2025-10-01T00:00:00Z",
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
