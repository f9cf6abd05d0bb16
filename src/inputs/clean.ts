import { util } from "@prismatic-io/spectral";

/**
 * Cleaners for action inputs. The harness and the platform hand an unset input
 * over as `""` (or its default string), so every cleaner treats `""`,
 * `undefined` and `null` as "not set". Errors name the input by its label and
 * say what is accepted, and are thrown before any request is sent.
 */

export class InputError extends Error {
  constructor(label: string, problem: string) {
    super(`${label}: ${problem}`);
    this.name = "InputError";
  }
}

export const isUnset = (value: unknown): value is "" | undefined | null =>
  value === undefined || value === null || (typeof value === "string" && value.trim() === "");

const describe = (value: unknown): string => {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** Control characters never belong in ids, header values or keys. */
export const hasControlCharacters = (text: string): boolean =>
  [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

export const toOptionalString = (value: unknown): string | undefined =>
  isUnset(value) ? undefined : util.types.toString(value);

export const requiredString =
  (label: string) =>
  (value: unknown): string => {
    const text = toOptionalString(value)?.trim();
    if (!text) throw new InputError(label, "is required; enter a value.");
    return text;
  };

export const optionalString =
  () =>
  (value: unknown): string | undefined =>
    toOptionalString(value);

interface NumberRule {
  label: string;
  min?: number;
  max?: number;
  /** When set, the bound is exclusive. */
  minExclusive?: boolean;
  integer?: boolean;
}

const rangeText = ({ min, max, minExclusive, integer }: NumberRule): string => {
  const kind = integer ? "a whole number" : "a number";
  if (min !== undefined && max !== undefined) return `${kind} from ${min} to ${max}`;
  if (min !== undefined) return `${kind} ${minExclusive ? "greater than" : "of at least"} ${min}`;
  if (max !== undefined) return `${kind} of at most ${max}`;
  return kind;
};

export const parseNumber = (value: unknown, rule: NumberRule): number | undefined => {
  if (isUnset(value)) return undefined;
  const parsed = typeof value === "number" ? value : Number(String(value).trim());
  const fits =
    Number.isFinite(parsed) &&
    (!rule.integer || Number.isInteger(parsed)) &&
    (rule.min === undefined || (rule.minExclusive ? parsed > rule.min : parsed >= rule.min)) &&
    (rule.max === undefined || parsed <= rule.max);
  if (!fits) {
    throw new InputError(rule.label, `must be ${rangeText(rule)}; got "${describe(value)}".`);
  }
  return parsed;
};

export const optionalNumber =
  (rule: NumberRule) =>
  (value: unknown): number | undefined =>
    parseNumber(value, rule);

export const requiredNumber =
  (rule: NumberRule) =>
  (value: unknown): number => {
    const parsed = parseNumber(value, rule);
    if (parsed === undefined) {
      throw new InputError(rule.label, `is required; enter ${rangeText(rule)}.`);
    }
    return parsed;
  };

export const toBoolean =
  (label: string) =>
  (value: unknown): boolean => {
    if (isUnset(value)) return false;
    if (typeof value === "boolean") return value;
    const text = String(value).trim().toLowerCase();
    if (text === "true") return true;
    if (text === "false") return false;
    throw new InputError(label, `must be true or false; got "${describe(value)}".`);
  };

export const oneOf =
  <T extends string>(label: string, allowed: readonly T[]) =>
  (value: unknown): T | undefined => {
    const text = toOptionalString(value)?.trim();
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      throw new InputError(label, `must be one of ${allowed.join(", ")}; got "${describe(text)}".`);
    }
    return text as T;
  };

/** JSON arrives as text from the designer, or already parsed from an earlier step. */
export const parseJson = (label: string, value: unknown): unknown => {
  if (isUnset(value)) return undefined;
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(label, `must be valid JSON (${reason}).`);
  }
};

/**
 * The entries of a value-list input. Only empty entries are skipped: a stop
 * sequence such as "\n\n" is whitespace and must be kept, so trimming is the
 * caller's choice (ids and URLs want it).
 */
export const valueList =
  (label: string, { trim }: { trim: boolean }) =>
  (value: unknown): string[] => {
    if (value === undefined || value === null || value === "") return [];
    return (Array.isArray(value) ? value : [value]).flatMap((item) => {
      if (item === undefined || item === null) return [];
      if (typeof item !== "string") throw new InputError(label, "must be a list of text values.");
      const text = trim ? item.trim() : item;
      return text === "" ? [] : [text];
    });
  };
