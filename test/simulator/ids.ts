import { createHash, randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function toBase62(bytes: Uint8Array, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += BASE62[bytes[i % bytes.length] % BASE62.length];
  return out;
}

export function sha256(text: string): Buffer {
  return createHash("sha256").update(text).digest();
}

/** Fresh for every response, like the API's `request-id` header: "req_" + 24 alphanumerics. */
export function newRequestId(): string {
  return `req_${toBase62(randomBytes(24), 24)}`;
}

/**
 * Deterministic ids ("msg_01…", "toolu_01…") so that the same request yields the same answer,
 * streamed or not; the "01" mimics the API's current id generation.
 */
export function deterministicId(prefix: string, seed: string): string {
  return `${prefix}_01${toBase62(sha256(seed), 22)}`;
}

/** Fresh ids for stored objects: "msgbatch_01…", "file_01…" (24 alphanumerics after "_"). */
export function newObjectId(prefix: string): string {
  return `${prefix}_01${toBase62(randomBytes(22), 22)}`;
}

/** A stable request id for something derived from `seed`, e.g. an errored batch result. */
export function derivedRequestId(seed: string): string {
  return `req_${toBase62(sha256(`request:${seed}`), 24)}`;
}
