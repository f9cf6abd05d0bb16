import { readFileSync } from "node:fs";
import path from "node:path";
import component, { definition } from "../src";
import { chat } from "../src/actions/messages/chat";
import { countTokens } from "../src/actions/messages/countTokens";
import { getModel } from "../src/actions/models/getModel";
import { listModels } from "../src/actions/models/listModels";
import { rawRequest } from "../src/actions/rawRequest";
import { anthropicConnection } from "../src/connection";
import { handleError } from "../src/hooks";

interface InputShape {
  label?: string;
  type: string;
  comments?: string;
  example?: string;
  default?: unknown;
  clean?: unknown;
}

/** Every step of the definition, walked rather than listed, so a new one is checked the day it lands. */
type StepShape = { inputs: object; examplePayload?: unknown };
const definitions: Record<string, StepShape> = {
  ...definition.actions,
  ...(definition.triggers as Record<string, StepShape>),
};

/** Width, height and colour type from a PNG's IHDR chunk. */
const pngHeader = (file: Buffer) => ({
  signature: file.subarray(0, 8).toString("hex"),
  width: file.readUInt32BE(16),
  height: file.readUInt32BE(20),
  colourType: file[25],
});

describe("component definition", () => {
  it("has a square, transparent PNG icon of at least 128 px", () => {
    const icon = pngHeader(readFileSync(path.resolve(__dirname, "../assets/icon.png")));
    expect(icon.signature).toBe("89504e470d0a1a0a");
    expect(icon.width).toBe(icon.height);
    expect(icon.width).toBeGreaterThanOrEqual(128);
    expect(icon.colourType).toBe(6); // RGBA: it has an alpha channel
    expect(component.display.iconPath).toBe("icon.png");
  });

  it("has an error hook", () => {
    expect(definition.hooks.error).toBe(handleError);
  });

  it("keeps the public component's keys so integrations move over with a one-line change", () => {
    expect(component.key).toBe("anthropic");
    expect(component.public).toBe(false);
    expect(Object.keys(component.actions).sort()).toEqual([
      "cancelBatch",
      "chat",
      "classifyAndBranch",
      "countTokens",
      "createBatch",
      "createCompletion",
      "deleteBatch",
      "deleteFile",
      "downloadFile",
      "getBatch",
      "getBatchResults",
      "getFileMetadata",
      "getModel",
      "listBatches",
      "listFiles",
      "listModels",
      "rawRequest",
      "resumeAgent",
      "runAgent",
      "uploadFile",
    ]);
    expect(Object.keys(component.dataSources ?? {})).toEqual(["selectModel", "selectFile"]);
    expect(Object.keys(component.triggers ?? {})).toEqual(["batchEnded", "toolFlowTrigger"]);
    const keysOf = (inputs: object) => Object.keys(inputs);
    expect(keysOf(chat.inputs)).toEqual(
      expect.arrayContaining([
        "connection",
        "model",
        "initialMessage",
        "systemPrompt",
        "maxTokens",
        "temperature",
      ]),
    );
    expect(keysOf(countTokens.inputs)).toEqual(
      expect.arrayContaining(["connection", "model", "message"]),
    );
    expect(keysOf(getModel.inputs)).toEqual(expect.arrayContaining(["connection", "model"]));
    expect(keysOf(listModels.inputs)).toEqual(
      expect.arrayContaining(["connection", "fetchAll", "beforeId", "afterId", "limit"]),
    );
    expect(keysOf(rawRequest.inputs)).toEqual(
      expect.arrayContaining([
        "connection",
        "url",
        "method",
        "data",
        "formData",
        "fileData",
        "fileDataFileNames",
        "queryParams",
        "headers",
        "responseType",
        "timeout",
        "debugRequest",
        "retryDelayMS",
        "retryAllErrors",
        "maxRetries",
        "useExponentialBackoff",
      ]),
    );
    expect(chat.inputs.initialMessage.label).toBe("Message");
    expect(chat.inputs.maxTokens.default).toBe("4096");
    expect("default" in chat.inputs.temperature).toBe(false);
    expect(listModels.inputs.limit.default).toBe("20");
    expect(anthropicConnection.key).toBe("anthropic");
    expect(Object.keys(anthropicConnection.inputs)).toEqual([
      "apiKey",
      "baseUrl",
      "apiVersion",
      "betas",
      "authStyle",
      "extraHeaders",
    ]);
    expect(anthropicConnection.inputs.apiKey.type).toBe("password");
  });

  it("has the batch, file and completion input keys the issue names", () => {
    const inputKeys = (step: { inputs: object }) => Object.keys(step.inputs);
    const { actions, triggers, dataSources } = definition;
    expect(inputKeys(actions.createBatch)).toEqual(
      expect.arrayContaining([
        "connection",
        "requests",
        "prompts",
        ...Object.keys(chat.inputs).filter(
          (key) =>
            !["initialMessage", "messages", "previousResponse", "toolResults", "stream"].includes(
              key,
            ),
        ),
      ]),
    );
    for (const key of ["getBatch", "cancelBatch", "deleteBatch"] as const) {
      expect(inputKeys(actions[key])).toEqual(expect.arrayContaining(["connection", "batchId"]));
    }
    expect(inputKeys(actions.listBatches)).toEqual(
      expect.arrayContaining(["connection", "fetchAll", "beforeId", "afterId", "limit"]),
    );
    expect(inputKeys(actions.getBatchResults)).toEqual(
      expect.arrayContaining([
        "connection",
        "batchId",
        "resultTypes",
        "customIds",
        "offset",
        "limit",
      ]),
    );
    expect(actions.getBatchResults.inputs.limit.default).toBe("100");
    expect(inputKeys(actions.uploadFile)).toEqual(
      expect.arrayContaining(["connection", "file", "fileName", "expiresInSeconds"]),
    );
    expect(inputKeys(actions.listFiles)).toEqual(
      expect.arrayContaining(["connection", "fetchAll", "limit", "ids"]),
    );
    for (const key of ["getFileMetadata", "downloadFile", "deleteFile"] as const) {
      expect(inputKeys(actions[key])).toEqual(expect.arrayContaining(["connection", "fileId"]));
    }
    expect(inputKeys(actions.createCompletion)).toEqual(
      expect.arrayContaining([
        "connection",
        "model",
        "prompt",
        "maxTokensToSample",
        "stopSequences",
        "temperature",
        "topP",
        "topK",
        "metadataUserId",
        "stream",
        "timeout",
        "maxRetries",
      ]),
    );
    expect(actions.createCompletion.inputs.maxTokensToSample.default).toBe("1024");
    expect(actions.createCompletion.display.description).toMatch(/legacy/i);
    expect(Object.keys(triggers.batchEnded.inputs ?? {})).toContain("connection");
    expect(inputKeys(dataSources.selectFile)).toEqual(["connection"]);
  });

  it("has the agent input keys the issue names", () => {
    expect(Object.keys(definition.actions.runAgent.inputs)).toEqual(
      expect.arrayContaining([
        "connection",
        "model",
        "instructions",
        "input",
        "history",
        "flows",
        "tools",
        "mcpServers",
        "maxTurns",
        "maxTotalTokens",
        "timeLimitSeconds",
        "toolTimeoutSeconds",
        "thinking",
        "budgetTokens",
        "effort",
        "outputSchema",
        "cache",
        "maxTokens",
        "timeout",
        "maxRetries",
      ]),
    );
    const { inputs } = definition.actions.runAgent;
    expect(inputs.maxTurns.default).toBe("10");
    expect(inputs.toolTimeoutSeconds.default).toBe("60");
    expect(inputs.cache.default).toBe("5m");
    expect(inputs.flows).toMatchObject({ type: "flow", collection: "valuelist" });
    for (const key of [
      "model",
      "tools",
      "thinking",
      "budgetTokens",
      "effort",
      "outputSchema",
      "maxTokens",
    ]) {
      expect((inputs as Record<string, unknown>)[key]).toBe(
        (chat.inputs as Record<string, unknown>)[key],
      );
    }
  });

  it("defines each of Chat's inputs once: Create Batch uses the very same definitions", () => {
    const batchInputs = definition.actions.createBatch.inputs as Record<string, unknown>;
    const chatInputs = chat.inputs as Record<string, unknown>;
    for (const key of Object.keys(batchInputs)) {
      if (key in chatInputs) expect(batchInputs[key]).toBe(chatInputs[key]);
    }
  });

  const everyInput = [
    ...Object.entries(definitions).flatMap(([action, definition]) =>
      Object.entries(definition.inputs as Record<string, InputShape>).map(
        ([key, input]) => [`${action}.${key}`, input] as const,
      ),
    ),
    ...Object.entries(definition.dataSources).flatMap(([key, dataSource]) =>
      Object.entries(dataSource.inputs as Record<string, InputShape>).map(
        ([input, shape]) => [`${key}.${input}`, shape] as const,
      ),
    ),
  ];

  it.each(everyInput)("%s is documented and cleaned", (_name, input) => {
    expect(input.label).toBeTruthy();
    expect(input.comments?.length).toBeGreaterThan(10);
    if (input.type !== "connection") {
      expect(
        input.example ?? input.default ?? (input.type === "boolean" ? "false" : undefined),
      ).toBeDefined();
      expect(typeof input.clean).toBe("function");
    }
  });

  it.each(Object.entries(anthropicConnection.inputs))(
    "connection.%s is documented",
    (_key, input) => {
      expect(input.label).toBeTruthy();
      expect((input.comments ?? "").length).toBeGreaterThan(10);
    },
  );

  it.each(Object.entries(definitions))("%s has a realistic example payload", (_key, definition) => {
    expect(definition.examplePayload).toBeDefined();
    expect(JSON.stringify(definition.examplePayload).length).toBeGreaterThan(20);
  });
});
