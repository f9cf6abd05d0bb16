/**
 * The bytes every side of a benchmark reads: built once, in one place, so the connector, the
 * official SDK and the floors all parse exactly the same streams and files.
 */

const event = (type: string, data: object): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

const messageStart = (model: string): string =>
  event("message_start", {
    message: {
      id: "msg_bench",
      type: "message",
      role: "assistant",
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 1 },
    },
  });

const messageEnd = (stopReason: string, outputTokens: number): string[] => [
  event("message_delta", {
    delta: { stop_reason: stopReason, stop_sequence: null },
    usage: { output_tokens: outputTokens },
  }),
  event("message_stop", {}),
];

/** A long text answer: about `megabytes` of SSE, in deltas of a few words, as the API sends. */
export const textStream = (megabytes: number): Buffer => {
  const delta = (i: number) =>
    event("content_block_delta", {
      index: 0,
      delta: { type: "text_delta", text: ` word${i % 97} more` },
    });
  const deltas = Math.round((megabytes * 1024 * 1024) / Buffer.byteLength(delta(10)));
  const parts = [
    messageStart("claude-sonnet-4-6"),
    event("content_block_start", { index: 0, content_block: { type: "text", text: "" } }),
    event("ping", {}),
  ];
  for (let i = 0; i < deltas; i++) parts.push(delta(i));
  parts.push(event("content_block_stop", { index: 0 }), ...messageEnd("end_turn", deltas));
  return Buffer.from(parts.join(""));
};

/** A tool call whose input is about `megabytes` of JSON, streamed in `pieces` partial_json deltas. */
export const toolStream = (megabytes: number, pieces: number): Buffer => {
  const rows: Array<{ id: number; label: string }> = [];
  const row = (id: number) => ({ id, label: `row ${id} of the report` });
  const rowBytes = JSON.stringify(row(99_999)).length + 1;
  for (let i = 0; i < (megabytes * 1024 * 1024) / rowBytes; i++) rows.push(row(i));
  const json = JSON.stringify({ rows });
  const piece = Math.ceil(json.length / pieces);
  const parts = [
    messageStart("claude-sonnet-4-6"),
    event("content_block_start", {
      index: 0,
      content_block: { type: "tool_use", id: "toolu_bench", name: "save_report", input: {} },
    }),
  ];
  for (let at = 0; at < json.length; at += piece) {
    parts.push(
      event("content_block_delta", {
        index: 0,
        delta: { type: "input_json_delta", partial_json: json.slice(at, at + piece) },
      }),
    );
  }
  parts.push(event("content_block_stop", { index: 0 }), ...messageEnd("tool_use", pieces));
  return Buffer.from(parts.join(""));
};

export const BENCH_BATCH_ID = "msgbatch_01BenchResults";

/** A results file of `lines` JSON Lines, mostly succeeded, as a large batch's would be. */
export const resultsFile = (lines: number): Buffer => {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    const custom_id = `prompt-${i + 1}`;
    const kind = i % 50;
    const result =
      kind === 0
        ? {
            type: "errored",
            error: {
              type: "error",
              error: { type: "invalid_request_error", message: "max_tokens: too large" },
            },
          }
        : kind === 1
          ? { type: "canceled" }
          : kind === 2
            ? { type: "expired" }
            : {
                type: "succeeded",
                message: {
                  id: `msg_${String(i).padStart(8, "0")}`,
                  type: "message",
                  role: "assistant",
                  model: "claude-haiku-4-5",
                  content: [{ type: "text", text: `The answer to prompt ${i + 1} is short.` }],
                  stop_reason: "end_turn",
                  stop_sequence: null,
                  usage: { input_tokens: 20, output_tokens: 12 },
                },
              };
    out.push(JSON.stringify({ custom_id, result }));
  }
  return Buffer.from(`${out.join("\n")}\n`);
};
