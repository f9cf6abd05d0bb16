import { generateFromSchema } from "../generateFromSchema";
import { deterministicId, sha256 } from "../ids";
import { isJsonObject, type JsonObject } from "../json";
import { citationsFor } from "./citations";
import { directedStopReason, fillerText, requestedTokens } from "./directives";
import { selectTools } from "./toolSelection";
import { type LastUserTurn, lastUserTurn, toolResultText } from "./transcript";
import type { MessageRequest, OutputBlock, StopReason, TextOutput, ThinkingOutput } from "./types";

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
  // signatures are opaque base64 blobs to clients; derive one so it is stable per request
  const signature = Buffer.concat([
    sha256(`sig:${seed}:${thinking}`),
    sha256(`sig2:${seed}`),
  ]).toString("base64");
  return { type: "thinking", thinking, signature };
}

function structuredOutput(schema: JsonObject): TextOutput {
  return text(JSON.stringify(generateFromSchema(schema, { allProperties: true })));
}

function toolNames(names: string[]): string {
  if (names.length === 1) return `the ${names[0]} tool`;
  return `the ${names.slice(0, -1).join(", ")} and ${names[names.length - 1]} tools`;
}

export function planAnswer(request: MessageRequest, seed: string): PlannedAnswer {
  const turn = lastUserTurn(request);
  const format = request.output_config?.format ?? undefined;
  const thinking = request.thinking?.type === "enabled" || request.thinking?.type === "adaptive";
  const blocks: OutputBlock[] = thinking ? [thinkingBlock(request, turn.text, seed)] : [];
  let stopReason: StopReason = "end_turn";

  const tools = turn.toolResults.length > 0 ? [] : selectTools(request, turn.text);
  if (turn.toolResults.length > 0) {
    blocks.push(
      format
        ? structuredOutput(format.schema)
        : text(`Tool results received: ${turn.toolResults.map(toolResultText).join("; ")}`),
    );
  } else if (tools.length > 0) {
    blocks.push(text(`I'll use ${toolNames(tools.map((t) => t.name))}.`));
    tools.forEach((tool, index) => {
      const input = generateFromSchema(tool.input_schema, { allProperties: false });
      blocks.push({
        type: "tool_use",
        id: deterministicId("toolu", `${seed}:${index}`),
        name: tool.name,
        input: isJsonObject(input) ? input : {},
        caller: { type: "direct" },
      });
    });
    stopReason = "tool_use";
  } else if (format) {
    blocks.push(structuredOutput(format.schema));
  } else {
    blocks.push(text(replyText(turn)));
    const citations = citationsFor(request);
    if (citations.length > 0) {
      const noun = citations.length === 1 ? "document" : "documents";
      blocks.push({ type: "text", text: `This is supported by the cited ${noun}.`, citations });
    }
  }
  return { blocks, stopReason: directedStopReason(turn.text) ?? stopReason };
}
