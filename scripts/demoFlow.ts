/**
 * The demo flow `npm start` runs, kept apart from the command line so a test
 * can run it too: each step's inputs and result are printed readably.
 */
import type { ActionLogger, Connection, testing } from "@prismatic-io/spectral";

export type Harness = ReturnType<typeof testing.createHarness>;
export type Print = (line: string) => void;

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

export const printable = (value: unknown): string => {
  const text = JSON.stringify(summarise(value, 0), null, 2);
  return text.length > MAX_PRINTED
    ? `${text.slice(0, MAX_PRINTED)}\n  ... (${text.length} characters in all)`
    : text;
};

export const parseArgs = (
  args: string[],
): { actionKey?: string; inputs: Record<string, string> } => {
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

/** The steps' log lines, printed with the rest of the demo as the platform would show them. */
const loggerFor = (print: Print): ActionLogger => {
  const line =
    (level: string) =>
    (...args: unknown[]) =>
      print(`  [${level}] ${args.map(String).join(" ")}`);
  return {
    metric: line("metric"),
    trace: line("trace"),
    debug: line("debug"),
    info: line("info"),
    log: line("log"),
    warn: line("warn"),
    error: line("error"),
  };
};

export const step = async (
  harness: Harness,
  connection: Connection,
  actionKey: string,
  inputs: Record<string, unknown>,
  print: Print = console.log,
) => {
  print(`\n▶ ${actionKey} ${printable(inputs)}`);
  const result = await harness.action(actionKey, { connection, ...inputs }, {
    logger: loggerFor(print),
  } as Parameters<Harness["action"]>[2]);
  print(`◀ ${printable(result)}`);
  return result as { data: unknown };
};

export const demoFlow = async (
  harness: Harness,
  connection: Connection,
  print: Print = console.log,
) => {
  const run = (actionKey: string, inputs: Record<string, unknown>) =>
    step(harness, connection, actionKey, inputs, print);
  const models = (await run("listModels", { limit: "5" })).data as {
    data: Array<{ id: string }>;
  };
  const firstModel = models.data[0]?.id;
  if (firstModel) await run("getModel", { model: firstModel });
  const question = "In one sentence: what does an integration platform do?";
  await run("countTokens", { message: question });
  await run("chat", { initialMessage: question, maxTokens: "200" });
  await run("chat", {
    initialMessage: "Extract the contact: Ada Lovelace, ada@example.com",
    maxTokens: "300",
    outputSchema: {
      type: "object",
      properties: { name: { type: "string" }, email: { type: "string" } },
      required: ["name", "email"],
    },
  });
  await run("rawRequest", {
    url: "/models",
    method: "GET",
    queryParams: [{ key: "limit", value: "2" }],
  });
  // A file uploaded once and asked about by id; deleted again, so a real account keeps nothing.
  const uploaded = (
    await run("uploadFile", {
      file: { data: Buffer.from("Q3 revenue: $4.2M. Churn: 2.1%."), contentType: "text/plain" },
      fileName: "q3-summary.txt",
    })
  ).data as { id: string };
  await run("chat", {
    initialMessage: "What was the revenue?",
    fileIds: [uploaded.id],
    maxTokens: "100",
  });
  await run("deleteFile", { fileId: uploaded.id });
  // A small batch: created, then canceled, so the demo never waits the hours a batch may take.
  const batch = (
    await run("createBatch", {
      prompts: ["Name a prime number.", "Name a colour."],
      maxTokens: "50",
    })
  ).data as { id: string };
  await run("cancelBatch", { batchId: batch.id });
};
