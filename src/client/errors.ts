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

interface ErrorBody {
  type?: string;
  message?: string;
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

const parseErrorBody = (text: string): { error?: ErrorBody; request_id?: string } => {
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === "object"
      ? (parsed as { error?: ErrorBody; request_id?: string })
      : {};
  } catch {
    return {};
  }
};

const headerValue = (headers: unknown, name: string): string | undefined => {
  if (!headers || typeof headers !== "object") return undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" && value ? value : undefined;
};

export interface FailureContext {
  connection: Connection;
  apiKey: string;
  method: string;
  path: string;
  timeoutMs: number;
}

/** The key must never leave in a message, even if a gateway echoed it back. */
export const redactSecret = (text: string, secret: string): string =>
  secret ? text.split(secret).join("[redacted]") : text;

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
  const body = parseErrorBody(text);
  const type = body.error?.type ?? "http_error";
  const apiMessage =
    body.error?.message ??
    (text.trim().slice(0, MAX_BODY_TEXT) || response.statusText || "no message");
  const requestId = headerValue(response.headers, "request-id") ?? body.request_id;
  const message = redactSecret(
    `Anthropic API ${response.status} ${type}: ${apiMessage}${requestId ? ` (request-id ${requestId})` : ""}`,
    context.apiKey,
  );
  const details = { status: response.status, type, requestId };
  if (response.status === 401 || response.status === 403) {
    return new AnthropicAuthError(context.connection, message, details);
  }
  return new AnthropicApiError(message, details);
};
