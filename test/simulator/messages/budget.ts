import { tokensForText } from "./tokens";
import type { OutputBlock } from "./types";

/** Framing of a tool call (id, name) on top of its input JSON. */
const TOOL_USE_OVERHEAD_TOKENS = 8;

export interface Generation {
  content: OutputBlock[];
  outputTokens: number;
  /** Set when generation was cut short; otherwise the planned stop reason stands. */
  cut?: { reason: "max_tokens" } | { reason: "stop_sequence"; sequence: string };
}

function blockTokens(block: OutputBlock): number {
  switch (block.type) {
    case "thinking":
      return tokensForText(block.thinking);
    case "text":
      return tokensForText(block.text);
    case "tool_use":
      return tokensForText(JSON.stringify(block.input)) + TOOL_USE_OVERHEAD_TOKENS;
  }
}

function earliestStop(
  text: string,
  sequences: readonly string[],
): { index: number; sequence: string } | undefined {
  let best: { index: number; sequence: string } | undefined;
  for (const sequence of sequences) {
    if (sequence === "") continue;
    const index = text.indexOf(sequence);
    if (index >= 0 && (!best || index < best.index)) best = { index, sequence };
  }
  return best;
}

/**
 * "Generates" the planned blocks in order, as the model would: thinking and text count
 * against max_tokens (a text is cut at the token limit; a tool call that does not fit is not
 * emitted), and text stops before the first stop sequence it contains.
 */
export function generateWithinBudget(
  planned: readonly OutputBlock[],
  maxTokens: number,
  stopSequences: readonly string[],
): Generation {
  const content: OutputBlock[] = [];
  let used = 0;
  const finish = (cut?: Generation["cut"]): Generation => ({
    content,
    // the API never reports 0 output tokens once generation ran
    outputTokens: maxTokens === 0 ? 0 : Math.min(maxTokens, Math.max(1, used)),
    cut,
  });
  for (const block of planned) {
    const remaining = maxTokens - used;
    if (remaining <= 0) return finish({ reason: "max_tokens" });
    if (block.type === "text") {
      const stop = earliestStop(block.text, stopSequences);
      const kept = stop ? block.text.slice(0, stop.index) : block.text;
      if (tokensForText(kept) > remaining) {
        content.push({ ...block, text: kept.slice(0, remaining * 4) });
        used = maxTokens;
        return finish({ reason: "max_tokens" });
      }
      if (kept !== "") content.push({ ...block, text: kept });
      used += tokensForText(kept);
      if (stop) return finish({ reason: "stop_sequence", sequence: stop.sequence });
      continue;
    }
    const tokens = blockTokens(block);
    if (tokens > remaining) {
      if (block.type === "thinking") {
        content.push({ ...block, thinking: block.thinking.slice(0, remaining * 4) });
      }
      used = maxTokens;
      return finish({ reason: "max_tokens" });
    }
    content.push(block);
    used += tokens;
  }
  return finish();
}
