import { type ActionLogger, type Connection, testing } from "@prismatic-io/spectral";
import component from "../../src";
import { SIMULATOR_API_KEY, type Simulator, startSimulator } from "../simulator";
import { recordError, recordHygieneEvent, registerConnectionBaseUrl } from "./secretHygiene";

export { allowConsoleOutput, registerBaseUrl, registerSecret } from "./secretHygiene";

export const harness = testing.createHarness(component);

export const connectionFor = (
  baseUrl: string,
  fields: Record<string, unknown> = {},
): Connection => {
  // the key may go where the connection points (secret hygiene: any other host is a leak)
  registerConnectionBaseUrl(fields.baseUrl ?? baseUrl);
  return {
    key: "anthropic",
    configVarKey: "anthropicConnection",
    fields: { apiKey: SIMULATOR_API_KEY, baseUrl, ...fields },
  };
};

/** A logger that keeps every line, to assert on what a step logged. */
export const capturingLogger = () => {
  const lines: string[] = [];
  const keep =
    (level: string) =>
    (...args: unknown[]) => {
      const line = `${level} ${args.map((arg) => (typeof arg === "string" ? arg : JSON.stringify(arg))).join(" ")}`;
      lines.push(line);
      recordHygieneEvent({ kind: "log", line });
    };
  const logger: ActionLogger = {
    metric: keep("metric"),
    trace: keep("trace"),
    debug: keep("debug"),
    info: keep("info"),
    log: keep("log"),
    warn: keep("warn"),
    error: keep("error"),
  };
  return { lines, logger };
};

export interface RunOptions {
  debug?: boolean;
  logger?: ActionLogger;
  /** More of the step's context: flowSchemas, webhookUrls and the like. */
  context?: Record<string, unknown>;
}

export interface ActionResult {
  data: unknown;
  contentType?: string;
}

/** Runs an action the way the platform does: cleans, the error hook, and debug context. */
export const runAction = async (
  key: string,
  params: Record<string, unknown>,
  options: RunOptions = {},
): Promise<ActionResult> => {
  const context = {
    ...options.context,
    logger: options.logger ?? capturingLogger().logger,
    globalDebug: options.debug ?? false,
  };
  const connection = params.connection as Connection | undefined;
  registerConnectionBaseUrl(connection?.fields?.baseUrl);
  let result: unknown;
  try {
    result = await harness.action(key, params, context as Parameters<typeof harness.action>[2]);
  } catch (error) {
    recordError(error, `the error ${key} threw`);
    throw error;
  }
  recordHygieneEvent({ kind: "result", result, where: `the result ${key} returned` });
  if (!result || typeof result !== "object") throw new Error(`${key} returned no result`);
  return result as ActionResult;
};

/** Starts a simulator for a test file and resets it before each test. */
export const useSimulator = (): {
  sim: () => Simulator;
  connection: (fields?: Record<string, unknown>) => Connection;
} => {
  let simulator: Simulator | undefined;
  beforeAll(async () => {
    simulator = await startSimulator();
  });
  afterAll(async () => {
    await simulator?.close();
  });
  beforeEach(() => simulator?.reset());
  const sim = () => {
    if (!simulator) throw new Error("simulator not started");
    return simulator;
  };
  return { sim, connection: (fields) => connectionFor(sim().url, fields) };
};

/** The error an action rejected with, for asserting on its class and fields. */
export const failureOf = async (
  promise: Promise<unknown>,
): Promise<Error & Record<string, unknown>> => {
  try {
    await promise;
  } catch (error) {
    recordError(error, "the error failureOf caught");
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected the action to fail, but it succeeded");
};

/**
 * Runs a polling trigger as the platform does: its state lives in `instanceState`, so pass the
 * same object to every poll of one flow.
 */
export const runTrigger = async (
  key: string,
  params: Record<string, unknown>,
  options: { instanceState?: Record<string, unknown>; logger?: ActionLogger } = {},
): Promise<Record<string, unknown>> => {
  const connection = params.connection as Connection | undefined;
  registerConnectionBaseUrl(connection?.fields?.baseUrl);
  const context = {
    logger: options.logger ?? capturingLogger().logger,
    instanceState: options.instanceState ?? {},
  };
  let result: unknown;
  try {
    result = await harness.trigger(
      key,
      undefined,
      params,
      context as Parameters<typeof harness.trigger>[3],
    );
  } catch (error) {
    recordError(error, `the error ${key} threw`);
    throw error;
  }
  recordHygieneEvent({ kind: "result", result, where: `the result ${key} returned` });
  return result as Record<string, unknown>;
};

/** Runs any step of the definition by its kind: an action, a data source or a trigger. */
export const runStep = async (
  step: { kind: "action" | "dataSource" | "trigger"; key: string },
  params: Record<string, unknown>,
): Promise<unknown> => {
  if (step.kind === "action") return runAction(step.key, params);
  if (step.kind === "trigger") return runTrigger(step.key, params);
  const { logger } = capturingLogger();
  return harness.dataSource(step.key, params, { logger } as Parameters<
    typeof harness.dataSource
  >[2]);
};
