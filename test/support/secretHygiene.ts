/**
 * Secret hygiene for every test: what a test's logs, errors, results, outgoing requests and console
 * writes must never show. The harness records into the store below (capturingLogger, runAction,
 * failureOf, connectionFor); test/support/secretHygieneSetup.ts (a jest setupFilesAfterEnv file)
 * records requests and console writes and fails the test in afterEach.
 *
 * The checkers are plain functions of their inputs, so test/support/secretHygiene.test.ts can prove
 * that each of them fails when it should. Nothing here prints a secret: every location it reports
 * is redacted first.
 */
import path from "node:path";
import { SIMULATOR_API_KEY } from "../simulator/auth";

// ---------------------------------------------------------------------------------------------
// Secrets and how they may show up

export interface Secret {
  value: string;
  /** How failures name it: never the value itself. */
  label: string;
}

interface Variant {
  text: string;
  how: string;
}

/** The forms a secret can leak in: verbatim, base64, URL-encoded, or a clipped piece of it. */
const variantsOf = (secret: Secret): Variant[] => {
  const { value } = secret;
  const variants: Variant[] = [{ text: value, how: "verbatim" }];
  const base64 = Buffer.from(value, "utf8").toString("base64").replace(/=+$/, "");
  if (base64.length >= 8) variants.push({ text: base64, how: "base64-encoded" });
  const encoded = encodeURIComponent(value);
  if (encoded !== value) variants.push({ text: encoded, how: "URL-encoded" });
  if (value.length >= 20) {
    // a key cut by a clip (a body or log line shortened to N characters) still gives most of it away
    const piece = Math.max(12, Math.ceil(value.length * 0.6));
    variants.push({ text: value.slice(0, piece), how: "a leading piece" });
    variants.push({ text: value.slice(-piece), how: "a trailing piece" });
  }
  return variants;
};

export interface SecretMatch {
  label: string;
  how: string;
  /** The text around the match, with every secret redacted. */
  excerpt: string;
}

const REDACTED = "«secret»";

/** `text` with every form of every secret replaced by a marker. */
export const redactAll = (text: string, secrets: readonly Secret[]): string => {
  let out = text;
  const variants = secrets.flatMap(variantsOf).sort((a, b) => b.text.length - a.text.length);
  for (const variant of variants) out = out.split(variant.text).join(REDACTED);
  return out;
};

const EXCERPT_CHARS = 60;

/** The first secret found in `text`, with a redacted excerpt around it. */
export const findSecret = (text: string, secrets: readonly Secret[]): SecretMatch | undefined => {
  for (const secret of secrets) {
    for (const variant of variantsOf(secret)) {
      const at = text.indexOf(variant.text);
      if (at < 0) continue;
      // redact first, then cut: a cut can never leave a piece of a secret behind
      const marked = `${text.slice(0, at)}\u0000${text.slice(at + variant.text.length)}`;
      const redacted = redactAll(marked, secrets);
      const mark = redacted.indexOf("\u0000");
      const before = redacted.slice(Math.max(0, mark - EXCERPT_CHARS), mark);
      const after = redacted.slice(mark + 1, mark + 1 + EXCERPT_CHARS);
      const excerpt = `${mark > EXCERPT_CHARS ? "…" : ""}${before}${REDACTED}${after}${
        redacted.length - mark - 1 > EXCERPT_CHARS ? "…" : ""
      }`.replace(/\s+/g, " ");
      return { label: secret.label, how: variant.how, excerpt };
    }
  }
  return undefined;
};

const describeMatch = (where: string, match: SecretMatch): string =>
  `${match.label} (${match.how}) in ${where}: ${JSON.stringify(match.excerpt)}`;

// ---------------------------------------------------------------------------------------------
// Checkers, one per place a secret must not reach. Each returns problems (empty when clean).

/** Log lines as capturingLogger keeps them ("debug ...", "info ..."). */
export const leaksInLogLines = (lines: readonly string[], secrets: readonly Secret[]): string[] =>
  lines.flatMap((line, index) => {
    const match = findSecret(line, secrets);
    const level = /^(\w+) /.exec(line)?.[1] ?? "?";
    return match ? [describeMatch(`log line #${index + 1} (${level})`, match)] : [];
  });

const safeJson = (value: unknown): string => {
  try {
    return (
      JSON.stringify(value, function (this: Record<string, unknown>, key, replaced) {
        const raw = key === "" ? value : this[key];
        if (Buffer.isBuffer(raw)) return `<Buffer ${raw.toString("utf8")}>`;
        if (raw instanceof Uint8Array) return `<bytes ${Buffer.from(raw).toString("utf8")}>`;
        if (typeof raw === "bigint") return String(raw);
        return replaced;
      }) ?? String(value)
    );
  } catch (error) {
    return `<not serialisable: ${error instanceof Error ? error.message : String(error)}>`;
  }
};

/** An error as the platform could show it: message, stack, JSON, Object.entries, and its causes. */
export const leaksInError = (
  error: unknown,
  secrets: readonly Secret[],
  where = "the error",
  depth = 0,
): string[] => {
  if (depth > 8) return [];
  if (!(error instanceof Error)) {
    const text = typeof error === "string" ? error : safeJson(error);
    const match = findSecret(text, secrets);
    return match ? [describeMatch(where, match)] : [];
  }
  const views: Array<[string, () => string]> = [
    ["message", () => error.message],
    ["stack", () => error.stack ?? ""],
    ["JSON.stringify", () => safeJson(error)],
    ["Object.entries", () => safeJson(Object.entries(error))],
    ["String()", () => String(error)],
  ];
  const problems: string[] = [];
  for (const [view, text] of views) {
    const match = findSecret(text(), secrets);
    if (match) problems.push(describeMatch(`${where} (${view})`, match));
  }
  const { cause } = error as { cause?: unknown };
  if (cause !== undefined)
    problems.push(...leaksInError(cause, secrets, `${where}.cause`, depth + 1));
  if (error instanceof AggregateError) {
    error.errors.forEach((inner, index) => {
      problems.push(...leaksInError(inner, secrets, `${where}.errors[${index}]`, depth + 1));
    });
  }
  return problems;
};

/** What an action returned (Buffers read as text). */
export const leaksInResult = (
  result: unknown,
  secrets: readonly Secret[],
  where = "the returned result",
): string[] => {
  const match = findSecret(safeJson(result), secrets);
  return match ? [describeMatch(where, match)] : [];
};

export interface OutgoingRequest {
  /** "http://127.0.0.1:1234", "https://api.anthropic.com:443". */
  origin: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  /** Which client sent it: "http" (node:http, axios) or "fetch" (undici). */
  via: string;
}

/** "host:port" of a URL or origin, with the scheme's default port filled in. */
export const hostPortOf = (url: string): string | undefined => {
  try {
    const parsed = new URL(url);
    const port = parsed.port || (parsed.protocol === "https:" ? "443" : "80");
    return `${parsed.hostname.replace(/^\[|\]$/g, "")}:${port}`.toLowerCase();
  } catch {
    return undefined;
  }
};

/** A request carrying a secret (any header, or its path) to a host:port that is not registered. */
export const leaksInRequest = (
  request: OutgoingRequest,
  allowedHostPorts: ReadonlySet<string>,
  secrets: readonly Secret[],
): string[] => {
  const target = hostPortOf(request.origin);
  if (target !== undefined && allowedHostPorts.has(target)) return [];
  const where = `a ${request.method} request (${request.via}) to ${target ?? request.origin}, which is not a registered base URL`;
  const problems: string[] = [];
  for (const [name, value] of Object.entries(request.headers)) {
    const match = findSecret(value, secrets);
    if (match) problems.push(describeMatch(`${where}, header "${name}"`, match));
  }
  const inPath = findSecret(request.path, secrets);
  if (inPath) problems.push(describeMatch(`${where}, its path`, inPath));
  return problems;
};

// ---------------------------------------------------------------------------------------------
// Console writes

export const ROOT_DIR = path.resolve(__dirname, "..", "..");

interface Frame {
  file: string;
  line: string;
}

const framesOf = (stack: string): Frame[] =>
  stack
    .split("\n")
    .slice(1)
    .flatMap((line) => {
      const found = /\((.*?):\d+:\d+\)\s*$/.exec(line) ?? /at (.*?):\d+:\d+\s*$/.exec(line);
      if (!found) return [];
      const file = found[1].replace(/^file:\/\//, "");
      return [{ file: file.startsWith("/") ? path.normalize(file) : file, line: line.trim() }];
    });

const relative = (file: string, rootDir: string): string =>
  file.startsWith(rootDir + path.sep) ? file.slice(rootDir.length + 1) : file;

const isMachinery = (file: string): boolean =>
  file.startsWith("node:") ||
  file.includes(`${path.sep}secretHygiene`) ||
  /[\\/]node_modules[\\/](@jest|jest-[\w-]+|expect|ts-jest)[\\/]/.test(file);

export interface ConsoleOrigin {
  /** "test": the test file (or test support) wrote it itself; else src, a dependency or unknown. */
  kind: "test" | "src" | "dependency" | "unknown";
  /** "src/messages/structuredOutput.ts (via node_modules/ajv/...)". */
  describe: string;
}

/** Who wrote to the console, from the stack of the write. */
export const consoleOriginOf = (stack: string, rootDir = ROOT_DIR): ConsoleOrigin => {
  const frames = framesOf(stack).filter((frame) => !isMachinery(frame.file));
  const first = frames[0];
  if (!first) return { kind: "unknown", describe: "an unknown caller (no stack frame)" };
  const testDir = path.join(rootDir, "test") + path.sep;
  const srcDir = path.join(rootDir, "src") + path.sep;
  const inNodeModules = (file: string) => /[\\/]node_modules[\\/]/.test(file);
  if (first.file.startsWith(testDir))
    return { kind: "test", describe: relative(first.file, rootDir) };
  if (first.file.startsWith(srcDir))
    return { kind: "src", describe: relative(first.file, rootDir) };
  const fromSrc = frames.find((frame) => frame.file.startsWith(srcDir));
  if (inNodeModules(first.file)) {
    const dependency = relative(first.file, rootDir);
    return {
      kind: fromSrc ? "src" : "dependency",
      describe: fromSrc ? `${relative(fromSrc.file, rootDir)} (via ${dependency})` : dependency,
    };
  }
  return { kind: "unknown", describe: relative(first.file, rootDir) };
};

export interface ConsoleWrite {
  method: string;
  text: string;
  stack: string;
}

/** A console write during a test: one from src (or a dependency) fails it; so does any secret. */
export const problemsInConsoleWrite = (
  write: ConsoleWrite,
  secrets: readonly Secret[],
  allowed: boolean,
  rootDir = ROOT_DIR,
): string[] => {
  const origin = consoleOriginOf(write.stack, rootDir);
  const where = `console.${write.method} from ${origin.describe}`;
  const match = findSecret(write.text, secrets);
  if (match) return [describeMatch(where, match)];
  if (allowed || origin.kind === "test") return [];
  const text = redactAll(write.text, secrets).replace(/\s+/g, " ");
  return [
    `${where} wrote during the test (code under test must log through the step's logger): ${JSON.stringify(
      text.length > 200 ? `${text.slice(0, 200)}…` : text,
    )}`,
  ];
};

// ---------------------------------------------------------------------------------------------
// The store the harness and the setup file share (one per test file: jest gives each its own global)

export type HygieneEvent =
  | { kind: "log"; line: string }
  | { kind: "error"; error: unknown; where: string }
  | { kind: "result"; result: unknown; where: string }
  | { kind: "request"; request: OutgoingRequest }
  | { kind: "console"; write: ConsoleWrite };

/** Which test an event happened in: jest's test object when known, else its name. */
export type TestKey = object | string;

interface Recorded {
  event: HygieneEvent;
  test: TestKey | undefined;
  testName: string | undefined;
}

interface Store {
  /** Set by the setup file: outside jest (scripts) nothing is recorded. */
  active: boolean;
  secrets: Secret[];
  /** host:port of every simulator and registered base URL, for the whole file. */
  fileHostPorts: Set<string>;
  /** host:port of the base URLs each test's connections name. */
  testHostPorts: Map<TestKey, Set<string>>;
  events: Recorded[];
  consoleAllowedForFile: boolean;
  consoleAllowedTests: Set<TestKey>;
}

const STORE = Symbol.for("anthropic-connector.secretHygiene");

export const hygieneStore = (): Store => {
  const holder = globalThis as unknown as Record<symbol, Store | undefined>;
  let store = holder[STORE];
  if (!store) {
    store = {
      active: false,
      secrets: [{ value: SIMULATOR_API_KEY, label: "SIMULATOR_API_KEY" }],
      fileHostPorts: new Set(),
      testHostPorts: new Map(),
      events: [],
      consoleAllowedForFile: false,
      consoleAllowedTests: new Set(),
    };
    holder[STORE] = store;
  }
  return store;
};

interface JestState {
  currentTestName?: string;
  currentTestIdentity?: () => object | undefined;
}

/** The test running in this async context (jest 30 tracks it for concurrent tests too). */
export const currentTest = (): { key: TestKey; name: string } | undefined => {
  if (typeof expect === "undefined") return undefined;
  const state = expect.getState() as JestState;
  const identity = state.currentTestIdentity?.();
  if (identity) {
    const name = state.currentTestName ?? testNameOf(identity);
    return { key: identity, name: testNameOf(identity) || name };
  }
  return state.currentTestName
    ? { key: state.currentTestName, name: state.currentTestName }
    : undefined;
};

/** "describe block › test name" from jest-circus's test object. */
const testNameOf = (test: object): string => {
  const names: string[] = [];
  let block = test as { name?: string; parent?: object };
  while (block?.name && block.name !== "ROOT_DESCRIBE_BLOCK") {
    names.unshift(block.name);
    block = block.parent as { name?: string; parent?: object };
  }
  return names.join(" ");
};

/** Adds a secret that must appear nowhere a test can see (logs, errors, results, other hosts). */
export const registerSecret = (value: string, label?: string): void => {
  if (!value) return;
  const store = hygieneStore();
  if (store.secrets.some((secret) => secret.value === value)) return;
  store.secrets.push({ value, label: label ?? `registered secret #${store.secrets.length}` });
};

/** A base URL the key may be sent to, for the rest of the test file (every simulator is one). */
export const registerBaseUrl = (url: string): void => {
  const hostPort = hostPortOf(url);
  if (hostPort) hygieneStore().fileHostPorts.add(hostPort);
};

/** The base URL a connection in the current test names: the key may go there during this test. */
export const registerConnectionBaseUrl = (url: unknown): void => {
  if (typeof url !== "string") return;
  const hostPort = hostPortOf(url.trim());
  const test = currentTest();
  if (!hostPort) return;
  if (!test) {
    hygieneStore().fileHostPorts.add(hostPort);
    return;
  }
  const { testHostPorts } = hygieneStore();
  const set = testHostPorts.get(test.key) ?? new Set<string>();
  set.add(hostPort);
  testHostPorts.set(test.key, set);
};

/**
 * Lets code under test write to the console: called at a test file's top level (or in a describe
 * block) for the whole file, inside a test for that test only. Secrets are still refused.
 */
export const allowConsoleOutput = (): void => {
  const store = hygieneStore();
  const test = currentTest();
  if (test) store.consoleAllowedTests.add(test.key);
  else store.consoleAllowedForFile = true;
};

export const recordHygieneEvent = (event: HygieneEvent): void => {
  const store = hygieneStore();
  if (!store.active) return;
  const test = currentTest();
  store.events.push({ event, test: test?.key, testName: test?.name });
};

const recordedErrors = new WeakSet<object>();

/** Records a thrown error once, however many helpers see it. */
export const recordError = (error: unknown, where: string): void => {
  if (error !== null && typeof error === "object") {
    if (recordedErrors.has(error)) return;
    recordedErrors.add(error);
  }
  recordHygieneEvent({ kind: "error", error, where });
};

/** The problems of one recorded event, given who may receive the key. */
export const problemsIn = (
  event: HygieneEvent,
  secrets: readonly Secret[],
  allowedHostPorts: ReadonlySet<string>,
  consoleAllowed: boolean,
): string[] => {
  switch (event.kind) {
    case "log":
      return leaksInLogLines([event.line], secrets).map((problem) =>
        problem.replace("log line #1", "a logger line"),
      );
    case "error":
      return leaksInError(event.error, secrets, event.where);
    case "result":
      return leaksInResult(event.result, secrets, event.where);
    case "request":
      return leaksInRequest(event.request, allowedHostPorts, secrets);
    case "console":
      return problemsInConsoleWrite(event.write, secrets, consoleAllowed);
  }
};

/**
 * Takes the events recorded for `test` (or, with `undefined`, every event left) and returns their
 * problems, redacted. Taken events are forgotten.
 */
export const takeProblems = (test: TestKey | undefined, all = false): string[] => {
  const store = hygieneStore();
  const taken = store.events.filter((recorded) => all || recorded.test === test);
  store.events = all ? [] : store.events.filter((recorded) => recorded.test !== test);
  const problems = taken.flatMap((recorded) => {
    const allowed = new Set([
      ...store.fileHostPorts,
      ...(recorded.test ? (store.testHostPorts.get(recorded.test) ?? []) : []),
    ]);
    const consoleAllowed =
      store.consoleAllowedForFile ||
      (recorded.test !== undefined && store.consoleAllowedTests.has(recorded.test));
    const found = problemsIn(recorded.event, store.secrets, allowed, consoleAllowed);
    return all && recorded.testName
      ? found.map((problem) => `[in "${recorded.testName}"] ${problem}`)
      : found;
  });
  if (!all && test !== undefined) {
    store.testHostPorts.delete(test);
    store.consoleAllowedTests.delete(test);
  }
  // dedupe (a retried request or a logged line twice says the same thing) and redact once more
  return [...new Set(problems)].map((problem) => redactAll(problem, store.secrets));
};

/** The failure a test gets, naming it and every place a secret or a console write was found. */
export const hygieneFailure = (testName: string, problems: readonly string[]): Error => {
  const shown = problems.slice(0, 20);
  const more =
    problems.length > shown.length ? [`… and ${problems.length - shown.length} more`] : [];
  const error = new Error(
    [
      `Secret hygiene: test "${testName}" failed:`,
      ...shown.map((problem) => `  - ${problem}`),
      ...more,
    ].join("\n"),
  );
  error.stack = error.message; // where the checker threw is no help
  return error;
};
