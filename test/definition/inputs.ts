import { definition } from "../../src";

/**
 * Every input of the component, read from its definition (not a hand-kept list),
 * so an input is covered by these suites the day it is added.
 */

export interface InputDefinition {
  label?: string;
  type: string;
  collection?: string;
  model?: Array<{ label: string; value: string }>;
  language?: string;
  default?: unknown;
  required?: boolean;
  comments?: string;
  example?: string;
  placeholder?: string;
  dataSource?: string;
  clean?: (value: unknown) => unknown;
}

export type StepKind = "action" | "dataSource";

export interface StepDefinition {
  kind: StepKind;
  key: string;
  inputs: Record<string, InputDefinition>;
  examplePayload?: unknown;
}

export interface InputEntry {
  step: StepDefinition;
  key: string;
  input: InputDefinition;
  /** "chat.maxTokens", "selectModel.connection". */
  name: string;
}

export const steps: StepDefinition[] = [
  ...Object.entries(definition.actions).map(([key, action]) => ({
    kind: "action" as const,
    key,
    inputs: action.inputs as unknown as Record<string, InputDefinition>,
    examplePayload: action.examplePayload,
  })),
  ...Object.entries(definition.dataSources).map(([key, dataSource]) => ({
    kind: "dataSource" as const,
    key,
    inputs: dataSource.inputs as unknown as Record<string, InputDefinition>,
    examplePayload: dataSource.examplePayload,
  })),
];

export const stepInputs: InputEntry[] = steps.flatMap((step) =>
  Object.entries(step.inputs).map(([key, input]) => ({
    step,
    key,
    input,
    name: `${step.key}.${key}`,
  })),
);

export const connectionInputs = definition.connections.flatMap((connection) =>
  Object.entries(connection.inputs as Record<string, InputDefinition>).map(([key, input]) => ({
    connectionKey: connection.key,
    key,
    input,
    name: `connection ${connection.key}.${key}`,
  })),
);

/**
 * The fewest inputs with which each step succeeds against the simulator: an input under test
 * replaces its own entry. Retries are off so a transport failure shows at once. A step not
 * listed here runs with its connection alone (and Max Retry Count 0 when it has one).
 */
const MINIMAL_INPUTS: Record<string, Record<string, unknown>> = {
  chat: { initialMessage: "Hello" },
  countTokens: { message: "Hello" },
  rawRequest: { method: "GET", url: "/models" },
};

export const minimalInputs = (step: StepDefinition): Record<string, unknown> => ({
  ...("maxRetries" in step.inputs ? { maxRetries: "0" } : {}),
  ...MINIMAL_INPUTS[step.key],
});
