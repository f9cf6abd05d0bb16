/**
 * Jest setup (setupFilesAfterEnv) for every test file: a test fails when the simulator's key, or a
 * secret registered with registerSecret(), shows up in a logger line, a thrown error or a result
 * seen through the harness, or in a request to a host that is not a registered base URL; and when
 * code under test (src/, or a dependency it calls) writes to the console. See secretHygiene.ts.
 *
 * Sequential tests are checked in afterEach. Concurrent tests get no afterEach from jest: their
 * events are told apart by jest's async test context and checked in afterAll, naming the test.
 */
import diagnosticsChannel from "node:diagnostics_channel";
import type { ClientRequest } from "node:http";
import {
  consoleOriginOf,
  currentTest,
  findSecret,
  hygieneFailure,
  hygieneStore,
  type OutgoingRequest,
  recordHygieneEvent,
  takeProblems,
} from "./secretHygiene";

// Every simulator a test starts is a registered base URL.
jest.mock("../simulator/server", () => {
  const actual = jest.requireActual("../simulator/server") as typeof import("../simulator/server");
  const hygiene = jest.requireActual("./secretHygiene") as typeof import("./secretHygiene");
  return {
    ...actual,
    startSimulator: async (...args: Parameters<typeof actual.startSimulator>) => {
      const simulator = await actual.startSimulator(...args);
      hygiene.registerBaseUrl(simulator.url);
      return simulator;
    },
  };
});

const store = hygieneStore();
store.active = true;

// ---------------------------------------------------------------------------------------------
// Outgoing requests: node:http (what axios uses) and fetch (undici), header values recorded.

const headerText = (value: unknown): string =>
  Array.isArray(value) ? value.map(String).join(", ") : String(value);

const onHttpRequest = (message: unknown): void => {
  const request = (message as { request: ClientRequest }).request;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.getHeaders())) {
    if (value !== undefined) headers[name] = headerText(value);
  }
  const protocol = request.protocol || "http:";
  const host = headers.host ?? request.host;
  const recorded: OutgoingRequest = {
    origin: `${protocol}//${host}`,
    method: request.method,
    path: request.path,
    headers,
    via: "node:http",
  };
  recordHygieneEvent({ kind: "request", request: recorded });
};

const onFetchRequest = (message: unknown): void => {
  const request = (
    message as { request: { origin: string; method: string; path: string; headers: unknown } }
  ).request;
  const headers: Record<string, string> = {};
  const raw = request.headers;
  if (Array.isArray(raw)) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      headers[String(raw[index]).toLowerCase()] = headerText(raw[index + 1]);
    }
  } else if (typeof raw === "string") {
    for (const line of raw.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon > 0)
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
  }
  recordHygieneEvent({
    kind: "request",
    request: {
      origin: String(request.origin),
      method: request.method,
      path: request.path,
      headers,
      via: "fetch",
    },
  });
};

diagnosticsChannel.subscribe("http.client.request.start", onHttpRequest);
diagnosticsChannel.subscribe("undici:request:create", onFetchRequest);

// ---------------------------------------------------------------------------------------------
// Console writes during a test (hooks outside a test, such as afterAll summaries, stay free).

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;
type ConsoleMethod = (typeof CONSOLE_METHODS)[number];
const originals = new Map<ConsoleMethod, (...args: unknown[]) => void>();

const textOf = (args: unknown[]): string =>
  args
    .map((arg) => {
      if (typeof arg === "string") return arg;
      if (arg instanceof Error) return `${arg.message}\n${arg.stack ?? ""}`;
      try {
        return JSON.stringify(arg);
      } catch {
        return String(arg);
      }
    })
    .join(" ");

const installConsole = (): void => {
  for (const method of CONSOLE_METHODS) {
    const original = console[method] as (...args: unknown[]) => void;
    originals.set(method, original);
    const replacement = function hygieneConsole(this: unknown, ...args: unknown[]): void {
      const test = currentTest();
      if (!test) {
        original.apply(console, args);
        return;
      }
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 60;
      const stack = new Error("console write").stack ?? "";
      Error.stackTraceLimit = limit;
      const text = textOf(args);
      recordHygieneEvent({ kind: "console", write: { method, text, stack } });
      // what the test file prints itself goes through; src's writes fail the test instead
      const allowed =
        store.consoleAllowedForFile ||
        store.consoleAllowedTests.has(test.key) ||
        consoleOriginOf(stack).kind === "test";
      if (allowed && !findSecret(text, store.secrets)) original.apply(console, args);
    };
    console[method] = replacement as Console[ConsoleMethod];
  }
};

const restoreConsole = (): void => {
  for (const [method, original] of originals) console[method] = original as Console[ConsoleMethod];
  originals.clear();
};

installConsole();

// ---------------------------------------------------------------------------------------------
// The checks.

afterEach(() => {
  const test = currentTest();
  if (!test) return;
  const problems = takeProblems(test.key);
  if (problems.length) throw hygieneFailure(test.name, problems);
});

afterAll(() => {
  diagnosticsChannel.unsubscribe("http.client.request.start", onHttpRequest);
  diagnosticsChannel.unsubscribe("undici:request:create", onFetchRequest);
  restoreConsole();
  // concurrent tests (no afterEach), and anything that happened after its test's afterEach
  const problems = takeProblems(undefined, true);
  if (problems.length) {
    const failure = hygieneFailure(
      "(concurrent tests, hooks, and late async work in this file)",
      problems,
    );
    failure.stack = failure.message.split("\n")[0];
    throw failure;
  }
});
