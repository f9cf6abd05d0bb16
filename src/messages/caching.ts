import { MAX_CACHE_BREAKPOINTS } from "../defaults";
import { InputError } from "../inputs/clean";
import type { ToolDefinition } from "./tools";
import type { CacheControl, ContentBlock, MessageParam, SystemTextBlock } from "./types";

export type CacheMode = "off" | "5m" | "1h";

interface Cacheable {
  system?: string | SystemTextBlock[];
  tools?: ToolDefinition[];
  messages: MessageParam[];
}

const countMarkers = (value: unknown): number => {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + countMarkers(item), 0);
  if (!value || typeof value !== "object") return 0;
  return Object.entries(value).reduce(
    (sum, [key, entry]) => sum + (key === "cache_control" && entry ? 1 : countMarkers(entry)),
    0,
  );
};

const markLast = <T extends object>(items: T[], marker: CacheControl): T[] =>
  items.map((item, index) =>
    index === items.length - 1 ? { ...item, cache_control: marker } : item,
  );

/**
 * Marks the system prompt, the tools and the last user turn as cache
 * breakpoints: the stable beginning of a request, then the newest turn, so
 * the next call in a conversation reads what this one wrote.
 */
export const applyCaching = <T extends Cacheable>(request: T, mode: CacheMode): T => {
  if (mode === "off") return request;
  const marker: CacheControl = { type: "ephemeral", ttl: mode };
  const system =
    typeof request.system === "string"
      ? markLast([{ type: "text" as const, text: request.system }], marker)
      : request.system && markLast(request.system, marker);
  const tools = request.tools?.length ? markLast(request.tools, marker) : request.tools;
  const lastUser = request.messages.map((turn) => turn.role).lastIndexOf("user");
  const messages = request.messages.map((turn, index) => {
    if (index !== lastUser) return turn;
    const blocks: ContentBlock[] =
      typeof turn.content === "string" ? [{ type: "text", text: turn.content }] : turn.content;
    return { ...turn, content: markLast(blocks, marker) };
  });
  const marked = { ...request, system, tools, messages };
  const markers = countMarkers(marked);
  if (markers > MAX_CACHE_BREAKPOINTS) {
    throw new InputError(
      "Prompt Caching",
      `would make ${markers} cache breakpoints, and the API allows ${MAX_CACHE_BREAKPOINTS}; remove some cache_control markers from Messages or Tools, or turn Prompt Caching off.`,
    );
  }
  return marked;
};
