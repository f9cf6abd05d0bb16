import http from "node:http";
import type { AddressInfo } from "node:net";
import { connectionFor, failureOf, runAction } from "./harness";

export interface StubAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

/**
 * A server that is not the simulator (a gateway, a broken proxy), answering
 * each request as `answer` says and counting what it received.
 */
export const startStubServer = async (answer: (request: http.IncomingMessage) => StubAnswer) => {
  const received: Array<{ method?: string; url?: string }> = [];
  const server = http.createServer((request, response) => {
    received.push({ method: request.method, url: request.url });
    const reply = answer(request);
    response.writeHead(reply.status, { "content-type": reply.contentType, ...reply.headers });
    response.end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

/** Get Model against a stub answering `answer`, without retries: the error, and the stub's host. */
export const getModelFailureFrom = async (answer: StubAnswer) => {
  const stub = await startStubServer(() => answer);
  try {
    const error = await failureOf(
      runAction("getModel", {
        connection: connectionFor(stub.baseUrl),
        model: "claude-haiku-4-5",
        maxRetries: "0",
      }),
    );
    return { error, host: stub.host };
  } finally {
    await stub.close();
  }
};
