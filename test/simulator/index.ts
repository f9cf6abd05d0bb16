/**
 * A local stand-in for the Anthropic HTTP API (api.anthropic.com): messages (streamed or not),
 * count_tokens, models, message batches, files and legacy text completions, with the API's
 * headers, envelopes, validation, SSE events and JSONL results, plus fault injection and test
 * controls (sim.clock, sim.batches, sim.files). Start one per test file:
 *
 *   const sim = await startSimulator();
 *   new Anthropic({ apiKey: SIMULATOR_API_KEY, baseURL: sim.url });
 */
export { SIMULATOR_API_KEY } from "./auth";
export { validateAgainstSchema } from "./schema/validate";
export { startSimulator } from "./server";
export type {
  AddFileOptions,
  BatchControl,
  BatchResultCounts,
  BatchResultLine,
  BatchStatus,
  ErrorDetails,
  Fault,
  FileControl,
  FileListStyle,
  FileMetadata,
  MessageBatch,
  MessageBatchRequestCounts,
  RecordedRequest,
  SeedBatchOptions,
  SimClock,
  Simulator,
  SimulatorOptions,
  StoredFile,
} from "./types";
