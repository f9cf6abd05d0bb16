import type { ServerResponse } from "node:http";
import { setImmediate as nextTick } from "node:timers/promises";

export interface SseEvent {
  event: string;
  data: object;
}

/** The API's framing: an `event:` line, one `data:` line of JSON, a blank line. */
export function formatSseEvent(event: SseEvent): string {
  return `event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`;
}

/**
 * Writes each event as its own chunk with a turn of the event loop in between, so clients see
 * a stream arrive progressively rather than one buffered body. Stops if the client goes away.
 */
export async function writeSseEvents(
  res: ServerResponse,
  events: readonly SseEvent[],
): Promise<void> {
  for (const event of events) {
    if (res.destroyed) return;
    res.write(formatSseEvent(event));
    await nextTick();
  }
}
