import { invalidRequest } from "./errors";

export interface Page<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export interface PageQuery {
  limit: number;
  afterId?: string;
  beforeId?: string;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 1000;

/** `limit` as the API's list endpoints take it: an integer 1..1000, 20 when absent. */
export function parseLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LIMIT;
  if (!/^-?\d+$/.test(value.trim())) {
    throw invalidRequest(
      "limit: Input should be a valid integer, unable to parse string as an integer",
    );
  }
  const limit = Number(value);
  if (limit < 1) throw invalidRequest("limit: Input should be greater than or equal to 1");
  if (limit > MAX_LIMIT) {
    throw invalidRequest(`limit: Input should be less than or equal to ${MAX_LIMIT}`);
  }
  return limit;
}

/** The API's list parameters: `limit` 1..1000 (default 20) and one of `after_id`/`before_id`. */
export function parsePageQuery(query: Record<string, string>): PageQuery {
  const limit = parseLimit(query.limit);
  const afterId = query.after_id || undefined;
  const beforeId = query.before_id || undefined;
  if (afterId && beforeId) {
    throw invalidRequest("Only one of `after_id` and `before_id` may be provided");
  }
  return { limit, afterId, beforeId };
}

/**
 * Cursor pages over an ordered list (models, batches, legacy file lists): `after_id` pages
 * forward from just after the cursor, `before_id` takes the `limit` items just before it;
 * `has_more` tells whether more items lie further in the direction of travel.
 */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  query: PageQuery,
  findIndex: (id: string) => number,
): Page<T> {
  let start: number;
  let end: number;
  let hasMore: boolean;
  if (query.beforeId !== undefined) {
    end = cursorIndex(query.beforeId, "before_id", findIndex);
    start = Math.max(0, end - query.limit);
    hasMore = start > 0;
  } else {
    start = query.afterId === undefined ? 0 : cursorIndex(query.afterId, "after_id", findIndex) + 1;
    end = Math.min(items.length, start + query.limit);
    hasMore = end < items.length;
  }
  const data = items.slice(start, end);
  return {
    data,
    has_more: hasMore,
    first_id: data[0]?.id ?? null,
    last_id: data[data.length - 1]?.id ?? null,
  };
}

function cursorIndex(id: string, parameter: string, findIndex: (id: string) => number): number {
  const index = findIndex(id);
  if (index < 0) throw invalidRequest(`${parameter}: no object with id ${id}`);
  return index;
}
