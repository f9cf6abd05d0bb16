import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { StreamError } from "./errors";

export interface JsonlLine {
  /** 1-based, counting blank lines, as an editor shows the file. */
  line: number;
  value: unknown;
}

/** How much of a bad line an error quotes. */
const QUOTED = 80;

/**
 * The values of a JSON Lines byte stream, one line at a time (node:readline), so a file of
 * any size passes through in constant memory. A line that is not JSON is an error naming its
 * number; blank lines are skipped.
 */
export async function* jsonlValues(
  body: AsyncIterable<Uint8Array | string>,
  options: { what: string; requestId?: string },
): AsyncGenerator<JsonlLine, void, undefined> {
  const input = body instanceof Readable ? body : Readable.from(body);
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  // readline does not pass on its input's errors; a broken socket must not look like the end.
  let broken: unknown;
  input.once("error", (error) => {
    broken = error;
    lines.close();
  });
  let line = 0;
  try {
    for await (const text of lines) {
      line += 1;
      if (text.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const quoted = text.length > QUOTED ? `${text.slice(0, QUOTED)}...` : text;
        throw new StreamError(
          `${options.what}: line ${line} is not JSON (${reason}); it began: ${quoted}${options.requestId ? ` (request-id ${options.requestId})` : ""}`,
          { type: "invalid_stream", requestId: options.requestId },
        );
      }
      yield { line, value };
    }
  } finally {
    lines.close();
  }
  if (broken !== undefined) throw broken;
}
