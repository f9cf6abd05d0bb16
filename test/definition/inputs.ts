import { definition } from "../../src";
import { configHashOf, configPrintOf } from "../../src/agents/configHash";
import type { AgentValues } from "../../src/agents/loop";
import type { Simulator } from "../simulator";

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

export type StepKind = "action" | "dataSource" | "trigger";

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
  ...Object.entries(definition.triggers).map(([key, trigger]) => ({
    kind: "trigger" as const,
    key,
    inputs: trigger.inputs as unknown as Record<string, InputDefinition>,
    examplePayload: trigger.examplePayload,
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
 * listed here runs with its connection alone (and Max Retry Count 0 when it has one). Steps on
 * one batch or file get one made in the (freshly reset) simulator.
 */
const MINIMAL_INPUTS: Record<string, (sim: Simulator) => Record<string, unknown>> = {
  chat: () => ({ initialMessage: "Hello" }),
  countTokens: () => ({ message: "Hello" }),
  rawRequest: () => ({ method: "GET", url: "/models" }),
  createBatch: () => ({ prompts: ["Hello"] }),
  getBatch: (sim) => ({ batchId: sim.batches.seed({ count: 2 }).id }),
  cancelBatch: (sim) => ({ batchId: sim.batches.seed({ count: 2, status: "in_progress" }).id }),
  deleteBatch: (sim) => ({ batchId: sim.batches.seed({ count: 2 }).id }),
  getBatchResults: (sim) => ({ batchId: sim.batches.seed({ count: 4 }).id, limit: "2" }),
  listBatches: (sim) => {
    sim.batches.seed({ count: 1 });
    return {};
  },
  uploadFile: () => ({
    file: { data: Buffer.from("Hello"), contentType: "text/plain" },
    fileName: "hello.txt",
  }),
  getFileMetadata: (sim) => ({ fileId: addFile(sim, false) }),
  downloadFile: (sim) => ({ fileId: addFile(sim, true) }),
  deleteFile: (sim) => ({ fileId: addFile(sim, false) }),
  createCompletion: () => ({ model: "claude-2.1", prompt: "Hello" }),
  runAgent: () => ({ input: "Hello" }),
  resumeAgent: () => ({ state: JSON.stringify(minimalAgentState()), decisions: MINIMAL_DECISIONS }),
  classifyAndBranch: () => ({
    input: "Refund please",
    branches: [{ key: "Refund", value: "the customer asks for money back" }],
  }),
};

const addFile = (sim: Simulator, downloadable: boolean): string =>
  sim.files.add({
    filename: "report.csv",
    mimeType: "text/csv",
    bytes: Buffer.from("name,total\nAcme,42\n"),
    downloadable,
  }).id;

export const minimalInputs = (step: StepDefinition, sim: Simulator): Record<string, unknown> => ({
  ...("maxRetries" in step.inputs ? { maxRetries: "0" } : {}),
  ...MINIMAL_INPUTS[step.key]?.(sim),
});

/** What the platform hands a step for inputs left empty: each input's clean of its default. */
const defaultsOf = (step: { inputs: object }): Record<string, unknown> =>
  Object.fromEntries(
    Object.entries(step.inputs as Record<string, InputDefinition>).map(([key, input]) => [
      key,
      input.clean ? input.clean(input.default) : input.default,
    ]),
  );

const MINIMAL_USE_ID = "toolu_01MinimalPendingCall";
const MINIMAL_DECISIONS = JSON.stringify([
  { toolUseId: MINIMAL_USE_ID, decision: "reject", feedback: "Not now." },
]);

/** A run stopped for approval by an agent with every input at its default. */
const minimalAgentState = () => ({
  version: 1,
  configHash: configHashOf(defaultsOf(definition.actions.runAgent) as unknown as AgentValues),
  configPrint: configPrintOf(defaultsOf(definition.actions.runAgent) as unknown as AgentValues),
  conversation: [
    { role: "user", content: "Hello" },
    {
      role: "assistant",
      content: [
        { type: "text", text: "I'll use the lookup tool." },
        { type: "tool_use", id: MINIMAL_USE_ID, name: "lookup", input: {} },
      ],
    },
  ],
  pending: [MINIMAL_USE_ID],
  results: [],
  turns: 1,
  usage: {
    input_tokens: 10,
    output_tokens: 5,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    server_tool_use: {},
  },
});
