import { InputError } from "../inputs/clean";
import type { ContentBlock, ToolUseBlock } from "../messages/types";
import { checkResume, type Decision, rejectionResult, waitingUses } from "./approvals";
import {
  type AgentContext,
  type AgentResult,
  type AgentState,
  type AgentValues,
  agentLoop,
  inUseOrder,
  prepareAgent,
  runUses,
  type ToolCall,
} from "./loop";

/** Claude asked with one input and the reviewer ran another: the result says so. */
const noteEdit = (block: ContentBlock, input: Record<string, unknown>): ContentBlock => ({
  ...block,
  content: `(Run with the input the user edited it to: ${JSON.stringify(input)}) ${String(
    (block as { content?: unknown }).content ?? "",
  )}`,
});

/**
 * Goes on with a run that stopped for approval: approved calls run (with an edited input when
 * given), rejected ones go back to Claude as error results carrying the feedback, and the loop
 * continues; it may stop for approval again.
 */
export const resumeAgentLoop = async (
  context: AgentContext,
  values: AgentValues,
  state: AgentState,
  decisions: Decision[],
): Promise<AgentResult> => {
  const agent = prepareAgent(context, values);
  checkResume(agent, values, state, decisions);
  const uses = waitingUses(state.conversation);
  const byId = new Map(uses.map((use) => [use.id, use]));
  const useOf = (id: string): ToolUseBlock => {
    const use = byId.get(id);
    if (!use) {
      throw new InputError(
        "State",
        `has no tool call ${id} in its last turn; give the state exactly as the stopped run returned it.`,
      );
    }
    return use;
  };
  const toolCalls: ToolCall[] = [];
  const approvals = decisions.filter((entry) => entry.decision === "approve");
  const toRun = approvals.map((entry) => {
    const use = useOf(entry.toolUseId);
    return entry.input ? { ...use, input: entry.input } : use;
  });
  const ran = await runUses(context, agent, values, toRun, state.turns, toolCalls);
  const edited = new Map(
    approvals.flatMap((entry) => (entry.input ? [[entry.toolUseId, entry.input] as const] : [])),
  );
  const results = ran.map((block) => {
    const input = edited.get(String((block as { tool_use_id?: unknown }).tool_use_id));
    return input ? noteEdit(block, input) : block;
  });
  const rejections = decisions.flatMap((entry) =>
    entry.decision === "reject" ? [rejectionResult(useOf(entry.toolUseId), entry.feedback)] : [],
  );
  context.logger.info(
    `Resume Agent: ${approvals.length} approved, ${rejections.length} rejected; continuing the run.`,
  );
  const conversation = [
    ...state.conversation,
    {
      role: "user" as const,
      content: inUseOrder(uses, [...state.results, ...results, ...rejections]),
    },
  ];
  return agentLoop(
    context,
    agent,
    values,
    { conversation, turns: state.turns, usage: state.usage },
    toolCalls,
  );
};
