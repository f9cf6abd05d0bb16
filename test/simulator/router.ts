import type { ApiVersion } from "./auth";
import type { BatchStore } from "./batches/store";
import type { SimClock } from "./clock";
import { ApiError } from "./errors";
import type { FileStore } from "./files/store";
import type { PromptCache } from "./messages/cache";
import type { SseEvent } from "./sse";
import type { RecordedRequest } from "./types";

export interface RequestContext {
  request: RecordedRequest;
  /** Decoded `:name` path segments. */
  params: Record<string, string>;
  apiVersion: ApiVersion;
  betas: string[];
  cache: PromptCache;
  clock: SimClock;
  batches: BatchStore;
  files: FileStore;
}

export type HandlerResult =
  | { kind: "json"; body: unknown; status?: number }
  | {
      kind: "sse";
      events: SseEvent[];
      /**
       * Which events are content deltas, after a couple of which the stream faults break the
       * stream; defaults to `content_block_delta` (the Messages API's).
       */
      isDelta?: (event: SseEvent) => boolean;
    }
  /** A whole body of bytes, sent with its content-length (file downloads). */
  | { kind: "bytes"; contentType: string; body: Buffer }
  /**
   * A body produced while it is sent (batch results), chunked and with backpressure, so that a
   * large answer never exists in memory as a whole.
   */
  | { kind: "stream"; contentType: string; chunks: AsyncIterable<Buffer | string> };

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Literal segments and `:name` placeholders, e.g. "/v1/models/:model_id". */
  path: string;
  handler: (context: RequestContext) => HandlerResult;
  /** The endpoint's request size limit (413 beyond it); defaults to the Messages API's 32 MB. */
  maxBodyBytes?: number;
}

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

function matchPath(pattern: string, path: string): Record<string, string> | undefined {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      if (got[i] === "") return undefined;
      try {
        params[want[i].slice(1)] = decodeURIComponent(got[i]);
      } catch {
        return undefined;
      }
    } else if (want[i] !== got[i]) {
      return undefined;
    }
  }
  return params;
}

/** Unknown paths are 404 not_found_error, known paths with another method 405, as the API. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const params = matchPath(route.path, path);
    if (!params) continue;
    if (route.method === method) return { route, params };
    allowed.push(route.method);
  }
  if (allowed.length > 0) {
    throw new ApiError(405, "Method Not Allowed", "invalid_request_error", {
      allow: allowed.join(", "),
    });
  }
  throw new ApiError(404, "Not Found", "not_found_error");
}
