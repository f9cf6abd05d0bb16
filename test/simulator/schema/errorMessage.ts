import type { ErrorObject } from "ajv";
import { TAGS_KEYWORD } from "./spec";

/** Keywords that only summarise their branches' errors, which are more precise. */
const SUMMARY_KEYWORDS = new Set(["anyOf", "oneOf", "if", "not"]);

/** "/messages/0/content" → "messages.0.content", the API's location syntax. */
function location(error: ErrorObject): string {
  const segments = error.instancePath
    .split("/")
    .slice(1)
    .map((segment) => segment.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required") segments.push(String(error.params.missingProperty));
  if (error.keyword === "additionalProperties") {
    segments.push(String(error.params.additionalProperty));
  }
  return segments.join(".");
}

function depth(error: ErrorObject): number {
  return location(error)
    .split(".")
    .filter((s) => s !== "").length;
}

function quoteList(values: readonly unknown[], conjunction: string): string {
  const quoted = values.map((v) => (typeof v === "string" ? `'${v}'` : JSON.stringify(v)));
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted[quoted.length - 1]}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: "a valid string",
  integer: "a valid integer",
  number: "a valid number",
  boolean: "a valid boolean",
  array: "a valid list",
  object: "a valid dictionary",
  null: "None",
};

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** pydantic v2 wording, which is what the API's validation errors read like. */
function describe(error: ErrorObject): string {
  const p = error.params;
  switch (error.keyword) {
    case "required":
      return "Field required";
    case "additionalProperties":
      return "Extra inputs are not permitted";
    case "type": {
      const types = String(p.type).split(",");
      return `Input should be ${types.map((t) => TYPE_NAMES[t] ?? t).join(" or ")}`;
    }
    case "minimum":
      return `Input should be greater than or equal to ${p.limit}`;
    case "exclusiveMinimum":
      return `Input should be greater than ${p.limit}`;
    case "maximum":
      return `Input should be less than or equal to ${p.limit}`;
    case "exclusiveMaximum":
      return `Input should be less than ${p.limit}`;
    case "minLength":
      return `String should have at least ${plural(Number(p.limit), "character")}`;
    case "maxLength":
      return `String should have at most ${plural(Number(p.limit), "character")}`;
    case "minItems":
      return `List should have at least ${plural(Number(p.limit), "item")} after validation`;
    case "maxItems":
      return `List should have at most ${plural(Number(p.limit), "item")} after validation`;
    case "pattern":
      return `String should match pattern '${p.pattern}'`;
    case "enum":
      return `Input should be ${quoteList(p.allowedValues as unknown[], "or")}`;
    case "const":
      return `Input should be ${quoteList([p.allowedValue], "or")}`;
    case "format":
      return p.format === "byte"
        ? "Input should be valid base64 data"
        : `Input should be a valid ${p.format}`;
    case "discriminator": {
      const tag = String(p.tag);
      if (p.error === "tag") return `Unable to extract tag using discriminator '${tag}'`;
      const expected = (error.parentSchema?.[TAGS_KEYWORD] as string[] | undefined) ?? [];
      return `Input tag '${String(p.tagValue)}' found using '${tag}' does not match any of the expected tags: ${expected.map((t) => `'${t}'`).join(", ")}`;
    }
    default:
      return error.message ?? "Invalid value";
  }
}

/** Errors about a tag's value mostly mean "wrong branch of a union", rarely the real problem. */
function isWrongBranch(error: ErrorObject): boolean {
  const atTag = /\/type$/.test(error.instancePath);
  if (atTag && ["const", "enum", "type"].includes(error.keyword)) return true;
  return error.keyword === "required" && error.params.missingProperty === "type";
}

function rank(error: ErrorObject): number {
  const summary = SUMMARY_KEYWORDS.has(error.keyword) ? 0 : 1;
  const nullable = error.keyword === "type" && error.params.type === "null" ? 0 : 1;
  const branch = isWrongBranch(error) ? 0 : 1;
  return summary * 1_000_000 + branch * 100_000 + depth(error) * 10 + nullable;
}

/**
 * Ajv lists every failed branch of a union; the API names one problem. The most specific one
 * (deepest location, not a wrong-branch or summary error) is the one a reader needs; ties go to
 * the first, i.e. the first branch.
 */
export function firstProblem(errors: readonly ErrorObject[]): string {
  let best = errors[0];
  for (const error of errors) if (rank(error) > rank(best)) best = error;
  const where = location(best);
  const what = describe(best);
  return where === "" ? what : `${where}: ${what}`;
}
