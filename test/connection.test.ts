import { SIMULATOR_API_KEY } from "./simulator";
import { runAction, useSimulator } from "./support/harness";

const { sim, connection } = useSimulator();

describe("connection", () => {
  it("sends bearer auth, the chosen version, betas and extra headers on every request", async () => {
    await runAction("listModels", {
      connection: connection({
        authStyle: "bearer",
        apiVersion: "2026-10-21",
        betas: " files-api-2025-04-14 , context-1m-2025-08-07 ",
        extraHeaders: [
          { key: "x-portkey-provider", value: "anthropic" },
          { key: "x-portkey-api-key", value: "pk-123" },
        ],
      }),
    });
    const [request] = sim().requests;
    expect(request.headers.authorization).toBe(`Bearer ${SIMULATOR_API_KEY}`);
    expect(request.headers["x-api-key"]).toBeUndefined();
    expect(request.headers["anthropic-version"]).toBe("2026-10-21");
    expect(request.headers["anthropic-beta"]).toBe("files-api-2025-04-14,context-1m-2025-08-07");
    // With betas, requests go where the official SDK's beta client sends them.
    expect(request.path).toBe("/v1/models");
    expect(request.query).toEqual({ beta: "true", limit: "20" });
    expect(request.headers["x-portkey-provider"]).toBe("anthropic");
    expect(request.headers["x-portkey-api-key"]).toBe("pk-123");
  });

  it("appends /v1 to a base URL with a path prefix, as gateways need", async () => {
    // The simulator answers only under /v1, so a prefix shows up as a 404 on the prefixed path.
    const error = await runAction("listModels", {
      connection: connection({ baseUrl: `${sim().url}/gateway/` }),
    }).catch((failure: Error) => failure);
    expect(sim().requests[0].path).toBe("/gateway/v1/models");
    expect((error as Error).message).toMatch(/^Anthropic API 404 /);
  });
});
