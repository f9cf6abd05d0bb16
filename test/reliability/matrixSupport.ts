/** Small pieces the fault matrix needs besides the simulator: another host, a closed port, a deadline. */
import { createServer, type IncomingMessage } from "node:http";
import { type AddressInfo, connect } from "node:net";

export interface Recorder {
  /** "http://127.0.0.1:<port>": another origin than the simulator's. */
  url: string;
  /** Every request it received, with its headers, so a leaked key would show. */
  received: Array<{ method: string; url: string; headers: IncomingMessage["headers"] }>;
  close(): Promise<void>;
}

/** A second server that records whatever reaches it and answers 421, never anything useful. */
export const startRecorder = async (): Promise<Recorder> => {
  const received: Recorder["received"] = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    req.resume();
    res.writeHead(421, { "content-type": "text/plain" });
    res.end("misdirected: the fault matrix's other host");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/**
 * A loopback URL nothing listens on. Port 1 (tcpmux) is below the ephemeral range, so no
 * `listen(0)` of another row can be handed it, as a port taken from the OS and released could
 * be; that race once sent a row's request to another row's server. Checked, not assumed.
 */
export const closedPortUrl = async (): Promise<string> => {
  const port = 1;
  const refused = await new Promise<boolean>((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
  if (!refused)
    throw new Error(
      `127.0.0.1:${port} accepts connections; the refused-connection rows need it closed.`,
    );
  return `http://127.0.0.1:${port}`;
};

export type Settled =
  | { kind: "value"; value: unknown; ms: number }
  | { kind: "error"; error: unknown; ms: number }
  | { kind: "hang"; ms: number };

/** How a promise settled, or "hang" if it had not within `ms`. */
export const settleWithin = async (promise: Promise<unknown>, ms: number): Promise<Settled> => {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "hang", ms: Date.now() - started }), ms);
  });
  try {
    return await Promise.race([
      promise.then(
        (value): Settled => ({ kind: "value", value, ms: Date.now() - started }),
        (error: unknown): Settled => ({ kind: "error", error, ms: Date.now() - started }),
      ),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
};

/** Everything an error could show the platform, flattened to text. */
export const everythingIn = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  let json = "";
  try {
    json = `${JSON.stringify(error)}\n${JSON.stringify(Object.entries(error))}`;
  } catch (cause) {
    json = `<not serialisable: ${String(cause)}>`;
  }
  const cause = (error as { cause?: unknown }).cause;
  return [error.message, error.stack ?? "", json, cause ? everythingIn(cause) : ""].join("\n");
};
