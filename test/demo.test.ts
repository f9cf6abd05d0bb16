import { demoFlow, parseArgs } from "../scripts/demoFlow";
import { harness, useSimulator } from "./support/harness";

const { sim, connection } = useSimulator();

describe("the npm start demo flow", () => {
  it("runs the seed actions, a file and a batch against the simulator and prints each step", async () => {
    const lines: string[] = [];
    await demoFlow(harness, connection(), (line) => lines.push(line));
    expect(sim().requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /v1/models",
      `GET /v1/models/${sim().requests[1].path.split("/").at(-1)}`,
      "POST /v1/messages/count_tokens",
      "POST /v1/messages",
      "POST /v1/messages",
      "GET /v1/models",
      "POST /v1/files",
      "POST /v1/messages",
      `DELETE ${sim().requests[8].path}`,
      "POST /v1/messages/batches",
      `POST ${sim().requests[10].path}`,
    ]);
    expect(sim().requests[8].path).toMatch(/^\/v1\/files\/file_\w+$/);
    expect(sim().requests[10].path).toMatch(/^\/v1\/messages\/batches\/msgbatch_\w+\/cancel$/);
    const printed = lines.join("\n");
    for (const action of [
      "listModels",
      "getModel",
      "countTokens",
      "chat",
      "rawRequest",
      "uploadFile",
      "deleteFile",
      "createBatch",
      "cancelBatch",
    ]) {
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
