import type { ActionContext } from "@prismatic-io/spectral";
import { isObject } from "../util/isObject";

export interface ToolOutcome {
  /** What goes back to Claude as the tool_result's content. */
  content: string;
  isError: boolean;
  durationMs: number;
}

/** How much of a flow's answer goes back to Claude; a flow that answers megabytes is cut. */
const MAX_RESULT_CHARS = 100_000;

/** An asynchronous invocation answers only with the execution it started. */
const isAcknowledgement = (data: unknown): boolean =>
  isObject(data) &&
  typeof data.executionId === "string" &&
  Object.keys(data).every((key) => ["executionId", "status", "message"].includes(key));

const textOf = (data: unknown): string => {
  const text = typeof data === "string" ? data : JSON.stringify(data ?? null);
  return text.length > MAX_RESULT_CHARS
    ? `${text.slice(0, MAX_RESULT_CHARS)}... (cut: the flow answered ${text.length} characters)`
    : text;
};

const failureOf = (error: unknown, flow: string, timeoutSeconds: number): string => {
  const status = (error as { response?: { status?: unknown } }).response?.status;
  if ((error as { code?: unknown }).code === "ECONNABORTED" || error instanceof FlowTimeout) {
    return `The tool "${flow}" did not answer within ${timeoutSeconds} seconds. Try again later, or answer without it.`;
  }
  if (typeof status === "number") {
    return `The tool "${flow}" failed with HTTP ${status}. Check the input you gave it, or answer without it.`;
  }
  return `The tool "${flow}" could not be reached (${(error as { code?: unknown }).code ?? "network error"}). Answer without it.`;
};

class FlowTimeout extends Error {}

/**
 * Runs one flow synchronously for a tool_use. Whatever happens, Claude gets a tool_result
 * it can act on: a failure, a timeout or an asynchronous flow is an error result, never a
 * thrown step. Only the outcome is kept: the raw error (an axios one) holds the flow's URL
 * and API key and goes no further.
 */
export const runFlowTool = async (
  context: Pick<ActionContext, "invokeFlow">,
  flow: string,
  input: unknown,
  timeoutSeconds: number,
): Promise<ToolOutcome> => {
  const started = Date.now();
  const timeoutMs = timeoutSeconds * 1000;
  let timer: NodeJS.Timeout | undefined;
  try {
    const response = await Promise.race([
      context.invokeFlow(flow, isObject(input) ? input : { input }, {
        headers: { "prismatic-synchronous": "true" },
        timeout: timeoutMs,
      }),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new FlowTimeout()), timeoutMs);
      }),
    ]);
    const durationMs = Date.now() - started;
    if (isAcknowledgement(response.data)) {
      return {
        content: `The tool "${flow}" started a run but returned no result: the flow is not synchronous. Answer without it.`,
        isError: true,
        durationMs,
      };
    }
    return { content: textOf(response.data), isError: false, durationMs };
  } catch (error) {
    return {
      content: failureOf(error, flow, timeoutSeconds),
      isError: true,
      durationMs: Date.now() - started,
    };
  } finally {
    clearTimeout(timer);
  }
};
