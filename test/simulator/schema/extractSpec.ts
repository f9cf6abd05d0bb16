/**
 * Regenerates `openapi-subset.json` from the full Anthropic OpenAPI document:
 *   npx tsx test/simulator/schema/extractSpec.ts ../shared/reference/anthropic-openapi.json
 *   npx biome format --write test/simulator/schema/openapi-subset.json
 * The simulator ships only the schemas it validates against (and what they reference), with
 * documentation stripped, so the tests do not depend on a 1.6 MB file outside the repository.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JsonObject, JsonValue } from "../json";

/** The schemas the simulator and its tests validate against. */
export const ROOT_SCHEMAS = [
  "CreateMessageParams",
  "CountMessageTokensParams",
  // Beta requests (`?beta=true` or an `anthropic-beta` header): Files sources, MCP connector.
  "BetaCreateMessageParams",
  "BetaCountMessageTokensParams",
  "CountMessageTokensResponse",
  "Message",
  "MessageStreamEvent",
  // What `?beta=true` answers (MCP connector blocks, context_management, usage.iterations).
  "BetaMessage",
  "BetaMessageStreamEvent",
  "ModelInfo",
  "ListResponse_ModelInfo_",
  "ErrorResponse",
  // Message Batches: the create body (its requests' params are CreateMessageParams) and answers.
  "CreateMessageBatchParams",
  "BetaCreateMessageBatchParams",
  "MessageBatch",
  "ListResponse_MessageBatch_",
  "DeleteMessageBatchResponse",
  "MessageBatchIndividualResponse",
  // Legacy text completions.
  "CompletionRequest",
  "CompletionResponse",
  // Files (the spec still has them as beta; SDK 1.12 adds expires_at, ids and next_page).
  "BetaFileMetadataSchema",
  "BetaFileListResponse",
  "BetaFileDeleteResponse",
];

const REF_PREFIX = "#/components/schemas/";
/** Pure documentation: dropping it changes no validation outcome. */
const ANNOTATIONS = new Set(["description", "examples", "example", "title"]);

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Keywords whose object value maps names (property names, not keywords) to schemas. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "definitions"]);

function stripAnnotations(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(stripAnnotations);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-")) continue;
    out[key] = NAME_MAPS.has(key) && isObject(child) ? stripEach(child) : stripAnnotations(child);
  }
  return out;
}

function stripEach(schemasByName: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(schemasByName)) out[name] = stripAnnotations(schema);
  return out;
}

function collectRefs(value: JsonValue, into: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, into);
    return;
  }
  if (!isObject(value)) return;
  for (const [key, child] of Object.entries(value)) {
    if ((key === "$ref" || key === "mapping") && typeof child === "string") {
      if (child.startsWith(REF_PREFIX)) into.add(child.slice(REF_PREFIX.length));
    } else {
      collectRefs(child, into);
    }
  }
}

export function extractSubset(spec: JsonObject, sourceSha256: string): JsonObject {
  const components = spec.components;
  if (!isObject(components) || !isObject(components.schemas)) {
    throw new Error("not an OpenAPI document with components.schemas");
  }
  const all = components.schemas;
  const kept: JsonObject = {};
  const queue = [...ROOT_SCHEMAS];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (name in kept) continue;
    const schema = all[name];
    if (schema === undefined) throw new Error(`schema ${name} not found`);
    kept[name] = stripAnnotations(schema);
    const refs = new Set<string>();
    collectRefs(schema, refs);
    queue.push(...refs);
  }
  const sorted: JsonObject = {};
  for (const name of Object.keys(kept).sort()) sorted[name] = kept[name];
  return {
    "x-source": `anthropic-openapi.json sha256 ${sourceSha256}, schemas reachable from ${ROOT_SCHEMAS.join(", ")}`,
    components: { schemas: sorted },
  };
}

if (require.main === module) {
  const source = process.argv[2];
  if (!source) {
    console.error("usage: tsx test/simulator/schema/extractSpec.ts <anthropic-openapi.json>");
    process.exit(2);
  }
  const text = readFileSync(source, "utf8");
  const sha = createHash("sha256").update(text).digest("hex");
  const subset = extractSubset(JSON.parse(text) as JsonObject, sha);
  const target = join(__dirname, "openapi-subset.json");
  writeFileSync(target, `${JSON.stringify(subset, null, 2)}\n`);
  console.log(`wrote ${target}`);
}
