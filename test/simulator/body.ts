import { invalidRequest } from "./errors";
import { validateAgainstSchema } from "./schema/validate";
import type { RecordedRequest } from "./types";

/** The API answers any body it cannot read as JSON with this message. */
export const UNPARSABLE_BODY = "There was an error parsing the body of your request";

/** Validates an already parsed value against its OpenAPI schema; throws a 400 if not. */
export function validValue(value: unknown, schemaName: string): unknown {
  const problem = validateAgainstSchema(schemaName, value);
  if (problem !== undefined) throw invalidRequest(problem);
  return value;
}

/** Parses and validates a JSON request body against its OpenAPI schema; throws a 400 if not. */
export function validBody(request: RecordedRequest, schemaName: string): unknown {
  let body = request.body;
  if (body === undefined) {
    try {
      body = JSON.parse(request.rawBody);
    } catch {
      throw invalidRequest(UNPARSABLE_BODY);
    }
  }
  return validValue(body, schemaName);
}
