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

/** Control characters never belong in ids, header values or keys. */
export const hasControlCharacters = (text: string): boolean =>
  [...text].some((character) => {
    const code = character.charCodeAt(0);
    return code < 0x20 || code === 0x7f;
  });

/** A value as an error quotes it: short, on one line. */
export const preview = (value: unknown): string => {
  const raw = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  // Line breaks and other control characters are shown escaped, never echoed as they are.
  // Only the beginning is shown, so a megabyte of text is not walked through.
  const text = [...raw.slice(0, 120)]
    .map((character) =>
      hasControlCharacters(character) ? JSON.stringify(character).slice(1, -1) : character,
    )
    .join("");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/** What a value is, in words, for "got ..." in an error. */
const kindOf = (value: unknown): string =>
  Array.isArray(value) ? "a list" : typeof value === "object" ? "an object" : `a ${typeof value}`;

/**
 * A text input's value. Numbers and booleans from earlier steps become their
 * text; an object or a list is refused, since `String()` would send
 * "[object Object]" (or "a,b") in its place.
 */
export const toOptionalString = (value: unknown, label = "This input"): string | undefined => {
  if (isUnset(value)) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    return util.types.toString(value);
  }
  throw new InputError(
    label,
    `must be text; got ${kindOf(value)} (${preview(value)}). Reference one text field of it, or turn it into JSON text first.`,
  );
};

export const requiredString =
  (label: string) =>
  (value: unknown): string => {
    const text = toOptionalString(value, label)?.trim();
    if (!text) throw new InputError(label, "is required; enter a value.");
    return text;
  };

/** Every caller should pass its label, so an error names the input. */
export const optionalString =
  (label?: string) =>
  (value: unknown): string | undefined =>
    toOptionalString(value, label);

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

/**
 * Plain decimals, with an optional sign, fraction and exponent ("12", "-0.5", "1e3").
 * `Number()` would also take "0x10", "0o17", "0b11" and "Infinity", which nobody
 * types into a token count, so they are refused.
 */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

const toNumber = (value: unknown): number => {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return Number.NaN;
  const text = value.trim();
  return DECIMAL.test(text) ? Number(text) : Number.NaN;
};

export const parseNumber = (value: unknown, rule: NumberRule): number | undefined => {
  if (isUnset(value)) return undefined;
  const parsed = toNumber(value);
  const fits =
    Number.isFinite(parsed) &&
    // Whole numbers beyond 2^53 are not exact, so none is accepted.
    (!rule.integer || Number.isSafeInteger(parsed)) &&
    (rule.min === undefined || (rule.minExclusive ? parsed > rule.min : parsed >= rule.min)) &&
    (rule.max === undefined || parsed <= rule.max);
  if (!fits) {
    const notation =
      typeof value === "string" && !DECIMAL.test(value.trim()) && Number.isFinite(Number(value))
        ? " in decimal digits"
        : "";
    throw new InputError(
      rule.label,
      `must be ${rangeText(rule)}${notation}; got "${preview(value)}".`,
    );
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
    const text = typeof value === "string" ? value.trim().toLowerCase() : "";
    if (text === "true") return true;
    if (text === "false") return false;
    throw new InputError(label, `must be true or false; got "${preview(value)}".`);
  };

export const oneOf =
  <T extends string>(label: string, allowed: readonly T[]) =>
  (value: unknown): T | undefined => {
    if (value !== null && typeof value === "object") {
      throw new InputError(
        label,
        `must be one of ${allowed.join(", ")}; got ${kindOf(value)} (${preview(value)}).`,
      );
    }
    const text = toOptionalString(value, label)?.trim();
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      throw new InputError(label, `must be one of ${allowed.join(", ")}; got "${preview(text)}".`);
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

/** A JSON array input, as text or already parsed. */
export const jsonArray =
  (label: string) =>
  (value: unknown): unknown[] | undefined => {
    const parsed = parseJson(label, value);
    if (parsed === undefined) return undefined;
    if (!Array.isArray(parsed))
      throw new InputError(label, "must be a JSON array, such as [ ... ].");
    return parsed;
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

export interface KeyValue {
  key: string;
  value: unknown;
}

/** A key-value list input, as pairs (or a JSON object from an earlier step). */
export const toKeyValues = (label: string, value: unknown): KeyValue[] => {
  if (isUnset(value)) return [];
  const parsed = parseJson(label, value);
  if (Array.isArray(parsed)) {
    return parsed.filter(
      (pair): pair is KeyValue => Boolean(pair) && typeof pair.key === "string" && pair.key !== "",
    );
  }
  if (parsed && typeof parsed === "object")
    return Object.entries(parsed).map(([key, entry]) => ({ key, value: entry }));
  throw new InputError(label, "must be a list of keys and values.");
};
