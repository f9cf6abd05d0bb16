import type { SseEvent } from "./sse";
import type { Fault } from "./types";

/** How many content deltas a broken stream delivers before it breaks. */
const DELTAS_BEFORE_FAULT = 2;

/**
 * A stream broken as `fault` asks: cut after a couple of content deltas (after message_start if
 * there are none), then either an `error` event or nothing at all; never message_stop.
 * Returns undefined when the fault does not concern streams.
 */
export function brokenStream(
  events: readonly SseEvent[],
  fault: Fault | undefined,
): SseEvent[] | undefined {
  if (!fault || (!fault.midStreamError && !fault.truncateStream && !fault.dropMidStream)) {
    return undefined;
  }
  let cut = 1;
  let deltas = 0;
  events.forEach((event, index) => {
    if (event.event === "content_block_delta" && deltas < DELTAS_BEFORE_FAULT) {
      deltas++;
      cut = index + 1;
    }
  });
  const kept = events.slice(0, cut);
  if (fault.midStreamError) {
    kept.push({ event: "error", data: { type: "error", error: { ...fault.midStreamError } } });
  }
  return kept;
}
