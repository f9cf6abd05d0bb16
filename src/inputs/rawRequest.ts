import { input } from "@prismatic-io/spectral";
// The inputs module alone: the client module beside it bundles a Buffer polyfill and object-sizeof.
import { inputs as spectralHttpInputs } from "@prismatic-io/spectral/dist/clients/http/inputs";
import { isConnectionOwned, isHeaderName } from "../client/headers";
import {
  DEFAULT_MAX_RETRIES,
  MAX_ALLOWED_RETRIES,
  MAX_TIMEOUT_MS,
  RETRY_AFTER_CAP_MS,
} from "../defaults";
import {
  InputError,
  type KeyValue,
  oneOf,
  optionalNumber,
  parseJson,
  preview,
  requiredString,
  toBoolean,
  toKeyValues,
  toOptionalString,
} from "./clean";

export type { KeyValue };

/**
 * Spectral's raw-request inputs with the seed component's keys, labels and
 * comments; cleaners here refuse bad values before anything is sent.
 */

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];
export const RESPONSE_TYPES = ["json", "text", "arraybuffer"] as const;

const keyValues = (label: string) => (value: unknown) => toKeyValues(label, value);

/** Header, query and form values travel in one request line or header: far below this. */
const MAX_VALUE_LENGTH = 8 * 1024;

const textRecord = (label: string) => (value: unknown) => {
  const record: Record<string, string> = {};
  for (const { key, value: entry } of toKeyValues(label, value)) {
    const text = toOptionalString(entry, label) ?? "";
    if (/[\r\n\0]/.test(key + text))
      throw new InputError(label, `${preview(key)} must not contain line breaks.`);
    if (key.length > MAX_VALUE_LENGTH || text.length > MAX_VALUE_LENGTH)
      throw new InputError(
        label,
        `${preview(key)}: names and values must be at most ${MAX_VALUE_LENGTH} characters each.`,
      );
    record[key] = text;
  }
  return record;
};

const cleanHeaders = (value: unknown): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const [rawName, text] of Object.entries(textRecord("Header")(value))) {
    const name = rawName.trim();
    if (!isHeaderName(name)) {
      throw new InputError(
        "Header",
        `"${rawName}" is not a valid header name (letters, digits and - only, no spaces).`,
      );
    }
    if (isConnectionOwned(name)) {
      throw new InputError(
        "Header",
        `${name} is set by the connection and cannot be overridden here.`,
      );
    }
    headers[name] = text;
  }
  return headers;
};

const cleanBody = (value: unknown): unknown => {
  const parsed = parseJson("Data", value);
  if (parsed !== undefined && (typeof parsed !== "object" || parsed === null)) {
    throw new InputError(
      "Data",
      'must be a JSON object or array, such as {"model": "claude-sonnet-4-6"}.',
    );
  }
  return parsed;
};

export const rawRequestInputs = {
  url: input({
    ...spectralHttpInputs.url,
    default: "/models",
    example: "/models",
    comments:
      "Input the path only (/models), The base URL is already included (https://api.anthropic.com/v1). For example, to connect to https://api.anthropic.com/v1/models, only /models is entered in this field.",
    clean: requiredString("URL"),
  }),
  method: input({
    ...spectralHttpInputs.method,
    example: "GET",
    model: HTTP_METHODS.map((method) => ({ label: method, value: method })),
    clean: (value: unknown): HttpMethod => {
      const method = oneOf(
        "Method",
        HTTP_METHODS,
      )(toOptionalString(value, "Method")?.toUpperCase());
      if (!method)
        throw new InputError("Method", `is required; choose one of ${HTTP_METHODS.join(", ")}.`);
      return method;
    },
  }),
  data: input({
    ...spectralHttpInputs.data,
    example: '{"model": "claude-sonnet-4-6", "messages": [{"role": "user", "content": "Hi"}]}',
    clean: cleanBody,
  }),
  formData: input({
    ...spectralHttpInputs.formData,
    example: "purpose: assistants",
    clean: keyValues("Form Data"),
  }),
  fileData: input({
    ...spectralHttpInputs.fileData,
    example: "file: (a file from an earlier step)",
    clean: keyValues("File Data"),
  }),
  fileDataFileNames: input({
    ...spectralHttpInputs.fileDataFileNames,
    example: "file: report.pdf",
    clean: textRecord("File Data File Names"),
  }),
  queryParams: input({
    ...spectralHttpInputs.queryParams,
    example: "limit: 5",
    clean: textRecord("Query Parameter"),
  }),
  headers: input({
    ...spectralHttpInputs.headers,
    example: "anthropic-beta: context-1m-2025-08-07",
    clean: cleanHeaders,
  }),
  responseType: input({
    ...spectralHttpInputs.responseType,
    model: RESPONSE_TYPES.map((type) => ({ label: type, value: type })),
    clean: (value: unknown) => oneOf("Response Type", RESPONSE_TYPES)(value) ?? "json",
  }),
  timeout: input({
    ...spectralHttpInputs.timeout,
    comments: `The maximum time that a client will await a response to its request, in milliseconds (at most ${MAX_TIMEOUT_MS}). Empty means 10 minutes.`,
    example: "30000",
    clean: optionalNumber({ label: "Timeout", min: 1, max: MAX_TIMEOUT_MS, integer: true }),
  }),
  debugRequest: input({
    ...spectralHttpInputs.debugRequest,
    comments:
      "When true, logs the current request and its answer, with the API key and other credentials redacted.",
    clean: toBoolean("Debug Request"),
  }),
  retryDelayMS: input({
    ...spectralHttpInputs.retryDelayMS,
    example: "1000",
    comments:
      "The delay in milliseconds between retries. This is used when 'Use Exponential Backoff' is disabled. 0 uses the standard backoff (0.5 s doubling to 8 s); a retry-after header from the API always wins. At most 60000, and no wait is longer.",
    clean: optionalNumber({
      label: "Retry Delay (ms)",
      min: 0,
      max: RETRY_AFTER_CAP_MS,
      integer: true,
    }),
  }),
  retryAllErrors: input({
    ...spectralHttpInputs.retryAllErrors,
    comments:
      "When true, retries every failed answer (4xx included), not only connection errors, 408, 409, 429, 5xx and 529.",
    clean: toBoolean("Retry On All Errors"),
  }),
  maxRetries: input({
    ...spectralHttpInputs.maxRetries,
    default: String(DEFAULT_MAX_RETRIES),
    example: "2",
    comments: `The maximum number of retries to attempt (0 to ${MAX_ALLOWED_RETRIES}). Specify 0 for no retries.`,
    clean: optionalNumber({
      label: "Max Retry Count",
      min: 0,
      max: MAX_ALLOWED_RETRIES,
      integer: true,
    }),
  }),
  useExponentialBackoff: input({
    ...spectralHttpInputs.useExponentialBackoff,
    comments:
      "When true, doubles Retry Delay (ms) after each attempt. Without a Retry Delay the standard backoff (0.5 s doubling to 8 s) applies either way.",
    clean: toBoolean("Use Exponential Backoff"),
  }),
};
