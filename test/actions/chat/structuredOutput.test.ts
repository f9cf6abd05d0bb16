import { STRUCTURED_OUTPUT_TOOL_NAME } from "../../../src/defaults";
import { readStructuredOutput } from "../../../src/messages/structuredOutput";
import type { Message } from "../../../src/messages/types";
import { expectValidCreateBody, runChat } from "../../support/chat";
import { failureOf, useSimulator } from "../../support/harness";

const { sim, connection } = useSimulator();

const contactSchema = {
  type: "object",
  properties: {
    name: { type: "string" },
    email: { type: "string" },
    priority: { type: "string", enum: ["low", "high"] },
    address: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
  },
  required: ["name", "email", "priority", "address"],
};
/** What structured outputs need: every object closes its properties. */
const closedSchema = {
  ...contactSchema,
  additionalProperties: false,
  properties: {
    ...contactSchema.properties,
    address: { ...contactSchema.properties.address, additionalProperties: false },
  },
};

/** What the simulator fills the contact schema with. */
const simulatedContact = {
  name: "example",
  email: "example",
  priority: "low",
  address: { city: "example" },
};

describe("structured output", () => {
  it("extracts JSON by schema with output_config and returns it parsed as data.output", async () => {
    const data = await runChat(connection(), {
      initialMessage: "Extract the contact: Ada Lovelace <ada@example.com>, urgent, London.",
      outputSchema: JSON.stringify(contactSchema),
    });
    const [request] = sim().requests;
    expect(request.body).toMatchObject({
      output_config: { format: { type: "json_schema", schema: closedSchema } },
    });
    expect(request.body).not.toHaveProperty("tools");
    expectValidCreateBody(request);
    expect(data.output).toEqual(simulatedContact);
    expect(data.output).toEqual(JSON.parse(data.text));
  });

  it("keeps what the builder said about additionalProperties", async () => {
    await runChat(connection(), {
      initialMessage: "Extract",
      outputSchema: {
        type: "object",
        properties: { tags: { type: "object", additionalProperties: { type: "string" } } },
      },
    });
    expect((sim().requests[0].body as { output_config: unknown }).output_config).toEqual({
      format: {
        type: "json_schema",
        schema: {
          type: "object",
          additionalProperties: false,
          properties: { tags: { type: "object", additionalProperties: { type: "string" } } },
        },
      },
    });
  });

  it("forces a single tool on models without structured outputs", async () => {
    const data = await runChat(connection(), {
      model: "claude-3-haiku-20240307",
      initialMessage: "Extract the contact",
      outputSchema: contactSchema,
    });
    const [request] = sim().requests;
    expect(request.body).toMatchObject({
      tools: [
        {
          name: STRUCTURED_OUTPUT_TOOL_NAME,
          description: expect.any(String),
          input_schema: closedSchema,
        },
      ],
      tool_choice: { type: "tool", name: STRUCTURED_OUTPUT_TOOL_NAME },
    });
    expect(request.body).not.toHaveProperty("output_config");
    expectValidCreateBody(request);
    expect(data.output).toEqual(simulatedContact);
  });

  it("returns output null, not a half-parsed answer, when the answer stopped early", async () => {
    const data = await runChat(connection(), {
      initialMessage: "Extract [[simulate:refusal]]",
      outputSchema: contactSchema,
    });
    expect(data.stop_reason).toBe("refusal");
    expect(data.output).toBeNull();
  });

  it.each([
    [
      { type: "array" },
      'Output Schema: must describe a JSON object: its top level needs "type": "object".',
    ],
    [
      { type: "object", properties: { a: { type: "nonsense" } } },
      "Output Schema: is not a valid JSON Schema",
    ],
    ["{not json", "Output Schema: must be valid JSON"],
  ])("refuses the schema %j before sending", async (outputSchema, message) => {
    const error = await failureOf(runChat(connection(), { initialMessage: "x", outputSchema }));
    expect(error.message.startsWith(message)).toBe(true);
    expect(sim().requests).toHaveLength(0);
  });
});

describe("reading the model's JSON", () => {
  const reply = (text: string): Message => ({
    id: "msg_1",
    type: "message",
    role: "assistant",
    model: "m",
    content: [{ type: "text", text }],
    stop_reason: "end_turn",
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  });

  it("gives a clear error when the JSON does not fit the schema", () => {
    expect(() =>
      readStructuredOutput(
        reply('{"name": 5, "email": "a@b.c", "priority": "medium"}'),
        contactSchema,
        "native",
      ),
    ).toThrow(
      "Output Schema: the model's JSON does not fit the schema: (root) must have required property 'address'; /name must be string; /priority must be equal to one of the allowed values (message msg_1).",
    );
  });

  it("gives a clear error when the answer is not JSON", () => {
    expect(() => readStructuredOutput(reply("Sure! Here it is"), contactSchema, "native")).toThrow(
      "Output Schema: the model's answer is not JSON (message msg_1): Sure! Here it is",
    );
  });

  describe("formats", () => {
    const schemaWithFormats = {
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        sku: { type: "string", format: "x-sku" },
      },
      required: ["email", "sku"],
    };
    const printed: jest.SpyInstance[] = [];
    beforeEach(() => {
      for (const method of ["log", "info", "warn", "error", "debug"] as const)
        printed.push(jest.spyOn(console, method).mockImplementation(() => undefined));
    });
    afterEach(() => {
      for (const spy of printed.splice(0)) spy.mockRestore();
    });
    const consoleCalls = () => printed.flatMap((spy) => spy.mock.calls);

    it("validates known formats and ignores unknown ones, printing nothing", () => {
      expect(
        readStructuredOutput(
          reply('{"email": "ada@example.com", "sku": "anything"}'),
          schemaWithFormats,
          "native",
        ),
      ).toEqual({ email: "ada@example.com", sku: "anything" });
      expect(() =>
        readStructuredOutput(
          reply('{"email": "not an address", "sku": "x"}'),
          schemaWithFormats,
          "native",
        ),
      ).toThrow('/email must match format "email"');
      expect(consoleCalls()).toEqual([]);
    });

    it("prints nothing when Chat sends and checks a schema with formats", async () => {
      const data = await runChat(connection(), {
        initialMessage: "Extract",
        outputSchema: schemaWithFormats,
      });
      expect(data.output).toEqual(expect.objectContaining({ sku: expect.any(String) }));
      expect(consoleCalls()).toEqual([]);
    });
  });
});
