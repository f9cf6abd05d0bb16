import { generateFromSchema } from "../generateFromSchema";
import { deterministicId } from "../ids";
import { isJsonObject, type JsonObject } from "../json";
import { citationsFor } from "./citations";
import { directedStopReason, fillerText, requestedTokens } from "./directives";
import { mcpBlocks, mentionedServers } from "./mcp";
import { continuesPausedTurn, wantsWebSearch, webSearchBlocks } from "./serverTools";
import { signThinking } from "./signature";
import { calledToolNames, selectTools, sequencedTools } from "./toolSelection";
import {
  allToolResults,
  isOpeningTurn,
  type LastUserTurn,
  lastUserTurn,
  toolResultText,
} from "./transcript";
import type {
  CustomTool,
  MessageRequest,
  OutputBlock,
  StopReason,
  TextOutput,
  ThinkingOutput,
  ToolResultBlockParam,
  ToolUseOutput,
} from "./types";

/** The answer the simulated model would give with unlimited max_tokens and no stop sequences. */
export interface PlannedAnswer {
  blocks: OutputBlock[];
  stopReason: StopReason;
}

function text(value: string): TextOutput {
  return { type: "text", text: value, citations: null };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function replyText(turn: LastUserTurn): string {
  const tokens = requestedTokens(turn.text);
  if (tokens !== undefined) return fillerText(tokens);
  const seen = [
    turn.images > 0 ? count(turn.images, "image") : "",
    turn.documents > 0 ? count(turn.documents, "document") : "",
  ].filter((s) => s !== "");
  const note = seen.length > 0 ? `(saw ${seen.join(", ")})` : "";
  return ["Simulated reply to:", turn.text, note].filter((s) => s !== "").join(" ");
}

function thinkingBlock(request: MessageRequest, userText: string, seed: string): ThinkingOutput {
  const display =
    request.thinking && "display" in request.thinking ? request.thinking.display : null;
  const snippet = userText.length > 80 ? `${userText.slice(0, 80)}…` : userText;
  const thinking =
    display === "omitted" ? "" : `The user wrote "${snippet}". A short, simulated answer will do.`;
  // opaque base64 to clients, verifiable by the simulator when sent back (signature.ts)
  return { type: "thinking", thinking, signature: signThinking(thinking, seed) };
}

function structuredOutput(schema: JsonObject): TextOutput {
  return text(JSON.stringify(generateFromSchema(schema, { allProperties: true })));
}

function toolNames(names: string[]): string {
  if (names.length === 1) return `the ${names[0]} tool`;
  return `the ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} tools`;
}

function toolUseBlock(tool: CustomTool, id: string, userText = ""): ToolUseOutput {
  const input = generateFromSchema(tool.input_schema, {
    allProperties: false,
    mentionedIn: userText,
  });
  return {
    type: "tool_use",
    id,
    name: tool.name,
    input: isJsonObject(input) ? input : {},
    caller: { type: "direct" },
  };
}

/** The answer once tools are done: structured output, or the results read back. */
function resultsAnswer(request: MessageRequest, results: ToolResultBlockParam[]): OutputBlock {
  const format = request.output_config?.format ?? undefined;
  return format
    ? structuredOutput(format.schema)
    : text(`Tool results received: ${results.map(toolResultText).join("; ")}`);
}

/**
 * A `[[simulate:sequence]]` conversation, answering its opening turn or tool results: the next
 * tool not called yet, alone, or once all were called the results of the whole conversation.
 */
function sequencedAnswer(
  request: MessageRequest,
  tools: CustomTool[],
  seed: string,
): Pick<PlannedAnswer, "blocks" | "stopReason"> {
  const called = calledToolNames(request);
  const next = tools.find((tool) => !called.has(tool.name));
  if (!next) {
    return { blocks: [resultsAnswer(request, allToolResults(request))], stopReason: "end_turn" };
  }
  const intro = isOpeningTurn(request) ? "I'll use" : "Next I'll use";
  return {
    blocks: [
      text(`${intro} ${toolNames([next.name])}.`),
      toolUseBlock(next, deterministicId("toolu", `${seed}:0`)),
    ],
    stopReason: "tool_use",
  };
}

/** What follows any server-side tool use: custom tool calls, structured output, or text. */
function modelAnswer(
  request: MessageRequest,
  turn: LastUserTurn,
  seed: string,
): Pick<PlannedAnswer, "blocks" | "stopReason"> {
  const format = request.output_config?.format ?? undefined;
  const tools = selectTools(request, turn.text);
  if (tools.length > 0) {
    return {
      blocks: [
        text(`I'll use ${toolNames(tools.map((t) => t.name))}.`),
        ...tools.map((tool, index) =>
          toolUseBlock(tool, deterministicId("toolu", `${seed}:${index}`), turn.text),
        ),
      ],
      stopReason: "tool_use",
    };
  }
  if (format) return { blocks: [structuredOutput(format.schema)], stopReason: "end_turn" };
  const blocks: OutputBlock[] = [text(replyText(turn))];
  const citations = citationsFor(request);
  if (citations.length > 0) {
    const noun = citations.length === 1 ? "document" : "documents";
    blocks.push({ type: "text", text: `This is supported by the cited ${noun}.`, citations });
  }
  return { blocks, stopReason: "end_turn" };
}

export function planAnswer(request: MessageRequest, seed: string): PlannedAnswer {
  const turn = lastUserTurn(request);
  const directed = directedStopReason(turn.text);

  // continuing a paused turn: the rest of the same turn, already thought through and searched
  if (continuesPausedTurn(request)) {
    const rest = modelAnswer(request, turn, seed);
    // the pause is over; the other directed stops still apply
    const stop = directed === "pause_turn" ? undefined : directed;
    return { blocks: rest.blocks, stopReason: stop ?? rest.stopReason };
  }

  const thinking = request.thinking?.type === "enabled" || request.thinking?.type === "adaptive";
  const blocks: OutputBlock[] = thinking ? [thinkingBlock(request, turn.text, seed)] : [];
  const sequence = sequencedTools(request);
  if (sequence && (turn.toolResults.length > 0 || isOpeningTurn(request))) {
    const answer = sequencedAnswer(request, sequence, seed);
    return { blocks: [...blocks, ...answer.blocks], stopReason: directed ?? answer.stopReason };
  }
  if (turn.toolResults.length > 0) {
    blocks.push(resultsAnswer(request, turn.toolResults));
    return { blocks, stopReason: directed ?? "end_turn" };
  }

  const search = wantsWebSearch(request, turn.text) ? webSearchBlocks(turn.text, seed) : [];
  blocks.push(...search, ...mcpBlocks(mentionedServers(request, turn.text), turn.text, seed));
  // a paused server tool turn stops after the server's results; the client sends it back
  if (search.length > 0 && directed === "pause_turn") return { blocks, stopReason: "pause_turn" };
  const answer = modelAnswer(request, turn, seed);
  blocks.push(...answer.blocks);
  return { blocks, stopReason: directed ?? answer.stopReason };
}
