import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { checkApiKey, checkApiVersion, parseBetas, SIMULATOR_API_KEY } from "./auth";
import { ApiError, errorEnvelope } from "./errors";
import { brokenStream } from "./faults";
import { newRequestId } from "./ids";
import { PromptCache } from "./messages/cache";
import { type HandlerResult, matchRoute } from "./router";
import { ROUTES } from "./routes";
import { warmUpSchemas } from "./schema/validate";
import { formatSseEvent, writeSseEvents } from "./sse";
import type { Fault, RecordedRequest, Simulator, SimulatorOptions } from "./types";

/** The Messages API's request size limit. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

interface State {
  requests: RecordedRequest[];
  faults: Fault[];
  cache: PromptCache;
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

function record(req: IncomingMessage, rawBody: string, receivedAt: number): RecordedRequest {
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
    query: Object.fromEntries(new URLSearchParams(queryString)),
    headers,
    rawBody,
    body,
    receivedAt,
  };
}

/** Whether `fault` breaks the body of whatever answer goes out (see dropMidBody, stallBodyMs). */
const breaksBody = (fault: Fault | undefined): boolean =>
  Boolean(fault?.dropMidBody) || (fault?.stallBodyMs ?? 0) > 0;

const writeChunk = (res: ServerResponse, chunk: Buffer): Promise<void> =>
  new Promise((resolve) => {
    if (res.destroyed) resolve();
    else res.write(chunk, () => resolve());
  });

/**
 * Sends a whole body, or, when the fault says so, half of it and then a dropped socket or a
 * stall. `contentLength: false` sends it chunked (SSE).
 */
async function sendBody(
  res: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: Buffer,
  fault: Fault | undefined,
  state: State,
  contentLength = true,
): Promise<void> {
  const allHeaders = contentLength
    ? { ...headers, "content-length": String(body.length) }
    : headers;
  if (!breaksBody(fault)) {
    res.writeHead(status, allHeaders);
    res.end(body);
    return;
  }
  const half = Math.max(1, Math.floor(body.length / 2));
  res.writeHead(status, allHeaders);
  res.flushHeaders();
  await writeChunk(res, body.subarray(0, half));
  if (fault?.dropMidBody) {
    res.socket?.destroy();
    return;
  }
  const gone = new AbortController();
  res.once("close", () => gone.abort());
  try {
    await sleep(fault?.stallBodyMs ?? 0, undefined, {
      signal: AbortSignal.any([gone.signal, state.closing.signal]),
    });
  } catch {
    // the client gave up (its timeout) or the simulator closed: nobody is left to answer
    res.destroy();
    return;
  }
  res.end(body.subarray(half));
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string>,
  fault: Fault | undefined,
  state: State,
): Promise<void> {
  const text = Buffer.from(JSON.stringify(body));
  return sendBody(
    res,
    status,
    { ...headers, "content-type": "application/json" },
    text,
    fault,
    state,
  );
}

/** A message padded so that the whole envelope is about `bytes` long. */
const paddedMessage = (message: string, bytes: number): string => {
  const filler = " The gateway repeated this line to fill the error body.";
  const missing = Math.max(0, bytes - message.length - 120);
  return message + filler.repeat(Math.ceil(missing / filler.length)).slice(0, missing);
};

function sendError(
  res: ServerResponse,
  requestId: string,
  error: ApiError,
  headers: Record<string, string>,
  fault: Fault | undefined,
  state: State,
): Promise<void> {
  const message = fault?.errorBodyBytes
    ? paddedMessage(error.message, fault.errorBodyBytes)
    : error.message;
  const envelope = errorEnvelope(error.type, message, requestId);
  return sendJson(res, error.status, envelope, { ...error.headers, ...headers }, fault, state);
}

/** Routing, then authentication, then the version header: the API's order of refusals. */
function dispatch(request: RecordedRequest, state: State): HandlerResult {
  const { route, params } = matchRoute(ROUTES, request.method, request.path);
  checkApiKey(request.headers, state.apiKeys);
  const apiVersion = checkApiVersion(request.headers);
  if (Buffer.byteLength(request.rawBody) > MAX_BODY_BYTES) throw new ApiError(413);
  return route.handler({
    request,
    params,
    apiVersion,
    betas: parseBetas(request.headers),
    cache: state.cache,
  });
}

async function handle(req: IncomingMessage, res: ServerResponse, state: State): Promise<void> {
  const receivedAt = Date.now();
  const requestId = newRequestId();
  const recorded = record(req, (await readBody(req)).toString("utf8"), receivedAt);
  state.requests.push(recorded);

  const fault = state.faults.shift();
  if (fault?.delayMs) await sleep(fault.delayMs, undefined, { signal: state.closing.signal });
  if (fault?.drop) {
    req.socket.destroy();
    return;
  }
  const headers = { ...fault?.headers, "request-id": requestId };
  if (fault?.redirect) {
    const { status, location } = fault.redirect;
    const html = `<html><head><title>${status} Moved</title></head><body><a href="${location}">moved here</a></body></html>`;
    await sendBody(
      res,
      status,
      { ...headers, location, "content-type": "text/html" },
      Buffer.from(html),
      fault,
      state,
    );
    return;
  }
  if (fault?.raw) {
    const { status = 200, contentType = "application/json", body } = fault.raw;
    const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body);
    await sendBody(res, status, { ...headers, "content-type": contentType }, bytes, fault, state);
    return;
  }
  if (fault?.status !== undefined) {
    const error = new ApiError(fault.status, fault.message, fault.errorType);
    await sendError(res, requestId, error, headers, fault, state);
    return;
  }

  let result: HandlerResult;
  try {
    result = dispatch(recorded, state);
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(500, `Internal server error (simulator bug: ${String(error)})`);
    await sendError(res, requestId, apiError, headers, fault, state);
    return;
  }
  if (result.kind === "json") {
    await sendJson(res, result.status ?? 200, result.body, headers, fault, state);
    return;
  }
  const sseHeaders = {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
  };
  const events = brokenStream(result.events, fault) ?? result.events;
  if (breaksBody(fault)) {
    const text = Buffer.from(events.map(formatSseEvent).join(""));
    await sendBody(res, 200, sseHeaders, text, fault, state, false);
    return;
  }
  res.writeHead(200, sseHeaders);
  res.flushHeaders();
  await writeSseEvents(res, events);
  if (fault?.dropMidStream) res.socket?.destroy();
  else res.end();
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
  const state: State = {
    requests: [],
    faults: [],
    cache: new PromptCache(),
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

  return {
    url: `http://${urlHost}:${address.port}`,
    requests: state.requests,
    enqueueFaults: (...faults) => {
      state.faults.push(...faults);
    },
    reset: () => {
      // in place: callers may hold on to `requests`
      state.requests.length = 0;
      state.faults.length = 0;
      state.cache.clear();
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
