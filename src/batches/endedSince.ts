import type { MessageBatch } from "./types";

/**
 * What the Batch Ended trigger remembers between polls: the newest `created_at` it has seen
 * (and the ids created at that very instant, so a tie is not taken for new), and the batches
 * it saw still processing, which may end on any later poll however far down the list they sit.
 */
export interface EndedPollState {
  watermark: string | null;
  boundaryIds: string[];
  pending: Array<{ id: string; created_at: string }>;
}

export interface EndedPoll {
  /** Batches that reached `ended` since the last poll, in the order they ended. */
  ended: MessageBatch[];
  state: EndedPollState;
}

/** A batch processes for at most 24 hours; one created before this long ago has surely ended. */
const LONGEST_PROCESSING_MS = 25 * 60 * 60 * 1000;

const timeOf = (stamp: string | null): number =>
  stamp === null ? Number.NEGATIVE_INFINITY : Date.parse(stamp);

const endedTime = (batch: MessageBatch): number =>
  batch.ended_at ? Date.parse(batch.ended_at) : Number.POSITIVE_INFINITY;

/**
 * Walks the list newest first and stops as soon as nothing further down can have ended since
 * the last poll: below the watermark, once every pending batch has been passed. The first poll
 * only takes a baseline (what is running now), so deploying the trigger fires nothing for
 * batches that ended before it.
 */
export const pollEndedBatches = async (
  batches: AsyncIterable<MessageBatch>,
  previous: EndedPollState | undefined,
  now: number = Date.now(),
): Promise<EndedPoll> => {
  const first = previous === undefined;
  const mark = timeOf(previous?.watermark ?? null);
  const boundary = new Set(previous?.boundaryIds ?? []);
  const pendingLeft = new Map(
    (previous?.pending ?? []).map(({ id, created_at }) => [id, Date.parse(created_at)]),
  );
  const oldestPending = Math.min(...pendingLeft.values());

  let watermark = previous?.watermark ?? null;
  let newest = mark;
  let boundaryIds = [...boundary];
  const ended: MessageBatch[] = [];
  const pending: EndedPollState["pending"] = [];

  for await (const batch of batches) {
    const created = timeOf(batch.created_at);
    if (first ? created < now - LONGEST_PROCESSING_MS : created < mark) {
      if (first || pendingLeft.size === 0 || created < oldestPending) break;
    }
    if (created > newest) {
      newest = created;
      watermark = batch.created_at;
      boundaryIds = [batch.id];
    } else if (created === newest && !boundaryIds.includes(batch.id)) {
      boundaryIds.push(batch.id);
    }
    const isNew = first || created > mark || (created === mark && !boundary.has(batch.id));
    const wasPending = pendingLeft.delete(batch.id);
    if (!isNew && !wasPending) continue;
    if (batch.processing_status !== "ended") {
      pending.push({ id: batch.id, created_at: batch.created_at });
    } else if (!first) {
      ended.push(batch);
    }
  }
  // A pending batch the walk passed without meeting was deleted: it can never end now.
  ended.sort((a, b) => endedTime(a) - endedTime(b));
  return { ended, state: { watermark, boundaryIds, pending } };
};
