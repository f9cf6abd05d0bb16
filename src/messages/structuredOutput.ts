import { AnthropicOutputError } from "../client/errors";
import { STRUCTURED_OUTPUT_TOOL_NAME } from "../defaults";
import { InputError } from "../inputs/clean";
import { messageText } from "./blocks";
import { hasNativeStructuredOutputs } from "./modelTraits";
import { validatorFor } from "./schemaValidator";
import type { ToolDefinition } from "./tools";
import type { Message, ToolUseBlock } from "./types";

export type StructuredOutputMode = "native" | "tool";

/**
 * Models without structured outputs get a single forced tool whose
 * input_schema is the schema, which they do follow.
 */
export const structuredOutputMode = (model: string): StructuredOutputMode =>
  hasNativeStructuredOutputs(model) ? "native" : "tool";

/**
 * Structured outputs require every object to close its properties; a schema
 * that leaves additionalProperties unsaid gets `false`, which is what the
 * builder meant. Anything the builder wrote is kept.
 */
export const closeObjects = (schema: unknown): unknown => {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (!schema || typeof schema !== "object") return schema;
  const copy = Object.fromEntries(
    Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]),
  );
  const isObjectSchema =
    copy.type === "object" || (Array.isArray(copy.type) && copy.type.includes("object"));
  if (isObjectSchema && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
};

export const checkOutputSchema = (schema: Record<string, unknown>): void => {
  if (schema.type !== "object") {
    throw new InputError(
      "Output Schema",
      'must describe a JSON object: its top level needs "type": "object".',
    );
  }
  try {
    validatorFor(schema);
  } catch (error) {
    throw new InputError(
      "Output Schema",
      `is not a valid JSON Schema (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
};

export const structuredOutputTool = (schema: Record<string, unknown>): ToolDefinition => ({
  name: STRUCTURED_OUTPUT_TOOL_NAME,
  description: "Return the answer as JSON that follows the schema. Always use this tool to answer.",
  input_schema: schema,
});

const answerOf = (message: Message, mode: StructuredOutputMode): unknown => {
  if (mode === "tool") {
    const call = message.content.find(
      (block): block is ToolUseBlock =>
        block.type === "tool_use" && (block as ToolUseBlock).name === STRUCTURED_OUTPUT_TOOL_NAME,
    );
    if (!call)
      throw new AnthropicOutputError(
        `Output Schema: the model did not answer through the ${STRUCTURED_OUTPUT_TOOL_NAME} tool (message ${message.id}).`,
      );
    return call.input;
  }
  const text = messageText(message);
  try {
    return JSON.parse(text);
  } catch {
    throw new AnthropicOutputError(
      `Output Schema: the model's answer is not JSON (message ${message.id}): ${text.slice(0, 200)}`,
    );
  }
};

/** Parses the answer and checks it against the builder's schema. */
export const readStructuredOutput = (
  message: Message,
  schema: Record<string, unknown>,
  mode: StructuredOutputMode,
): unknown => {
  const output = answerOf(message, mode);
  const validate = validatorFor(schema);
  if (!validate(output)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || "(root)"} ${error.message ?? "is invalid"}`)
      .join("; ");
    throw new AnthropicOutputError(
      `Output Schema: the model's JSON does not fit the schema: ${problems} (message ${message.id}).`,
    );
  }
  return output;
};
