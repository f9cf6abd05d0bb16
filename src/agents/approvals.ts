import { InputError, parseJson, preview } from "../inputs/clean";
import type { ContentBlock, MessageParam, ToolUseBlock } from "../messages/types";
import { isObject } from "../util/isObject";
import { changedInputs } from "./configHash";
import type { AgentState, AgentValues, PreparedAgent } from "./loop";

export type Decision =
  | { toolUseId: string; decision: "approve"; input?: Record<string, unknown> }
  | { toolUseId: string; decision: "reject"; feedback?: string };

/** The State input: a stopped run's `state`, or the whole result it came in. */
export const cleanState = (value: unknown): AgentState => {
  const parsed = parseJson("State", value);
  const found = isObject(parsed) && isObject(parsed.data) ? parsed.data.state : parsed;
  const state = isObject(found) && isObject(found.state) ? found.state : found;
  if (
    !isObject(state) ||
    state.version !== 1 ||
    typeof state.configHash !== "string" ||
    !Array.isArray(state.conversation) ||
    !Array.isArray(state.pending) ||
    !Array.isArray(state.results)
  ) {
    throw new InputError(
      "State",
      "must be the state of a Run Agent or Resume Agent result whose stopReason is approval_required (its data.state).",
    );
  }
  return state as unknown as AgentState;
};

const cleanDecision = (entry: unknown, index: number): Decision => {
  const at = `item ${index}`;
  if (!isObject(entry) || typeof entry.toolUseId !== "string" || !entry.toolUseId) {
    throw new InputError("Decisions", `${at} must be {toolUseId, decision: approve or reject}.`);
  }
  const { toolUseId, decision } = entry;
  if (decision === "approve") {
    if (entry.input !== undefined && !isObject(entry.input)) {
      throw new InputError(
        "Decisions",
        `${toolUseId}: an edited input must be a JSON object, as the tool takes it.`,
      );
    }
    return { toolUseId, decision, input: entry.input as Record<string, unknown> | undefined };
  }
  if (decision === "reject") {
    if (entry.feedback !== undefined && typeof entry.feedback !== "string") {
      throw new InputError("Decisions", `${toolUseId}: feedback must be text.`);
    }
    return { toolUseId, decision, feedback: entry.feedback as string | undefined };
  }
  throw new InputError(
    "Decisions",
    `${toolUseId}: decision must be approve or reject; got "${preview(decision)}".`,
  );
};

/** The Decisions input: a JSON array, one decision per pending call. */
export const cleanDecisions = (value: unknown): Decision[] => {
  const parsed = parseJson("Decisions", value);
  if (!Array.isArray(parsed)) {
    throw new InputError(
      "Decisions",
      'must be a JSON array, such as [{"toolUseId": "toolu_01...", "decision": "approve"}].',
    );
  }
  return parsed.map(cleanDecision);
};

/** Every pending call decided once, nothing else, by the agent that stopped. */
export const checkResume = (
  agent: PreparedAgent,
  values: AgentValues,
  state: AgentState,
  decisions: Decision[],
) => {
  if (state.configHash !== agent.configHash) {
    const [changed] = changedInputs(values, state.configPrint);
    throw new InputError(
      changed ?? "State",
      `${changed ? "is not what it was when the run stopped" : "was made by an agent configured differently"}: the State's configuration hash differs. Resume with the same Model, Instructions, Flows, Approval Required, Tools, MCP Servers, thinking, Output Schema and Max Tokens the run started with.`,
    );
  }
  const pending = new Set(state.pending);
  const decided = new Set<string>();
  for (const { toolUseId } of decisions) {
    if (!pending.has(toolUseId)) {
      throw new InputError(
        "Decisions",
        `${toolUseId} is not a pending call of this run; pending: ${state.pending.join(", ")}.`,
      );
    }
    if (decided.has(toolUseId)) throw new InputError("Decisions", `${toolUseId} is decided twice.`);
    decided.add(toolUseId);
  }
  const missing = state.pending.filter((id) => !decided.has(id));
  if (missing.length) {
    throw new InputError(
      "Decisions",
      `no decision for ${missing.join(", ")}; each pending call needs one (approve or reject).`,
    );
  }
};

/** The tool_use blocks of the turn the run stopped in. */
export const waitingUses = (conversation: MessageParam[]): ToolUseBlock[] => {
  const turn = conversation.at(-1);
  if (turn?.role !== "assistant" || typeof turn.content === "string") return [];
  return turn.content.filter((block): block is ToolUseBlock => block.type === "tool_use");
};

export const rejectionResult = (use: ToolUseBlock, feedback: string | undefined): ContentBlock => ({
  type: "tool_result",
  tool_use_id: use.id,
  content: `The user rejected this call${feedback ? `: ${feedback}` : "."} Do not try it again as it was; take the feedback into account.`,
  is_error: true,
});
