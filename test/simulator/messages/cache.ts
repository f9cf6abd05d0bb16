import { invalidRequest } from "../errors";
import { sha256 } from "../ids";
import { PROMPT_OVERHEAD_TOKENS, type Segment, totalInputTokens } from "./tokens";

export interface InputUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
}

const MAX_BREAKPOINTS = 4;

/**
 * Prompt caching as the API reports it: each cache_control breakpoint names the prefix up to
 * and including its block. The longest prefix seen before (same model) is read from the cache;
 * tokens after it up to the last breakpoint are written, each stretch billed at the TTL of the
 * breakpoint that ends it. Entries never expire: the tests run well within 5 minutes.
 */
export class PromptCache {
  private readonly prefixes = new Set<string>();

  clear(): void {
    this.prefixes.clear();
  }

  /** Splits the request's input tokens into uncached, written and read. */
  account(modelId: string, segments: readonly Segment[]): InputUsage {
    const breakpoints = segments.flatMap((s, i) => (s.cacheTtl ? [i] : []));
    if (breakpoints.length > MAX_BREAKPOINTS) {
      throw invalidRequest(
        `A maximum of ${MAX_BREAKPOINTS} blocks with cache_control may be provided. Found ${breakpoints.length}.`,
      );
    }
    const usage: InputUsage = {
      input_tokens: totalInputTokens(segments),
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
    };
    if (breakpoints.length === 0) return usage;

    const prefixHashes: string[] = [];
    let running = sha256(`model:${modelId}`).toString("hex");
    for (const segment of segments) {
      running = sha256(running + segment.key).toString("hex");
      prefixHashes.push(running);
    }
    const hit = [...breakpoints].reverse().find((i) => this.prefixes.has(prefixHashes[i]));
    const tokensThrough = (end: number) =>
      segments.slice(0, end + 1).reduce((sum, s) => sum + s.tokens, 0);

    const read = hit === undefined ? 0 : tokensThrough(hit);
    let covered = hit ?? -1;
    for (const breakpoint of breakpoints) {
      if (breakpoint <= covered) continue;
      const written = tokensThrough(breakpoint) - tokensThrough(covered);
      if (segments[breakpoint].cacheTtl === "1h")
        usage.cache_creation.ephemeral_1h_input_tokens += written;
      else usage.cache_creation.ephemeral_5m_input_tokens += written;
      covered = breakpoint;
    }
    for (const breakpoint of breakpoints) this.prefixes.add(prefixHashes[breakpoint]);

    usage.cache_read_input_tokens = read;
    usage.cache_creation_input_tokens =
      usage.cache_creation.ephemeral_5m_input_tokens +
      usage.cache_creation.ephemeral_1h_input_tokens;
    usage.input_tokens =
      PROMPT_OVERHEAD_TOKENS +
      segments.reduce((sum, s) => sum + s.tokens, 0) -
      read -
      usage.cache_creation_input_tokens;
    return usage;
  }
}
