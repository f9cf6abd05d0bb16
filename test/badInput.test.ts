import { ConnectionError } from "@prismatic-io/spectral";
import { failureOf, runAction, useSimulator } from "./support/harness";

const { sim, connection } = useSimulator();

type Case = [string, string, () => Record<string, unknown>, RegExp];

const chat = (params: Record<string, unknown>) => () => ({
  connection: connection(),
  initialMessage: "hi",
  ...params,
});
const withConnection = (fields: Record<string, unknown>) => () => ({
  connection: connection(fields),
  initialMessage: "hi",
});
const raw = (params: Record<string, unknown>) => () => ({
  connection: connection(),
  method: "GET",
  url: "/models",
  ...params,
});

const connectionCases: Case[] = [
  ["empty apiKey", "chat", withConnection({ apiKey: "" }), /^API Key: is required/],
  [
    "baseUrl not a URL",
    "chat",
    withConnection({ baseUrl: "api.anthropic.com" }),
    /^Base URL: "api.anthropic.com" is not a URL/,
  ],
  [
    "baseUrl not http(s)",
    "chat",
    withConnection({ baseUrl: "ftp://api.anthropic.com" }),
    /^Base URL: must start with https:\/\//,
  ],
  [
    "plain http to a remote host",
    "chat",
    withConnection({ baseUrl: "http://api.anthropic.com" }),
    /^Base URL: plain http is only allowed for localhost/,
  ],
  [
    "baseUrl with credentials",
    "chat",
    withConnection({ baseUrl: "https://user:pw@api.anthropic.com" }),
    /^Base URL: must not contain credentials/,
  ],
  [
    "extraHeaders with CR/LF",
    "chat",
    withConnection({
      extraHeaders: [{ key: "x-portkey-provider", value: "anthropic\r\nx-evil: 1" }],
    }),
    /^Extra Headers: the value of x-portkey-provider must not contain line breaks/,
  ],
  [
    "extraHeaders overriding x-api-key",
    "chat",
    withConnection({ extraHeaders: [{ key: "X-Api-Key", value: "other" }] }),
    /^Extra Headers: X-Api-Key is set by the connection itself/,
  ],
  [
    "extraHeaders overriding Authorization",
    "chat",
    withConnection({ extraHeaders: [{ key: "authorization", value: "Bearer x" }] }),
    /^Extra Headers: authorization is set by the connection itself/,
  ],
  [
    "extraHeaders overriding anthropic-version",
    "chat",
    withConnection({ extraHeaders: [{ key: "anthropic-version", value: "2020-01-01" }] }),
    /^Extra Headers: anthropic-version is set by the connection itself/,
  ],
  [
    "extraHeaders with a bad name",
    "chat",
    withConnection({ extraHeaders: [{ key: "bad header", value: "1" }] }),
    /^Extra Headers: "bad header" is not a valid header name/,
  ],
  [
    "unknown apiVersion",
    "chat",
    withConnection({ apiVersion: "2024-01-01" }),
    /^API Version: must be one of 2023-06-01, 2026-10-21; got "2024-01-01"/,
  ],
  [
    "unknown authStyle",
    "chat",
    withConnection({ authStyle: "basic" }),
    /^Authentication Style: must be one of x-api-key, bearer/,
  ],
];

const inputCases: Case[] = [
  ["empty model", "chat", chat({ model: "" }), /^Model: is required/],
  [
    "model with spaces",
    "getModel",
    () => ({ connection: connection(), model: "claude sonnet" }),
    /^Model: "claude sonnet" is not a model id/,
  ],
  [
    "model ..",
    "getModel",
    () => ({ connection: connection(), model: ".." }),
    /^Model: "\.\." is not a model id/,
  ],
  ["empty message", "chat", chat({ initialMessage: "" }), /^Message: is required/],
  [
    "empty count-tokens message",
    "countTokens",
    () => ({ connection: connection(), message: "  " }),
    /^Message: is required/,
  ],
  [
    "maxTokens zero",
    "chat",
    chat({ maxTokens: "0" }),
    /^Max Tokens: must be a whole number of at least 1; got "0"/,
  ],
  [
    "maxTokens fractional",
    "chat",
    chat({ maxTokens: "10.5" }),
    /^Max Tokens: must be a whole number of at least 1; got "10.5"/,
  ],
  [
    "maxTokens not a number",
    "chat",
    chat({ maxTokens: "lots" }),
    /^Max Tokens: must be a whole number of at least 1; got "lots"/,
  ],
  [
    "temperature above 1",
    "chat",
    chat({ temperature: "1.5" }),
    /^Temperature: must be a number from 0 to 1; got "1.5"/,
  ],
  [
    "temperature not a number",
    "chat",
    chat({ temperature: "warm" }),
    /^Temperature: must be a number from 0 to 1; got "warm"/,
  ],
  [
    "timeout not positive",
    "chat",
    chat({ timeout: "-5" }),
    /^Timeout \(ms\): must be a whole number from 1 to 2147483647/,
  ],
  [
    "maxRetries too many",
    "chat",
    chat({ maxRetries: "50" }),
    /^Max Retry Count: must be a whole number from 0 to 10/,
  ],
  [
    "limit 0",
    "listModels",
    () => ({ connection: connection(), limit: "0" }),
    /^Limit: must be a whole number from 1 to 1000; got "0"/,
  ],
  [
    "limit 1001",
    "listModels",
    () => ({ connection: connection(), limit: "1001" }),
    /^Limit: must be a whole number from 1 to 1000; got "1001"/,
  ],
  [
    "fetchAll not boolean",
    "listModels",
    () => ({ connection: connection(), fetchAll: "yes" }),
    /^Fetch All: must be true or false/,
  ],
  [
    "raw data with form data",
    "rawRequest",
    raw({ method: "POST", data: '{"a":1}', formData: [{ key: "purpose", value: "x" }] }),
    /^Data: cannot be combined with Form Data or File Data/,
  ],
  [
    "raw data with file data",
    "rawRequest",
    raw({
      method: "POST",
      data: '{"a":1}',
      fileData: [{ key: "file", value: { data: Buffer.from("x"), contentType: "text/plain" } }],
    }),
    /^Data: cannot be combined/,
  ],
  [
    "raw data not JSON",
    "rawRequest",
    raw({ method: "POST", data: "{oops" }),
    /^Data: must be valid JSON/,
  ],
  [
    "raw request to another host",
    "rawRequest",
    raw({ url: "https://evil.example.com/v1/models" }),
    /^URL: "https:\/\/evil.example.com\/v1\/models" points to evil.example.com/,
  ],
  [
    "raw protocol-relative URL",
    "rawRequest",
    raw({ url: "//evil.example.com/v1/models" }),
    /^URL: .* points to evil.example.com/,
  ],
  [
    "raw dot segments",
    "rawRequest",
    raw({ url: "/models/../../admin" }),
    /^URL: .* contains \. or \.\. segments/,
  ],
  [
    "raw unknown method",
    "rawRequest",
    raw({ method: "TRACE" }),
    /^Method: must be one of GET, POST/,
  ],
  [
    "raw header overriding auth",
    "rawRequest",
    raw({ headers: [{ key: "x-api-key", value: "other" }] }),
    /^Header: x-api-key is set by the connection/,
  ],
  [
    "raw header with CR/LF",
    "rawRequest",
    raw({ headers: [{ key: "x-note", value: "a\nb" }] }),
    /^Header: x-note must not contain line breaks/,
  ],
  [
    "raw response type document",
    "rawRequest",
    raw({ responseType: "document" }),
    /^Response Type: must be one of json, text, arraybuffer/,
  ],
];

const tool = {
  name: "lookup_order",
  input_schema: { type: "object", properties: { id: { type: "string" } } },
};
const toolUseReply = {
  role: "assistant",
  content: [{ type: "tool_use", id: "toolu_1", name: "lookup_order", input: { id: "7" } }],
};

/** Chat's Messages API inputs: each refusal names the input and what it accepts. */
const messagesApiCases: Case[] = [
  [
    "messages not an array",
    "chat",
    chat({ messages: '{"role": "user"}' }),
    /^Messages: must be a JSON array/,
  ],
  ["messages not JSON", "chat", chat({ messages: "[oops" }), /^Messages: must be valid JSON/],
  [
    "a system role in messages",
    "chat",
    chat({ messages: [{ role: "system", content: "x" }] }),
    /^Messages: turn 0 has role "system"; use user or assistant/,
  ],
  [
    "a turn without content",
    "chat",
    chat({ messages: [{ role: "user", content: "" }] }),
    /^Messages: turn 0 needs content/,
  ],
  [
    "first turn not the user's",
    "chat",
    chat({ messages: [{ role: "assistant", content: "Hi" }], initialMessage: "" }),
    /^Messages: the first turn must be the user's/,
  ],
  [
    "tool_result without tool_use in messages",
    "chat",
    chat({
      messages: [
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_x", content: "1" }] },
      ],
    }),
    /^Messages: tool_result for tool_use_id "toolu_x" has no matching tool_use/,
  ],
  [
    "tool results answering no tool call",
    "chat",
    chat({
      messages: [
        { role: "user", content: "q" },
        { role: "assistant", content: "a" },
      ],
      toolResults: [{ tool_use_id: "toolu_1", content: "x" }],
    }),
    /^Tool Results: tool_result for tool_use_id "toolu_1" has no matching tool_use/,
  ],
  [
    "tool results with the wrong id",
    "chat",
    chat({
      messages: [{ role: "user", content: "q" }],
      previousResponse: toolUseReply,
      toolResults: [{ tool_use_id: "toolu_2", content: "x" }],
    }),
    /^Tool Results: tool_result for tool_use_id "toolu_2"/,
  ],
  [
    "tool result without an id",
    "chat",
    chat({
      messages: [{ role: "user", content: "q" }],
      previousResponse: toolUseReply,
      toolResults: [{ content: "x" }],
    }),
    /^Tool Results: item 0 needs a tool_use_id/,
  ],
  [
    "previous response not a Message",
    "chat",
    chat({ previousResponse: '{"text": "hi"}' }),
    /^Previous Response: must be the result of an earlier Chat step/,
  ],
  [
    "messages beside a carried conversation",
    "chat",
    chat({
      messages: [{ role: "user", content: "q" }],
      previousResponse: {
        ...toolUseReply,
        conversation: [{ role: "user", content: "q" }, toolUseReply],
      },
    }),
    /^Messages: leave it empty: Previous Response already carries the conversation/,
  ],
  [
    "an unsupported file",
    "chat",
    chat({ files: [{ data: Buffer.from("PK\u0003\u0004"), contentType: "application/zip" }] }),
    /^Files: #1 is application\/zip; accepted: JPEG, PNG, GIF or WebP images, PDF, or plain text\./,
  ],
  ["an http file URL", "chat", chat({ fileUrls: ["http://example.com/a.pdf"] }), /^File URLs: /],
  [
    "a file URL of another type",
    "chat",
    chat({ fileUrls: ["https://example.com/a.docx"] }),
    /^File URLs: /,
  ],
  ["a malformed file id", "chat", chat({ fileIds: ["doc_123"] }), /^File IDs: /],
  [
    "top_p above 1",
    "chat",
    chat({ topP: "1.5" }),
    /^Top P: must be a number from 0 to 1; got "1.5"/,
  ],
  [
    "top_k fractional",
    "chat",
    chat({ topK: "2.5" }),
    /^Top K: must be a whole number of at least 0; got "2.5"/,
  ],
  [
    "unknown service tier",
    "chat",
    chat({ serviceTier: "priority" }),
    /^Service Tier: must be one of auto, standard_only; got "priority"/,
  ],
  [
    "metadata user id too long",
    "chat",
    chat({ metadataUserId: "x".repeat(513) }),
    /^Metadata User ID: must be at most 512 characters/,
  ],
  ["tools not an array", "chat", chat({ tools: '{"name": "x"}' }), /^Tools: must be a JSON array/],
  [
    "a tool name with spaces",
    "chat",
    chat({ tools: [{ ...tool, name: "look up" }] }),
    /^Tools: item 0 has name "look up"; names are 1 to 128 letters, digits, _ or -/,
  ],
  [
    "a custom tool without input_schema",
    "chat",
    chat({ tools: [{ name: "x" }] }),
    /^Tools: "x" needs an input_schema that is a JSON Schema object/,
  ],
  [
    "two tools with one name",
    "chat",
    chat({ tools: [tool, tool] }),
    /^Tools: two tools are named "lookup_order"/,
  ],
  [
    "tool choice naming no tool",
    "chat",
    chat({ tools: [tool], toolChoice: "refund" }),
    /^Tool Choice: "refund" is not one of the tools \(lookup_order\); or use auto, any or none/,
  ],
  ["tool choice without tools", "chat", chat({ toolChoice: "any" }), /^Tool Choice: needs Tools/],
  [
    "thinking without a budget",
    "chat",
    chat({ thinking: "enabled" }),
    /^Thinking Budget Tokens: is required with Extended Thinking enabled/,
  ],
  [
    "a thinking budget below 1024",
    "chat",
    chat({ thinking: "enabled", budgetTokens: "500" }),
    /^Thinking Budget Tokens: must be a whole number of at least 1024; got "500"/,
  ],
  [
    "a thinking budget at max tokens",
    "chat",
    chat({ thinking: "enabled", budgetTokens: "2048", maxTokens: "2048" }),
    /^Thinking Budget Tokens: must be below Max Tokens \(2048\)/,
  ],
  [
    "a budget with thinking off",
    "chat",
    chat({ budgetTokens: "2048" }),
    /^Thinking Budget Tokens: only applies with Extended Thinking enabled/,
  ],
  [
    "thinking with temperature",
    "chat",
    chat({ thinking: "adaptive", temperature: "0.5" }),
    /^Temperature: cannot be combined with Extended Thinking/,
  ],
  [
    "thinking with a forced tool",
    "chat",
    chat({ thinking: "adaptive", tools: [tool], toolChoice: "any" }),
    /^Tool Choice: "any" forces a tool, which the API does not allow with Extended Thinking/,
  ],
  [
    "an unknown thinking mode",
    "chat",
    chat({ thinking: "deep" }),
    /^Extended Thinking: must be one of off, enabled, adaptive/,
  ],
  [
    "an unknown effort",
    "chat",
    chat({ effort: "extreme" }),
    /^Effort: must be one of low, medium, high, xhigh, max/,
  ],
  [
    "an unknown cache duration",
    "chat",
    chat({ cache: "1d" }),
    /^Prompt Caching: must be one of off, 5m, 1h/,
  ],
  [
    "a forced-tool schema with tool choice",
    "chat",
    chat({
      model: "claude-3-haiku-20240307",
      outputSchema: { type: "object" },
      tools: [tool],
      toolChoice: "auto",
    }),
    /^Output Schema: on claude-3-haiku-20240307 is answered through a forced tool/,
  ],
  [
    "temperature on a model that chooses its own sampling",
    "chat",
    chat({ model: "claude-opus-4-7", temperature: "0.2" }),
    /^Temperature: claude-opus-4-7 chooses its own sampling and does not accept temperature; leave it empty\./,
  ],
  [
    "top_p on the Claude 5 family",
    "chat",
    chat({ model: "claude-sonnet-5", topP: "0.9" }),
    /^Top P: claude-sonnet-5 chooses its own sampling and does not accept top_p/,
  ],
  [
    "a document in Claude's turn under 2026-10-21",
    "chat",
    () => ({
      connection: connection({ apiVersion: "2026-10-21" }),
      messages: [
        { role: "user", content: "q" },
        {
          role: "assistant",
          content: [
            { type: "document", source: { type: "text", media_type: "text/plain", data: "x" } },
          ],
        },
      ],
      initialMessage: "and?",
    }),
    /^Messages: turn 1 is Claude's and holds a document block, which API version 2026-10-21 does not accept/,
  ],
  [
    "cited user text under 2026-10-21",
    "countTokens",
    () => ({
      connection: connection({ apiVersion: "2026-10-21" }),
      messages: [
        {
          role: "user",
          content: [
            {
              type: "text",
              text: "q",
              citations: [
                {
                  type: "char_location",
                  cited_text: "x",
                  document_index: 0,
                  start_char_index: 0,
                  end_char_index: 1,
                },
              ],
            },
          ],
        },
      ],
    }),
    /^Messages: turn 0 is the user's and has text with citations, which API version 2026-10-21 does not accept/,
  ],
  ["stream not a boolean", "chat", chat({ stream: "sometimes" }), /^Stream: must be true or false/],
  [
    "count tokens with a broken conversation",
    "countTokens",
    () => ({ connection: connection(), messages: [{ role: "assistant", content: "x" }] }),
    /^Messages: the first turn must be the user's/,
  ],
];

describe("bad input is refused before any request", () => {
  it.each(connectionCases)("connection: %s", async (_name, action, params, message) => {
    const error = await failureOf(runAction(action, params()));
    expect(error.message).toMatch(message);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sim().requests).toHaveLength(0);
  });

  it.each([...inputCases, ...messagesApiCases])(
    "input: %s",
    async (_name, action, params, message) => {
      const error = await failureOf(runAction(action, params()));
      expect(error.message).toMatch(message);
      expect(sim().requests).toHaveLength(0);
    },
  );
});
