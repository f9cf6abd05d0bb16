/**
 * Writing answers: whole bodies, error envelopes, SSE and streamed bodies, each broken the way
 * the request's fault asks (dropMidBody, stallBodyMs, and the stream faults for streams).
 */
import type { ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { type ApiError, errorEnvelope } from "./errors";
import { brokenStream } from "./faults";
import { formatSseEvent, type SseEvent, writeSseEvents } from "./sse";
import type { Fault } from "./types";

/** What every writer needs besides the body: the response, its fault, and the shutdown signal. */
export interface Reply {
  res: ServerResponse;
  /** request-id and whatever the fault adds. */
  headers: Record<string, string>;
  fault: Fault | undefined;
  /** Aborted when the simulator closes, so that stalls do not hold it open. */
  closing: AbortSignal;
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
 * Writes a chunk and, when the socket's buffer is full, waits for 'drain', so that a slow
 * client holds the producer back instead of the whole body piling up in memory. Resolves false
 * when the client went away.
 */
function writeWithBackpressure(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const settle = (open: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(open);
    };
    const onDrain = () => settle(true);
    const onClose = () => settle(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}

/** The stall of stallBodyMs; false when the client gave up or the simulator closed meanwhile. */
async function stall(reply: Reply): Promise<boolean> {
  const gone = new AbortController();
  reply.res.once("close", () => gone.abort());
  try {
    await sleep(reply.fault?.stallBodyMs ?? 0, undefined, {
      signal: AbortSignal.any([gone.signal, reply.closing]),
    });
    return true;
  } catch {
    // the client gave up (its timeout) or the simulator closed: nobody is left to answer
    reply.res.destroy();
    return false;
  }
}

/**
 * Headers in order of precedence: the answer's own (e.g. `allow` on a 405), then the reply's
 * (request-id, the fault's), then the content type and length, which always describe the body.
 */
function headersFor(
  reply: Reply,
  contentType: string,
  own: Record<string, string>,
  contentLength?: number,
): Record<string, string> {
  return {
    ...own,
    ...reply.headers,
    "content-type": contentType,
    ...(contentLength === undefined ? {} : { "content-length": String(contentLength) }),
  };
}

/**
 * Sends a whole body, or, when the fault says so, half of it and then a dropped socket or a
 * stall. `contentLength: false` sends it chunked (SSE).
 */
export async function sendBody(
  reply: Reply,
  status: number,
  contentType: string,
  body: Buffer,
  own: Record<string, string> = {},
  contentLength = true,
): Promise<void> {
  const { res, fault } = reply;
  const allHeaders = headersFor(reply, contentType, own, contentLength ? body.length : undefined);
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
  if (await stall(reply)) res.end(body.subarray(half));
}

export function sendJson(
  reply: Reply,
  status: number,
  body: unknown,
  own: Record<string, string> = {},
): Promise<void> {
  return sendBody(reply, status, "application/json", Buffer.from(JSON.stringify(body)), own);
}

/** A message padded so that the whole envelope is about `bytes` long. */
const paddedMessage = (message: string, bytes: number): string => {
  const filler = " The gateway repeated this line to fill the error body.";
  const missing = Math.max(0, bytes - message.length - 120);
  return message + filler.repeat(Math.ceil(missing / filler.length)).slice(0, missing);
};

export function sendError(reply: Reply, error: ApiError): Promise<void> {
  const errorBodyBytes = reply.fault?.errorBodyBytes;
  const message = errorBodyBytes ? paddedMessage(error.message, errorBodyBytes) : error.message;
  const envelope = errorEnvelope(error.type, message, reply.headers["request-id"], error.details);
  return sendJson(reply, error.status, envelope, error.headers);
}

const SSE_CONTENT_TYPE = "text/event-stream; charset=utf-8";
const SSE_HEADERS = { "cache-control": "no-cache" };

export async function sendSse(
  reply: Reply,
  allEvents: SseEvent[],
  isDelta?: (event: SseEvent) => boolean,
): Promise<void> {
  const { res, fault } = reply;
  const events = brokenStream(allEvents, fault, isDelta) ?? allEvents;
  if (breaksBody(fault)) {
    const text = Buffer.from(events.map(formatSseEvent).join(""));
    await sendBody(reply, 200, SSE_CONTENT_TYPE, text, SSE_HEADERS, false);
    return;
  }
  res.writeHead(200, headersFor(reply, SSE_CONTENT_TYPE, SSE_HEADERS));
  res.flushHeaders();
  await writeSseEvents(res, events);
  if (fault?.dropMidStream) res.socket?.destroy();
  else res.end();
}

const asBuffer = (chunk: Buffer | string): Buffer =>
  Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);

/**
 * Streams a body as it is produced. A body fault (dropMidBody, stallBodyMs), truncateStream or
 * dropMidStream breaks it inside the first chunk, after half of that chunk's bytes, whatever
 * the body's size (unknown up front): dropMidBody / dropMidStream destroy the socket,
 * truncateStream ends the body cleanly, stallBodyMs stalls and then sends the rest. The first
 * chunk is produced before the status goes out, so a producer that fails at once still gets an
 * error envelope.
 */
export async function sendStream(
  reply: Reply,
  contentType: string,
  chunks: AsyncIterable<Buffer | string>,
  onError: (error: unknown) => Promise<void>,
): Promise<void> {
  const { res, fault } = reply;
  const iterator = chunks[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer | string>;
  try {
    first = await iterator.next();
  } catch (error) {
    await onError(error);
    return;
  }
  res.writeHead(200, headersFor(reply, contentType, {}));
  res.flushHeaders();
  try {
    if (!first.done) {
      const chunk = asBuffer(first.value);
      // midStreamError has no place in a body that is not SSE: such a stream goes out whole
      if (breaksBody(fault) || fault?.truncateStream || fault?.dropMidStream) {
        const half = Math.floor(chunk.length / 2);
        await writeChunk(res, chunk.subarray(0, half));
        if (fault?.dropMidBody || fault?.dropMidStream) {
          res.socket?.destroy();
          return;
        }
        if (fault?.truncateStream) {
          res.end();
          return;
        }
        if (!(await stall(reply))) return;
        if (!(await writeWithBackpressure(res, chunk.subarray(half)))) return;
      } else if (!(await writeWithBackpressure(res, chunk))) {
        return;
      }
    }
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      if (!(await writeWithBackpressure(res, asBuffer(next.value)))) return;
    }
    res.end();
  } finally {
    // stops a producer the client left behind, so it generates nothing more
    await iterator.return?.();
  }
}
