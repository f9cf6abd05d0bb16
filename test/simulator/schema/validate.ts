import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { firstProblem } from "./errorMessage";
import { loadSpec, SPEC_ID, TAGS_KEYWORD } from "./spec";

interface Validator {
  ajv: Ajv2020;
  schemaNames: Set<string>;
  compiled: Map<string, ValidateFunction>;
}

let validator: Validator | undefined;

/** Built on first use and shared: compiling CreateMessageParams costs about half a second. */
function getValidator(): Validator {
  if (validator) return validator;
  const spec = loadSpec();
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    discriminator: true,
    // the document mixes OpenAPI keywords into its schemas; they are annotations here
    validateSchema: false,
    // parentSchema lets discriminator errors list the expected tags
    verbose: true,
  });
  addFormats(ajv);
  ajv.addKeyword({ keyword: TAGS_KEYWORD, schemaType: "array" });
  ajv.addSchema({ $id: SPEC_ID, ...spec.document });
  validator = { ajv, schemaNames: spec.schemaNames, compiled: new Map() };
  return validator;
}

function compiled(schemaName: string): ValidateFunction {
  const v = getValidator();
  const cached = v.compiled.get(schemaName);
  if (cached) return cached;
  if (!v.schemaNames.has(schemaName)) {
    throw new Error(`unknown schema ${schemaName}; known: ${[...v.schemaNames].join(", ")}`);
  }
  const fn = v.ajv.getSchema(`${SPEC_ID}#/components/schemas/${schemaName}`);
  if (!fn) throw new Error(`could not compile ${schemaName}`);
  v.compiled.set(schemaName, fn);
  return fn;
}

/**
 * Validates a value against `components.schemas[schemaName]` of the Anthropic OpenAPI document.
 * Returns the first problem, worded like the API ("messages.0.content: Field required"), or
 * undefined when the value is valid.
 */
export function validateAgainstSchema(schemaName: string, value: unknown): string | undefined {
  const fn = compiled(schemaName);
  if (fn(value)) return undefined;
  return firstProblem(fn.errors ?? []);
}

/** Compiles ahead of time, e.g. when the server starts, so the first request is not slow. */
export function warmUpSchemas(...schemaNames: string[]): void {
  for (const name of schemaNames) compiled(name);
}
