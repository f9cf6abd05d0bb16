import { Readable } from "node:stream";
import { type Connection, ConnectionError } from "@prismatic-io/spectral";
import { isAxiosError } from "axios";
import { readAtMost } from "../util/readAtMost";

/** What every API failure carries, whichever class it is raised as. */
export interface ApiFailureDetails {
  /** HTTP status, absent when no response arrived. */
  status?: number;
  /** Anthropic error type (`rate_limit_error`, ...) or `connection_error` / `timeout_error`. */
  type: string;
  requestId?: string;
  /** The API's finer reason, from `error.details.error_code` (`file_not_downloadable`, ...). */
  errorCode?: string;
}

/** What every error of the connector's one hierarchy says of itself. */
export interface FailureFields extends ApiFailureDetails {
  /** Whether the same request may succeed when tried again (the client already retried it). */
  readonly retryable: boolean;
}

/** The statuses the official SDK treats as transient (529 is "overloaded"). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  408, 409, 429, 500, 502, 503, 504, 529,
]);
const RETRYABLE_TYPES: ReadonlySet<string> = new Set([
  "connection_error",
  "timeout_error",
  "overloaded_error",
  "rate_limit_error",
  "api_error",
]);

const isRetryable = ({ status, type }: ApiFailureDetails): boolean =>
  RETRYABLE_TYPES.has(type) || (status !== undefined && RETRYABLE_STATUSES.has(status));

/** An API or transport failure. Holds no request config, so no key can travel with it. */
export class AnthropicApiError extends Error implements FailureFields {
  readonly status?: number;
  readonly type: string;
  readonly requestId?: string;
  readonly errorCode?: string;
  readonly retryable: boolean;
  constructor(message: string, details: ApiFailureDetails) {
    super(message);
    this.name = "AnthropicApiError";
    this.status = details.status;
    this.type = details.type;
    this.requestId = details.requestId;
    this.errorCode = details.errorCode;
    this.retryable = isRetryable(details);
  }
}

interface StreamErrorDetails {
  /** Anthropic error type, or "incomplete_stream" / "invalid_stream". */
  type: string;
  /** The status the streamed answer began with (200), once the transport knows it. */
  status?: number;
  requestId?: string;
  errorCode?: string;
  cause?: unknown;
}

/** A streamed answer (SSE or JSONL) that failed: an API error too, so every caller handles one family. */
export class StreamError extends AnthropicApiError {
  override readonly name: string = "AnthropicStreamError";
  constructor(message: string, details: StreamErrorDetails) {
    super(message, {
      status: details.status,
      type: details.type,
      requestId: details.requestId,
      errorCode: details.errorCode,
    });
    if (details.cause !== undefined) this.cause = details.cause;
  }
}

/**
 * A well-formed answer whose content is not what the step asked for (an Output Schema it
 * does not fit): the request itself succeeded.
 */
export class AnthropicOutputError extends AnthropicApiError {
  constructor(message: string, requestId?: string) {
    super(message, { status: 200, type: "output_error", requestId });
    this.name = "AnthropicOutputError";
  }
}

/**
 * ConnectionError keeps the connection it names, and the platform may log or
 * show it, so it gets a copy without the key or the gateway headers.
 */
export const withoutSecrets = (connection: Connection): Connection => {
  const { apiKey, extraHeaders: _headers, ...fields } = connection.fields ?? {};
  const key = typeof apiKey === "string" ? apiKey.trim() : "";
  const safe: Record<string, unknown> = { ...fields, apiKey: "[redacted]" };
  if (fields.baseUrl !== undefined) safe.baseUrl = safeBaseUrl(fields.baseUrl, key);
  return { ...connection, fields: safe };
};

/** A Base URL as it may be shown: no credentials, query or fragment (any could hold a secret). */
const safeBaseUrl = (value: unknown, apiKey: string): string => {
  const text = typeof value === "string" ? value.trim() : "";
  try {
    const url = new URL(text);
    return redactSecret(`${url.origin}${url.pathname}`, apiKey);
  } catch {
    return text ? "[not a URL]" : "";
  }
};

/** A bad connection field, marking the connection. */
export const connectionFailure = (connection: Connection, message: string): ConnectionError =>
  new ConnectionError(withoutSecrets(connection), message);

/** 401 and 403 also mark the connection, so the platform asks for a new key. */
export class AnthropicAuthError extends ConnectionError implements FailureFields {
  readonly status?: number;
  readonly type: string;
  readonly requestId?: string;
  readonly errorCode?: string;
  readonly retryable = false;
  constructor(connection: Connection, message: string, details: ApiFailureDetails) {
    super(withoutSecrets(connection), message);
    this.name = "AnthropicAuthError";
    this.status = details.status;
    this.type = details.type;
    this.requestId = details.requestId;
    this.errorCode = details.errorCode;
  }
}

export const isApiFailure = (error: unknown): error is AnthropicApiError | AnthropicAuthError =>
  error instanceof AnthropicApiError || error instanceof AnthropicAuthError;

/** Anthropic's error envelope: `{ "type": "error", "error": { "type", "message" }, "request_id" }`. */
interface AnthropicErrorEnvelope {
  type: "error";
  error: { type: string; message: string; details?: { error_code?: unknown } | null };
  request_id?: string;
}

/** How much of a body that is not the API's goes into a message: its gist, not the page. */
const MAX_BODY_TEXT = 300;
/** The API's own messages are short; a longer one (a 50 MB echo) is cut here. */
const MAX_API_MESSAGE = 2_000;
/** An error body is read this far and no further: enough for any envelope the API sends. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** The key must never leave in a message, even if a gateway echoed it back. */
export const redactSecret = (text: string, secret: string): string =>
  secret ? text.split(secret).join("[redacted]") : text;

/**
 * Every text that leaves the connector goes through here: redacted first and
 * clipped after, so a clip can never cut a key in two and leave half of it.
 */
export const boundedText = (text: string, secret: string, max: number): string => {
  const safe = redactSecret(text, secret);
  return safe.length > max
    ? `${safe.slice(0, max)}... (${safe.length - max} more characters)`
    : safe;
};

const bodyText = async (data: unknown): Promise<string> => {
  if (data === undefined || data === null) return "";
  if (data instanceof Readable) return readAtMost(data, MAX_ERROR_BODY_BYTES);
  if (Buffer.isBuffer(data)) return data.subarray(0, MAX_ERROR_BODY_BYTES).toString("utf8");
  if (data instanceof ArrayBuffer)
    return Buffer.from(data).subarray(0, MAX_ERROR_BODY_BYTES).toString("utf8");
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

/** `error.details.error_code`, when the API sent one: a short snake_case word, nothing longer. */
const errorCodeOf = (envelope: AnthropicErrorEnvelope): string | undefined => {
  const code = envelope.error.details?.error_code;
  return typeof code === "string" && /^[a-z][a-z0-9_]{0,63}$/.test(code) ? code : undefined;
};

/**
 * An envelope whose body was read only in part (a streamed error of many MB is read up to
 * MAX_ERROR_BODY_BYTES): its type and the start of its message, from the text it begins with.
 */
const ENVELOPE_PREFIX =
  /^\s*\{\s*"type"\s*:\s*"error"\s*,\s*"error"\s*:\s*\{\s*"type"\s*:\s*"([a-z_]+)"\s*,\s*"message"\s*:\s*"((?:[^"\\]|\\.){0,4000})/;

const envelopeFromPrefix = (text: string): AnthropicErrorEnvelope | undefined => {
  if (text.length < MAX_ERROR_BODY_BYTES / 2) return undefined;
  const match = ENVELOPE_PREFIX.exec(text);
  if (!match) return undefined;
  const escaped = match[2].replace(/\\(u[0-9a-fA-F]{0,3})?$/, "");
  let message: string;
  try {
    message = JSON.parse(`"${escaped}"`) as string;
  } catch {
    message = escaped;
  }
  return { type: "error", error: { type: match[1], message } };
};

/** The gist of a body that is not the API's: HTML reduced to its words, whitespace folded. */
export const gistOf = (text: string): string =>
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

/** The `request-id` every API answer carries, when this one did. */
export const requestIdOf = (headers: unknown): string | undefined =>
  headerValue(headers, "request-id");

export interface FailureContext {
  connection: Connection;
  apiKey: string;
  /** The Base URL's host, named when an answer did not come from the API's error format. */
  host: string;
  method: string;
  path: string;
  timeoutMs: number;
}

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
  // axios hands a body that broke off or stalled as an error carrying the 2xx response it was
  // reading: that is a transport failure, not an answer.
  if (!response || response.status < 300) {
    const timedOut = error.code === "ECONNABORTED" || error.code === "ETIMEDOUT";
    const reason = error.code ?? "network error";
    const message = timedOut
      ? `Anthropic API request timed out after ${context.timeoutMs} ms (${where}). Raise the step's Timeout, or turn on streaming for long answers.`
      : response
        ? `Anthropic API answer broke off before it was complete (${where}, HTTP ${response.status} from ${context.host}): ${reason}. Nothing partial is returned; retry the step.`
        : `Anthropic API request failed before a response arrived (${where}): ${reason}. Check the connection's Base URL and the network.`;
    const requestId = response ? requestIdOf(response.headers) : undefined;
    return new AnthropicApiError(
      boundedText(
        `${message}${requestId ? ` (request-id ${requestId})` : ""}`,
        context.apiKey,
        MAX_API_MESSAGE * 2,
      ),
      {
        status: response?.status,
        type: timedOut ? "timeout_error" : "connection_error",
        requestId,
      },
    );
  }
  const requestIdHeader = requestIdOf(response.headers);
  if (response.status < 400) {
    // Redirects are never followed: the key would go wherever the Location points.
    const location = headerValue(response.headers, "location") ?? "(no location)";
    const message = `HTTP ${response.status} from ${context.host} (${where}) redirects to ${location}; the connector does not follow redirects, so the API key never leaves the Base URL's host. Set the connection's Base URL to the address the API really answers at.${requestIdHeader ? ` (request-id ${requestIdHeader})` : ""}`;
    return new AnthropicApiError(boundedText(message, context.apiKey, MAX_API_MESSAGE), {
      status: response.status,
      type: "redirect",
      requestId: requestIdHeader,
    });
  }
  const text = await bodyText(response.data).catch(() => "");
  const parsed = parseJsonText(text);
  const envelope = asAnthropicEnvelope(parsed) ?? envelopeFromPrefix(text);
  const bodyRequestId = (parsed as { request_id?: unknown } | undefined)?.request_id;
  const requestId =
    requestIdHeader ?? (typeof bodyRequestId === "string" ? bodyRequestId : undefined);
  const idText = requestId ? ` (request-id ${requestId})` : "";
  let type: string;
  let apiMessage: string;
  let message: string;
  let errorCode: string | undefined;
  if (envelope) {
    type = envelope.error.type;
    errorCode = errorCodeOf(envelope);
    apiMessage = boundedText(envelope.error.message, context.apiKey, MAX_API_MESSAGE);
    const code = errorCode ? ` (${errorCode})` : "";
    message = `Anthropic API ${response.status} ${type}${code}: ${apiMessage}${idText}`;
  } else {
    // A gateway's or proxy's own answer: saying "Anthropic API" would send the user looking for an outage.
    type = "http_error";
    apiMessage =
      boundedText(gistOf(text), context.apiKey, MAX_BODY_TEXT) || response.statusText || "no body";
    message = `HTTP ${response.status} from ${context.host} (${where}), not in the Anthropic API's error format, so a gateway or proxy in front of the API probably answered: ${apiMessage}${idText}`;
  }
  message = redactSecret(message, context.apiKey);
  const details = { status: response.status, type, requestId, errorCode };
  if (marksConnection(response.status, apiMessage)) {
    return new AnthropicAuthError(context.connection, message, details);
  }
  return new AnthropicApiError(message, details);
};
