import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

interface ResultsPage {
  results: Array<{ custom_id: string; result: { type: string } }>;
  counts: Record<string, number>;
  total: number;
  matched: number;
  offset: number;
  limit: number;
  nextOffset: number | null;
}

const TYPES = ["succeeded", "errored", "canceled", "expired"];

const readPage = async (inputs: Record<string, unknown>): Promise<ResultsPage> =>
  (await runAction("getBatchResults", { connection: connection(), ...inputs })).data as ResultsPage;

describe("getBatchResults", () => {
  it("reads the first page of 100 by path, with the counts over the whole file", async () => {
    const batch = sim().batches.seed({ count: 250 });
    const page = await readPage({ batchId: batch.id });
    const [request] = sim().requests;
    expect(request.method).toBe("GET");
    // By path through the client, never the batch's results_url.
    expect(request.path).toBe(`/v1/messages/batches/${batch.id}/results`);
    expect(request.query).toEqual({});
    expect(request.headers.accept).toBe("application/binary");
    expect(page.results.map((line) => line.custom_id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `req-${i}`),
    );
    expect(page.results.map((line) => line.result.type).slice(0, 4)).toEqual(TYPES);
    expect(page.counts).toEqual({ succeeded: 63, errored: 63, canceled: 62, expired: 62 });
    expect(page).toMatchObject({
      total: 250,
      matched: 250,
      offset: 0,
      limit: 100,
      nextOffset: 100,
    });
  });

  it("filters by result type, then pages by offset over the matches", async () => {
    const batch = sim().batches.seed({ count: 250 });
    const first = await readPage({ batchId: batch.id, resultTypes: ["errored"], limit: "40" });
    expect(first.results.map((line) => line.custom_id)).toEqual(
      Array.from({ length: 40 }, (_, i) => `req-${i * 4 + 1}`),
    );
    expect(first).toMatchObject({ matched: 63, nextOffset: 40 });
    const last = await readPage({
      batchId: batch.id,
      resultTypes: ["errored"],
      limit: "40",
      offset: String(first.nextOffset),
    });
    expect(last.results.map((line) => line.custom_id)).toEqual(
      Array.from({ length: 23 }, (_, i) => `req-${(i + 40) * 4 + 1}`),
    );
    expect(last.nextOffset).toBeNull();
    expect(last.counts).toEqual(first.counts);
  });

  it("filters by custom id and by several types at once", async () => {
    const batch = sim().batches.seed({ count: 20 });
    const page = await readPage({
      batchId: batch.id,
      customIds: ["req-0", "req-1", "req-2", "req-19", "missing"],
      resultTypes: ["succeeded", "canceled"],
    });
    expect(page.results.map((line) => [line.custom_id, line.result.type])).toEqual([
      ["req-0", "succeeded"],
      ["req-2", "canceled"],
    ]);
    expect(page).toMatchObject({ total: 20, matched: 2, nextOffset: null });
  });

  it("returns an empty page past the end", async () => {
    const batch = sim().batches.seed({ count: 5 });
    const page = await readPage({ batchId: batch.id, offset: "5" });
    expect(page).toMatchObject({ results: [], total: 5, matched: 5, nextOffset: null });
  });

  it("refuses an empty results file: every batch has at least one result", async () => {
    const batch = sim().batches.seed({ count: 1 });
    sim().enqueueFaults({ raw: { contentType: "application/binary", body: "" } });
    const error = await failureOf(
      runAction("getBatchResults", { connection: connection(), batchId: batch.id }),
    );
    expect(error.message).toMatch(
      /^Batch results: the answer is empty, not the JSON Lines results file expected \(request-id req_\w+\)$/,
    );
    expect(error.status).toBe(200);
  });

  it("names the line number of a malformed line in the middle", async () => {
    const batch = sim().batches.seed({
      count: 1000,
      result: (i) =>
        i === 499
          ? '{"custom_id": "req-499", "result": {"type": "succ'
          : { custom_id: `req-${i}`, result: { type: "succeeded" } },
    });
    const error = await failureOf(
      runAction("getBatchResults", {
        connection: connection(),
        batchId: batch.id,
        maxRetries: "0",
      }),
    );
    expect(error.message).toMatch(
      /^Batch results: line 500 is not JSON \(.+\); it began: \{"custom_id": "req-499", "result": \{"type": "succ \(request-id req_\w+\)$/,
    );
    expect(error.type).toBe("invalid_stream");
    expect(error.retryable).toBe(false);
  });

  it("names a line that is JSON but not a result", async () => {
    const batch = sim().batches.seed({
      count: 3,
      result: (i) =>
        i === 1 ? '{"hello": "world"}' : { custom_id: `r${i}`, result: { type: "expired" } },
    });
    const error = await failureOf(
      runAction("getBatchResults", { connection: connection(), batchId: batch.id }),
    );
    expect(error.message).toMatch(
      /^Batch results: line 2 is not a valid result \{custom_id, result: \{type, \.\.\.\}\}/,
    );
  });

  it("surfaces the API's error for a batch still processing", async () => {
    const batch = sim().batches.seed({ count: 3, status: "in_progress" });
    const error = await failureOf(
      runAction("getBatchResults", { connection: connection(), batchId: batch.id }),
    );
    expect(error.message).toMatch(/^Anthropic API 400 invalid_request_error: /);
    expect(error.status).toBe(400);
  });

  it.each([
    [
      "an unknown result type",
      { resultTypes: ["failed"] },
      /^Result Types: "failed" is not a result type; use succeeded, errored, canceled, expired\.$/,
    ],
    ["a negative offset", { offset: "-1" }, /^Offset: /],
    ["a limit above 10000", { limit: "10001" }, /^Limit: /],
  ])("refuses %s before sending", async (_name, inputs, message) => {
    const error = await failureOf(
      runAction("getBatchResults", {
        connection: connection(),
        batchId: "msgbatch_01x",
        ...inputs,
      }),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });
});

describe("getBatchResults on a 100,000-line file", () => {
  const MB = 1024 * 1024;

  it("reads a page of 100 from the middle with heap and RSS growing by less than 50 MB", async () => {
    const batch = sim().batches.seed({ count: 100_000 });
    global.gc?.();
    const before = process.memoryUsage();
    let peakHeap = before.heapUsed;
    let peakRss = before.rss;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
    }, 5);
    let page: ResultsPage;
    try {
      page = await readPage({ batchId: batch.id, offset: "50000", limit: "100" });
    } finally {
      clearInterval(sampler);
    }
    expect(page.results.map((line) => line.custom_id)).toEqual(
      Array.from({ length: 100 }, (_, i) => `req-${50_000 + i}`),
    );
    expect(page.counts).toEqual({
      succeeded: 25_000,
      errored: 25_000,
      canceled: 25_000,
      expired: 25_000,
    });
    expect(page).toMatchObject({ total: 100_000, matched: 100_000, nextOffset: 50_100 });
    expect((peakHeap - before.heapUsed) / MB).toBeLessThan(50);
    expect((peakRss - before.rss) / MB).toBeLessThan(50);
  }, 120_000);
});
