import { InputError } from "../inputs/clean";
import { isObject } from "../util/isObject";

export interface ToolDefinition {
  name: string;
  type?: string;
  input_schema?: Record<string, unknown>;
  [field: string]: unknown;
}

export type ToolChoice =
  | { type: "auto" | "any" | "none"; disable_parallel_tool_use?: boolean }
  | { type: "tool"; name: string; disable_parallel_tool_use?: boolean };

const TOOL_NAME = /^[a-zA-Z0-9_-]{1,128}$/;

/** Custom tools are checked; server tools (with a versioned `type`) are the API's to judge. */
const isCustomTool = (tool: Record<string, unknown>): boolean =>
  tool.type === undefined || tool.type === null || tool.type === "custom";

export const checkTools = (tools: unknown[]): ToolDefinition[] => {
  const names = new Set<string>();
  return tools.map((tool, index) => {
    if (!isObject(tool))
      throw new InputError("Tools", `item ${index} must be a tool definition object.`);
    // An MCP server's tools, named by the server: the API lists them itself.
    if (tool.type === "mcp_toolset") {
      if (typeof tool.mcp_server_name !== "string" || !tool.mcp_server_name) {
        throw new InputError(
          "Tools",
          `item ${index} is an mcp_toolset without its mcp_server_name; name one of the MCP Servers.`,
        );
      }
      return tool as unknown as ToolDefinition;
    }
    const name = tool.name;
    if (typeof name !== "string" || !TOOL_NAME.test(name)) {
      throw new InputError(
        "Tools",
        `item ${index} has name ${JSON.stringify(name)}; names are 1 to 128 letters, digits, _ or -.`,
      );
    }
    if (names.has(name))
      throw new InputError("Tools", `two tools are named "${name}"; names must be unique.`);
    names.add(name);
    if (isCustomTool(tool)) {
      const schema = tool.input_schema;
      if (!isObject(schema) || schema.type !== "object") {
        throw new InputError(
          "Tools",
          `"${name}" needs an input_schema that is a JSON Schema object with "type": "object".`,
        );
      }
    }
    return tool as ToolDefinition;
  });
};

export const buildToolChoice = (
  choice: string | undefined,
  disableParallel: boolean,
  tools: ToolDefinition[],
): ToolChoice | undefined => {
  if (!choice && !disableParallel) return undefined;
  if (!tools.length) {
    throw new InputError(
      choice ? "Tool Choice" : "Disable Parallel Tool Use",
      "needs Tools; give the tools Claude may use.",
    );
  }
  const parallel = disableParallel ? { disable_parallel_tool_use: true } : {};
  const mode = choice || "auto";
  if (mode === "none") return { type: "none" };
  if (mode === "auto" || mode === "any") return { type: mode, ...parallel };
  if (!tools.some((tool) => tool.name === mode)) {
    const known = tools.map((tool) => tool.name).join(", ");
    throw new InputError(
      "Tool Choice",
      `"${mode}" is not one of the tools (${known}); or use auto, any or none.`,
    );
  }
  return { type: "tool", name: mode, ...parallel };
};
