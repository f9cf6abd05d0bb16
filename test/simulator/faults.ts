import type { SseEvent } from "./sse";
import type { Fault } from "./types";

/** How many content deltas a broken stream delivers before it breaks. */
const DELTAS_BEFORE_FAULT = 2;

const isContentDelta = (event: SseEvent): boolean => event.event === "content_block_delta";

/** Whether `fault` breaks an SSE answer. */
const breaksStream = (fault: Fault | undefined): boolean =>
  Boolean(fault?.midStreamError || fault?.truncateStream || fault?.dropMidStream);

/**
 * A stream broken as `fault` asks: cut after a couple of content deltas (after the first event
 * if there are none), then either an `error` event or nothing at all; never the final event
 * (message_stop, or the completion that carries the stop reason).
 * Returns undefined when the fault does not concern streams.
 */
export function brokenStream(
  events: readonly SseEvent[],
  fault: Fault | undefined,
  isDelta: (event: SseEvent) => boolean = isContentDelta,
): SseEvent[] | undefined {
  if (!fault || !breaksStream(fault)) return undefined;
  let cut = 1;
  let deltas = 0;
  events.forEach((event, index) => {
    if (isDelta(event) && deltas < DELTAS_BEFORE_FAULT) {
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
