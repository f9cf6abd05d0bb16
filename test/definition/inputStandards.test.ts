import { runStep, useSimulator } from "../support/harness";
import {
  connectionInputs,
  type InputDefinition,
  minimalInputs,
  type StepDefinition,
  stepInputs,
  steps,
} from "./inputs";

/**
 * The standards every input and action of the definition keeps, checked over the definition
 * itself so a new input or action is held to them the day it is added.
 */

/**
 * Checks that fail today because the fix lies in a file this suite's authors may not edit.
 * Each runs as `it.failing`, so it turns red once fixed: then remove it from this set.
 */

const { sim, connection } = useSimulator();

const everyInput: Array<{ name: string; input: InputDefinition; inConnection: boolean }> = [
  ...stepInputs.map(({ name, input }) => ({ name, input, inConnection: false })),
  ...connectionInputs.map(({ name, input }) => ({ name, input, inConnection: true })),
];

const STRING_TYPES = new Set(["string", "text", "code", "password"]);

interface Standard {
  rule: string;
  applies: (input: InputDefinition, inConnection: boolean) => boolean;
  holds: (input: InputDefinition) => boolean;
}

const standards: Standard[] = [
  {
    rule: "has a label",
    applies: () => true,
    holds: (input) => typeof input.label === "string" && input.label.trim() !== "",
  },
  {
    rule: "has comments",
    applies: () => true,
    holds: (input) => typeof input.comments === "string" && input.comments.trim().length > 10,
  },
  {
    rule: "has a clean function",
    // Connection inputs take no clean: their fields are checked when the client is made.
    applies: (input, inConnection) => !inConnection && input.type !== "connection",
    holds: (input) => typeof input.clean === "function",
  },
  {
    rule: "has an example or a placeholder",
    applies: (input) => STRING_TYPES.has(input.type),
    holds: (input) => Boolean(input.example?.trim() || input.placeholder?.trim()),
  },
  {
    rule: 'has comments beginning "When true,"',
    applies: (input) => input.type === "boolean",
    holds: (input) => (input.comments ?? "").startsWith("When true,"),
  },
];

const checks = everyInput.flatMap(({ name, input, inConnection }) =>
  standards
    .filter((standard) => standard.applies(input, inConnection))
    .map((standard) => ({ name: `${name} ${standard.rule}`, input, standard })),
);

type Shape = string | { [key: string]: Shape } | Shape[];

/** Keys and value types, recursively; an array by its first element. */
const shapeOf = (value: unknown): Shape => {
  if (value === null) return "null";
  if (Buffer.isBuffer(value)) return "Buffer";
  if (Array.isArray(value)) return value.length ? [shapeOf(value[0])] : [];
  if (typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, entry]) => entry !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, entry]) => [key, shapeOf(entry)]),
    );
  }
  return typeof value;
};

/** Where two shapes differ, as "path: example has X, the step returned Y". */
const shapeDifferences = (example: Shape, actual: Shape, path = "$"): string[] => {
  if (typeof example === "string" || typeof actual === "string") {
    return JSON.stringify(example) === JSON.stringify(actual)
      ? []
      : [
          `${path}: example has ${JSON.stringify(example)}, the step returned ${JSON.stringify(actual)}`,
        ];
  }
  if (Array.isArray(example) || Array.isArray(actual)) {
    if (!Array.isArray(example) || !Array.isArray(actual)) {
      return [`${path}: one is an array and the other is not`];
    }
    // An empty array says nothing about its elements' shape.
    if (!example.length || !actual.length) return [];
    return shapeDifferences(example[0], actual[0], `${path}[0]`);
  }
  const keys = new Set([...Object.keys(example), ...Object.keys(actual)]);
  return [...keys].flatMap((key) => {
    if (!(key in example)) return [`${path}.${key}: returned, but missing from the example`];
    if (!(key in actual)) return [`${path}.${key}: in the example, but not returned`];
    return shapeDifferences(example[key], actual[key], `${path}.${key}`);
  });
};

const run = (step: StepDefinition): Promise<unknown> =>
  runStep(step, { connection: connection(), ...minimalInputs(step, sim()) });

describe("input standards over the definition", () => {
  afterAll(() => {
    console.log(
      `Input standards: ${everyInput.length} inputs (${connectionInputs.length} of them connection fields), ${checks.length} input checks, ${steps.length} steps' example payloads.`,
    );
  });

  for (const { name, input, standard } of checks) {
    it(name, () => {
      expect(standard.holds(input)).toBe(true);
    });
  }

  for (const step of steps) {
    const name = `${step.key} has an examplePayload`;
    it(name, () => {
      expect(step.examplePayload).toBeDefined();
      expect(JSON.stringify(step.examplePayload).length).toBeGreaterThan(20);
    });
  }

  for (const step of steps) {
    const name = `${step.key}'s examplePayload has the shape of what it returns`;
    it(name, async () => {
      const result = await run(step);
      // A trigger's payload is the platform's (the harness fills in its own), its result type
      // spectral's: what the trigger itself returns is the payload's body.
      const bodyOf = (value: unknown) => (value as { payload: { body: unknown } }).payload.body;
      // A trigger without a connection (Tool Flow) passes the platform's own payload through:
      // only the harness's stand-in would be compared.
      if (step.kind === "trigger" && !("connection" in step.inputs)) return;
      const [example, returned] =
        step.kind === "trigger"
          ? [bodyOf(step.examplePayload), bodyOf(result)]
          : [step.examplePayload, result];
      expect(shapeDifferences(shapeOf(example), shapeOf(returned))).toEqual([]);
    });
  }
});
