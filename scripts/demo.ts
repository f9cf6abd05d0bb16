/**
 * `npm start`: runs a short flow through the built component (dist/index.js)
 * with spectral's harness. Without ANTHROPIC_API_KEY it talks to the local
 * simulator; with it, to the real API (or ANTHROPIC_BASE_URL).
 *
 *   npm start                                   the demo flow
 *   npm start -- chat --initialMessage "Hi"     one action, inputs as --key value
 */
import path from "node:path";
import { type Connection, testing } from "@prismatic-io/spectral";
import { SIMULATOR_API_KEY, type Simulator, startSimulator } from "../test/simulator";

type Component = Parameters<typeof testing.createHarness>[0];
type Harness = ReturnType<typeof testing.createHarness>;

const MAX_PRINTED = 1_500;

/** Deep details (a model's capabilities, say) are summarised so each step fits on a screen. */
const summarise = (value: unknown, depth: number): unknown => {
  if (Buffer.isBuffer(value)) return `<${value.length} bytes>`;
  if (Array.isArray(value))
    return depth > 3 ? `[${value.length} items]` : value.map((item) => summarise(item, depth + 1));
  if (!value || typeof value !== "object") return value;
  if (depth > 3) return "{…}";
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [key, summarise(entry, depth + 1)]),
  );
};

const printable = (value: unknown): string => {
  const text = JSON.stringify(summarise(value, 0), null, 2);
  return text.length > MAX_PRINTED
    ? `${text.slice(0, MAX_PRINTED)}\n  ... (${text.length} characters in all)`
    : text;
};

const parseArgs = (args: string[]): { actionKey?: string; inputs: Record<string, string> } => {
  const [actionKey, ...rest] = args;
  const inputs: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i];
    if (!flag.startsWith("--")) throw new Error(`Expected --inputKey before "${flag}".`);
    inputs[flag.slice(2)] = rest[i + 1] ?? "";
    i++;
  }
  return { actionKey, inputs };
};

const step = async (
  harness: Harness,
  connection: Connection,
  actionKey: string,
  inputs: Record<string, unknown>,
) => {
  console.log(`\n▶ ${actionKey} ${printable(inputs)}`);
  const result = await harness.action(actionKey, { connection, ...inputs });
  console.log(`◀ ${printable(result)}`);
  return result as { data: unknown };
};

const demoFlow = async (harness: Harness, connection: Connection) => {
  const models = (await step(harness, connection, "listModels", { limit: "5" })).data as {
    data: Array<{ id: string }>;
  };
  const firstModel = models.data[0]?.id;
  if (firstModel) await step(harness, connection, "getModel", { model: firstModel });
  const question = "In one sentence: what does an integration platform do?";
  await step(harness, connection, "countTokens", { message: question });
  await step(harness, connection, "chat", { initialMessage: question, maxTokens: "200" });
  await step(harness, connection, "chat", {
    initialMessage: "Extract the contact: Ada Lovelace, ada@example.com",
    maxTokens: "300",
    outputSchema: {
      type: "object",
      properties: { name: { type: "string" }, email: { type: "string" } },
      required: ["name", "email"],
    },
  });
  await step(harness, connection, "rawRequest", {
    url: "/models",
    method: "GET",
    queryParams: [{ key: "limit", value: "2" }],
  });
};

const main = async () => {
  const { actionKey, inputs } = parseArgs(process.argv.slice(2));
  const component = require(path.resolve(__dirname, "../dist/index.js")).default as Component;
  const harness = testing.createHarness(component);

  const realKey = process.env.ANTHROPIC_API_KEY;
  let simulator: Simulator | undefined;
  if (!realKey) simulator = await startSimulator();
  const baseUrl = simulator?.url ?? process.env.ANTHROPIC_BASE_URL ?? "https://api.anthropic.com";
  console.log(
    simulator
      ? `Using the local Anthropic simulator at ${baseUrl}`
      : `Using the Anthropic API at ${baseUrl}`,
  );
  const connection: Connection = {
    key: "anthropic",
    configVarKey: "anthropicConnection",
    fields: { apiKey: realKey ?? SIMULATOR_API_KEY, baseUrl },
  };
  try {
    if (actionKey) await step(harness, connection, actionKey, inputs);
    else await demoFlow(harness, connection);
  } finally {
    await simulator?.close();
  }
};

main().then(
  () => console.log("\nDone."),
  (error: unknown) => {
    console.error(`\n✖ ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
