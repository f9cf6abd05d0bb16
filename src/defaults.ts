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

/** Message Batches: at most this many requests, and this many bytes of body, in one batch. */
export const MAX_BATCH_REQUESTS = 100_000;
export const MAX_BATCH_BYTES = 256 * 1024 * 1024;
/** What the API accepts as a batch request's custom_id. */
export const CUSTOM_ID_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
export const BATCHES_PAGE_LIMIT_DEFAULT = 20;
export const BATCHES_PAGE_LIMIT_MAX = 1000;
/** Get Batch Results hands back this many results per step unless told otherwise. */
export const BATCH_RESULTS_LIMIT_DEFAULT = 100;
/** A step's result stays small enough for the platform to hold and show. */
export const BATCH_RESULTS_LIMIT_MAX = 10_000;
export const BATCH_RESULT_TYPES = ["succeeded", "errored", "canceled", "expired"] as const;
export type BatchResultType = (typeof BATCH_RESULT_TYPES)[number];

/** Files: the list's largest page, and how long an upload may be kept (seconds). */
export const FILES_PAGE_LIMIT_DEFAULT = 20;
export const FILES_PAGE_LIMIT_MAX = 1000;
/** The Files list takes at most this many ids in its `ids` filter. */
export const MAX_FILE_IDS_FILTER = 100;
export const MIN_FILE_EXPIRY_SECONDS = 3_600;
export const MAX_FILE_EXPIRY_SECONDS = 7_776_000;

/** Legacy Text Completions. */
export const DEFAULT_MAX_TOKENS_TO_SAMPLE = 1024;
export const HUMAN_PROMPT = "\n\nHuman:";
export const AI_PROMPT = "\n\nAssistant:";
/** A picklist shows at most this many entries; no further page is fetched once it is full. */
export const PICKLIST_MAX_ITEMS = 1000;

/** Run Agent's budgets. */
export const AGENT_MAX_TURNS_DEFAULT = 10;
export const AGENT_TOOL_TIMEOUT_SECONDS_DEFAULT = 60;
