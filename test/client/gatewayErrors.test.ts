import { ConnectionError } from "@prismatic-io/spectral";
import { AnthropicApiError, AnthropicAuthError } from "../../src/client/errors";
import { failureOf, runAction, useSimulator } from "../support/harness";
import { getModelFailureFrom } from "../support/stubServer";

const { sim, connection } = useSimulator();

describe("an answer that is not the API's error format", () => {
  it.each([
    [
      "a gateway's JSON",
      {
        status: 500,
        contentType: "application/json",
        body: '{"status":"failure","message":"Something went wrong"}',
        headers: { "request-id": "req_gateway1" },
      },
      '{"status":"failure","message":"Something went wrong"} (request-id req_gateway1)',
    ],
    [
      "a proxy's HTML",
      {
        status: 502,
        contentType: "text/html",
        body: "<html><head><title>502 Bad Gateway</title><style>p{}</style></head><body><h1>502 Bad Gateway</h1><hr><center>nginx</center></body></html>",
      },
      "502 Bad Gateway 502 Bad Gateway nginx",
    ],
  ])("names the host that answered, not Anthropic: %s", async (_name, answer, gist) => {
    const { error, host } = await getModelFailureFrom(answer);
    expect(error).toBeInstanceOf(AnthropicApiError);
    expect(error.message).toBe(
      `HTTP ${answer.status} from ${host} (GET /v1/models/claude-haiku-4-5), not in the Anthropic API's error format, so a gateway or proxy in front of the API probably answered: ${gist}`,
    );
    expect(error.status).toBe(answer.status);
    expect(error.type).toBe("http_error");
  });

  it("an Anthropic envelope keeps the API's own message", async () => {
    sim().enqueueFaults({ status: 500, message: "Internal server error" });
    const error = await failureOf(
      runAction("getModel", {
        connection: connection(),
        model: "claude-haiku-4-5",
        maxRetries: "0",
      }),
    );
    expect(error.message).toMatch(
      /^Anthropic API 500 api_error: Internal server error \(request-id req_\w+\)$/,
    );
  });
});

describe("which failures mark the connection", () => {
  it.each([
    ["a 401", 401, "invalid x-api-key"],
    ["a 403 refusing the key itself", 403, "This API key has been disabled."],
    ["a 403 refusing the organization", 403, "Your organization has been suspended."],
  ])("%s marks it", async (_name, status, message) => {
    sim().enqueueFaults({ status, message });
    const error = await failureOf(
      runAction("getModel", { connection: connection(), model: "claude-haiku-4-5" }),
    );
    expect(error).toBeInstanceOf(AnthropicAuthError);
    expect(error).toBeInstanceOf(ConnectionError);
  });

  it.each([
    ["a bare permission error", "Permission denied"],
    [
      "a resource in another workspace",
      "Your API key does not have permission to use the specified resource.",
    ],
    [
      "a file the key may not read",
      "You do not have access to file file_011CNha8iCJcU1wXNR6q4V8w.",
    ],
  ])("a 403 on one resource does not: %s", async (_name, message) => {
    sim().enqueueFaults({ status: 403, message });
    const error = await failureOf(
      runAction("getModel", { connection: connection(), model: "claude-haiku-4-5" }),
    );
    expect(error).toBeInstanceOf(AnthropicApiError);
    expect(error).not.toBeInstanceOf(ConnectionError);
    expect(error.message).toMatch(/^Anthropic API 403 permission_error: /);
  });
});
