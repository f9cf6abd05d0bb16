import { blocksOf } from "./transcript";
import { type CacheTtl, type InputBlock, isBlock, type MessageRequest } from "./types";

/** The simulator's tokenizer: one token per 4 characters, rounded up. */
export function tokensForText(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Fixed cost of a request (the API adds its own framing tokens too). */
export const PROMPT_OVERHEAD_TOKENS = 4;
/** About what a 1.15-megapixel image costs ((width × height) / 750). */
export const IMAGE_TOKENS = 1600;
/** Per PDF page, text and page image together. */
export const PDF_PAGE_TOKENS = 1600;

/**
 * One cacheable unit of the prompt, in the order the API builds its cache prefix:
 * tools, then system, then messages.
 */
export interface Segment {
  /** Identifies the content (cache_control excluded) for prefix hashing. */
  key: string;
  tokens: number;
  /** Set when the unit carries a cache_control breakpoint. */
  cacheTtl?: CacheTtl;
}

function withoutCacheControl(value: object): string {
  return JSON.stringify(value, (key, v: unknown) => (key === "cache_control" ? undefined : v));
}

function pdfPages(base64: string): number {
  const pdf = Buffer.from(base64, "base64").toString("latin1");
  return Math.max(1, pdf.match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0);
}

function blockTokens(block: InputBlock): number {
  if (isBlock(block, "text")) return tokensForText(block.text);
  if (isBlock(block, "thinking")) return tokensForText(block.thinking);
  if (isBlock(block, "image")) return IMAGE_TOKENS;
  if (isBlock(block, "document")) {
    const source = block.source;
    switch (source.type) {
      case "text":
        return tokensForText(source.data);
      case "content":
        return typeof source.content === "string"
          ? tokensForText(source.content)
          : source.content.reduce((sum, inner) => sum + blockTokens(inner), 0);
      case "base64":
        return PDF_PAGE_TOKENS * pdfPages(source.data);
      default:
        return PDF_PAGE_TOKENS;
    }
  }
  return tokensForText(withoutCacheControl(block));
}

function ttlOf(block: { cache_control?: { ttl?: CacheTtl } | null }): CacheTtl | undefined {
  return block.cache_control ? (block.cache_control.ttl ?? "5m") : undefined;
}

export function promptSegments(request: MessageRequest): Segment[] {
  const segments: Segment[] = [];
  for (const tool of request.tools ?? []) {
    const key = withoutCacheControl(tool);
    segments.push({ key: `tool:${key}`, tokens: tokensForText(key), cacheTtl: ttlOf(tool) });
  }
  // the MCP connector's server definitions are part of the tool prompt (tokens only, no cache)
  for (const server of request.mcp_servers ?? []) {
    const key = JSON.stringify({ type: server.type, name: server.name, url: server.url });
    segments.push({ key: `mcp:${key}`, tokens: tokensForText(key) });
  }
  const system = request.system;
  if (typeof system === "string") {
    segments.push({ key: `system:${system}`, tokens: tokensForText(system) });
  } else {
    for (const block of system ?? []) {
      segments.push({
        key: `system:${withoutCacheControl(block)}`,
        tokens: tokensForText(block.text),
        cacheTtl: ttlOf(block),
      });
    }
  }
  request.messages.forEach((message, index) => {
    for (const block of blocksOf(message)) {
      segments.push({
        key: `${index}:${message.role}:${withoutCacheControl(block)}`,
        tokens: blockTokens(block),
        cacheTtl: "cache_control" in block ? ttlOf(block) : undefined,
      });
    }
  });
  // top-level cache_control marks the last cacheable block of the request
  const last = segments[segments.length - 1];
  if (request.cache_control && last && last.cacheTtl === undefined) {
    last.cacheTtl = request.cache_control.ttl ?? "5m";
  }
  return segments;
}

export function totalInputTokens(segments: readonly Segment[]): number {
  return PROMPT_OVERHEAD_TOKENS + segments.reduce((sum, s) => sum + s.tokens, 0);
}
