/**
 * The model catalogue the simulator serves, newest first as GET /v1/models lists it. Ids, names
 * and dates follow Anthropic's published models; the capability profiles are approximations.
 */

interface Supported {
  supported: boolean;
}

export interface ModelCapabilities {
  batch: Supported;
  citations: Supported;
  code_execution: Supported;
  context_management: {
    clear_thinking_20251015: Supported | null;
    clear_tool_uses_20250919: Supported | null;
    compact_20260112: Supported | null;
    supported: boolean;
  };
  effort: {
    high: Supported;
    low: Supported;
    max: Supported;
    medium: Supported;
    supported: boolean;
    xhigh: Supported | null;
  };
  image_input: Supported;
  pdf_input: Supported;
  structured_outputs: Supported;
  thinking: { supported: boolean; types: { adaptive: Supported; enabled: Supported } };
}

export interface ModelInfo {
  type: "model";
  id: string;
  display_name: string;
  created_at: string;
  capabilities: ModelCapabilities;
  max_input_tokens: number;
  max_tokens: number;
}

/** Capability generations, oldest to newest; each model takes the profile of its generation. */
type Generation = "legacy" | "claude3" | "thinking" | "claude4" | "adaptive";

function capabilities(generation: Generation): ModelCapabilities {
  const at = (...gens: Generation[]): Supported => ({ supported: gens.includes(generation) });
  const modern = at("claude4", "adaptive");
  const thinking = at("thinking", "claude4", "adaptive");
  return {
    batch: at("claude3", "thinking", "claude4", "adaptive"),
    citations: at("claude3", "thinking", "claude4", "adaptive"),
    code_execution: modern,
    context_management: {
      clear_thinking_20251015: modern,
      clear_tool_uses_20250919: modern,
      compact_20260112: at("adaptive"),
      supported: modern.supported,
    },
    effort: {
      high: modern,
      low: modern,
      max: at("adaptive"),
      medium: modern,
      supported: modern.supported,
      xhigh: at("adaptive"),
    },
    image_input: at("claude3", "thinking", "claude4", "adaptive"),
    pdf_input: at("thinking", "claude4", "adaptive"),
    structured_outputs: modern,
    thinking: {
      supported: thinking.supported,
      types: { adaptive: at("adaptive"), enabled: thinking },
    },
  };
}

interface Entry {
  id: string;
  name: string;
  date: string;
  generation: Generation;
  maxTokens: number;
  maxInput?: number;
}

const ENTRIES: Entry[] = [
  {
    id: "claude-opus-4-7",
    name: "Claude Opus 4.7",
    date: "2026-04-16",
    generation: "adaptive",
    maxTokens: 128000,
    maxInput: 1000000,
  },
  {
    id: "claude-mythos-preview",
    name: "Claude Mythos Preview",
    date: "2026-04-07",
    generation: "adaptive",
    maxTokens: 128000,
    maxInput: 1000000,
  },
  {
    id: "claude-sonnet-4-6",
    name: "Claude Sonnet 4.6",
    date: "2026-02-17",
    generation: "adaptive",
    maxTokens: 64000,
    maxInput: 1000000,
  },
  {
    id: "claude-opus-4-6",
    name: "Claude Opus 4.6",
    date: "2026-02-04",
    generation: "adaptive",
    maxTokens: 128000,
    maxInput: 1000000,
  },
  {
    id: "claude-opus-4-5-20251101",
    name: "Claude Opus 4.5",
    date: "2025-11-24",
    generation: "claude4",
    maxTokens: 64000,
  },
  {
    id: "claude-haiku-4-5-20251001",
    name: "Claude Haiku 4.5",
    date: "2025-10-15",
    generation: "claude4",
    maxTokens: 64000,
  },
  {
    id: "claude-sonnet-4-5-20250929",
    name: "Claude Sonnet 4.5",
    date: "2025-09-29",
    generation: "claude4",
    maxTokens: 64000,
  },
  {
    id: "claude-opus-4-1-20250805",
    name: "Claude Opus 4.1",
    date: "2025-08-05",
    generation: "claude4",
    maxTokens: 32000,
  },
  {
    id: "claude-opus-4-20250514",
    name: "Claude Opus 4",
    date: "2025-05-22",
    generation: "claude4",
    maxTokens: 32000,
  },
  {
    id: "claude-sonnet-4-20250514",
    name: "Claude Sonnet 4",
    date: "2025-05-22",
    generation: "claude4",
    maxTokens: 64000,
  },
  {
    id: "claude-3-7-sonnet-20250219",
    name: "Claude Sonnet 3.7",
    date: "2025-02-24",
    generation: "thinking",
    maxTokens: 64000,
  },
  {
    id: "claude-3-5-haiku-20241022",
    name: "Claude Haiku 3.5",
    date: "2024-10-22",
    generation: "claude3",
    maxTokens: 8192,
  },
  {
    id: "claude-3-5-sonnet-20241022",
    name: "Claude Sonnet 3.5 (New)",
    date: "2024-10-22",
    generation: "claude3",
    maxTokens: 8192,
  },
  {
    id: "claude-3-5-sonnet-20240620",
    name: "Claude Sonnet 3.5 (Old)",
    date: "2024-06-20",
    generation: "claude3",
    maxTokens: 8192,
  },
  {
    id: "claude-3-haiku-20240307",
    name: "Claude Haiku 3",
    date: "2024-03-07",
    generation: "claude3",
    maxTokens: 4096,
  },
  {
    id: "claude-3-opus-20240229",
    name: "Claude Opus 3",
    date: "2024-02-29",
    generation: "claude3",
    maxTokens: 4096,
  },
  {
    id: "claude-3-sonnet-20240229",
    name: "Claude Sonnet 3",
    date: "2024-02-29",
    generation: "claude3",
    maxTokens: 4096,
  },
  {
    id: "claude-2.1",
    name: "Claude 2.1",
    date: "2023-11-21",
    generation: "legacy",
    maxTokens: 4096,
  },
  {
    id: "claude-instant-1.2",
    name: "Claude Instant 1.2",
    date: "2023-08-09",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 100000,
  },
  {
    id: "claude-2.0",
    name: "Claude 2.0",
    date: "2023-07-11",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 100000,
  },
  {
    id: "claude-instant-1.1",
    name: "Claude Instant 1.1",
    date: "2023-05-11",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 100000,
  },
  {
    id: "claude-1.3",
    name: "Claude 1.3",
    date: "2023-04-18",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 100000,
  },
  {
    id: "claude-1.2",
    name: "Claude 1.2",
    date: "2023-03-28",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 9000,
  },
  {
    id: "claude-instant-1.0",
    name: "Claude Instant 1.0",
    date: "2023-03-14",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 9000,
  },
  {
    id: "claude-1.0",
    name: "Claude 1.0",
    date: "2023-03-14",
    generation: "legacy",
    maxTokens: 4096,
    maxInput: 9000,
  },
];

export const MODELS: readonly ModelInfo[] = ENTRIES.map((e) => ({
  type: "model",
  id: e.id,
  display_name: e.name,
  created_at: `${e.date}T00:00:00Z`,
  capabilities: capabilities(e.generation),
  max_input_tokens: e.maxInput ?? 200000,
  max_tokens: e.maxTokens,
}));

/** Aliases the API resolves to a dated model; requests echo the alias, GET returns the model. */
export const MODEL_ALIASES: Readonly<Record<string, string>> = {
  "claude-opus-4-5": "claude-opus-4-5-20251101",
  "claude-haiku-4-5": "claude-haiku-4-5-20251001",
  "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
  "claude-opus-4-1": "claude-opus-4-1-20250805",
  "claude-opus-4-0": "claude-opus-4-20250514",
  "claude-sonnet-4-0": "claude-sonnet-4-20250514",
  "claude-3-7-sonnet-latest": "claude-3-7-sonnet-20250219",
  "claude-3-5-haiku-latest": "claude-3-5-haiku-20241022",
  "claude-3-5-sonnet-latest": "claude-3-5-sonnet-20241022",
  "claude-3-opus-latest": "claude-3-opus-20240229",
};

/**
 * Models newer than Opus 4.6 reject sampling parameters under either API version (temperature
 * 1.0 and top_p >= 0.99 pass for backwards compatibility, as the spec's deprecation notes say).
 */
export const SAMPLING_RESTRICTED = new Set(["claude-opus-4-7", "claude-mythos-preview"]);

export function resolveModel(idOrAlias: string): ModelInfo | undefined {
  const id = MODEL_ALIASES[idOrAlias] ?? idOrAlias;
  return MODELS.find((m) => m.id === id);
}
