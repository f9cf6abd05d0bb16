import { createHash } from "node:crypto";
import type { AgentValues } from "./loop";

/**
 * The settings that make an agent what it is, with the labels of their inputs; budgets may
 * change between a stop and a resume.
 */
const CONFIG_LABELS = {
  model: "Model",
  instructions: "Instructions",
  flows: "Flows",
  approvalRequired: "Approval Required",
  tools: "Tools",
  mcpServers: "MCP Servers",
  thinking: "Extended Thinking",
  budgetTokens: "Thinking Budget Tokens",
  effort: "Effort",
  outputSchema: "Output Schema",
  maxTokens: "Max Tokens",
} as const satisfies Partial<Record<keyof AgentValues, string>>;

type ConfigKey = keyof typeof CONFIG_LABELS;
const CONFIG_KEYS = Object.keys(CONFIG_LABELS) as ConfigKey[];

/** Key order does not change a hash: objects are written with sorted keys. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

const hashOf = (value: unknown): string =>
  createHash("sha256")
    .update(JSON.stringify(canonical(value ?? null)))
    .digest("hex");

/** sha256 of the agent's configuration, so a run resumes with the agent that started it. */
export const configHashOf = (values: AgentValues): string =>
  hashOf(CONFIG_KEYS.map((key) => [key, values[key] ?? null]));

const PRINT_CHARS = 6;

/**
 * A few hex characters per setting, in CONFIG_KEYS order and joined by ".": kept in the state
 * (about 80 characters) so a mismatch names the input that changed.
 */
export const configPrintOf = (values: AgentValues): string =>
  CONFIG_KEYS.map((key) => hashOf(values[key]).slice(0, PRINT_CHARS)).join(".");

/** The labels of the inputs whose settings differ from the state's print. */
export const changedInputs = (values: AgentValues, print: string | undefined): string[] => {
  const then = print?.split(".") ?? [];
  const now = configPrintOf(values).split(".");
  return CONFIG_KEYS.filter((_, index) => then[index] !== now[index]).map(
    (key) => CONFIG_LABELS[key],
  );
};
