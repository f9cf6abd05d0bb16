import { PDF } from "./support/files";
import { runAction, runTrigger, useSimulator } from "./support/harness";

/** The batch and file recipes of docs/batch-and-file-recipes.md, run as a flow would. */

const { sim, connection } = useSimulator();

interface Batch {
  id: string;
  processing_status: string;
  request_counts: Record<string, number>;
}

interface ResultsPage {
  results: Array<{ custom_id: string; result: { type: string } }>;
  counts: Record<string, number>;
  matched: number;
  nextOffset: number | null;
}

describe("batch and file recipes", () => {
  it("creates a batch of 1,000 prompts, is triggered when it ends, and pages its results by type", async () => {
    const prompts = Array.from({ length: 1000 }, (_, i) => `Summarize ticket ${i + 1}`);
    const created = (
      await runAction("createBatch", {
        connection: connection(),
        prompts,
        systemPrompt: "Be brief.",
        maxTokens: "256",
      })
    ).data as Batch;
    expect(created.processing_status).toBe("in_progress");
    expect(created.request_counts.processing).toBe(1000);

    const instanceState: Record<string, unknown> = {};
    const baseline = await runTrigger(
      "batchEnded",
      { connection: connection() },
      { instanceState },
    );
    expect(baseline.resultType).toBe("polled_no_changes");

    sim().batches.setStatus(created.id, "ended");
    const fired = (await runTrigger(
      "batchEnded",
      { connection: connection() },
      { instanceState },
    )) as {
      payload: { body: { data: Array<{ batch: Batch; counts: Record<string, number> }> } };
    };
    const [ended] = fired.payload.body.data;
    expect(ended.batch.id).toBe(created.id);
    expect(ended.counts.succeeded).toBe(1000);

    const seen: string[] = [];
    let offset: number | null = 0;
    while (offset !== null) {
      const page = (
        await runAction("getBatchResults", {
          connection: connection(),
          batchId: ended.batch.id,
          resultTypes: ["succeeded"],
          offset: String(offset),
          limit: "300",
        })
      ).data as ResultsPage;
      expect(page.counts.succeeded).toBe(1000);
      seen.push(...page.results.map((line) => line.custom_id));
      offset = page.nextOffset;
    }
    expect(seen).toEqual(prompts.map((_, i) => `prompt-${i + 1}`));
  });

  it("uploads a PDF once and asks about it in many chats by its file id", async () => {
    const uploaded = (
      await runAction("uploadFile", {
        connection: connection(),
        file: { data: PDF, contentType: "application/pdf" },
        fileName: "annual-report.pdf",
      })
    ).data as { id: string };
    for (const question of ["What was the revenue?", "Who signed the report?"]) {
      await runAction("chat", {
        connection: connection(),
        initialMessage: question,
        fileIds: [uploaded.id],
      });
    }
    const [upload, ...chats] = sim().requests;
    expect(upload.path).toBe("/v1/files");
    expect(chats.map((request) => request.path)).toEqual(["/v1/messages", "/v1/messages"]);
    for (const request of chats) {
      const [turn] = (request.body as { messages: Array<{ content: unknown[] }> }).messages;
      expect(turn.content[0]).toEqual({
        type: "document",
        source: { type: "file", file_id: uploaded.id },
      });
      // The PDF went up once; the chats carry only its id.
      expect(request.rawBody.length).toBeLessThan(1000);
    }
  });
});
