import { SIMULATOR_API_KEY, type Simulator, startSimulator } from "../simulator";
import { directCall } from "../support/direct";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

describe("rawRequest", () => {
  it.each(["/models", "/v1/models", "models"])(
    "GET %s reaches /v1/models with the connection's auth",
    async (url) => {
      const result = await runAction("rawRequest", {
        connection: connection(),
        url,
        method: "GET",
      });
      const [request] = sim().requests;
      expect(request.method).toBe("GET");
      expect(request.path).toBe("/v1/models");
      expect(request.headers["x-api-key"]).toBe(SIMULATOR_API_KEY);
      expect(request.headers["anthropic-version"]).toBe("2023-06-01");
      expect(result.data).toEqual(await directCall(sim().url, "GET", "/v1/models"));
    },
  );

  it("sends a JSON body, query parameters and headers", async () => {
    const body = { model: "claude-haiku-4-5", messages: [{ role: "user", content: "Hi" }] };
    const result = await runAction("rawRequest", {
      connection: connection(),
      url: "/messages/count_tokens",
      method: "POST",
      data: JSON.stringify(body),
      queryParams: [{ key: "beta", value: "true" }],
      headers: [{ key: "anthropic-beta", value: "token-counting-2024-11-01" }],
    });
    const [request] = sim().requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/messages/count_tokens");
    expect(request.query).toEqual({ beta: "true" });
    expect(request.headers["anthropic-beta"]).toBe("token-counting-2024-11-01");
    expect(request.headers["content-type"]).toMatch(/^application\/json/);
    expect(request.body).toEqual(body);
    expect(result.data).toEqual({ input_tokens: expect.any(Number) });
  });

  it("sends form and file data as one multipart form", async () => {
    const result = await runAction("rawRequest", {
      connection: connection(),
      url: "/files",
      method: "POST",
      formData: [{ key: "purpose", value: "user_data" }],
      fileData: [
        { key: "file", value: { data: Buffer.from("hello file"), contentType: "text/plain" } },
      ],
      fileDataFileNames: [{ key: "file", value: "notes.txt" }],
      maxRetries: "0",
    });
    expect(result.data).toMatchObject({ type: "file", filename: "notes.txt", size_bytes: 10 });
    const [request] = sim().requests;
    expect(request.method).toBe("POST");
    expect(request.path).toBe("/v1/files");
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(
      request.headers["content-type"],
    )?.[1];
    expect(boundary).toBeDefined();
    expect(request.rawBody).toContain(
      `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n`,
    );
    expect(request.rawBody).toContain(
      `Content-Disposition: form-data; name="file"; filename="notes.txt"\r\nContent-Type: text/plain\r\n\r\nhello file\r\n`,
    );
    expect(request.rawBody.trimEnd().endsWith(`--${boundary}--`)).toBe(true);
  });

  it("returns binary responses as a file", async () => {
    const result = await runAction("rawRequest", {
      connection: connection(),
      url: "/models",
      method: "GET",
      responseType: "arraybuffer",
    });
    const file = result.data as unknown as Buffer;
    expect(Buffer.isBuffer(file)).toBe(true);
    expect(JSON.parse(file.toString("utf8"))).toHaveProperty("data");
    expect((result as { contentType?: string }).contentType).toMatch(/^application\/json/);
  });

  describe("never sends the key to another host", () => {
    let other: Simulator;
    beforeAll(async () => {
      other = await startSimulator();
    });
    afterAll(() => other.close());

    it.each([
      (host: string) => `${host}/v1/models`,
      (host: string) => `//${new URL(host).host}/v1/models`,
      (host: string) => `\\\\${new URL(host).host}/v1/models`,
    ])("refuses %p before sending anything", async (toUrl) => {
      const url = toUrl(other.url);
      const error = await failureOf(
        runAction("rawRequest", { connection: connection(), url, method: "GET" }),
      );
      expect(error.message).toContain(new URL(other.url).host);
      expect(error.message).toMatch(/^URL: /);
      expect(other.requests).toHaveLength(0);
      expect(sim().requests).toHaveLength(0);
    });
  });
});
