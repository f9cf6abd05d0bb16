/**
 * The one place that knows which headers the connection owns and how the
 * `anthropic-beta` header is put together, for the connection's Extra Headers,
 * Raw Request's Headers and every action alike.
 */

/** Set by the connection itself; neither Extra Headers nor a step may replace them. */
export const CONNECTION_OWNED_HEADERS: readonly string[] = [
  "x-api-key",
  "authorization",
  "anthropic-version",
  // A Host header would send the key to whatever host a relative redirect then names.
  "host",
];

export const BETA_HEADER = "anthropic-beta";

/** An RFC 9110 token: what a header name may be. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * How names are compared. axios and Node trim names and ignore case, so
 * `"x-api-key "` or `" Authorization"` would otherwise slip past a check.
 */
export const normaliseHeaderName = (name: string): string => name.trim().toLowerCase();

export const isHeaderName = (name: string): boolean => HEADER_NAME.test(name);

export const isConnectionOwned = (name: string): boolean =>
  CONNECTION_OWNED_HEADERS.includes(normaliseHeaderName(name));

export const isBetaHeader = (name: string): boolean => normaliseHeaderName(name) === BETA_HEADER;

/** `"a, b,,c"` → `["a", "b", "c"]`. */
export const splitBetas = (value: string): string[] =>
  value
    .split(",")
    .map((beta) => beta.trim())
    .filter(Boolean);

/** One list in first-seen order, without duplicates. */
export const mergeBetas = (...lists: readonly string[][]): string[] => [...new Set(lists.flat())];

/** Splits headers into those sent as they are and the betas any `anthropic-beta` among them names. */
export const takeBetaHeaders = (
  headers: Record<string, string>,
): { headers: Record<string, string>; betas: string[] } => {
  const rest: Record<string, string> = {};
  const betas: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (isBetaHeader(name)) betas.push(...splitBetas(value));
    else rest[name] = value;
  }
  return { headers: rest, betas };
};
