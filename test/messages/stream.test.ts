import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { MessageAccumulator, readMessageStream, StreamError } from "../../src/messages/stream";
import type { Message } from "../../src/messages/types";
import { sharedPath } from "../support/shared";

const FIXTURES = sharedPath("reference", "sse");
const fixture = (name: string): Buffer => readFileSync(path.join(FIXTURES, name));

// ---------------------------------------------------------------- chunking helpers

/** Deterministic PRNG (mulberry32), so a failing chunking can be replayed from its seed. */
const random = (seed: number) => {
  let state = seed >>> 0;
  return (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const splitAt = (bytes: Uint8Array, cuts: number[]): Uint8Array[] => {
  const points = [...new Set(cuts)]
    .filter((cut) => cut > 0 && cut < bytes.length)
    .sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const cut of [...points, bytes.length]) {
    chunks.push(bytes.subarray(start, cut));
    start = cut;
  }
  return chunks;
};

const randomChunks = (bytes: Uint8Array, seed: number, maxSize = 40): Uint8Array[] => {
  const next = random(seed);
  const cuts: number[] = [];
  for (let at = 0; at < bytes.length; ) {
    at += 1 + Math.floor(next() * maxSize);
    cuts.push(at);
  }
  return splitAt(bytes, cuts);
};

/** Offsets that fall between the bytes of one multi-byte UTF-8 character. */
const insideMultiByteChars = (bytes: Uint8Array): number[] => {
  const offsets: number[] = [];
  for (let i = 1; i < bytes.length; i++) {
    if ((bytes[i] & 0xc0) === 0x80) offsets.push(i);
  }
  return offsets;
};

/** Offsets inside every `data:` line: in the prefix itself and in the middle of the JSON. */
const insideDataLines = (bytes: Uint8Array): number[] => {
  const text = Buffer.from(bytes).toString("latin1");
  const offsets: number[] = [];
  for (let at = text.indexOf("data:"); at !== -1; at = text.indexOf("data:", at + 1)) {
    const end = text.indexOf("\n", at);
    offsets.push(at + 2, at + 5, Math.floor((at + end) / 2), end - 1);
  }
  return offsets;
};

async function* asyncChunks(
  chunks: Array<Uint8Array | string>,
): AsyncGenerator<Uint8Array | string> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

interface Chunking {
  name: string;
  chunks: (bytes: Uint8Array) => Uint8Array[];
}

const chunkings: Chunking[] = [
  { name: "one chunk", chunks: (bytes) => [bytes] },
  { name: "one byte at a time", chunks: (bytes) => splitAt(bytes, [...bytes.keys()]) },
  {
    name: "split inside multi-byte characters",
    chunks: (bytes) => splitAt(bytes, insideMultiByteChars(bytes)),
  },
  { name: "split inside data: lines", chunks: (bytes) => splitAt(bytes, insideDataLines(bytes)) },
  ...[1, 2, 3, 5, 8, 13, 21, 34, 55, 89].map((seed) => ({
    name: `random chunks (seed ${seed})`,
    chunks: (bytes: Uint8Array) => randomChunks(bytes, seed),
  })),
];

/** Through a Node Readable of Buffers, as axios hands a streamed response body over. */
const readViaReadable = (chunks: Uint8Array[], requestId?: string): Promise<Message> =>
  readMessageStream(Readable.from(chunks.map((chunk) => Buffer.from(chunk))), { requestId });

const readViaGenerator = (
  chunks: Array<Uint8Array | string>,
  requestId?: string,
): Promise<Message> => readMessageStream(asyncChunks(chunks), { requestId });

const streamErrorOf = async (promise: Promise<unknown>): Promise<StreamError> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof StreamError) return error;
    throw error;
  }
  throw new Error("expected a StreamError, but the stream was read to a Message");
};

const thrownBy = (action: () => unknown): StreamError => {
  try {
    action();
  } catch (error) {
    if (error instanceof StreamError) return error;
    throw error;
  }
  throw new Error("expected a StreamError, but nothing was thrown");
};

/** Builds SSE text from (event, data) pairs; data objects are serialized as the API does. */
const sse = (...events: Array<[string, unknown]>): string =>
  events
    .map(
      ([event, data]) =>
        `event: ${event}\ndata: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`,
    )
    .join("");

// ---------------------------------------------------------------- expected messages, worked out from the files

const zeroCacheCreation = { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 };

const refusalStopDetails = {
  type: "refusal",
  category: null,
  explanation: null,
  fallback_credit_token: "tok_synthetic_fixture_a",
  fallback_has_prefill_claim: true,
};

/** Usage of both fixture-a streams: message_delta's totals overwrite message_start's. */
const fixtureAUsage = {
  input_tokens: 28,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: zeroCacheCreation,
  output_tokens: 106,
  service_tier: "standard",
  inference_geo: "global",
  output_tokens_details: { thinking_tokens: 67 },
  iterations: [
    {
      input_tokens: 28,
      output_tokens: 106,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation: zeroCacheCreation,
      type: "message",
    },
  ],
};

const expectedMessages: Record<string, Message> = {
  "basic_response.txt": {
    id: "msg_4QpJur2dWWDjF6C758FbBw5vm12BaVipnK",
    type: "message",
    role: "assistant",
    content: [{ type: "text", text: "Hello there!" }],
    model: "claude-opus-4-8",
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 11, output_tokens: 6 },
  },
  "tool_use_response.txt": {
    id: "msg_019Q1hrJbZG26Fb9BQhrkHEr",
    type: "message",
    role: "assistant",
    model: "claude-opus-4-8",
    content: [
      { type: "text", text: "I'll check the current weather in Paris for you." },
      {
        type: "tool_use",
        id: "toolu_01NRLabsLyVHZPKxbKvkfSMn",
        name: "get_weather",
        input: { location: "Paris" },
      },
    ],
    stop_reason: "tool_use",
    stop_sequence: null,
    usage: {
      input_tokens: 377,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      output_tokens: 65,
      service_tier: "standard",
    },
  },
  "stream-a-refusal.sse": {
    model: "claude-fable-5",
    id: "msg_fixture_a_0001",
    type: "message",
    role: "assistant",
    content: [
      {
        type: "thinking",
        thinking:
          "Simple educational question about what a solar eclipse is. This is benign general knowledge — " +
          'definitions are fine. Also the user called me "claudius" — I\'m Claude. Minor correction or just ' +
          "roll with it politely.",
        signature: "c3ludGhldGljLXNpZ25hdHVyZS1maXh0dXJlLWEtbm90LWEtcmVhbC1zaWduYXR1cmU=",
      },
      { type: "text", text: "Hi" },
    ],
    stop_reason: "refusal",
    stop_sequence: null,
    stop_details: refusalStopDetails,
    usage: fixtureAUsage,
  },
  "stream-a-toolrefusal.sse": {
    model: "claude-fable-5",
    id: "msg_fixture_atool_0001",
    type: "message",
    role: "assistant",
    content: [
      {
        type: "server_tool_use",
        id: "srvtoolu_fixture_a_0001",
        name: "web_search",
        input: { query: "solar eclipse viewing safety news 2026" },
      },
      {
        type: "web_search_tool_result",
        tool_use_id: "srvtoolu_fixture_a_0001",
        content: [
          {
            type: "web_search_result",
            title: "How to Watch a Solar Eclipse Safely | Example Observatory",
            url: "https://www.example.com/eclipse-viewing-safety",
            encrypted_content:
              "Looking directly at the Sun without certified eye protection is never safe, even during a partial " +
              "eclipse. Certified eclipse glasses block enough light to make direct viewing safe; ordinary " +
              "sunglasses do not. A pinhole projector is an easy, safe alternative that projects an image of the " +
              "Sun onto a flat surface. During the brief window of totality — and only then — it is safe to look " +
              "with the naked eye, and observers can see the Sun's corona.",
            page_age: "April 30, 2026",
          },
          {
            type: "web_search_result",
            title: "Upcoming Solar Eclipses in 2026 | Example Astronomy News",
            url: "https://www.example.com/eclipses-2026",
            encrypted_content:
              "Skywatchers have two solar eclipses to look forward to in 2026. An annular eclipse in February will " +
              "be visible from parts of the southern hemisphere, and a total eclipse in August will trace a narrow " +
              "path of totality across parts of the Arctic and western Europe. Outside the path of totality, " +
              "observers across a much wider region will see a partial eclipse. Local astronomy clubs are " +
              "organising public viewing events with certified equipment along the route.",
            page_age: "1 week ago",
          },
        ],
        caller: { type: "direct" },
      },
      { type: "text", text: "Here's a summary of this year's solar eclipses and how" },
    ],
    stop_reason: "refusal",
    stop_sequence: null,
    stop_details: refusalStopDetails,
    // input_tokens drops from message_start's 612 to message_delta's 28: totals overwrite, never add.
    usage: fixtureAUsage,
  },
  "stream-b-fallback.sse": {
    model: "claude-opus-4-8",
    id: "msg_fixture_b_0001",
    type: "message",
    role: "assistant",
    content: [
      {
        type: "text",
        text: [
          " there! Happy to explain.",
          "",
          "**Solar eclipses** happen when the Moon passes between the Sun and the Earth, casting a shadow that " +
            "blocks some or all of the Sun's light for viewers inside it. They're one of the most dramatic sights " +
            "in the sky.",
          "",
          "Some key points:",
          "",
          "**The three main types:**",
          "- Total (the Moon completely covers the Sun's disk)",
          "- Partial (only part of the Sun is covered)",
          "- Annular (the famous *ring of fire*)",
          "",
          "**Why they're so striking:**",
          "- Totality can turn day into twilight (for a few minutes), and the Sun's corona becomes visible to the " +
            "naked eye",
          "- Temperatures can drop noticeably while the shadow passes over",
          "- Animals sometimes behave as if night has fallen",
          "",
          "**Viewing safely:**",
          "- **Certified eclipse glasses** are a must for looking at the Sun directly. Ordinary sunglasses are not " +
            "safe, even very dark ones.",
          "- A pinhole projector is an easy, safe alternative.",
          "",
          "**Why they're rare:**",
          "The Moon's shadow traces a (narrow) path across the Earth, so any given spot sees a total eclipse only " +
            "about once every few centuries. That rarity is a big part of the excitement.",
          "",
          "Is there a particular angle you're curious about? For example, I'd be happy to go deeper on the " +
            "history, the science of totality, safe viewing, or how they're portrayed in fiction. Just let me " +
            "know what's sparking your interest!",
        ].join("\n"),
      },
    ],
    stop_reason: "end_turn",
    stop_sequence: null,
    stop_details: null,
    usage: {
      input_tokens: 31,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: zeroCacheCreation,
      output_tokens: 547,
      service_tier: "standard",
      inference_geo: "global",
      output_tokens_details: { thinking_tokens: 0 },
      iterations: [
        {
          input_tokens: 31,
          output_tokens: 547,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
          cache_creation: zeroCacheCreation,
          type: "message",
        },
      ],
    },
  },
};

// The tool call is cut off by max_tokens: no content_block_stop, and its JSON ends inside a string.
const INCOMPLETE_TOOL_JSON =
  /^Anthropic API stream sent tool input that is not valid JSON for content block 1 \(tool_use "make_file"\): .+\. The answer reached max_tokens in the middle of the tool call: raise Max Tokens and retry the step\.$/s;

const INCOMPLETE =
  "Anthropic API stream ended before message_stop; the answer is incomplete, so no partial result is returned. Retry the step.";

// ---------------------------------------------------------------- fixtures

describe("readMessageStream on captured streams", () => {
  describe.each(Object.keys(expectedMessages))("%s", (name) => {
    const bytes = fixture(name);
    const expected = expectedMessages[name];

    it.each(chunkings)("reads the exact Message ($name, Node Readable)", async ({ chunks }) => {
      expect(await readViaReadable(chunks(bytes))).toStrictEqual(expected);
    });

    it("reads the exact Message from Uint8Array and string chunks", async () => {
      const viaUint8 = randomChunks(bytes, 7).map((chunk) => new Uint8Array(chunk));
      expect(await readViaGenerator(viaUint8)).toStrictEqual(expected);
      const text = bytes.toString("utf8");
      const strings = [text.slice(0, 100), text.slice(100, 101), text.slice(101)];
      expect(await readViaGenerator(strings)).toStrictEqual(expected);
    });

    it("reads the exact Message when lines end in CRLF, split between CR and LF", async () => {
      const crlf = Buffer.from(bytes.toString("utf8").replace(/\n/g, "\r\n"), "utf8");
      const crOffsets = [...crlf.keys()].filter((i) => crlf[i] === 0x0d).map((i) => i + 1);
      expect(await readViaReadable(splitAt(crlf, crOffsets))).toStrictEqual(expected);
      expect(await readViaReadable(randomChunks(crlf, 4))).toStrictEqual(expected);
    });

    it("fails as incomplete when cut anywhere before message_stop", async () => {
      const cut = bytes.indexOf("event: message_stop");
      expect(cut).toBeGreaterThan(0);
      for (const end of [cut, Math.floor(cut / 2), cut - 3]) {
        const error = await streamErrorOf(
          readViaReadable(randomChunks(bytes.subarray(0, end), end)),
        );
        expect(error.type).toBe("incomplete_stream");
        expect(error.message).toBe(INCOMPLETE);
      }
    });
  });

  describe("incomplete_partial_json_response.txt", () => {
    const bytes = fixture("incomplete_partial_json_response.txt");

    it.each(chunkings)(
      "fails as invalid_stream naming block 1 and make_file ($name)",
      async ({ chunks }) => {
        const error = await streamErrorOf(readViaReadable(chunks(bytes)));
        expect(error).toBeInstanceOf(StreamError);
        expect(error.type).toBe("invalid_stream");
        expect(error.message).toMatch(INCOMPLETE_TOOL_JSON);
        expect(error.requestId).toBeUndefined();
      },
    );

    it("quotes the request id when known", async () => {
      const error = await streamErrorOf(readViaReadable([bytes], "req_partial"));
      expect(error.requestId).toBe("req_partial");
      expect(error.message).toMatch(/retry the step\. \(request-id req_partial\)$/);
    });

    it("fails at the tool block's content_block_stop, not before", () => {
      // Stopping the tool block by hand shows the failure is the JSON, not the rest of the stream.
      const accumulator = new MessageAccumulator();
      const text = bytes.toString("utf8");
      const upToDelta = text.slice(0, text.indexOf("event: message_delta"));
      for (const block of upToDelta.split("\n\n").filter(Boolean)) {
        const [eventLine, dataLine] = block.split("\n");
        accumulator.push({
          event: eventLine.slice("event: ".length),
          data: dataLine.slice("data: ".length),
        });
      }
      const error = thrownBy(() =>
        accumulator.push({
          event: "content_block_stop",
          data: '{"type":"content_block_stop","index":1}',
        }),
      );
      expect(error.type).toBe("invalid_stream");
      expect(error.message).toMatch(
        /^Anthropic API stream sent tool input that is not valid JSON for content block 1 \(tool_use "make_file"\): .+\.$/s,
      );
    });
  });

  it("handles a multi-byte character split at every possible byte (stream-a-refusal.sse)", async () => {
    const bytes = fixture("stream-a-refusal.sse");
    const inside = insideMultiByteChars(bytes);
    expect(inside.length).toBeGreaterThan(0);
    for (const cut of inside) {
      expect(await readViaGenerator(splitAt(bytes, [cut]))).toStrictEqual(
        expectedMessages["stream-a-refusal.sse"],
      );
    }
  });
});

// ---------------------------------------------------------------- synthetic streams

const START_MESSAGE: Message = {
  id: "msg_synthetic",
  type: "message",
  role: "assistant",
  model: "claude-test",
  content: [],
  stop_reason: null,
  stop_sequence: null,
  usage: {
    input_tokens: 10,
    cache_creation_input_tokens: 3,
    cache_read_input_tokens: 4,
    output_tokens: 1,
  },
};
const START = { type: "message_start", message: START_MESSAGE };
const textStart = (index: number, extra: Record<string, unknown> = {}) => ({
  type: "content_block_start",
  index,
  content_block: { type: "text", text: "", ...extra },
});
const toolStart = (index: number, input: unknown = {}) => ({
  type: "content_block_start",
  index,
  content_block: { type: "tool_use", id: "toolu_x", name: "lookup", input },
});
const delta = (index: number, body: Record<string, unknown>) => ({
  type: "content_block_delta",
  index,
  delta: body,
});
const textDelta = (index: number, text: string) => delta(index, { type: "text_delta", text });
const jsonDelta = (index: number, partial_json: string) =>
  delta(index, { type: "input_json_delta", partial_json });
const stop = (index: number) => ({ type: "content_block_stop", index });
const END_TURN = {
  type: "message_delta",
  delta: { stop_reason: "end_turn", stop_sequence: null },
  usage: { output_tokens: 9 },
};
const MESSAGE_STOP = { type: "message_stop" };
const PING: [string, unknown] = ["ping", { type: "ping" }];

const synthetic = (content: Message["content"], extra: Partial<Message> = {}): Message => ({
  ...START.message,
  content,
  stop_reason: "end_turn",
  stop_sequence: null,
  usage: {
    input_tokens: 10,
    cache_creation_input_tokens: 3,
    cache_read_input_tokens: 4,
    output_tokens: 9,
  },
  ...extra,
});

const readText = (text: string, seed = 1, requestId?: string): Promise<Message> =>
  readViaReadable(randomChunks(Buffer.from(text, "utf8"), seed, 12), requestId);

describe("error events", () => {
  const withError = (error: unknown) =>
    sse(
      ["message_start", START],
      ["content_block_start", textStart(0)],
      ["content_block_delta", textDelta(0, "Half an ans")],
      ["error", error],
      ["content_block_delta", textDelta(0, "wer")],
    );
  const overloaded = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };

  it("throws the API's error type and message mid-stream, with the request id", async () => {
    for (const seed of [1, 2, 3]) {
      const error = await streamErrorOf(readText(withError(overloaded), seed, "req_011CabcDEF"));
      expect(error).toBeInstanceOf(StreamError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe("AnthropicStreamError");
      expect(error.type).toBe("overloaded_error");
      expect(error.requestId).toBe("req_011CabcDEF");
      expect(error.message).toBe(
        "Anthropic API stream error overloaded_error: Overloaded (request-id req_011CabcDEF)",
      );
    }
  });

  it("leaves the request id out when it is not known", async () => {
    const error = await streamErrorOf(readText(withError(overloaded)));
    expect(error.requestId).toBeUndefined();
    expect(error.message).toBe("Anthropic API stream error overloaded_error: Overloaded");
  });

  it("takes the request id from the error body when no header gave one", async () => {
    const body = {
      ...overloaded,
      error: { type: "api_error", message: "Internal server error" },
      request_id: "req_body",
    };
    const error = await streamErrorOf(readText(withError(body)));
    expect(error.type).toBe("api_error");
    expect(error.requestId).toBe("req_body");
    expect(error.message).toBe(
      "Anthropic API stream error api_error: Internal server error (request-id req_body)",
    );
  });

  it("reports an error event whose data is not JSON as api_error with the raw text", async () => {
    const error = await streamErrorOf(readText(withError("upstream connect error")));
    expect(error.type).toBe("api_error");
    expect(error.message).toBe("Anthropic API stream error api_error: upstream connect error");
  });

  it("throws from the accumulator too, even before message_start", () => {
    const error = thrownBy(() =>
      new MessageAccumulator({ requestId: "req_1" }).push({
        event: "error",
        data: JSON.stringify(overloaded),
      }),
    );
    expect(error.type).toBe("overloaded_error");
    expect(error.message).toBe(
      "Anthropic API stream error overloaded_error: Overloaded (request-id req_1)",
    );
  });
});

describe("incomplete and invalid streams", () => {
  it("fails as incomplete_stream when the body is empty", async () => {
    const error = await streamErrorOf(readViaGenerator([]));
    expect(error.type).toBe("incomplete_stream");
    expect(error.message).toBe(INCOMPLETE);
  });

  it("fails as incomplete_stream after message_delta but before message_stop, quoting the request id", async () => {
    const text = sse(
      ["message_start", START],
      ["content_block_start", textStart(0)],
      ["content_block_delta", textDelta(0, "Hi")],
      ["content_block_stop", stop(0)],
      ["message_delta", END_TURN],
    );
    const error = await streamErrorOf(readText(text, 3, "req_cut"));
    expect(error.type).toBe("incomplete_stream");
    expect(error.requestId).toBe("req_cut");
    expect(error.message).toBe(`${INCOMPLETE} (request-id req_cut)`);
  });

  it("does not count a message_stop whose event never ended (no blank line)", async () => {
    const text = `${sse(["message_start", START], ["message_delta", END_TURN])}event: message_stop\ndata: {"type":"message_stop"}`;
    expect((await streamErrorOf(readText(text))).type).toBe("incomplete_stream");
  });

  it("fails as invalid_stream on data that is not JSON", async () => {
    const text = sse(
      ["message_start", START],
      ["content_block_start", '{"type":"content_block_start","index":0,'],
    );
    const error = await streamErrorOf(readText(text, 1, "req_bad"));
    expect(error.type).toBe("invalid_stream");
    expect(error.message).toMatch(
      /^Anthropic API stream sent an event \(content_block_start\) whose data is not valid JSON: .+ \(request-id req_bad\)$/s,
    );
  });

  it.each([
    ["content before message_start", [["content_block_start", textStart(0)]]],
    [
      "a second message_start",
      [
        ["message_start", START],
        ["message_start", START],
      ],
    ],
    [
      "a delta for a block never started",
      [
        ["message_start", START],
        ["content_block_delta", textDelta(1, "x")],
      ],
    ],
    [
      "a block index that skips one",
      [
        ["message_start", START],
        ["content_block_start", textStart(1)],
      ],
    ],
    [
      "a text_delta without text",
      [
        ["message_start", START],
        ["content_block_start", textStart(0)],
        ["content_block_delta", delta(0, { type: "text_delta" })],
      ],
    ],
  ] as Array<[string, Array<[string, unknown]>]>)(
    "fails as invalid_stream on %s",
    async (_what, events) => {
      const error = await streamErrorOf(readText(sse(...events, ["message_stop", MESSAGE_STOP])));
      expect(error.type).toBe("invalid_stream");
      expect(error.message).toMatch(/^Anthropic API stream sent .+\.$/);
    },
  );
});

describe("accumulation rules", () => {
  it("ignores pings anywhere, including before message_start and after message_stop", async () => {
    const bytes = fixture("tool_use_response.txt").toString("utf8");
    const events = bytes.split("\n\n").filter((block) => block.trim() !== "");
    const pinged = [
      `event: ping\ndata: {"type": "ping"}`,
      ...events.flatMap((event) => [event, `event: ping\ndata: {"type": "ping"}`]),
      ": keep-alive comment",
    ].join("\n\n");
    expect(await readText(`${pinged}\n\n`, 5)).toStrictEqual(
      expectedMessages["tool_use_response.txt"],
    );
  });

  it("ignores a ping event whose data is not JSON or empty", async () => {
    const text = `event: ping\ndata: \n\nevent: ping\ndata: not json\n\n${sse(["message_start", START], ["message_delta", END_TURN], ["message_stop", MESSAGE_STOP])}`;
    expect(await readText(text)).toStrictEqual(synthetic([]));
  });

  it("pushes citations_delta onto the text block's citations, creating the array when missing", async () => {
    const first = {
      type: "char_location",
      cited_text: "The sky is blue.",
      document_index: 0,
      start_char_index: 0,
      end_char_index: 16,
    };
    const second = {
      type: "page_location",
      cited_text: "Grass is green.",
      document_index: 1,
      start_page_number: 2,
      end_page_number: 3,
    };
    const text = sse(
      ["message_start", START],
      ["content_block_start", textStart(0)],
      ["content_block_delta", delta(0, { type: "citations_delta", citation: first })],
      ["content_block_delta", textDelta(0, "The sky is blue")],
      ["content_block_delta", delta(0, { type: "citations_delta", citation: second })],
      ["content_block_stop", stop(0)],
      PING,
      ["content_block_start", textStart(1, { citations: [] })],
      ["content_block_delta", delta(1, { type: "citations_delta", citation: second })],
      ["content_block_delta", textDelta(1, ".")],
      ["content_block_stop", stop(1)],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
    );
    expect(await readText(text)).toStrictEqual(
      synthetic([
        { type: "text", text: "The sky is blue", citations: [first, second] },
        { type: "text", text: ".", citations: [second] },
      ]),
    );
  });

  it("decodes a multi-byte emoji split at every byte of the body", async () => {
    const text = sse(
      ["message_start", START],
      ["content_block_start", textStart(0)],
      ["content_block_delta", textDelta(0, "Hi 👋🏽")],
      ["content_block_delta", textDelta(0, " — café 日本")],
      ["content_block_stop", stop(0)],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
    );
    const bytes = Buffer.from(text, "utf8");
    const expected = synthetic([{ type: "text", text: "Hi 👋🏽 — café 日本" }]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await readViaGenerator(splitAt(bytes, [cut]))).toStrictEqual(expected);
    }
    expect(await readViaReadable(splitAt(bytes, [...bytes.keys()]))).toStrictEqual(expected);
  });

  it("joins input_json_delta fragments and parses them once, at content_block_stop", async () => {
    const input = { city: "Zürich", days: [1, 2, 3], nested: { ok: true, note: 'say "hi"' } };
    const json = JSON.stringify(input);
    const fragments = json.match(/.{1,3}/gsu) ?? [];
    expect(fragments.length).toBeGreaterThan(10);
    const text = sse(
      ["message_start", START],
      ["content_block_start", toolStart(0)],
      ["content_block_delta", jsonDelta(0, "")],
      ...fragments.map((fragment): [string, unknown] => [
        "content_block_delta",
        jsonDelta(0, fragment),
      ]),
      ["content_block_stop", stop(0)],
      ["message_delta", { ...END_TURN, delta: { stop_reason: "tool_use", stop_sequence: null } }],
      ["message_stop", MESSAGE_STOP],
    );
    const parse = jest.spyOn(JSON, "parse");
    try {
      const message = await readText(text, 9);
      expect(message).toStrictEqual(
        synthetic([{ type: "tool_use", id: "toolu_x", name: "lookup", input }], {
          stop_reason: "tool_use",
        }),
      );
      const parsedTexts = parse.mock.calls.map(([parsed]) => parsed);
      expect(parsedTexts.filter((parsed) => parsed === json)).toHaveLength(1);
      for (const fragment of fragments) expect(parsedTexts).not.toContain(fragment);
    } finally {
      parse.mockRestore();
    }
  });

  it("fails on deliberately incomplete tool JSON only at content_block_stop", () => {
    const accumulator = new MessageAccumulator({ requestId: "req_json" });
    const push = (data: unknown) => accumulator.push({ data: JSON.stringify(data) });
    push(START);
    push(textStart(0));
    push(stop(0));
    push(toolStart(1));
    for (const fragment of ['{"q": ', '"unfinish', "ed", '", "n": [1,'])
      push(jsonDelta(1, fragment));
    const error = thrownBy(() => push(stop(1)));
    expect(error.type).toBe("invalid_stream");
    expect(error.requestId).toBe("req_json");
    expect(error.message).toMatch(
      /^Anthropic API stream sent tool input that is not valid JSON for content block 1 \(tool_use "lookup"\): .+\. \(request-id req_json\)$/s,
    );
  });

  it("keeps the start's input when no JSON fragment carried text", async () => {
    const text = sse(
      ["message_start", START],
      ["content_block_start", toolStart(0)],
      ["content_block_delta", jsonDelta(0, "")],
      ["content_block_stop", stop(0)],
      ["content_block_start", toolStart(1, { preset: 1 })],
      ["content_block_delta", jsonDelta(1, "")],
      ["content_block_delta", jsonDelta(1, "")],
      ["content_block_stop", stop(1)],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
    );
    expect(await readText(text)).toStrictEqual(
      synthetic([
        { type: "tool_use", id: "toolu_x", name: "lookup", input: {} },
        { type: "tool_use", id: "toolu_x", name: "lookup", input: { preset: 1 } },
      ]),
    );
  });

  it("accumulates thinking and signature, and keeps redacted thinking as given", async () => {
    const text = sse(
      ["message_start", START],
      [
        "content_block_start",
        {
          type: "content_block_start",
          index: 0,
          content_block: { type: "thinking", thinking: "", signature: "" },
        },
      ],
      ["content_block_delta", delta(0, { type: "thinking_delta", thinking: "Let me " })],
      ["content_block_delta", delta(0, { type: "thinking_delta", thinking: "think." })],
      ["content_block_delta", delta(0, { type: "signature_delta", signature: "sig-part" })],
      ["content_block_delta", delta(0, { type: "signature_delta", signature: "sig-final" })],
      ["content_block_stop", stop(0)],
      [
        "content_block_start",
        {
          type: "content_block_start",
          index: 1,
          content_block: { type: "redacted_thinking", data: "opaque" },
        },
      ],
      ["content_block_stop", stop(1)],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
    );
    expect(await readText(text)).toStrictEqual(
      synthetic([
        { type: "thinking", thinking: "Let me think.", signature: "sig-final" },
        { type: "redacted_thinking", data: "opaque" },
      ]),
    );
  });

  it("ignores unknown event and delta types and keeps unknown block types as given", async () => {
    const future = { type: "hologram", frames: [1, 2], meta: { a: null } };
    const text = sse(
      ["message_start", START],
      ["future_event", { type: "future_event", anything: true }],
      ["content_block_start", { type: "content_block_start", index: 0, content_block: future }],
      ["content_block_delta", delta(0, { type: "hologram_delta", frame: 3 })],
      ["content_block_delta", delta(0, { type: "text_delta", text: "not for holograms" })],
      ["content_block_stop", stop(0)],
      ["content_block_start", textStart(1)],
      ["content_block_delta", delta(1, { type: "sparkle_delta", sparkle: "✨" })],
      ["content_block_delta", textDelta(1, "ok")],
      ["content_block_stop", stop(1)],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
    );
    expect(await readText(text)).toStrictEqual(synthetic([future, { type: "text", text: "ok" }]));
  });

  it("merges message_delta: delta fields set, non-null usage fields overwrite, null usage fields are skipped", async () => {
    const container = { id: "container_1", expires_at: "2026-01-01T00:00:00Z" };
    const text = sse(
      ["message_start", START],
      [
        "message_delta",
        {
          type: "message_delta",
          delta: {
            stop_reason: "stop_sequence",
            stop_sequence: "END",
            stop_details: null,
            container,
          },
          usage: {
            output_tokens: 42,
            input_tokens: null,
            cache_creation_input_tokens: 7,
            cache_read_input_tokens: null,
            server_tool_use: { web_search_requests: 2 },
          },
        },
      ],
      ["message_stop", MESSAGE_STOP],
    );
    expect(await readText(text)).toStrictEqual(
      synthetic([], {
        stop_reason: "stop_sequence",
        stop_sequence: "END",
        stop_details: null,
        container,
        usage: {
          input_tokens: 10,
          cache_creation_input_tokens: 7,
          cache_read_input_tokens: 4,
          output_tokens: 42,
          server_tool_use: { web_search_requests: 2 },
        },
      }),
    );
  });

  it("joins a data field spread over several data: lines", async () => {
    const text = `${sse(["message_start", START], ["message_delta", END_TURN])}event: message_stop\ndata: {"type":\ndata: "message_stop"}\n\n`;
    expect(await readText(text)).toStrictEqual(synthetic([]));
  });

  it("ignores events after message_stop", async () => {
    const text = sse(
      ["message_start", START],
      ["message_delta", END_TURN],
      ["message_stop", MESSAGE_STOP],
      ["content_block_start", textStart(0)],
    );
    expect(await readText(text)).toStrictEqual(synthetic([]));
  });
});
