import type { Readable } from "node:stream";

export class IdleTimeoutError extends Error {
  readonly code = "ETIMEDOUT";
  constructor(readonly idleMs: number) {
    super(`no data for ${idleMs} ms`);
    this.name = "IdleTimeoutError";
  }
}

/**
 * The stream's chunks, failing when none arrives for `idleMs`. A request's
 * timeout ends once the headers are in; a body that then stalls would
 * otherwise hold the step forever.
 */
export async function* withIdleTimeout(
  source: Readable,
  idleMs: number,
): AsyncGenerator<Buffer | string> {
  const chunks = source[Symbol.asyncIterator]();
  try {
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new IdleTimeoutError(idleMs)), idleMs);
      });
      try {
        const next = await Promise.race([chunks.next(), stalled]);
        if (next.done) return;
        yield next.value as Buffer | string;
      } finally {
        clearTimeout(timer);
      }
    }
  } finally {
    source.destroy();
  }
}
