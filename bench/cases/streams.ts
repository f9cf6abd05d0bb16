/**
 * Stream to final Message over loopback HTTP, both of the streams: a ~19.7 MB text answer
 * and a 1 MB tool input in 10,000 pieces. Three sides read the same bytes from the stub server:
 * the connector's Chat action (through spectral's harness, Stream on), the official SDK's
 * `messages.stream().finalMessage()`, and a floor that reads with node:http, splits events on
 * blank lines, `JSON.parse`s each and joins the deltas. Sides are interleaved run by run.
 */
import http from "node:http";
import { StringDecoder } from "node:string_decoder";
import Anthropic from "@anthropic-ai/sdk";
import { testing } from "@prismatic-io/spectral";
import component from "../../src";
import {
  BENCH_KEY,
  connection,
  elapsedMs,
  emit,
  median,
  quietLogger,
  runCase,
  STUB_URL,
} from "../support/common";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
type StreamName = "text" | "tool";
const prompt = (stream: StreamName) => `bench:${stream}`;

/** What each side must agree on, so no side can win by skipping work. */
interface Final {
  text: number;
  input: number;
}

const harness = testing.createHarness(component);
const connector = async (stream: StreamName): Promise<Final> => {
  const { data } = (await harness.action(
    "chat",
    {
      connection,
      model: "claude-sonnet-4-6",
      initialMessage: prompt(stream),
      maxTokens: "64000",
      stream: true,
    },
    { logger: quietLogger } as unknown as Parameters<typeof harness.action>[2],
  )) as { data: { content: Array<{ type: string; text?: string; input?: unknown }> } };
  return finalOf(data.content);
};

const sdkClient = new Anthropic({ apiKey: BENCH_KEY, baseURL: STUB_URL, maxRetries: 0 });
const sdk = async (stream: StreamName): Promise<Final> => {
  const message = await sdkClient.messages
    .stream({
      model: "claude-sonnet-4-6",
      max_tokens: 64_000,
      messages: [{ role: "user", content: prompt(stream) }],
    })
    .finalMessage();
  return finalOf(message.content as Array<{ type: string; text?: string; input?: unknown }>);
};

const finalOf = (content: Array<{ type: string; text?: string; input?: unknown }>): Final => ({
  text: content.reduce((sum, block) => sum + (block.text?.length ?? 0), 0),
  input: content.reduce(
    (sum, block) => sum + (block.input ? JSON.stringify(block.input).length : 0),
    0,
  ),
});

const agent = new http.Agent({ keepAlive: true });
/** The floor: the least work that still turns the bytes into a final text and tool input. */
const floor = (stream: StreamName): Promise<Final> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({
      model: "claude-sonnet-4-6",
      max_tokens: 64_000,
      stream: true,
      messages: [{ role: "user", content: prompt(stream) }],
    });
    const request = http.request(
      `${STUB_URL}/v1/messages`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "x-api-key": BENCH_KEY },
      },
      (response) => {
        const decoder = new StringDecoder("utf8");
        const texts: string[] = [];
        const json: string[] = [];
        let rest = "";
        const onEvent = (block: string) => {
          const at = block.indexOf("data: ");
          if (at < 0) return;
          const event = JSON.parse(block.slice(at + 6));
          if (event.type !== "content_block_delta") return;
          if (event.delta.type === "text_delta") texts.push(event.delta.text);
          else if (event.delta.type === "input_json_delta") json.push(event.delta.partial_json);
        };
        response.on("data", (chunk: Buffer) => {
          const blocks = (rest + decoder.write(chunk)).split("\n\n");
          rest = blocks.pop() ?? "";
          for (const block of blocks) onEvent(block);
        });
        response.on("end", () => {
          if (rest) onEvent(rest);
          const input = json.length ? JSON.parse(json.join("")) : undefined;
          resolve({ text: texts.join("").length, input: input ? JSON.stringify(input).length : 0 });
        });
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });

const SIDES = { connector, sdk, floor } as const;

const main = async () => {
  const result: Record<string, number> = {};
  for (const stream of ["text", "tool"] as const) {
    const finals = await Promise.all(Object.values(SIDES).map((side) => side(stream)));
    if (new Set(finals.map((final) => JSON.stringify(final))).size !== 1) {
      throw new Error(
        `The sides assembled different answers for the ${stream} stream: ${JSON.stringify(finals)}`,
      );
    }
    const times: Record<string, number[]> = { connector: [], sdk: [], floor: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, side] of Object.entries(SIDES))
        times[name].push(await elapsedMs(() => side(stream)));
    }
    for (const name of Object.keys(SIDES)) result[`${stream}.${name}`] = median(times[name]);
  }
  agent.destroy();
  emit(result);
};

runCase(main);
