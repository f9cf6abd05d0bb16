import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { checkApiKey, checkApiVersion, parseBetas, SIMULATOR_API_KEY } from "./auth";
import { BatchStore } from "./batches/store";
import { createClock, type SimClock } from "./clock";
import { ApiError } from "./errors";
import { FileStore } from "./files/store";
import { newRequestId } from "./ids";
import { PromptCache } from "./messages/cache";
import { type Reply, sendBody, sendError, sendJson, sendSse, sendStream } from "./respond";
import { type HandlerResult, matchRoute } from "./router";
import { ROUTES } from "./routes";
import { warmUpSchemas } from "./schema/validate";
import type { Fault, RecordedRequest, Simulator, SimulatorOptions } from "./types";

/** The Messages API's request size limit, for routes that do not set their own. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface State {
  requests: RecordedRequest[];
  faults: Fault[];
  cache: PromptCache;
  clock: SimClock;
  batches: BatchStore;
  files: FileStore;
  apiKeys: readonly string[];
  /** Aborted by close(), so that delayed answers do not hold timers open. */
  closing: AbortController;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Every value in order, and the last one alone; keys and values decoded (`ids%5B%5D` → `ids[]`). */
function parseQuery(queryString: string): Pick<RecordedRequest, "query" | "queryAll"> {
  const query: Record<string, string> = {};
  const queryAll: Record<string, string[]> = {};
  for (const [name, value] of new URLSearchParams(queryString)) {
    query[name] = value;
    queryAll[name] = [...(queryAll[name] ?? []), value];
  }
  return { query, queryAll };
}

function record(req: IncomingMessage, rawBytes: Buffer, receivedAt: number): RecordedRequest {
  const rawBody = rawBytes.toString("utf8");
  // split by hand: new URL() would read a path like "//x" as a host
  const target = req.url ?? "/";
  const mark = target.indexOf("?");
  const path = mark < 0 ? target : target.slice(0, mark);
  const queryString = mark < 0 ? "" : target.slice(mark + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  let body: unknown;
  if (/\bjson\b/i.test(headers["content-type"] ?? "")) {
    try {
      body = JSON.parse(rawBody);
    } catch {
      body = undefined;
    }
  }
  return {
    method: req.method ?? "GET",
    path,
    ...parseQuery(queryString),
    headers,
    rawBody,
    rawBytes,
    body,
    receivedAt,
  };
}

/** Routing, then authentication, then the version header: the API's order of refusals. */
function dispatch(request: RecordedRequest, state: State): HandlerResult {
  const { route, params } = matchRoute(ROUTES, request.method, request.path);
  checkApiKey(request.headers, state.apiKeys);
  const apiVersion = checkApiVersion(request.headers);
  if (request.rawBytes.length > (route.maxBodyBytes ?? MAX_BODY_BYTES)) throw new ApiError(413);
  return route.handler({
    request,
    params,
    apiVersion,
    betas: parseBetas(request.headers),
    cache: state.cache,
    clock: state.clock,
    batches: state.batches,
    files: state.files,
  });
}

const asApiError = (error: unknown): ApiError =>
  error instanceof ApiError
    ? error
    : new ApiError(500, `Internal server error (simulator bug: ${String(error)})`);

async function answer(reply: Reply, result: HandlerResult): Promise<void> {
  switch (result.kind) {
    case "json":
      return sendJson(reply, result.status ?? 200, result.body);
    case "bytes":
      return sendBody(reply, 200, result.contentType, result.body);
    case "sse":
      return sendSse(reply, result.events, result.isDelta);
    case "stream":
      return sendStream(reply, result.contentType, result.chunks, (error) =>
        sendError(reply, asApiError(error)),
      );
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const receivedAt = Date.now();
  const requestId = newRequestId();
  const recorded = record(req, await readBody(req), receivedAt);
  state.requests.push(recorded);

  const fault = state.faults.shift();
  if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: state.closing.signal });
  if (fault?.drop) {
    req.socket.destroy();
    return;
  }
  const reply: Reply = {
    res,
    headers: { ...fault?.headers, "request-id": requestId },
    fault,
    closing: state.closing.signal,
  };
  if (fault?.redirect) {
    const { status, location } = fault.redirect;
    const html = `<html><head><title>${status} Moved</title></head><body><a href="${location}">moved here</a></body></html>`;
    await sendBody(reply, status, "text/html", Buffer.from(html), { location });
    return;
  }
  if (fault?.raw) {
    const { status = 200, contentType = "application/json", body } = fault.raw;
    await sendBody(reply, status, contentType, Buffer.isBuffer(body) ? body : Buffer.from(body));
    return;
  }
  if (fault?.status !== undefined) {
    const { status, message, errorType, details } = fault;
    await sendError(reply, new ApiError(status, message, errorType, {}, details));
    return;
  }

  let result: HandlerResult;
  try {
    result = dispatch(recorded, state);
  } catch (error) {
    await sendError(reply, asApiError(error));
    return;
  }
  await answer(reply, result);
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

/** Starts an Anthropic API simulator on `host:port` (default 127.0.0.1, a free port). */
export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  // compiling the request schemas takes a moment: pay it now, not in the first request
  warmUpSchemas("CreateMessageParams", "CountMessageTokensParams");
  const clock = createClock();
  let url = "";
  const state: State = {
    requests: [],
    faults: [],
    cache: new PromptCache(),
    clock,
    batches: new BatchStore(clock, () => url),
    files: new FileStore(clock),
    apiKeys: options.apiKeys ?? [SIMULATOR_API_KEY],
    closing: new AbortController(),
  };
  const server = createServer((req, res) => {
    handle(req, res, state).catch(() => {
      // the client went away, or the simulator closed, mid-request: nobody is left to answer
      res.destroy();
    });
  });
  const host = options.host ?? "127.0.0.1";
  const address = await listen(server, options.port ?? 0, host);
  const urlHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
  url = `http://${urlHost}:${address.port}`;

  return {
    url,
    requests: state.requests,
    enqueueFaults: (...faults) => {
      state.faults.push(...faults);
    },
    clock,
    batches: state.batches.control(),
    files: state.files.control(),
    reset: () => {
      // in place: callers may hold on to `requests`
      state.requests.length = 0;
      state.faults.length = 0;
      state.cache.clear();
      state.batches.clear();
      state.files.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.closing.abort();
        server.close((error) => (error ? reject(error) : resolve()));
        // keep-alive sockets (fetch pools them) would hold close() open
        server.closeAllConnections();
      }),
  };
}
