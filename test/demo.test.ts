import { demoFlow, parseArgs } from "../scripts/demoFlow";
import { harness, useSimulator } from "./support/harness";

const { sim, connection } = useSimulator();

describe("the npm start demo flow", () => {
  it("runs every seed action against the simulator and prints each step", async () => {
    const lines: string[] = [];
    await demoFlow(harness, connection(), (line) => lines.push(line));
    expect(sim().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /v1/models",
      `GET /v1/models/${sim().requests[1].path.split("/").at(-1)}`,
      "POST /v1/messages/count_tokens",
      "POST /v1/messages",
      "POST /v1/messages",
      "GET /v1/models",
    ]);
    const printed = lines.join("\n");
    for (const action of ["listModels", "getModel", "countTokens", "chat", "rawRequest"]) {
      expect(printed).toContain(`▶ ${action} `);
    }
    expect(printed).toContain('"output": {');
    // Deep details are summarised so each step fits on a screen.
    expect(printed).toContain('"capabilities": "{…}"');
  });

  it("reads one action and its inputs from the command line", () => {
    expect(parseArgs(["chat", "--initialMessage", "Hi there", "--maxTokens", "200"])).toEqual({
      actionKey: "chat",
      inputs: { initialMessage: "Hi there", maxTokens: "200" },
    });
    expect(parseArgs([])).toEqual({ actionKey: undefined, inputs: {} });
    expect(() => parseArgs(["chat", "initialMessage"])).toThrow(
      'Expected --inputKey before "initialMessage".',
    );
  });
});
