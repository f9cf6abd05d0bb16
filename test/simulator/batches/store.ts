/**
 * The simulator's message batches: created over HTTP or seeded by tests, moved on by tests
 * (`sim.batches.setStatus`), never by time. The API's refusals live in the handlers; this is
 * the state and the test controls.
 */
import type { ApiVersion } from "../auth";
import { rfc3339, type SimClock } from "../clock";
import { newObjectId } from "../ids";
import type {
  BatchControl,
  BatchResultCounts,
  BatchStatus,
  MessageBatch,
  SeedBatchOptions,
} from "../types";
import {
  type BatchRequest,
  countLines,
  createdLines,
  defaultSeededCounts,
  defaultSeededLine,
  type ResultLine,
  seededLines,
} from "./results";

/** Batches expire (stop processing) 24 hours after creation. */
const BATCH_LIFETIME_MS = 24 * 60 * 60 * 1000;

type Source =
  | { kind: "created"; requests: readonly BatchRequest[]; apiVersion: ApiVersion }
  | {
      kind: "seeded";
      count: number;
      line: (index: number) => ResultLine;
      counts: BatchResultCounts;
    };

interface StoredBatch {
  batch: MessageBatch;
  createdAtMs: number;
  /** Creation order, which breaks created_at ties: later created lists as newer. */
  order: number;
  source: Source;
  /** Set when the batch is moved to canceling: a created batch's requests then end canceled. */
  canceled: boolean;
}

const STATUS_RANK: Record<BatchStatus, number> = { in_progress: 0, canceling: 1, ended: 2 };

const copy = (batch: MessageBatch): MessageBatch => ({
  ...batch,
  request_counts: { ...batch.request_counts },
});

export class BatchStore {
  private readonly batches = new Map<string, StoredBatch>();
  private created = 0;

  constructor(
    private readonly clock: SimClock,
    /** The simulator's URL is known only once it listens; results_url is built from it. */
    private readonly baseUrl: () => string,
  ) {}

  private add(id: string, source: Source, count: number, createdAtMs: number): StoredBatch {
    const stored: StoredBatch = {
      batch: {
        id,
        type: "message_batch",
        processing_status: "in_progress",
        request_counts: { processing: count, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
        ended_at: null,
        created_at: rfc3339(createdAtMs),
        expires_at: rfc3339(createdAtMs + BATCH_LIFETIME_MS),
        archived_at: null,
        cancel_initiated_at: null,
        results_url: null,
      },
      createdAtMs,
      order: this.created++,
      source,
      canceled: false,
    };
    this.batches.set(id, stored);
    return stored;
  }

  /** A batch as POST /v1/messages/batches creates it: in progress, results made when it ends. */
  create(requests: readonly BatchRequest[], apiVersion: ApiVersion): MessageBatch {
    const source: Source = { kind: "created", requests, apiVersion };
    const stored = this.add(newObjectId("msgbatch"), source, requests.length, this.clock.now());
    return copy(stored.batch);
  }

  seed(options: SeedBatchOptions): MessageBatch {
    const { count } = options;
    if (!Number.isInteger(count) || count < 0) {
      throw new RangeError(`batches.seed: count must be an integer >= 0, got ${count}`);
    }
    // the default lines derive their message ids and request ids from the batch id
    const id = newObjectId("msgbatch");
    const line = options.result ?? ((index: number) => defaultSeededLine(id, index));
    const counts =
      options.counts ??
      (options.result ? countLines(seededLines(count, line)) : defaultSeededCounts(count));
    const source: Source = { kind: "seeded", count, line, counts: { ...counts } };
    const stored = this.add(id, source, count, options.createdAt ?? this.clock.now());
    this.moveTo(stored, options.status ?? "ended");
    return copy(stored.batch);
  }

  /** The stored batch, or undefined; for the handlers. */
  find(id: string): MessageBatch | undefined {
    return this.batches.get(id)?.batch;
  }

  get(id: string): MessageBatch | undefined {
    const batch = this.find(id);
    return batch && copy(batch);
  }

  /** Newest first: by created_at, ties by creation order. */
  list(): MessageBatch[] {
    return [...this.batches.values()]
      .sort((a, b) => b.createdAtMs - a.createdAtMs || b.order - a.order)
      .map((stored) => stored.batch);
  }

  setStatus(id: string, status: BatchStatus): MessageBatch {
    const stored = this.batches.get(id);
    if (!stored) throw new Error(`batches.setStatus: no batch ${id}`);
    this.moveTo(stored, status);
    return copy(stored.batch);
  }

  private moveTo(stored: StoredBatch, status: BatchStatus): void {
    const { batch } = stored;
    const from = batch.processing_status;
    if (STATUS_RANK[status] < STATUS_RANK[from]) {
      throw new Error(`batches.setStatus: ${batch.id} cannot move from ${from} back to ${status}`);
    }
    if (status === from) return;
    // never stamped before creation, even for batches seeded in the clock's future
    const now = rfc3339(Math.max(this.clock.now(), stored.createdAtMs));
    if (status === "canceling" || (status === "ended" && from === "canceling")) {
      stored.canceled = true;
      batch.cancel_initiated_at ??= now;
    }
    batch.processing_status = status;
    if (status !== "ended") return;
    const counts =
      stored.source.kind === "seeded" ? stored.source.counts : countLines(this.lines(stored));
    batch.request_counts = { processing: 0, ...counts };
    batch.ended_at = now;
    batch.results_url = `${this.baseUrl()}/v1/messages/batches/${encodeURIComponent(batch.id)}/results`;
  }

  private lines(stored: StoredBatch): Iterable<ResultLine> {
    const { source } = stored;
    return source.kind === "seeded"
      ? seededLines(source.count, source.line)
      : createdLines(stored.batch.id, source.requests, source.apiVersion, stored.canceled);
  }

  /** The results of an ended batch, produced lazily; undefined for unknown ids. */
  results(id: string): Iterable<ResultLine> | undefined {
    const stored = this.batches.get(id);
    return stored && this.lines(stored);
  }

  delete(id: string): boolean {
    return this.batches.delete(id);
  }

  clear(): void {
    this.batches.clear();
  }

  /** The test-facing `sim.batches`. */
  control(): BatchControl {
    return {
      setStatus: (id, status) => this.setStatus(id, status),
      seed: (options) => this.seed(options),
      get: (id) => this.get(id),
      list: () => this.list().map(copy),
    };
  }
}
