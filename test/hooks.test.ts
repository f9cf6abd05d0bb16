import { AxiosError, AxiosHeaders } from "axios";
import { AnthropicApiError } from "../src/client/errors";
import { handleError } from "../src/hooks";

describe("the component's error hook", () => {
  it("never lets an axios error, whose config holds the key, reach the platform", () => {
    const config = { headers: new AxiosHeaders({ "x-api-key": "sk-ant-secret" }) };
    const error = new AxiosError(
      "Request failed with status code 500",
      "ERR_BAD_RESPONSE",
      config,
      undefined,
      {
        status: 500,
        statusText: "Internal Server Error",
        headers: {},
        config,
        data: {},
      },
    );
    const handled = handleError(error);
    expect(handled).toBeInstanceOf(AnthropicApiError);
    expect(handled).toMatchObject({
      message: "Anthropic API request failed with HTTP 500.",
      status: 500,
    });
    expect(JSON.stringify(handled)).not.toContain("sk-ant-secret");
    expect(handled).not.toHaveProperty("config");
  });

  it("passes every other error through unchanged", () => {
    const error = new Error("Model: is required; enter a value.");
    expect(handleError(error)).toBe(error);
  });
});
