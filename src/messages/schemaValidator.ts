import type Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv/dist/2020";

let shared: Ajv2020 | undefined;

/**
 * One Ajv for every output schema, loaded on first use: only a step with an Output Schema
 * pays for requiring Ajv and its formats (dist/ajv.js, see ajvModules), not every cold start.
 * `logger: false` because Ajv otherwise warns through `console` (outside the step's logger)
 * about formats it does not know; like the API, it then ignores them silently.
 */
const ajvInstance = (): Ajv2020 => {
  if (shared) return shared;
  const { Ajv2020, addFormats } = require("./ajvModules") as typeof import("./ajvModules");
  shared = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(shared);
  return shared;
};

/** Compiled validators by schema text: a flow runs the same schema on every execution. */
const compiled = new Map<string, { schema: Record<string, unknown>; validate: ValidateFunction }>();
const MAX_CACHED_SCHEMAS = 100;

/** Compiles once per distinct schema; throws Ajv's own error for a schema that is not valid. */
export const validatorFor = (schema: Record<string, unknown>): ValidateFunction => {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) return cached.validate;
  const ajv = ajvInstance();
  const validate = ajv.compile(schema);
  if (compiled.size >= MAX_CACHED_SCHEMAS) {
    const [oldestKey, oldest] = compiled.entries().next().value ?? [];
    if (oldestKey !== undefined && oldest) {
      compiled.delete(oldestKey);
      // Ajv caches by schema object too: let go of it there as well, so memory stays bounded.
      ajv.removeSchema(oldest.schema);
    }
  }
  compiled.set(key, { schema, validate });
  return validate;
};
