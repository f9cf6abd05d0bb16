import type { FlowSchemas } from "@prismatic-io/spectral";
import { InputError } from "../inputs/clean";
import type { ToolDefinition } from "../messages/tools";

/** The API's rule for tool names, and the longest a flow's tool name is cut to. */
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_NAME = 64;

/** Keys of a flow's invocation schema that describe the schema document, not the tool's input. */
const SCHEMA_DOCUMENT_KEYS = new Set(["$schema", "title", "$comment", "description"]);

export interface FlowTool {
  flow: string;
  definition: ToolDefinition;
}

const FLOWS = "Flows";

/** "Look up customer (v2)" → "Look_up_customer_v2". */
export const toolNameOf = (flow: string): string =>
  flow
    .replace(/[^a-zA-Z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, MAX_NAME);

const descriptionOf = (schema: Record<string, unknown>): string | undefined =>
  typeof schema.description === "string" && schema.description.trim()
    ? schema.description.trim()
    : undefined;

/**
 * A tool for each flow, from the flow's invocation schema (what its trigger's
 * `flowSchemas.invoke` declares). What would make Claude misuse a tool, or make the API
 * refuse the request, is refused here, naming the flow.
 */
export const flowTools = (flows: readonly string[], schemas: FlowSchemas): FlowTool[] => {
  const byName = new Map<string, string>();
  return flows.map((flow) => {
    const schema = schemas?.[flow]?.invoke as unknown as Record<string, unknown> | undefined;
    if (!schema) {
      throw new InputError(
        FLOWS,
        `the flow "${flow}" has no invocation schema, so Claude cannot know how to call it. Give its trigger a schema: use the Tool Flow trigger of this component (or a trigger with flowSchemas.invoke), with a description and the input's properties.`,
      );
    }
    const description = descriptionOf(schema);
    if (!description) {
      throw new InputError(
        FLOWS,
        `the flow "${flow}" has an invocation schema without a description; add one that says what the flow does and when to use it, so Claude picks it for the right requests.`,
      );
    }
    const name = toolNameOf(flow);
    if (!TOOL_NAME.test(name)) {
      throw new InputError(
        FLOWS,
        `the flow "${flow}" has no letters or digits to name a tool with; rename the flow.`,
      );
    }
    const clash = byName.get(name);
    if (clash !== undefined) {
      throw new InputError(
        FLOWS,
        `the flows "${clash}" and "${flow}" both become the tool "${name}"; rename one of them.`,
      );
    }
    byName.set(name, flow);
    const inputSchema = Object.fromEntries(
      Object.entries(schema).filter(([key]) => !SCHEMA_DOCUMENT_KEYS.has(key)),
    );
    return {
      flow,
      definition: {
        name,
        description,
        input_schema: { type: "object", properties: {}, ...inputSchema },
      },
    };
  });
};
