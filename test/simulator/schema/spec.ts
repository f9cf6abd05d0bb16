import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isJsonObject, type JsonObject, type JsonValue } from "../json";
import { applySinceSpec } from "./sinceSpec";

const REF_PREFIX = "#/components/schemas/";
/** Our annotation keyword: the tag values a discriminated oneOf accepts, named in messages. */
export const TAGS_KEYWORD = "x-sim-tags";

export interface PreparedSpec {
  /** `{ components: { schemas } }`, ready to be added to Ajv under SPEC_ID. */
  document: JsonObject;
  schemaNames: Set<string>;
}

export const SPEC_ID = "anthropic-openapi";

/**
 * Loads the shipped subset, brings it up to the API of today (see sinceSpec.ts) and adapts it
 * for Ajv's `discriminator` support, which gives per-branch error messages (as the API's
 * pydantic validation does) instead of one error for every branch of a oneOf. Ajv refuses `mapping` (stripped: the branches' const tags say the
 * same) and discriminators whose branches lack a required const tag (dropped: validation is
 * unchanged, only the messages are less precise).
 */
export function loadSpec(): PreparedSpec {
  const text = readFileSync(join(__dirname, "openapi-subset.json"), "utf8");
  const document = JSON.parse(text) as JsonObject;
  const components = document.components;
  if (!isJsonObject(components) || !isJsonObject(components.schemas)) {
    throw new Error("openapi-subset.json has no components.schemas");
  }
  const schemas = components.schemas;
  applySinceSpec(schemas);
  prepareNode(schemas, schemas);
  return { document, schemaNames: new Set(Object.keys(schemas)) };
}

function resolve(node: JsonValue, schemas: JsonObject): JsonObject | undefined {
  if (!isJsonObject(node)) return undefined;
  const ref = node.$ref;
  if (typeof ref === "string" && ref.startsWith(REF_PREFIX)) {
    const target = schemas[ref.slice(REF_PREFIX.length)];
    return isJsonObject(target) ? target : undefined;
  }
  return node;
}

/** The tag values of each branch, or undefined when Ajv could not dispatch on the tag. */
function branchTags(node: JsonObject, tag: string, schemas: JsonObject): string[][] | undefined {
  const oneOf = node.oneOf;
  if (!Array.isArray(oneOf)) return undefined;
  const parentRequired = Array.isArray(node.required) && node.required.includes(tag);
  const seen = new Set<string>();
  const result: string[][] = [];
  for (const branch of oneOf) {
    const schema = resolve(branch, schemas);
    const properties = schema?.properties;
    const property = isJsonObject(properties) ? properties[tag] : undefined;
    if (!schema || !isJsonObject(property)) return undefined;
    const required = Array.isArray(schema.required) && schema.required.includes(tag);
    if (!required && !parentRequired) return undefined;
    const values =
      typeof property.const === "string"
        ? [property.const]
        : Array.isArray(property.enum) && property.enum.every((v) => typeof v === "string")
          ? (property.enum as string[])
          : undefined;
    if (!values || values.some((v) => seen.has(v))) return undefined;
    for (const v of values) seen.add(v);
    result.push(values);
  }
  return result;
}

function prepareNode(node: JsonValue, schemas: JsonObject): void {
  if (Array.isArray(node)) {
    for (const item of node) prepareNode(item, schemas);
    return;
  }
  if (!isJsonObject(node)) return;
  const discriminator = node.discriminator;
  if (isJsonObject(discriminator) && typeof discriminator.propertyName === "string") {
    const tag = discriminator.propertyName;
    const tags = branchTags(node, tag, schemas);
    if (tags) {
      node.discriminator = { propertyName: tag };
      node[TAGS_KEYWORD] = tags.flat();
      // Ajv skips `discriminator` (and with it the oneOf) for non-objects; every branch is one
      if (!("type" in node)) node.type = "object";
    } else {
      delete node.discriminator;
    }
  } else if (Array.isArray(node.oneOf) && !("discriminator" in node)) {
    splitOnTypeTag(node, schemas);
  }
  for (const value of Object.values(node)) prepareNode(value, schemas);
}

/**
 * `tools` is a oneOf of tagged server tools plus the custom `Tool`, whose `type` is optional, so
 * no discriminator applies and a bad web_search tool would be reported as "missing input_schema".
 * Rewritten as "if the tag names a tagged branch then dispatch on it, else the untagged branch",
 * which accepts exactly the same values.
 */
function splitOnTypeTag(node: JsonObject, schemas: JsonObject): void {
  const branches = node.oneOf as JsonValue[];
  const tagged: JsonValue[] = [];
  const untagged: JsonValue[] = [];
  for (const branch of branches) {
    const probe: JsonObject = { oneOf: [branch] };
    (branchTags(probe, "type", schemas) ? tagged : untagged).push(branch);
  }
  if (untagged.length !== 1 || tagged.length === 0) return;
  const taggedNode: JsonObject = { oneOf: tagged };
  const tags = branchTags(taggedNode, "type", schemas);
  if (!tags) return;
  delete node.oneOf;
  node.if = { required: ["type"], properties: { type: { enum: tags.flat() } } };
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a thenable
  node.then = { ...taggedNode, discriminator: { propertyName: "type" } };
  node.else = untagged[0];
}
