import { Readable } from "node:stream";
import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { isAxiosError } from "axios";

/** What every API failure carries, whichever class it is raised as. */
export interface ApiFailureDetails {
  /** HTTP status, absent when no response arrived. */
  status?: number;
  /** Anthropic error type (`rate_limit_error`, ...) or `connection_error` / `timeout_error`. */
  type: string;
  requestId?: string;
}

/** An API or transport failure. Holds no request config, so no key can travel with it. */
export class AnthropicApiError extends Error implements ApiFailureDetails {
  readonly status?: number;
  readonly type: string;
  readonly requestId?: string;
  constructor(message: string, details: ApiFailureDetails) {
    super(message);
    this.name = "AnthropicApiError";
    this.status = details.status;
    this.type = details.type;
    this.requestId = details.requestId;
  }
}

/**
 * ConnectionError keeps the connection it names, and the platform may log or
 * show it, so it gets a copy without the key or the gateway headers.
 */
export const withoutSecrets = (connection: Connection): Connection => {
  const { apiKey: _key, extraHeaders: _headers, ...fields } = connection.fields ?? {};
  return { ...connection, fields: { ...fields, apiKey: "[redacted]" } };
};

/** A bad connection field, marking the connection. */
export const connectionFailure = (connection: Connection, message: string): ConnectionError =>
  new ConnectionError(withoutSecrets(connection), message);

/** 401 and 403 also mark the connection, so the platform asks for a new key. */
export class AnthropicAuthError extends ConnectionError implements ApiFailureDetails {
  readonly status?: number;
  readonly type: string;
  readonly requestId?: string;
  constructor(connection: Connection, message: string, details: ApiFailureDetails) {
    super(withoutSecrets(connection), message);
    this.name = "AnthropicAuthError";
    this.status = details.status;
    this.type = details.type;
    this.requestId = details.requestId;
  }
}

export const isApiFailure = (error: unknown): error is AnthropicApiError | AnthropicAuthError =>
  error instanceof AnthropicApiError || error instanceof AnthropicAuthError;

/** Anthropic's error envelope: `{ "type": "error", "error": { "type", "message" }, "request_id" }`. */
interface AnthropicErrorEnvelope {
  type: "error";
  error: { type: string; message: string; details?: unknown };
  request_id?: string;
}

const MAX_BODY_TEXT = 300;

const bodyText = async (data: unknown): Promise<string> => {
  if (data === undefined || data === null) return "";
  if (data instanceof Readable) {
    const chunks: Buffer[] = [];
    for await (const chunk of data) chunks.push(Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  }
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString("utf8");
  return typeof data === "string" ? data : JSON.stringify(data);
};

const parseJsonText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Only an answer in this exact shape is the API's own; anything else came from a gateway or proxy. */
export const asAnthropicEnvelope = (value: unknown): AnthropicErrorEnvelope | undefined => {
  if (!value || typeof value !== "object") return undefined;
  const { type, error } = value as { type?: unknown; error?: unknown };
  if (type !== "error" || !error || typeof error !== "object") return undefined;
  const inner = error as { type?: unknown; message?: unknown };
  return typeof inner.type === "string" && typeof inner.message === "string"
    ? (value as AnthropicErrorEnvelope)
    : undefined;
};

/** The gist of a body that is not the API's: HTML reduced to its words, whitespace folded. */
const gistOf = (text: string): string =>
  text
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

const headerValue = (headers: unknown, name: string): string | undefined => {
  if (!headers || typeof headers !== "object") return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" && value ? value : undefined;
};

export interface FailureContext {
  connection: Connection;
  apiKey: string;
  /** The Base URL's host, named when an answer did not come from the API's error format. */
  host: string;
  method: string;
  path: string;
  timeoutMs: number;
}

/** The key must never leave in a message, even if a gateway echoed it back. */
export const redactSecret = (text: string, secret: string): string =>
  secret ? text.split(secret).join("[redacted]") : text;

/**
 * A 403 is usually about one resource (a file, a batch in another workspace); only
 * one that says the key or its account is refused as a whole means a bad connection.
 */
const KEY_LEVEL_REFUSAL =
  /\b(api[ -]?key|key|credentials?|organi[sz]ation|account)\b[^.]*\b(disabled|revoked|suspended|deactivated|expired|invalid|blocked|not (allowed|permitted|authori[sz]ed))\b/i;

const marksConnection = (status: number, apiMessage: string): boolean =>
  status === 401 || (status === 403 && KEY_LEVEL_REFUSAL.test(apiMessage));

/**
 * Turns whatever a request threw into one clear error. Axios errors are never
 * passed on: their config holds the API key in its headers.
 */
export const toAnthropicError = async (error: unknown, context: FailureContext): Promise<Error> => {
  if (!isAxiosError(error)) return error instanceof Error ? error : new Error(String(error));
  const where = `${context.method.toUpperCase()} ${context.path}`;
  const response = error.response;
  if (!response) {
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
    const message = timedOut
      ? `Anthropic API request timed out after ${context.timeoutMs} ms (${where}). Raise the step's Timeout, or turn on streaming for long answers.`
      : `Anthropic API request failed before a response arrived (${where}): ${error.code ?? "network error"}. Check the connection's Base URL and the network.`;
    return new AnthropicApiError(redactSecret(message, context.apiKey), {
      type: timedOut ? "timeout_error" : "connection_error",
    });
  }
  const text = await bodyText(response.data).catch(() => "");
  const parsed = parseJsonText(text);
  const envelope = asAnthropicEnvelope(parsed);
  const requestId =
    headerValue(response.headers, "request-id") ??
    envelope?.request_id ??
    (typeof (parsed as { request_id?: unknown } | undefined)?.request_id === "string"
      ? (parsed as { request_id: string }).request_id
      : undefined);
  const idText = requestId ? ` (request-id ${requestId})` : "";
  let type: string;
  let apiMessage: string;
  let message: string;
  if (envelope) {
    type = envelope.error.type;
    apiMessage = envelope.error.message;
    message = `Anthropic API ${response.status} ${type}: ${apiMessage}${idText}`;
  } else {
    // A gateway's or proxy's own answer: saying "Anthropic API" would send the user looking for an outage.
    type = "http_error";
    apiMessage = gistOf(text).slice(0, MAX_BODY_TEXT) || response.statusText || "no body";
    message = `HTTP ${response.status} from ${context.host} (${where}), not in the Anthropic API's error format, so a gateway or proxy in front of the API probably answered: ${apiMessage}${idText}`;
  }
  message = redactSecret(message, context.apiKey);
  const details = { status: response.status, type, requestId };
  if (marksConnection(response.status, apiMessage)) {
    return new AnthropicAuthError(context.connection, message, details);
  }
  return new AnthropicApiError(message, details);
};
