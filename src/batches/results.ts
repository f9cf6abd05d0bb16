import type { AnthropicClient } from "../client/createAnthropicClient";
import { StreamError } from "../client/errors";
import { jsonlValues } from "../client/jsonl";
import { path } from "../client/path";
import { streamedRequest } from "../client/streamed";
import { BATCH_RESULT_TYPES, type BatchResultType } from "../defaults";
import { isObject } from "../util/isObject";
import type { BatchResult, ResultCounts } from "./types";

export interface ResultsQuery {
  /** Empty: every type. */
  resultTypes: readonly BatchResultType[];
  /** Empty: every request. */
  customIds: readonly string[];
  offset: number;
  limit: number;
}

export interface ResultsPage {
  /** The page asked for: at most `limit` matching results, from the `offset`-th on. */
  results: BatchResult[];
  /** Each result type over the whole file, whatever the filters. */
  counts: ResultCounts;
  /** Lines in the whole file. */
  total: number;
  /** Results that pass the filters, over the whole file. */
  matched: number;
  offset: number;
  limit: number;
  /** The Offset of the next page, or null when this page is the last. */
  nextOffset: number | null;
}

/**
 * What a results file may come as. The API answers the SDK's Accept with `application/binary`;
 * JSON Lines types and octet streams are the same bytes under other names. A JSON or HTML
 * answer is a gateway's or an error page, not a results file.
 */
const RESULTS_CONTENT_TYPE =
  /^(application\/(binary|octet-stream|(x-)?jsonl|(x-)?ndjson|jsonlines)|text\/plain)\b/i;

const emptyCounts = (): ResultCounts =>
  Object.fromEntries(BATCH_RESULT_TYPES.map((type) => [type, 0])) as ResultCounts;

const asResult = (value: unknown, line: number, requestId: string | undefined): BatchResult => {
  if (
    isObject(value) &&
    typeof value.custom_id === "string" &&
    isObject(value.result) &&
    typeof value.result.type === "string"
  ) {
    return value as unknown as BatchResult;
  }
  throw new StreamError(
    `Batch results: line ${line} is not a valid result {custom_id, result: {type, ...}}${requestId ? ` (request-id ${requestId})` : ""}`,
    { type: "invalid_stream", requestId },
  );
};

/**
 * Reads the whole results file line by line and keeps only the page asked for, so memory
 * stays flat however many results the batch has; the counts still cover every line.
 */
const pageOf = async (
  body: AsyncIterable<Buffer | string>,
  requestId: string | undefined,
  query: ResultsQuery,
): Promise<ResultsPage> => {
  const types = new Set<string>(query.resultTypes);
  const ids = new Set(query.customIds);
  const counts = emptyCounts();
  const results: BatchResult[] = [];
  let total = 0;
  let matched = 0;
  for await (const { line, value } of jsonlValues(body, { what: "Batch results", requestId })) {
    const result = asResult(value, line, requestId);
    total += 1;
    const type = result.result.type;
    if (type in counts) counts[type as BatchResultType] += 1;
    if (types.size > 0 && !types.has(type)) continue;
    if (ids.size > 0 && !ids.has(result.custom_id)) continue;
    if (matched >= query.offset && results.length < query.limit) results.push(result);
    matched += 1;
  }
  // Every batch has at least one request, so an empty file was cut off or is not one.
  if (total === 0) {
    throw new StreamError(
      `Batch results: the answer is empty, not the JSON Lines results file expected${requestId ? ` (request-id ${requestId})` : ""}`,
      { type: "invalid_stream", requestId },
    );
  }
  const end = query.offset + query.limit;
  return {
    results,
    counts,
    total,
    matched,
    offset: query.offset,
    limit: query.limit,
    nextOffset: end < matched ? end : null,
  };
};

/**
 * Fetched through the client by path, never from the batch's `results_url`: the client sends
 * the key only to the connection's base URL and refuses absolute URLs.
 */
export const fetchResultsPage = (
  client: AnthropicClient,
  batchId: string,
  query: ResultsQuery,
): Promise<ResultsPage> =>
  streamedRequest(
    client,
    {
      method: "GET",
      path: path`/messages/batches/${batchId}/results`,
      headers: { accept: "application/binary" },
    },
    {
      contentType: RESULTS_CONTENT_TYPE,
      typeName: "JSON Lines",
      expected: "a batch's results file (JSON Lines)",
      consume: (body, requestId) => pageOf(body, requestId, query),
    },
  );
