import { failureOf, runAction, useSimulator } from "../support/harness";

const FILES_API_BETA = "files-api-2025-04-14";

const { sim, connection } = useSimulator();

const sent = () => {
  const [request] = sim().requests;
  return { beta: request.headers["anthropic-beta"], query: request.query };
};

describe("the anthropic-beta header is decided in one place", () => {
  it("merges the connection's betas with a Raw Request header, without duplicates", async () => {
    await runAction("rawRequest", {
      connection: connection({ betas: "context-1m-2025-08-07, files-api-2025-04-14" }),
      url: "/models",
      method: "GET",
      headers: [
        { key: "anthropic-beta", value: "files-api-2025-04-14, token-efficient-tools-2025-02-19" },
      ],
    });
    expect(sent()).toEqual({
      beta: "context-1m-2025-08-07,files-api-2025-04-14,token-efficient-tools-2025-02-19",
      query: { beta: "true" },
    });
  });

  it("sends ?beta=true for a beta given only by a Raw Request header", async () => {
    await runAction("rawRequest", {
      connection: connection(),
      url: "/models",
      method: "GET",
      headers: [{ key: "Anthropic-Beta", value: FILES_API_BETA }],
    });
    expect(sent()).toEqual({ beta: FILES_API_BETA, query: { beta: "true" } });
  });

  it("sends Chat's file ids with only the betas the connection names (Files is GA)", async () => {
    await runAction("chat", {
      connection: connection({
        betas: "context-1m-2025-08-07",
        extraHeaders: [{ key: "anthropic-beta", value: "interleaved-thinking-2025-05-14" }],
      }),
      initialMessage: "Summarise the report",
      fileIds: ["file_011CNha8iCJcU1wXNR6q4V8w"],
    });
    expect(sent()).toEqual({
      beta: "context-1m-2025-08-07,interleaved-thinking-2025-05-14",
      query: { beta: "true" },
    });
  });

  it("sends an Extra Headers beta on a plain action, with ?beta=true", async () => {
    await runAction("listModels", {
      connection: connection({
        extraHeaders: [{ key: "anthropic-beta", value: "a-beta, b-beta" }],
      }),
    });
    expect(sent()).toEqual({ beta: "a-beta,b-beta", query: { beta: "true", limit: "20" } });
  });
});

describe("connection-owned headers", () => {
  it.each(["x-api-key", "Authorization", "anthropic-version", "Host"])(
    "%s is refused in Extra Headers, before sending",
    async (name) => {
      const error = await failureOf(
        runAction("listModels", {
          connection: connection({ extraHeaders: [{ key: name, value: "x" }] }),
        }),
      );
      expect(error.message).toBe(
        `Extra Headers: ${name} is set by the connection itself (API Key, Authentication Style, API Version, Base URL) and cannot be overridden.`,
      );
      expect(sim().requests).toHaveLength(0);
    },
  );

  const rawRequestWithHeader = (name: string) =>
    failureOf(
      runAction("rawRequest", {
        connection: connection(),
        url: "/models",
        method: "GET",
        headers: [{ key: name, value: "x" }],
      }),
    );

  it.each([
    "x-api-key",
    "authorization",
    "anthropic-version",
    "host",
    // axios trims names, so whitespace must not slip past the check.
    "x-api-key ",
    "x-api-key\t",
    " authorization",
    "anthropic-version ",
    "host ",
  ])("%j is refused in Raw Request headers, before sending", async (name) => {
    const error = await rawRequestWithHeader(name);
    expect(error.message).toBe(
      `Header: ${name.trim()} is set by the connection and cannot be overridden here.`,
    );
    expect(sim().requests).toHaveLength(0);
  });

  it("refuses a header name that is not a token", async () => {
    const error = await rawRequestWithHeader("x custom");
    expect(error.message).toBe(
      'Header: "x custom" is not a valid header name (letters, digits and - only, no spaces).',
    );
    expect(sim().requests).toHaveLength(0);
  });
});
