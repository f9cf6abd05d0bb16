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
    /^Timeout \(ms\): must be a whole number of at least 1/,
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

describe("bad input is refused before any request", () => {
  it.each(connectionCases)("connection: %s", async (_name, action, params, message) => {
    const error = await failureOf(runAction(action, params()));
    expect(error.message).toMatch(message);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(sim().requests).toHaveLength(0);
  });

  it.each(inputCases)("input: %s", async (_name, action, params, message) => {
    const error = await failureOf(runAction(action, params()));
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});
