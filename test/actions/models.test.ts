import { createAnthropicClient } from "../../src/client/createAnthropicClient";
import { fetchAllModels } from "../../src/models/listModels";
import { directCall } from "../support/direct";
import { capturingLogger, failureOf, harness, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();

interface Page {
  data: Array<{ id: string; display_name: string }>;
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

const everyModel = async (): Promise<Page["data"]> => {
  const page = (await directCall(sim().url, "GET", "/v1/models?limit=1000")) as Page;
  return page.data;
};

describe("getModel", () => {
  it("GETs the model by id and returns it", async () => {
    const result = await runAction("getModel", {
      connection: connection(),
      model: "claude-haiku-4-5-20251001",
    });
    const [request] = sim().requests;
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/v1/models/claude-haiku-4-5-20251001");
    expect(request.rawBody).toBe("");
    expect(result.data).toEqual(
      await directCall(sim().url, "GET", "/v1/models/claude-haiku-4-5-20251001"),
    );
  });

  it("URL-encodes the id so it cannot escape the models path", async () => {
    const error = await failureOf(
      runAction("getModel", { connection: connection(), model: "x/../../v1/messages" }),
    );
    const [request] = sim().requests;
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/v1/models/x%2F..%2F..%2Fv1%2Fmessages");
    expect(error.message).toMatch(/^Anthropic API 404 not_found_error: .*\(request-id req_\w+\)$/);
    expect(error.status).toBe(404);
  });
});

describe("listModels", () => {
  it("asks for one page with the default limit and returns the API's page", async () => {
    const result = await runAction("listModels", { connection: connection() });
    const [request] = sim().requests;
    expect(request.method).toBe("GET");
    expect(request.path).toBe("/v1/models");
    expect(request.query).toEqual({ limit: "20" });
    const page = result.data as Page;
    expect(page.data).toHaveLength(20);
    expect(page.has_more).toBe(true);
    expect(page).toEqual(await directCall(sim().url, "GET", "/v1/models?limit=20"));
  });

  it("passes the cursors and limit", async () => {
    const all = await everyModel();
    sim().reset();
    const result = await runAction("listModels", {
      connection: connection(),
      afterId: all[1].id,
      limit: "3",
    });
    expect(sim().requests[0].query).toEqual({ limit: "3", after_id: all[1].id });
    expect((result.data as Page).data.map((model) => model.id)).toEqual(
      all.slice(2, 5).map((model) => model.id),
    );

    sim().reset();
    await runAction("listModels", { connection: connection(), beforeId: all[4].id, limit: "2" });
    expect(sim().requests[0].query).toEqual({ limit: "2", before_id: all[4].id });
  });

  it("with Fetch All returns every model and ignores the page inputs", async () => {
    const all = await everyModel();
    sim().reset();
    const result = await runAction("listModels", {
      connection: connection(),
      fetchAll: "true",
      limit: "2",
      afterId: "ignored",
    });
    expect(sim().requests[0].query).toEqual({ limit: "1000" });
    expect(result.data).toEqual({
      data: all,
      has_more: false,
      first_id: all[0].id,
      last_id: all[all.length - 1].id,
    });
  });

  it("follows last_id across pages until has_more is false", async () => {
    const all = await everyModel();
    sim().reset();
    const client = createAnthropicClient(connection(), { logger: capturingLogger().logger });
    const page = await fetchAllModels(client, 10);
    expect(page.data).toEqual(all);
    const queries = sim().requests.map((request) => request.query);
    expect(queries).toEqual(
      [
        { limit: "10" },
        { limit: "10", after_id: all[9].id },
        { limit: "10", after_id: all[19].id },
      ].slice(0, Math.ceil(all.length / 10)),
    );
  });
});

describe("selectModel data source", () => {
  it("lists every model as a picklist of id and display name", async () => {
    const all = await everyModel();
    sim().reset();
    const result = await harness.dataSource("selectModel", { connection: connection() });
    expect(result.result).toEqual(
      all.map((model) => ({ key: model.id, label: model.display_name })),
    );
    expect(sim().requests).toHaveLength(1);
  });

  it("retries once at most, so a builder waiting in the designer is not kept for long", async () => {
    const overloaded = { status: 529, headers: { "retry-after-ms": "10" } };
    sim().enqueueFaults(overloaded, overloaded, overloaded);
    const error = await failureOf(harness.dataSource("selectModel", { connection: connection() }));
    expect(error.message).toMatch(/^Anthropic API 529 overloaded_error: /);
    expect(sim().requests).toHaveLength(2);
  });
});
