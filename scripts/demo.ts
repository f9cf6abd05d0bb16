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
import { demoFlow, parseArgs, step } from "./demoFlow";

type Component = Parameters<typeof testing.createHarness>[0];

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
