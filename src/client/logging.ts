import type { ActionLogger } from "@prismatic-io/spectral";
import type { AxiosResponse, AxiosInstance as HttpClient, InternalAxiosRequestConfig } from "axios";
import { boundedText, redactSecret } from "./errors";

/** Header names whose values are credentials (gateways add their own keys). */
const SECRET_HEADER = /authorization|key|token|secret|cookie|password|credential|signature/i;
const MAX_LOGGED_BODY = 2_000;

export const redactHeaders = (
  headers: Record<string, unknown>,
  apiKey: string,
): Record<string, string> => {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || value === null) continue;
    safe[name] = SECRET_HEADER.test(name) ? "[redacted]" : redactSecret(String(value), apiKey);
  }
  return safe;
};

/** Body fields that hold someone else's credentials: an MCP server's token. */
const SECRET_FIELDS = new Set(["authorization_token"]);

const withoutSecrets = (key: string, value: unknown): unknown =>
  SECRET_FIELDS.has(key) && typeof value === "string" ? "[redacted]" : value;

const bodyPreview = (data: unknown, apiKey: string): string | undefined => {
  if (data === undefined || data === null) return undefined;
  if (Buffer.isBuffer(data)) return `<${data.length} bytes>`;
  if (typeof data === "object" && typeof (data as { pipe?: unknown }).pipe === "function")
    return "<stream>";
  let text: string;
  try {
    text = JSON.stringify(typeof data === "string" ? JSON.parse(data) : data, withoutSecrets);
  } catch {
    text = String(data);
  }
  return boundedText(text, apiKey, MAX_LOGGED_BODY);
};

const plainHeaders = (headers: unknown): Record<string, unknown> => {
  if (!headers || typeof headers !== "object") return {};
  const withJson = headers as { toJSON?: () => Record<string, unknown> };
  return typeof withJson.toJSON === "function"
    ? withJson.toJSON()
    : (headers as Record<string, unknown>);
};

const STARTED_AT = Symbol("startedAt");
type TimedConfig = InternalAxiosRequestConfig & { [STARTED_AT]?: number };

/**
 * Logs each request and response through the step's logger, with credentials
 * redacted. Spectral's own `debug` flag is never used: it prints headers in clear.
 */
export const attachDebugLogging = (
  http: HttpClient,
  logger: ActionLogger,
  apiKey: string,
): void => {
  http.interceptors.request.use((config: TimedConfig) => {
    config[STARTED_AT] = Date.now();
    logger.debug(
      `Anthropic request: ${JSON.stringify({
        method: config.method?.toUpperCase(),
        url: redactSecret(`${config.baseURL ?? ""}${config.url ?? ""}`, apiKey),
        params: config.params,
        headers: redactHeaders(plainHeaders(config.headers), apiKey),
        body: bodyPreview(config.data, apiKey),
      })}`,
    );
    return config;
  });
  const logResponse = (response: AxiosResponse | undefined, config: TimedConfig | undefined) => {
    const started = config?.[STARTED_AT];
    logger.debug(
      `Anthropic response: ${JSON.stringify({
        status: response?.status,
        requestId: response?.headers?.["request-id"],
        durationMs: started ? Date.now() - started : undefined,
        url: config
          ? redactSecret(`${config.baseURL ?? ""}${config.url ?? ""}`, apiKey)
          : undefined,
        body:
          response?.config.responseType === "stream"
            ? "<stream>"
            : bodyPreview(response?.data, apiKey),
      })}`,
    );
  };
  http.interceptors.response.use(
    (response) => {
      logResponse(response, response.config);
      return response;
    },
    (error: { response?: AxiosResponse; config?: TimedConfig; code?: string }) => {
      if (error.response) logResponse(error.response, error.config);
      else
        logger.debug(
          `Anthropic request failed without a response: ${error.code ?? "network error"}`,
        );
      return Promise.reject(error);
    },
  );
};
