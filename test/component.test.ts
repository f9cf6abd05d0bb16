import { readFileSync } from "node:fs";
import path from "node:path";
import component, { definition } from "../src";
import { chat } from "../src/actions/messages/chat";
import { countTokens } from "../src/actions/messages/countTokens";
import { getModel } from "../src/actions/models/getModel";
import { listModels } from "../src/actions/models/listModels";
import { rawRequest } from "../src/actions/rawRequest";
import { anthropicConnection } from "../src/connection";
import { selectModel } from "../src/dataSources/selectModel";
import { handleError } from "../src/hooks";

interface InputShape {
  label?: string;
  type: string;
  comments?: string;
  example?: string;
  default?: unknown;
  clean?: unknown;
}

const definitions = { chat, countTokens, getModel, listModels, rawRequest };

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
      "chat",
      "countTokens",
      "getModel",
      "listModels",
      "rawRequest",
    ]);
    expect(Object.keys(component.dataSources ?? {})).toEqual(["selectModel"]);
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

  const everyInput = [
    ...Object.entries(definitions).flatMap(([action, definition]) =>
      Object.entries(definition.inputs as Record<string, InputShape>).map(
        ([key, input]) => [`${action}.${key}`, input] as const,
      ),
    ),
    ...Object.entries(selectModel.inputs as Record<string, InputShape>).map(
      ([key, input]) => [`selectModel.${key}`, input] as const,
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
