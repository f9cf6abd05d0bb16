import http from "node:http";
import type { AddressInfo } from "node:net";

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
