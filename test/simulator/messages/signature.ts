import { createHmac, timingSafeEqual } from "node:crypto";
import { sha256 } from "../ids";

/**
 * Thinking block signatures the simulator can check when a client sends them back: base64 of
 * a 32-byte nonce (derived from the request, so answers stay deterministic) followed by
 * HMAC-SHA256(secret, nonce ‖ thinking). A dropped, altered or foreign signature, or a thinking
 * text edited after signing, fails verification. The secret is fixed, so signatures outlive
 * `reset()` and verify across simulator instances.
 */
const SECRET = "anthropic-simulator/thinking-signature/v1";
const NONCE_BYTES = 32;
const MAC_BYTES = 32;

function mac(nonce: Buffer, thinking: string): Buffer {
  return createHmac("sha256", SECRET).update(nonce).update(thinking, "utf8").digest();
}

function sign(nonce: Buffer, thinking: string): string {
  return Buffer.concat([nonce, mac(nonce, thinking)]).toString("base64");
}

/** Signs `thinking` with a nonce derived from `seed` (the request it answers). */
export function signThinking(thinking: string, seed: string): string {
  return sign(sha256(`sig:${seed}`), thinking);
}

/** The signature for a shortened text, keeping the original's nonce (max_tokens cuts). */
export function resignThinking(signature: string, thinking: string): string {
  const bytes = Buffer.from(signature, "base64");
  const nonce = bytes.length === NONCE_BYTES + MAC_BYTES ? bytes.subarray(0, NONCE_BYTES) : bytes;
  return sign(Buffer.from(nonce), thinking);
}

/** True when `signature` is one the simulator issued for exactly this thinking text. */
export function verifyThinkingSignature(thinking: string, signature: string): boolean {
  const bytes = Buffer.from(signature, "base64");
  // Buffer.from skips what is not base64: only the canonical encoding counts
  if (bytes.length !== NONCE_BYTES + MAC_BYTES || bytes.toString("base64") !== signature) {
    return false;
  }
  const expected = mac(bytes.subarray(0, NONCE_BYTES), thinking);
  return timingSafeEqual(expected, bytes.subarray(NONCE_BYTES));
}
