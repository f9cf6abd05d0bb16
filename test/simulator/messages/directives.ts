import type { StopReason } from "./types";

/**
 * Test hooks written into the last user turn (`[[simulate:server_tool]]` too, serverTools.ts;
 * `[[simulate:sequence]]`, toolSelection.ts, goes in the first). The directive text stays in
 * the prompt (and in the echoed reply): the simulator never rewrites what it was sent.
 */
const STOP_DIRECTIVES: Record<string, StopReason> = {
  refusal: "refusal",
  pause_turn: "pause_turn",
  context_window: "model_context_window_exceeded",
};

/** `[[simulate:refusal]]`, `[[simulate:pause_turn]]`, `[[simulate:context_window]]`. */
export function directedStopReason(text: string): StopReason | undefined {
  for (const match of text.matchAll(/\[\[simulate:([a-z_]+)\]\]/g)) {
    const reason = STOP_DIRECTIVES[match[1]];
    if (reason) return reason;
  }
  return undefined;
}

/** `respond with N tokens`: the answer becomes N tokens of filler. */
export function requestedTokens(text: string): number | undefined {
  const match = /respond with (\d+) tokens/i.exec(text);
  return match ? Number(match[1]) : undefined;
}

const LOREM =
  "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. ";

/** Exactly 4 × tokens characters, so the 4-characters-per-token count gives back `tokens`. */
export function fillerText(tokens: number): string {
  const length = tokens * 4;
  return LOREM.repeat(Math.ceil(length / LOREM.length)).slice(0, length);
}
