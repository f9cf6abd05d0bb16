import type { ActionLogger, Connection } from "@prismatic-io/spectral";
import axios, { type AxiosInstance, type AxiosResponse, type ResponseType } from "axios";
import axiosRetry from "axios-retry";
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../defaults";
import { withoutUndefined } from "../util/withoutUndefined";
import type { AnswerShape } from "./answers";
import { AnthropicApiError, boundedText, gistOf, requestIdOf, toAnthropicError } from "./errors";
import { BETA_HEADER, mergeBetas, takeBetaHeaders } from "./headers";
import { sharedInstance } from "./instances";
import { attachDebugLogging } from "./logging";
import { type RetryPolicy, retryDelayMs, shouldRetry } from "./retry";
import { type ConnectionSettings, readConnectionSettings } from "./settings";

const USER_AGENT = "prismatic-anthropic-connector/0.1.0";
/** Stream error texts are the API's own short messages; anything longer is cut. */
const MAX_REDACTED_TEXT = 4_000;

/** The parts of a step's context the client uses. */
export interface ClientContext {
  logger: ActionLogger;
  debug?: { enabled: boolean };
}

export interface ClientOptions {
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  /** Log requests even when the step does not run with debug on (Raw Request's "Debug Request"). */
  debug?: boolean;
}

export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
  /** A path under `/v1`, such as `/messages`. */
  path: string;
  /** Arrays go as `name[]=a&name[]=b`, as the official SDK sends them. */
  query?: Record<string, string | number | boolean | readonly string[] | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** `anthropic-beta` values a feature of this request needs (the MCP connector's). */
  betas?: readonly string[];
  responseType?: ResponseType;
  /** The shape a 2xx answer must have; one that does not fit fails as one clear error. */
  answer?: AnswerShape;
}

export interface AnthropicClient {
  readonly settings: Omit<ConnectionSettings, "apiKey">;
  readonly timeoutMs: number;
  /** Retries after the first attempt, for work the client cannot retry itself (a broken stream). */
  readonly retries: number;
  request<T = unknown>(request: ApiRequest): Promise<AxiosResponse<T>>;
  /** The error for a 2xx answer that is not what the API sends. */
  invalidAnswer(
    request: Pick<ApiRequest, "method" | "path">,
    response: AxiosResponse,
    expected: string,
    problem: string,
  ): AnthropicApiError;
  /** Redacts the key from text made outside a request (a stream's events), and bounds it. */
  redact(text: string): string;
}

export const authHeaders = (settings: ConnectionSettings): Record<string, string> =>
  settings.authStyle === "bearer"
    ? { Authorization: `Bearer ${settings.apiKey}` }
    : { "x-api-key": settings.apiKey };

/** Only paths are accepted, so a request can never carry the key to another host. */
const assertRelativePath = (path: string): void => {
  if (!path.startsWith("/") || path.startsWith("//") || /^[a-z][a-z0-9+.-]*:/i.test(path)) {
    throw new Error(`Internal error: "${path}" is not an API path.`);
  }
};

/** Query parameters that are set; none at all when nothing is. */
const queryParams = (query: ApiRequest["query"]): ApiRequest["query"] => {
  const set = withoutUndefined(query ?? {});
  return Object.keys(set).length ? set : undefined;
};

/**
 * The one HTTP client every action shares: authenticated, versioned, retrying
 * the way the official SDK does, logging only with credentials redacted, and
 * turning every failure into an AnthropicApiError.
 */
export const createAnthropicClient = (
  connection: Connection,
  context: ClientContext,
  options: ClientOptions = {},
): AnthropicClient => {
  const settings = readConnectionSettings(connection);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const policy: RetryPolicy = {
    retries: DEFAULT_MAX_RETRIES,
    retryAllErrors: false,
    doubleFixedDelay: false,
    ...withoutUndefined(options.retry ?? {}),
  };
  const headers = {
    ...settings.extraHeaders,
    ...authHeaders(settings),
    "anthropic-version": settings.apiVersion,
    "user-agent": USER_AGENT,
  };
  const logs = Boolean(options.debug || context.debug?.enabled);
  const build = (): AxiosInstance => {
    // What spectral's createClient sets, made here: its module bundles a Buffer polyfill and
    // object-sizeof for a debug mode this client never uses (it prints headers in clear).
    const http = axios.create({
      baseURL: `${settings.baseUrl}/v1`,
      timeout: timeoutMs,
      headers,
      maxContentLength: Number.POSITIVE_INFINITY,
      maxBodyLength: Number.POSITIVE_INFINITY,
    });
    // Belt and braces: axios never swaps the base URL for an absolute one.
    http.defaults.allowAbsoluteUrls = false;
    // A redirect would replay the request, key and body included, wherever Location points.
    http.defaults.maxRedirects = 0;
    // Logging goes on before retrying, so every attempt and every failed answer is logged once.
    if (logs) attachDebugLogging(http, context.logger, settings.apiKey);
    // One instance, two declarations of its type: axios-retry's CommonJS typings name axios's
    // .d.cts, this ES import its .d.ts, and ts-loader tells them apart though they are the same.
    axiosRetry(http as unknown as Parameters<typeof axiosRetry>[0], {
      retries: policy.retries,
      retryCondition: (error) => shouldRetry(error, policy),
      retryDelay: (retryNumber, error) => retryDelayMs(retryNumber, error, policy),
      shouldResetTimeout: true,
    });
    return http;
  };
  // A logging instance writes to this step's logger, so only a silent one is shared.
  const http = logs
    ? build()
    : sharedInstance({ baseUrl: settings.baseUrl, headers, timeoutMs, policy }, build);

  const host = new URL(settings.baseUrl).host;
  const invalidAnswer = (
    request: Pick<ApiRequest, "method" | "path">,
    response: AxiosResponse,
    name: string,
    problem: string,
  ): AnthropicApiError => {
    const requestId = requestIdOf(response.headers);
    const raw = typeof response.data === "string" ? response.data : JSON.stringify(response.data);
    const began = boundedText(gistOf(raw ?? ""), settings.apiKey, 120);
    return new AnthropicApiError(
      `HTTP ${response.status} from ${host} (${request.method} /v1${request.path}) is not what the Anthropic API answers: expected ${name}, but ${problem}${began ? ` (it began: ${began})` : ""}. A gateway or proxy may have answered in its own format; check the connection's Base URL.${requestId ? ` (request-id ${requestId})` : ""}`,
      { status: response.status, type: "invalid_response", requestId },
    );
  };
  const { apiKey: _secret, ...publicSettings } = settings;
  return {
    settings: publicSettings,
    timeoutMs,
    retries: policy.retries,
    invalidAnswer,
    async request<T>(request: ApiRequest): Promise<AxiosResponse<T>> {
      assertRelativePath(request.path);
      // Betas are merged here, and only here: the connection's, any a step's headers name, and
      // the one a feature still in beta needs (the MCP connector).
      const stepHeaders = takeBetaHeaders(request.headers ?? {});
      const betas = mergeBetas(settings.betas, stepHeaders.betas, [...(request.betas ?? [])]);
      const beta = betas.length ? betas.join(",") : undefined;
      let response: AxiosResponse<T>;
      try {
        response = await http.request<T>({
          method: request.method,
          url: request.path,
          // Beta features go to `?beta=true`, as the official SDK's beta client sends them.
          params: queryParams(beta ? { beta: "true", ...request.query } : request.query),
          data: request.body,
          responseType: request.responseType ?? "json",
          headers: { ...stepHeaders.headers, ...(beta ? { [BETA_HEADER]: beta } : {}) },
        });
      } catch (error) {
        throw await toAnthropicError(error, {
          connection,
          apiKey: settings.apiKey,
          host,
          method: request.method,
          path: `/v1${request.path}`,
          timeoutMs,
        });
      }
      const problem = request.answer?.problem(response.data, response.status);
      if (request.answer && problem) {
        throw invalidAnswer(request, response, request.answer.name, problem);
      }
      return response;
    },
    redact: (text) => boundedText(text, settings.apiKey, MAX_REDACTED_TEXT),
  };
};
