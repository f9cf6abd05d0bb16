/**
 * Where the API moved past the reference spec (May 2026), as SDK 1.12 witnesses it. Applied to
 * the loaded schemas rather than to `openapi-subset.json`, which stays exactly what
 * extractSpec.ts makes of the reference document.
 */
import { isJsonObject, type JsonObject } from "../json";

const REF_PREFIX = "#/components/schemas/";

/**
 * Files left beta in Aug 2026: the non-beta Messages API takes `{ type: "file", file_id }`
 * document and image sources (SDK 1.12's FileDocumentSource / FileImageSource), which the spec
 * has only in its Beta schemas. Same shapes, so the Beta source schemas are reused.
 */
const FILE_SOURCES: ReadonlyArray<[block: string, source: string]> = [
  ["RequestDocumentBlock", "BetaFileDocumentSource"],
  ["RequestImageBlock", "BetaFileImageSource"],
];

export function applySinceSpec(schemas: JsonObject): void {
  for (const [blockName, sourceName] of FILE_SOURCES) {
    const block = schemas[blockName];
    const properties = isJsonObject(block) ? block.properties : undefined;
    const source = isJsonObject(properties) ? properties.source : undefined;
    if (!isJsonObject(source) || !Array.isArray(source.oneOf) || !(sourceName in schemas)) {
      throw new Error(`openapi-subset.json: cannot add ${sourceName} to ${blockName}.source`);
    }
    const ref = `${REF_PREFIX}${sourceName}`;
    if (source.oneOf.some((branch) => isJsonObject(branch) && branch.$ref === ref)) continue;
    source.oneOf.push({ $ref: ref });
    const discriminator = source.discriminator;
    if (isJsonObject(discriminator) && isJsonObject(discriminator.mapping)) {
      discriminator.mapping.file = ref;
    }
  }
}
