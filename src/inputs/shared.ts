import { input } from "@prismatic-io/spectral";
import {
  DEFAULT_MAX_RETRIES,
  DEFAULT_MODEL,
  MAX_ALLOWED_RETRIES,
  MAX_TIMEOUT_MS,
} from "../defaults";
import { optionalNumber } from "./clean";
import { cleanModelId } from "./ids";

export const connectionInput = input({
  label: "Connection",
  type: "connection",
  required: true,
  comments: "Anthropic API connection.",
});

export const modelInput = input({
  label: "Model",
  type: "string",
  required: true,
  default: DEFAULT_MODEL,
  example: DEFAULT_MODEL,
  dataSource: "selectModel",
  comments: "The Claude model to use: pick one, or type a model id or alias.",
  clean: cleanModelId("Model"),
});

export const timeoutInput = input({
  label: "Timeout (ms)",
  type: "string",
  required: false,
  example: "120000",
  comments:
    "How long to wait for each attempt, in milliseconds, at most 2147483647 (about 24 days, the longest timer Node keeps). Empty means 10 minutes, as the official SDK waits.",
  clean: optionalNumber({ label: "Timeout (ms)", min: 1, max: MAX_TIMEOUT_MS, integer: true }),
});

export const maxRetriesInput = input({
  label: "Max Retry Count",
  type: "string",
  required: false,
  default: String(DEFAULT_MAX_RETRIES),
  example: "2",
  comments: `How many times to retry after a connection error, 408, 409, 429, 5xx or 529 (0 to ${MAX_ALLOWED_RETRIES}). The wait follows retry-after when the API sends it, else 0.5 s doubling to 8 s.`,
  clean: optionalNumber({
    label: "Max Retry Count",
    min: 0,
    max: MAX_ALLOWED_RETRIES,
    integer: true,
  }),
});

/** Per-step transport settings every action offers. */
export const transportInputs = { timeout: timeoutInput, maxRetries: maxRetriesInput };

export interface TransportValues {
  timeout?: number;
  maxRetries?: number;
}

export const toClientOptions = ({ timeout, maxRetries }: TransportValues) => ({
  timeoutMs: timeout,
  retry: maxRetries === undefined ? undefined : { retries: maxRetries },
});
