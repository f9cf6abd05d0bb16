import { PaginationError } from "../../src/pagination/pager";
import { capturingLogger, connectionFor, failureOf, harness, runAction } from "../support/harness";
import { startStubServer } from "../support/stubServer";

const model = (id: string) => ({
  type: "model",
  id,
  display_name: id,
  created_at: "2026-01-01T00:00:00Z",
});

/** A server that always says more pages follow, and always hands back the same cursor. */
const startStuckServer = () =>
  startStubServer(() => ({
    status: 200,
    contentType: "application/json",
    body: JSON.stringify({
      data: [model("claude-a")],
      has_more: true,
      first_id: "claude-a",
      last_id: "claude-a",
    }),
  }));

describe("paging that never ends", () => {
  it("Fetch All stops with a clear error when a cursor repeats", async () => {
    const server = await startStuckServer();
    try {
      const error = await failureOf(
        runAction("listModels", { connection: connectionFor(server.baseUrl), fetchAll: "true" }),
      );
      expect(error).toBeInstanceOf(PaginationError);
      expect(error.message).toBe(
        'Fetch All models: the server said more pages follow but handed back the cursor "claude-a" again, after 1 page(s); stopped instead of looping forever. This is a gateway or API defect: fetch one page at a time, or check the connection\'s Base URL.',
      );
      expect(server.received.map((request) => request.url)).toEqual([
        "/v1/models?limit=1000",
        "/v1/models?limit=1000&after_id=claude-a",
      ]);
    } finally {
      await server.close();
    }
  });

  it("the model picklist stops too", async () => {
    const server = await startStuckServer();
    try {
      const error = await failureOf(
        harness.dataSource("selectModel", { connection: connectionFor(server.baseUrl) }, {
          logger: capturingLogger().logger,
        } as Parameters<typeof harness.dataSource>[2]),
      );
      expect(error).toBeInstanceOf(PaginationError);
      expect(server.received).toHaveLength(2);
    } finally {
      await server.close();
    }
  });
});
