import { BATCHES } from "../../src/batches/api";
import { type EndedPollState, pollEndedBatches } from "../../src/batches/endedSince";
import type { MessageBatch } from "../../src/batches/types";
import { createAnthropicClient } from "../../src/client/createAnthropicClient";
import { eachListItem } from "../../src/pagination/list";
import { capturingLogger, runTrigger, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

interface Fired {
  payload: { body: { data: Array<{ batch: MessageBatch; counts: Record<string, number> }> } };
  /** Spectral turns polledNoChanges into the resultType the platform reads. */
  resultType?: string;
}

const poll = async (instanceState: Record<string, unknown>): Promise<Fired> =>
  (await runTrigger(
    "batchEnded",
    { connection: connection() },
    { instanceState },
  )) as unknown as Fired;

const firedIds = (result: Fired): string[] => result.payload.body.data.map(({ batch }) => batch.id);

/** `count` batches, one second apart, the newest first in the list. */
const seedRunning = (count: number, startMs: number) =>
  Array.from(
    { length: count },
    (_, i) =>
      sim().batches.seed({ count: 4, status: "in_progress", createdAt: startMs + i * 1000 }).id,
  );

describe("the Batch Ended trigger", () => {
  it("over four polls: a baseline, then each batch that ended, once, however deep in the list", async () => {
    const state: Record<string, unknown> = {};
    const start = sim().clock.now() - 3_600_000;
    // 1,205 batches: the list answers 1,000 a page, so the oldest sit on the second page.
    const running = seedRunning(1205, start);
    const endedBefore = sim().batches.seed({ count: 2, createdAt: start - 5_000 }).id;

    const first = await poll(state);
    expect(firedIds(first)).toEqual([]);
    expect(first.resultType).toBe("polled_no_changes");
    expect(sim().requests.map((request) => request.query)).toEqual([
      { limit: "1000" },
      { limit: "1000", after_id: running[205] },
    ]);

    // Between polls 1 and 2: the oldest running batch (page two) ends, one new batch is created
    // and ends before the poll sees it, another is created and keeps running.
    sim().batches.setStatus(running[0], "ended");
    const quick = sim().batches.seed({ count: 4, createdAt: start + 2_000_000 }).id;
    const slow = sim().batches.seed({
      count: 4,
      status: "in_progress",
      createdAt: start + 2_001_000,
    }).id;
    sim().requests.length = 0;
    const second = await poll(state);
    expect(firedIds(second).sort()).toEqual([running[0], quick].sort());
    expect(second.resultType).toBe("completed");
    const fired = second.payload.body.data.find(({ batch }) => batch.id === running[0]);
    expect(fired?.batch.processing_status).toBe("ended");
    expect(fired?.counts).toEqual(fired?.batch.request_counts);
    expect(fired?.counts.processing).toBe(0);

    // Between polls 2 and 3: nothing ends.
    const third = await poll(state);
    expect(firedIds(third)).toEqual([]);
    expect(third.resultType).toBe("polled_no_changes");

    // Between polls 3 and 4: one is canceled and ends, and the new slow one ends.
    sim().batches.setStatus(running[600], "canceling");
    sim().batches.setStatus(running[600], "ended");
    sim().batches.setStatus(slow, "ended");
    const fourth = await poll(state);
    expect(firedIds(fourth).sort()).toEqual([running[600], slow].sort());
    expect(firedIds(fourth)).not.toContain(endedBefore);
    // Nothing fires twice: a fifth poll with no change is quiet.
    expect(firedIds(await poll(state))).toEqual([]);
  }, 60_000);

  it("stops reading pages as soon as nothing further down can have ended", async () => {
    const start = sim().clock.now() - 3_600_000;
    const old = Array.from(
      { length: 30 },
      (_, i) => sim().batches.seed({ count: 1, createdAt: start + i * 1000 }).id,
    );
    const client = createAnthropicClient(connection(), { logger: capturingLogger().logger });
    const pages = () => eachListItem<MessageBatch>(client, { ...BATCHES, maxLimit: 5 });
    const baseline = await pollEndedBatches(pages(), undefined);
    const pagesRead = sim().requests.length;
    expect(pagesRead).toBe(6); // 30 batches in pages of 5: the walk reads to the end of the list
    sim().requests.length = 0;
    const fresh = sim().batches.seed({ count: 1, createdAt: start + 100_000 }).id;
    const next = await pollEndedBatches(pages(), baseline.state as EndedPollState);
    expect(next.ended.map((batch) => batch.id)).toEqual([fresh]);
    // Only the first page: below the watermark, with nothing pending, the walk ends.
    expect(sim().requests).toHaveLength(1);
    expect(old).toHaveLength(30);
  });

  it("fires nothing on the first poll, for batches that ended before it was deployed", async () => {
    sim().batches.seed({ count: 2 });
    const result = await poll({});
    expect(result.resultType).toBe("polled_no_changes");
    expect(firedIds(result)).toEqual([]);
  });

  it("treats ties on created_at as seen, not new", async () => {
    const state: Record<string, unknown> = {};
    const at = sim().clock.now() - 60_000;
    const a = sim().batches.seed({ count: 1, status: "in_progress", createdAt: at }).id;
    await poll(state);
    const b = sim().batches.seed({ count: 1, createdAt: at }).id;
    sim().batches.setStatus(a, "ended");
    expect(firedIds(await poll(state)).sort()).toEqual([a, b].sort());
    expect(firedIds(await poll(state))).toEqual([]);
  });
});
