/**
 * Every default the connector applies lives here, so inputs, documentation and
 * the client agree on one value.
 */
export const DEFAULT_BASE_URL = "https://api.anthropic.com";

/** `anthropic-version` values this connector knows how to speak. */
export const API_VERSIONS = ["2023-06-01", "2026-10-21"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];
export const DEFAULT_API_VERSION: ApiVersion = "2023-06-01";

/** Claude Sonnet 4.5 reaches end-of-life on 2026-11-30; 4.6 is the current Sonnet. */
export const DEFAULT_MODEL = "claude-sonnet-4-6";
export const DEFAULT_MAX_TOKENS = 4096;

/** Matches the official SDK: ten minutes per attempt. */
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
export const DEFAULT_MAX_RETRIES = 2;
export const MAX_ALLOWED_RETRIES = 10;
export const RETRY_INITIAL_DELAY_MS = 500;
export const RETRY_MAX_DELAY_MS = 8_000;
/** A server-sent `retry-after` longer than this is not waited out in full. */
export const RETRY_AFTER_CAP_MS = 60_000;

export const MODELS_PAGE_LIMIT_DEFAULT = 20;
export const MODELS_PAGE_LIMIT_MAX = 1000;

/**
 * The official SDK refuses a non-streaming request whose max_tokens could take
 * longer than its 10-minute timeout at 128,000 tokens an hour; above this, Chat
 * streams instead.
 */
export const NON_STREAMING_MAX_TOKENS = Math.floor(
  (128_000 * DEFAULT_TIMEOUT_MS) / (60 * 60 * 1000),
);

export const THINKING_MIN_BUDGET_TOKENS = 1024;
/** Prompt caching allows this many cache_control breakpoints in one request. */
export const MAX_CACHE_BREAKPOINTS = 4;
/** The name of the tool forced for structured output on models without native support. */
export const STRUCTURED_OUTPUT_TOOL_NAME = "structured_output";
export const FILES_API_BETA = "files-api-2025-04-14";

/**
 * The longest per-attempt timeout a step may set: Node's timers hold at most
 * 2^31 - 1 ms (about 24.8 days); a longer one fires at once. Every Timeout
 * input is capped here.
 */
export const MAX_TIMEOUT_MS = 2_147_483_647;

/**
 * A picklist is filled while a builder waits in the designer: it gives up
 * sooner and retries less than a step does.
 */
export const PICKLIST_TIMEOUT_MS = 30_000;
export const PICKLIST_MAX_RETRIES = 1;
