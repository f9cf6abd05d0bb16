/**
 * Runs the simulator on its own: `npx tsx test/simulator/cli.ts [--port N] [--host H]`.
 * Point a client at the printed URL with the printed key; Ctrl-C stops it.
 */
import { SIMULATOR_API_KEY, startSimulator } from "./index";

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const portText = option("port");
  const port = portText === undefined ? 0 : Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be an integer from 0 to 65535, got ${portText}`);
  }
  const sim = await startSimulator({ port, host: option("host") });
  console.log(`Anthropic API simulator listening on ${sim.url}`);
  console.log(`ANTHROPIC_BASE_URL=${sim.url}`);
  console.log(`ANTHROPIC_API_KEY=${SIMULATOR_API_KEY}`);
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
