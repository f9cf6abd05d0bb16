/** Anthropic error envelopes: every failure the simulator answers goes through here. */

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  408: "timeout_error",
  409: "conflict_error",
  413: "request_too_large",
  429: "rate_limit_error",
  500: "api_error",
  502: "api_error",
  503: "api_error",
  504: "timeout_error",
  529: "overloaded_error",
};

/** Defaults as the OpenAPI error schemas declare them, so a bare fault looks like the API's. */
const DEFAULT_MESSAGE_BY_TYPE: Record<string, string> = {
  invalid_request_error: "Invalid request",
  authentication_error: "Authentication error",
  billing_error: "Billing error",
  permission_error: "Permission denied",
  not_found_error: "Not found",
  timeout_error: "Request timeout",
  conflict_error: "Conflict",
  request_too_large: "Request exceeds the maximum allowed number of bytes.",
  rate_limit_error: "Rate limited",
  api_error: "Internal server error",
  overloaded_error: "Overloaded",
};

export function errorTypeForStatus(status: number): string {
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

export function defaultMessageForType(type: string): string {
  return DEFAULT_MESSAGE_BY_TYPE[type] ?? "Error";
}

/**
 * Machine-readable extras the API puts in `error.details`, e.g. `{ error_code:
 * "file_not_downloadable" }`; the SDK maps `<status> <error_code>` to its typed errors.
 */
export type ErrorDetails = { error_code: string } & Record<string, unknown>;

/** Thrown by handlers; the server turns it into the envelope with the response's request id. */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly headers: Record<string, string>;
  readonly details: ErrorDetails | undefined;

  constructor(
    status: number,
    message?: string,
    type?: string,
    headers: Record<string, string> = {},
    details?: ErrorDetails,
  ) {
    const errorType = type ?? errorTypeForStatus(status);
    super(message ?? defaultMessageForType(errorType));
    this.status = status;
    this.type = errorType;
    this.headers = headers;
    this.details = details;
  }
}

export function invalidRequest(message: string, details?: ErrorDetails): ApiError {
  return new ApiError(400, message, undefined, {}, details);
}

export function notFound(message: string, details?: ErrorDetails): ApiError {
  return new ApiError(404, message, undefined, {}, details);
}

export interface ErrorEnvelope {
  type: "error";
  error: { type: string; message: string; details?: ErrorDetails };
  request_id: string;
}

/** `details` goes into `error.details` when given, and is left out otherwise. */
export function errorEnvelope(
  type: string,
  message: string,
  requestId: string,
  details?: ErrorDetails,
): ErrorEnvelope {
  return {
    type: "error",
    error: details ? { type, message, details } : { type, message },
    request_id: requestId,
  };
}
