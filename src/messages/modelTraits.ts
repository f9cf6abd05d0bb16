/**
 * What the connector knows about model families from their ids, for refusing
 * before sending what the API would refuse. Unknown ids (gateway names, new
 * models) get the permissive answer: the API then has the last word.
 */

/** The Claude 3 family and older never had structured outputs. */
export const hasNativeStructuredOutputs = (model: string): boolean =>
  !/^claude-(3|2|instant)/.test(model);

/** The families Anthropic names its models after; any other word is not a model we know. */
const FAMILIES = new Set(["opus", "sonnet", "haiku", "fable", "mythos"]);

interface ModelVersion {
  family: string;
  major: number;
  /** Absent for ids such as `claude-sonnet-5`; a date suffix is never a minor version. */
  minor?: number;
}

/**
 * Reads `claude-<family>-<major>[-<minor>][-<yyyymmdd>]`, the naming since Claude 4.
 * Older ids (`claude-3-7-sonnet-...`) and anything else answer undefined.
 */
const readModelVersion = (model: string): ModelVersion | undefined => {
  const match = /^claude-([a-z]+)-(\d{1,2})(?:-(\d{1,2}))?(?:-\d{8})?$/.exec(model);
  if (!match || !FAMILIES.has(match[1])) return undefined;
  return {
    family: match[1],
    major: Number(match[2]),
    minor: match[3] === undefined ? undefined : Number(match[3]),
  };
};

/**
 * Opus 4.7 and later, the Claude 5 family and Mythos choose their own sampling
 * and reject temperature, top_p and top_k under either API version.
 */
export const rejectsSamplingParameters = (model: string): boolean => {
  if (/^claude-mythos(-|$)/.test(model)) return true;
  const version = readModelVersion(model);
  if (!version) return false;
  if (version.major >= 5) return true;
  return version.family === "opus" && version.major === 4 && (version.minor ?? 0) >= 7;
};
