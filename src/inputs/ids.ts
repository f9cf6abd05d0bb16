import { DEFAULT_MODEL } from "../defaults";
import {
  hasControlCharacters,
  InputError,
  preview,
  requiredString,
  toOptionalString,
} from "./clean";

/** Ids travel in URL paths and query strings: one short token, no spaces or control characters. */
export const MAX_ID_LENGTH = 256;

/** The prefixes the API gives its ids, so an id pasted into the wrong input is named for what it is. */
const ID_KINDS: ReadonlyArray<readonly [prefix: string, kind: string]> = [
  ["msgbatch_", "a message batch id"],
  ["file_", "a file id"],
  ["msg_", "a message id"],
  ["compl_", "a completion id"],
  ["toolu_", "a tool use id"],
];

export interface IdRule {
  label: string;
  /** The prefix the API gives these ids (`msgbatch_`); an id with another kind's prefix is refused. */
  prefix?: string;
  /** How the error shows a good one. */
  example: string;
  /** The id is one URL path segment: `/`, `\` and the dot segments `.` and `..` are refused too. */
  segment?: boolean;
}

const problemOf = (id: string, rule: IdRule): string | undefined => {
  if (/\s/.test(id) || hasControlCharacters(id) || id.length > MAX_ID_LENGTH) {
    return `must be one id of at most ${MAX_ID_LENGTH} characters, without spaces or line breaks`;
  }
  if (rule.segment && (/[/\\]/.test(id) || id === "." || id === "..")) {
    return `must be one id, without "/", "\\" or "." / ".." segments (it goes into the URL path)`;
  }
  const other = rule.prefix
    ? ID_KINDS.find(([prefix]) => prefix !== rule.prefix && id.startsWith(prefix))
    : undefined;
  if (other)
    return `"${preview(id)}" is ${other[1]}; ${rule.label} takes an id starting ${rule.prefix}`;
  return undefined;
};

/**
 * The one id cleaner: batch, file and cursor ids all pass here. Only what the API would
 * certainly refuse is refused; an id without the usual prefix is sent, since a gateway may
 * issue ids of its own.
 */
export const optionalIdOf =
  (rule: IdRule) =>
  (value: unknown): string | undefined => {
    const id = toOptionalString(value, rule.label)?.trim();
    if (!id) return undefined;
    const problem = problemOf(id, rule);
    if (problem) {
      throw new InputError(
        rule.label,
        `${problem}, such as ${rule.example}; got "${preview(id)}".`,
      );
    }
    return id;
  };

export const requiredIdOf =
  (rule: IdRule) =>
  (value: unknown): string =>
    optionalIdOf(rule)(requiredString(rule.label)(value)) as string;

/** A cursor id (Before ID, After ID): one token in the query string. */
export const optionalId = (
  label: string,
  example: string,
): ((value: unknown) => string | undefined) => optionalIdOf({ label, example });

/** Model ids end up in URL paths; a gateway's own ids (`anthropic/claude-...`) keep their "/". */
export const cleanModelId =
  (label: string) =>
  (value: unknown): string => {
    const id = requiredString(label)(value);
    if (problemOf(id, { label, example: DEFAULT_MODEL }) || id === "." || id === "..") {
      throw new InputError(
        label,
        `"${preview(id)}" is not a model id; pick a model such as ${DEFAULT_MODEL}.`,
      );
    }
    return id;
  };
