import type { Readable } from "node:stream";

/**
 * The first `maxBytes` of a stream as UTF-8 text; the rest is never read, and
 * the stream is let go, so a huge body costs no more than the bytes kept.
 */
export const readAtMost = async (stream: Readable, maxBytes: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = Buffer.from(chunk);
    chunks.push(buffer);
    size += buffer.length;
    if (size >= maxBytes) break;
  }
  stream.destroy();
  return Buffer.concat(chunks).subarray(0, maxBytes).toString("utf8");
};
