import { DEFAULT_MAX_TOKENS, DEFAULT_MODEL } from "../../src/defaults";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

interface Batch {
  id: string;
  type: string;
  processing_status: string;
  request_counts: Record<string, number>;
}

const sentBody = () => {
  const [request] = sim().requests;
  return request.body as {
    requests: Array<{ custom_id: string; params: Record<string, unknown> }>;
  };
};

describe("createBatch", () => {
  it("sends one request per prompt, with the shared inputs, as prompt-1, prompt-2, ...", async () => {
    const result = await runAction("createBatch", {
      connection: connection(),
      prompts: ["Summarize ticket 1", "Summarize ticket 2", "Summarize ticket 3"],
      systemPrompt: "Be brief.",
      maxTokens: "512",
      temperature: "0.2",
      stopSequences: ["END"],
    });
    const [request] = sim().requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/messages/batches");
    expect(request.query).toEqual({});
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    const params = (n: number) => ({
      model: DEFAULT_MODEL,
      system: "Be brief.",
      messages: [{ role: "user", content: `Summarize ticket ${n}` }],
      max_tokens: 512,
      temperature: 0.2,
      stop_sequences: ["END"],
    });
    expect(request.body).toEqual({
      requests: [1, 2, 3].map((n) => ({ custom_id: `prompt-${n}`, params: params(n) })),
    });
    const batch = result.data as Batch;
    expect(batch.type).toBe("message_batch");
    expect(batch.id).toMatch(/^msgbatch_/);
    expect(batch.processing_status).toBe("in_progress");
    expect(batch.request_counts.processing).toBe(3);
    expect(sim().batches.get(batch.id)).toEqual(batch);
  });

  it("lays each item's params over what the shared inputs build from its messages", async () => {
    const requests = [
      {
        custom_id: "q-1",
        params: { messages: [{ role: "user", content: "Hello" }] },
      },
      {
        custom_id: "q-2",
        params: {
          model: "claude-haiku-4-5",
          max_tokens: 100,
          system: "Answer in French.",
          messages: [{ role: "user", content: "Hello" }],
        },
      },
    ];
    await runAction("createBatch", {
      connection: connection(),
      requests: JSON.stringify(requests),
      systemPrompt: "Be brief.",
    });
    expect(sentBody()).toEqual({
      requests: [
        {
          custom_id: "q-1",
          params: {
            model: DEFAULT_MODEL,
            system: "Be brief.",
            messages: [{ role: "user", content: "Hello" }],
            max_tokens: DEFAULT_MAX_TOKENS,
          },
        },
        {
          custom_id: "q-2",
          params: {
            model: "claude-haiku-4-5",
            system: "Answer in French.",
            messages: [{ role: "user", content: "Hello" }],
            max_tokens: 100,
          },
        },
      ],
    });
  });

  it("shares tools, thinking, the output schema and prompt caching with every request", async () => {
    const tools = [
      {
        name: "lookup_order",
        description: "Find an order",
        input_schema: { type: "object", properties: { id: { type: "string" } } },
      },
    ];
    await runAction("createBatch", {
      connection: connection(),
      prompts: ["Where is order 7?", "Where is order 8?"],
      tools: JSON.stringify(tools),
      thinking: "adaptive",
      effort: "low",
      cache: "5m",
      systemPrompt: "You track orders.",
    });
    const { requests } = sentBody();
    expect(requests.map((item) => item.custom_id)).toEqual(["prompt-1", "prompt-2"]);
    for (const item of requests) {
      expect(item.params.thinking).toEqual({ type: "adaptive" });
      expect(item.params.output_config).toEqual({ effort: "low" });
      expect(item.params.tools).toEqual([
        { ...tools[0], cache_control: { type: "ephemeral", ttl: "5m" } },
      ]);
    }
  });

  it("sends Files API ids with every prompt, with no beta header", async () => {
    await runAction("createBatch", {
      connection: connection(),
      prompts: ["What is the revenue?", "Who is the CEO?"],
      fileIds: ["file_011CNha8iCJcU1wXNR6q4V8w"],
    });
    const [request] = sim().requests;
    expect(request.headers["anthropic-beta"]).toBeUndefined();
    expect(sentBody().requests[1].params.messages).toEqual([
      {
        role: "user",
        content: [
          { type: "document", source: { type: "file", file_id: "file_011CNha8iCJcU1wXNR6q4V8w" } },
          { type: "text", text: "Who is the CEO?" },
        ],
      },
    ]);
  });

  const refusals: Array<[string, Record<string, unknown>, RegExp]> = [
    [
      "both forms at once",
      { prompts: ["Hi"], requests: '[{"custom_id": "a", "params": {"messages": []}}]' },
      /^Requests: cannot be combined with Prompts/,
    ],
    ["neither form", {}, /^Prompts: is required/],
    ["an empty Requests list", { requests: "[]" }, /^Requests: is an empty list/],
    [
      "a custom_id the API refuses",
      {
        requests: JSON.stringify([
          { custom_id: "ok-1", params: { messages: [{ role: "user", content: "Hi" }] } },
          { custom_id: "not ok!", params: { messages: [{ role: "user", content: "Hi" }] } },
        ]),
      },
      /^Requests: requests\[1\]: custom_id "not ok!" is not accepted; use 1 to 64 letters/,
    ],
    [
      "a custom_id of 65 characters",
      {
        requests: JSON.stringify([
          { custom_id: "x".repeat(65), params: { messages: [{ role: "user", content: "Hi" }] } },
        ]),
      },
      /^Requests: requests\[0\]: custom_id "x{57}\.\.\." is not accepted/,
    ],
    [
      "a custom_id used twice",
      {
        requests: JSON.stringify([
          { custom_id: "q-1", params: { messages: [{ role: "user", content: "Hi" }] } },
          { custom_id: "q-1", params: { messages: [{ role: "user", content: "Hi" }] } },
        ]),
      },
      /^Requests: requests\[1\]: custom_id "q-1" is used twice/,
    ],
    [
      "an item without params",
      { requests: JSON.stringify([{ custom_id: "q-3" }]) },
      /^Requests: requests\[0\] \(custom_id q-3\): params must be an object with a messages array/,
    ],
    [
      "an item whose messages the builder refuses, named by index and custom_id",
      {
        requests: JSON.stringify([
          { custom_id: "q-0", params: { messages: [{ role: "user", content: "Hi" }] } },
          { custom_id: "q-1", params: { messages: [{ role: "user", content: "Hi" }] } },
          { custom_id: "q-2", params: { messages: [{ role: "user", content: "Hi" }] } },
          { custom_id: "q-3", params: { messages: [{ role: "assistant", content: "Hi" }] } },
        ]),
      },
      /^Requests: requests\[3\] \(custom_id q-3\): Messages: the first turn must be the user's/,
    ],
    [
      "more than 100,000 requests",
      { prompts: Array.from({ length: 100_001 }, (_, i) => `p${i}`) },
      /^Prompts: holds 100,001 requests; a batch takes at most 100,000/,
    ],
    [
      "a shared input the API refuses, named as itself",
      { prompts: ["Hi"], thinking: "enabled" },
      /^Thinking Budget Tokens: is required with Extended Thinking enabled/,
    ],
  ];

  it.each(refusals)("refuses %s before sending anything", async (_name, inputs, message) => {
    const error = await failureOf(
      runAction("createBatch", { connection: connection(), ...inputs }),
    );
    expect(error.message).toMatch(message);
    expect(sim().requests).toHaveLength(0);
  });

  it("refuses a body over 256 MB before sending it", async () => {
    const prompt = "x".repeat(3 * 1024 * 1024);
    const error = await failureOf(
      runAction("createBatch", {
        connection: connection(),
        prompts: Array.from({ length: 90 }, () => prompt),
      }),
    );
    expect(error.message).toMatch(
      /^Prompts: make a request body of 270\.\d MB; a batch may be at most 256 MB/,
    );
    expect(sim().requests).toHaveLength(0);
  });
});

describe("getBatch, cancelBatch, deleteBatch", () => {
  it("gets a batch by id", async () => {
    const seeded = sim().batches.seed({ count: 3, status: "in_progress" });
    const result = await runAction("getBatch", { connection: connection(), batchId: seeded.id });
    const [request] = sim().requests;
    expect([request.method, request.path, request.rawBody]).toEqual([
      "GET",
      `/v1/messages/batches/${seeded.id}`,
      "",
    ]);
    expect(result.data).toEqual(seeded);
  });

  it("cancels a batch in progress with a POST and no body", async () => {
    const seeded = sim().batches.seed({ count: 3, status: "in_progress" });
    const result = await runAction("cancelBatch", {
      connection: connection(),
      batchId: seeded.id,
    });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual([
      "POST",
      `/v1/messages/batches/${seeded.id}/cancel`,
    ]);
    expect((result.data as Batch).processing_status).toBe("canceling");
  });

  it("deletes an ended batch", async () => {
    const seeded = sim().batches.seed({ count: 3 });
    const result = await runAction("deleteBatch", {
      connection: connection(),
      batchId: seeded.id,
    });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["DELETE", `/v1/messages/batches/${seeded.id}`]);
    expect(result.data).toEqual({ id: seeded.id, type: "message_batch_deleted" });
    expect(sim().batches.get(seeded.id)).toBeUndefined();
  });

  it("surfaces the API's refusal to delete a batch still processing as one clear error", async () => {
    const seeded = sim().batches.seed({ count: 3, status: "in_progress" });
    const error = await failureOf(
      runAction("deleteBatch", { connection: connection(), batchId: seeded.id }),
    );
    expect(error.message).toMatch(
      /^Anthropic API 400 invalid_request_error: .*\(request-id req_\w+\)$/,
    );
    expect(error.status).toBe(400);
    expect(error.retryable).toBe(false);
  });

  it.each([
    ["a path", "msgbatch_a/../../models"],
    ["a dot segment", ".."],
    ["a file id", "file_011CNha8iCJcU1wXNR6q4V8w"],
    ["spaces", "msgbatch_01 02"],
  ])("refuses a Batch ID with %s before sending", async (_name, batchId) => {
    for (const key of ["getBatch", "cancelBatch", "deleteBatch", "getBatchResults"]) {
      const error = await failureOf(runAction(key, { connection: connection(), batchId }));
      expect(error.message).toMatch(/^Batch ID: /);
      expect(error.message).toMatch(/msgbatch_01HkcTjaV5uDC8jWR4ZsDV8d/);
    }
    expect(sim().requests).toHaveLength(0);
  });

  it("escapes an id the cleaner lets through, so it stays one path segment", async () => {
    const error = await failureOf(
      runAction("getBatch", { connection: connection(), batchId: "msgbatch_01?x=1#y" }),
    );
    const [request] = sim().requests;
    expect(request.path).toBe("/v1/messages/batches/msgbatch_01%3Fx%3D1%23y");
    expect(request.query).toEqual({});
    expect(error.status).toBe(404);
  });
});

describe("listBatches", () => {
  it("asks for one page, newest first, with the default limit", async () => {
    const older = sim().batches.seed({ count: 1, createdAt: Date.now() - 60_000 });
    const newer = sim().batches.seed({ count: 1 });
    const result = await runAction("listBatches", { connection: connection() });
    const [request] = sim().requests;
    expect([request.method, request.path]).toEqual(["GET", "/v1/messages/batches"]);
    expect(request.query).toEqual({ limit: "20" });
    const page = result.data as { data: Batch[]; has_more: boolean };
    expect(page.data.map((batch) => batch.id)).toEqual([newer.id, older.id]);
    expect(page.has_more).toBe(false);
  });

  it("passes the cursors and limit", async () => {
    const ids = Array.from(
      { length: 5 },
      (_, i) => sim().batches.seed({ count: 1, createdAt: Date.now() - i * 1000 }).id,
    );
    const result = await runAction("listBatches", {
      connection: connection(),
      afterId: ids[0],
      limit: "2",
    });
    const [request] = sim().requests;
    expect(request.query).toEqual({ after_id: ids[0], limit: "2" });
    const page = result.data as { data: Batch[]; has_more: boolean; last_id: string };
    expect(page.data.map((batch) => batch.id)).toEqual([ids[1], ids[2]]);
    expect(page.has_more).toBe(true);
  });

  it("fetches every page with Fetch All, in pages of 1000", async () => {
    const ids = Array.from(
      { length: 1203 },
      (_, i) => sim().batches.seed({ count: 1, createdAt: Date.now() - i * 1000 }).id,
    );
    const result = await runAction("listBatches", { connection: connection(), fetchAll: true });
    expect(sim().requests.map((request) => request.query)).toEqual([
      { limit: "1000" },
      { limit: "1000", after_id: ids[999] },
    ]);
    const page = result.data as { data: Batch[]; has_more: boolean };
    expect(page.data.map((batch) => batch.id)).toEqual(ids);
    expect(page.has_more).toBe(false);
  });
});
