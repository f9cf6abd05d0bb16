/**
 * `npm run soak`: thousands of mixed calls through spectral's harness against the local simulator,
 * some with scripted faults, to show that every call ends in a real answer or one clear error,
 * within its time bound, without the key leaking anywhere. Not part of `npm test`.
 *
 *   npm run soak -- --calls 5000 --concurrency 32 --fault-rate 0.05 --seed 1
 *
 * A faulted call runs against a simulator of its own, so its fault cannot be taken by another
 * call's request, and that simulator's request count tells whether the call recovered by retrying.
 * Exits non-zero when a call is lost (no proper result, or not settled in time) or the key leaks.
 */
import diagnosticsChannel from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";
import { type ActionLogger, type Connection, testing } from "@prismatic-io/spectral";
import component from "../src";
import { AnthropicApiError, AnthropicAuthError } from "../src/client/errors";
import { InputError } from "../src/inputs/clean";
import { type Fault, SIMULATOR_API_KEY, type Simulator, startSimulator } from "../test/simulator";
import {
  findSecret,
  hostPortOf,
  leaksInError,
  leaksInRequest,
  leaksInResult,
  type Secret,
} from "../test/support/secretHygiene";

// ---------------------------------------------------------------------------------------------
// Options

const option = (name: string, fallback: number): number => {
  const args = process.argv.slice(2);
  const at = args.findIndex((arg) => arg === `--${name}` || arg.startsWith(`--${name}=`));
  if (at < 0) return fallback;
  const raw = args[at].includes("=") ? args[at].split("=")[1] : args[at + 1];
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name}: not a number: ${raw}`);
  return value;
};

const CALLS = Math.floor(option("calls", 5000));
const CONCURRENCY = Math.max(1, Math.floor(option("concurrency", 32)));
const rawRate = option("fault-rate", 0.05);
/** "--fault-rate 5" means 5 %, "--fault-rate 0.05" too. */
const FAULT_RATE = rawRate > 1 ? rawRate / 100 : rawRate;
const SEED = Math.floor(option("seed", 1));

/** Each attempt of a step is bounded by its Timeout input; the whole call by this watchdog. */
const TIMEOUT_MS = 5000;
const MAX_RETRIES = 2;
const CALL_DEADLINE_MS = TIMEOUT_MS * (MAX_RETRIES + 1) + 10_000;
/** The data source has no Timeout input: it uses the picklist's (30 s, one retry). */
const DATA_SOURCE_DEADLINE_MS = 2 * 30_000 + 10_000;

const SECRETS: Secret[] = [{ value: SIMULATOR_API_KEY, label: "SIMULATOR_API_KEY" }];

// ---------------------------------------------------------------------------------------------
// A seeded random source, so a run can be repeated

const random = (() => {
  let state = SEED >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
})();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

// ---------------------------------------------------------------------------------------------
// What is called

type Json = Record<string, unknown>;
const harness = testing.createHarness(component);
const transport = { timeout: String(TIMEOUT_MS), maxRetries: String(MAX_RETRIES) };

interface Target {
  name: string;
  weight: number;
  stream?: boolean;
  dataSource?: boolean;
  params: Json;
  /** Whether a resolved call carries a proper result. */
  proper(result: unknown): boolean;
}

const dataOf = (result: unknown): Json =>
  ((result as { data?: Json } | undefined)?.data ?? {}) as Json;
const chatProper = (result: unknown) => {
  const data = dataOf(result);
  return (
    data.type === "message" &&
    data.role === "assistant" &&
    typeof data.text === "string" &&
    data.text.startsWith("Simulated reply to: soak") &&
    Array.isArray(data.content)
  );
};
const pageProper = (result: unknown) =>
  Array.isArray(dataOf(result).data) && (dataOf(result).data as unknown[]).length > 0;

const TARGETS: Target[] = [
  {
    name: "chat",
    weight: 25,
    params: { initialMessage: "soak", maxTokens: "64", ...transport },
    proper: chatProper,
  },
  {
    name: "chat (stream)",
    weight: 20,
    stream: true,
    params: { initialMessage: "soak", maxTokens: "64", stream: "true", ...transport },
    proper: chatProper,
  },
  {
    name: "countTokens",
    weight: 15,
    params: { message: "soak", ...transport },
    proper: (result) => typeof dataOf(result).input_tokens === "number",
  },
  {
    name: "getModel",
    weight: 10,
    params: { model: "claude-haiku-4-5-20251001", ...transport },
    proper: (result) => dataOf(result).id === "claude-haiku-4-5-20251001",
  },
  { name: "listModels", weight: 10, params: { ...transport }, proper: pageProper },
  {
    name: "listModels (fetchAll)",
    weight: 5,
    params: { fetchAll: "true", ...transport },
    proper: (result) => pageProper(result) && dataOf(result).has_more === false,
  },
  {
    name: "rawRequest",
    weight: 10,
    params: { url: "/models", method: "GET", ...transport },
    proper: pageProper,
  },
  {
    name: "selectModel",
    weight: 5,
    dataSource: true,
    params: {},
    proper: (result) => {
      const picks = (result as { result?: unknown } | undefined)?.result;
      return Array.isArray(picks) && picks.length > 0;
    },
  },
];
const actionKey = (target: Target) => target.name.split(" ")[0];

const pickTarget = (): Target => {
  const total = TARGETS.reduce((sum, target) => sum + target.weight, 0);
  let roll = random() * total;
  for (const target of TARGETS) {
    roll -= target.weight;
    if (roll < 0) return target;
  }
  return TARGETS[0];
};

// ---------------------------------------------------------------------------------------------
// Faults

const FAST = { "retry-after-ms": "10" };
interface Scripted {
  name: string;
  faults: Fault[];
  streamOnly?: boolean;
}
const FAULTS: Scripted[] = [
  { name: "429", faults: [{ status: 429, headers: FAST }] },
  { name: "529", faults: [{ status: 529, headers: FAST }] },
  { name: "500", faults: [{ status: 500, headers: FAST }] },
  { name: "500 x3", faults: [1, 2, 3].map(() => ({ status: 500, headers: FAST })) },
  { name: "400", faults: [{ status: 400, message: "soak: scripted bad request" }] },
  { name: "drop", faults: [{ drop: true }] },
  { name: "drop mid body", faults: [{ dropMidBody: true }] },
  {
    name: "mid-stream error",
    streamOnly: true,
    faults: [{ midStreamError: { type: "overloaded_error", message: "Overloaded" } }],
  },
  { name: "drop mid stream", streamOnly: true, faults: [{ dropMidStream: true }] },
];

// ---------------------------------------------------------------------------------------------
// Leaks: in logs, errors, results, and requests to any host but a simulator

const leaks: string[] = [];
const simulatorHosts = new Set<string>();
const noteLeaks = (found: string[]) => {
  for (const leak of found) if (leaks.length < 20) leaks.push(leak);
  leakCount += found.length;
};
let leakCount = 0;

const onRequest = (message: unknown) => {
  const request = (message as { request: ClientRequest }).request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.getHeaders())) {
    if (value !== undefined)
      headers[name] = Array.isArray(value) ? value.join(", ") : String(value);
  }
  const origin = `${request.protocol || "http:"}//${headers.host ?? request.host}`;
  noteLeaks(
    leaksInRequest(
      { origin, method: request.method, path: request.path, headers, via: "node:http" },
      simulatorHosts,
      SECRETS,
    ),
  );
};

/** A logger that keeps nothing, only checks each line for the key. */
const checkingLogger = (): ActionLogger => {
  const check =
    (level: string) =>
    (...args: unknown[]) => {
      const line = args
        .map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg)))
        .join(" ");
      const match = findSecret(line, SECRETS);
      if (match)
        noteLeaks([`${match.label} in a ${level} log line: ${JSON.stringify(match.excerpt)}`]);
    };
  return {
    metric: check("metric"),
    trace: check("trace"),
    debug: check("debug"),
    info: check("info"),
    log: check("log"),
    warn: check("warn"),
    error: check("error"),
  };
};

// ---------------------------------------------------------------------------------------------
// One call

type Outcome = "succeeded" | "clear error" | "unclear error" | "lost";
const tally = {
  calls: 0,
  succeeded: 0,
  recovered: 0,
  faulted: 0,
  clearErrors: 0,
  unclearErrors: 0,
  lost: 0,
};
const examples: string[] = [];
const example = (line: string) => {
  if (examples.length < 8) examples.push(line);
};

const withDeadline = <T>(promise: Promise<T>, ms: number): Promise<T | "deadline"> => {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"deadline">((resolve) => {
    timer = setTimeout(() => resolve("deadline"), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
};

const connectionFor = (baseUrl: string): Connection => ({
  key: "anthropic",
  configVarKey: "anthropicConnection",
  fields: { apiKey: SIMULATOR_API_KEY, baseUrl },
});

const isClear = (error: unknown): boolean =>
  (error instanceof AnthropicApiError ||
    error instanceof AnthropicAuthError ||
    error instanceof InputError) &&
  error.message.trim() !== "" &&
  !findSecret(error.message, SECRETS);

async function oneCall(shared: Simulator, index: number): Promise<Outcome> {
  const target = pickTarget();
  const applicable = FAULTS.filter((fault) => !fault.streamOnly || target.stream);
  const scripted = random() < FAULT_RATE ? pick(applicable) : undefined;
  // every 10th call logs at debug level, where the request and response are logged too
  const debug = index % 10 === 0;
  let own: Simulator | undefined;
  if (scripted) {
    own = await startSimulator();
    simulatorHosts.add(hostPortOf(own.url) ?? own.url);
    own.enqueueFaults(...scripted.faults);
  }
  const sim = own ?? shared;
  const context = { logger: checkingLogger(), globalDebug: debug, debug: { enabled: debug } };
  const params = { connection: connectionFor(sim.url), ...target.params };
  const call = target.dataSource
    ? harness.dataSource(
        "selectModel",
        params,
        context as unknown as Parameters<typeof harness.dataSource>[2],
      )
    : harness.action(
        actionKey(target),
        params,
        context as unknown as Parameters<typeof harness.action>[2],
      );
  const label = `${target.name}${scripted ? ` × ${scripted.name}` : ""}`;
  try {
    const settled = await withDeadline(
      call.then(
        (value) => ({ ok: true as const, value }),
        (error: unknown) => ({ ok: false as const, error }),
      ),
      target.dataSource ? DATA_SOURCE_DEADLINE_MS : CALL_DEADLINE_MS,
    );
    if (settled === "deadline") {
      example(`lost: ${label} did not settle within its deadline`);
      return "lost";
    }
    if (settled.ok) {
      noteLeaks(leaksInResult(settled.value, SECRETS, `the result of ${label}`));
      if (!target.proper(settled.value)) {
        example(`lost: ${label} resolved without a proper result`);
        return "lost";
      }
      if (scripted && sim.requests.length > 1) tally.recovered++;
      return "succeeded";
    }
    noteLeaks(leaksInError(settled.error, SECRETS, `the error of ${label}`));
    if (isClear(settled.error)) return "clear error";
    const error = settled.error;
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    example(`unclear error: ${label}: ${text.slice(0, 160)}`);
    return "unclear error";
  } finally {
    if (scripted) tally.faulted++;
    call.catch(() => undefined);
    await own?.close();
  }
}

// ---------------------------------------------------------------------------------------------

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main(): Promise<void> {
  const before = process.memoryUsage();
  const started = Date.now();
  diagnosticsChannel.subscribe("http.client.request.start", onRequest);
  const shared = await startSimulator();
  simulatorHosts.add(hostPortOf(shared.url) ?? shared.url);

  let next = 0;
  const worker = async () => {
    while (next < CALLS) {
      const index = next++;
      const outcome = await oneCall(shared, index);
      tally.calls++;
      if (outcome === "succeeded") tally.succeeded++;
      else if (outcome === "clear error") tally.clearErrors++;
      else if (outcome === "unclear error") tally.unclearErrors++;
      else tally.lost++;
      // the shared simulator would otherwise keep every request it saw
      if (shared.requests.length > 1000) shared.requests.length = 0;
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, CALLS) }, worker));
  await shared.close();
  diagnosticsChannel.unsubscribe("http.client.request.start", onRequest);
  const after = process.memoryUsage();
  const seconds = (Date.now() - started) / 1000;

  const lines = [
    `soak: ${CALLS} calls, concurrency ${CONCURRENCY}, fault rate ${(FAULT_RATE * 100).toFixed(1)}%, seed ${SEED}`,
    `  calls          ${tally.calls}`,
    `  succeeded      ${tally.succeeded}  (recovered after a fault: ${tally.recovered} of ${tally.faulted} faulted calls)`,
    `  clear errors   ${tally.clearErrors}`,
    `  unclear errors ${tally.unclearErrors}`,
    `  lost           ${tally.lost}  (must be 0)`,
    `  key leaks      ${leakCount}  (must be 0)`,
    `  duration       ${seconds.toFixed(1)} s  (${(tally.calls / seconds).toFixed(0)} calls/s)`,
    `  heap           ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}`,
    `  rss            ${mb(before.rss)} -> ${mb(after.rss)}`,
    ...examples.map((line) => `  ${line}`),
    ...leaks.map((line) => `  leak: ${line}`),
  ];
  console.log(lines.join("\n"));
  process.exitCode = tally.lost > 0 || leakCount > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  console.error(`soak failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
