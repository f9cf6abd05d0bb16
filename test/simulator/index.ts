/**
 * A local stand-in for the Anthropic HTTP API (api.anthropic.com): messages (streamed or not),
 * count_tokens and models, with the API's headers, envelopes, validation and SSE events, plus
 * fault injection. Start one per test file:
 *
 *   const sim = await startSimulator();
 *   new Anthropic({ apiKey: SIMULATOR_API_KEY, baseURL: sim.url });
 */
export { SIMULATOR_API_KEY } from "./auth";
export { validateAgainstSchema } from "./schema/validate";
export { startSimulator } from "./server";
export type { Fault, RecordedRequest, Simulator, SimulatorOptions } from "./types";
