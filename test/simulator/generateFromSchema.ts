import { isJsonObject, type JsonObject, type JsonValue } from "./json";

export interface GenerateOptions {
  /** Tool inputs carry the required properties only; structured outputs carry them all. */
  allProperties: boolean;
  /**
   * The user's text: an enum takes the first of its values the text names (whole word, any
   * case), so a test picks a classifier's answer by naming it; else its first value.
   */
  mentionedIn?: string;
}

/** Deep enough for real tool schemas; stops runaway recursion through self-referencing $refs. */
const MAX_DEPTH = 12;

/** Values that satisfy the common string formats, so generated JSON validates. */
const FORMAT_EXAMPLES: Record<string, string> = {
  "date-time": "2025-01-01T00:00:00Z",
  date: "2025-01-01",
  time: "00:00:00Z",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  uuid: "00000000-0000-4000-8000-000000000000",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
};

function resolvePointer(root: JsonObject, ref: string): JsonValue | undefined {
  if (!ref.startsWith("#")) return undefined;
  let node: JsonValue | undefined = root;
  for (const raw of ref.slice(1).split("/").slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isJsonObject(node) ? node[key] : Array.isArray(node) ? node[Number(key)] : undefined;
  }
  return node;
}

function firstType(schema: JsonObject): string | undefined {
  const type = schema.type;
  if (typeof type === "string") return type;
  if (Array.isArray(type)) {
    const types = type.filter((t): t is string => typeof t === "string");
    return types.find((t) => t !== "null") ?? types[0];
  }
  if (isJsonObject(schema.properties) || Array.isArray(schema.required)) return "object";
  if (schema.items !== undefined || schema.prefixItems !== undefined) return "array";
  return undefined;
}

function generateNumber(schema: JsonObject, integer: boolean): number {
  let value = 1;
  const { minimum, exclusiveMinimum, maximum, exclusiveMaximum } = schema;
  if (typeof minimum === "number" && value < minimum) value = minimum;
  if (typeof exclusiveMinimum === "number" && value <= exclusiveMinimum) {
    value = exclusiveMinimum + 1;
  }
  if (typeof maximum === "number" && value > maximum) value = maximum;
  if (typeof exclusiveMaximum === "number" && value >= exclusiveMaximum) {
    value = exclusiveMaximum - 1;
  }
  return integer ? Math.ceil(value) : value;
}

function generateString(schema: JsonObject): string {
  let value =
    typeof schema.format === "string" ? (FORMAT_EXAMPLES[schema.format] ?? "example") : "example";
  if (typeof schema.minLength === "number" && value.length < schema.minLength) {
    value = value.padEnd(schema.minLength, "x");
  }
  if (typeof schema.maxLength === "number" && value.length > schema.maxLength) {
    value = value.slice(0, schema.maxLength);
  }
  return value;
}

function generate(
  schema: JsonValue,
  root: JsonObject,
  options: GenerateOptions,
  depth: number,
): JsonValue {
  if (!isJsonObject(schema) || depth > MAX_DEPTH) return "example";
  if (typeof schema.$ref === "string") {
    const target = resolvePointer(root, schema.$ref);
    return target === undefined ? "example" : generate(target, root, options, depth + 1);
  }
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) {
    const text = options.mentionedIn?.toLowerCase() ?? "";
    const named = schema.enum.find(
      (value) =>
        typeof value === "string" &&
        new RegExp(`\\b${value.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(
          text,
        ),
    );
    return named ?? schema.enum[0];
  }
  for (const union of ["anyOf", "oneOf"] as const) {
    const branches = schema[union];
    if (Array.isArray(branches) && branches.length > 0) {
      const nonNull = branches.find((b) => !(isJsonObject(b) && b.type === "null"));
      return generate(nonNull ?? branches[0], root, options, depth + 1);
    }
  }
  if (Array.isArray(schema.allOf)) {
    const merged: JsonObject = {};
    for (const part of schema.allOf) {
      const value = generate(part, root, options, depth + 1);
      if (isJsonObject(value)) Object.assign(merged, value);
    }
    return merged;
  }
  switch (firstType(schema)) {
    case "object":
      return generateObject(schema, root, options, depth);
    case "array":
      return generateArray(schema, root, options, depth);
    case "string":
      return generateString(schema);
    case "integer":
      return generateNumber(schema, true);
    case "number":
      return generateNumber(schema, false);
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      return "example";
  }
}

function generateObject(
  schema: JsonObject,
  root: JsonObject,
  options: GenerateOptions,
  depth: number,
): JsonObject {
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required)
    ? schema.required.filter((r): r is string => typeof r === "string")
    : [];
  const keys = options.allProperties
    ? [...Object.keys(properties), ...required.filter((r) => !(r in properties))]
    : required;
  const out: JsonObject = {};
  for (const key of keys) out[key] = generate(properties[key] ?? {}, root, options, depth + 1);
  return out;
}

function generateArray(
  schema: JsonObject,
  root: JsonObject,
  options: GenerateOptions,
  depth: number,
): JsonValue[] {
  const prefix = Array.isArray(schema.prefixItems) ? schema.prefixItems : [];
  const minItems = typeof schema.minItems === "number" ? schema.minItems : 0;
  const out: JsonValue[] = prefix.map((item) => generate(item, root, options, depth + 1));
  while (out.length < minItems) out.push(generate(schema.items ?? {}, root, options, depth + 1));
  return out;
}

/**
 * A value shaped by a JSON schema, for tool_use inputs and structured outputs: strings
 * "example" (or a value of the declared format), numbers 1 (moved into range), booleans true,
 * enums their first value, arrays their minimum length.
 */
export function generateFromSchema(schema: JsonValue, options: GenerateOptions): JsonValue {
  const root = isJsonObject(schema) ? schema : {};
  return generate(schema, root, options, 0);
}
