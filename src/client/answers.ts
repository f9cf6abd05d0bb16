/**
 * What a successful answer must look like before an action trusts it. A
 * gateway's page, a truncated body or `{"hello":"world"}` with status 200 must
 * fail as one clear error, not crash later or pass on as a result.
 */

export interface AnswerShape {
  /** What the answer should be, for the error: "a Message", "a model list". */
  name: string;
  /** Undefined when the answer fits; else what is wrong with it. */
  problem: (data: unknown, status: number) => string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const notJson = (data: unknown): string | undefined => {
  if (typeof data === "string") {
    return data.trim() === "" ? "the body is empty" : "the body is not JSON";
  }
  if (Buffer.isBuffer(data) || data instanceof ArrayBuffer) return "the body is not JSON";
  if (!isRecord(data)) return "the body is not a JSON object";
  return undefined;
};

const fieldProblem = (
  data: Record<string, unknown>,
  checks: Array<[field: string, fits: (value: unknown) => boolean, wanted: string]>,
): string | undefined => {
  for (const [field, fits, wanted] of checks) {
    if (!fits(data[field]))
      return `"${field}" is ${data[field] === undefined ? "missing" : `not ${wanted}`}`;
  }
  return undefined;
};

const isString = (value: unknown): boolean => typeof value === "string";
const isArray = (value: unknown): boolean => Array.isArray(value);
const isCount = (value: unknown): boolean => typeof value === "number" && Number.isFinite(value);
const isBoolean = (value: unknown): boolean => typeof value === "boolean";

const shape =
  (checks: Array<[string, (value: unknown) => boolean, string]>) =>
  (data: unknown): string | undefined =>
    notJson(data) ?? fieldProblem(data as Record<string, unknown>, checks);

export const MESSAGE_ANSWER: AnswerShape = {
  name: "a Message",
  problem: shape([
    ["id", isString, "text"],
    ["content", isArray, "a list of content blocks"],
    ["role", (value) => value === "assistant", '"assistant"'],
  ]),
};

export const TOKEN_COUNT_ANSWER: AnswerShape = {
  name: "a token count",
  problem: shape([["input_tokens", isCount, "a number"]]),
};

export const MODEL_ANSWER: AnswerShape = {
  name: "a model",
  problem: shape([
    ["id", isString, "text"],
    ["type", (value) => value === "model", '"model"'],
  ]),
};

export const MODEL_PAGE_ANSWER: AnswerShape = {
  name: "a page of models",
  problem: shape([
    ["data", isArray, "a list"],
    ["has_more", isBoolean, "true or false"],
  ]),
};

/** Raw Request with Response Type json: any JSON goes, but a page or a cut-off body does not. */
export const JSON_ANSWER: AnswerShape = {
  name: "JSON (Response Type is json; choose text to receive any other body as it is)",
  problem: (data, status) => {
    // 204 No Content is an answer with nothing in it, as it says.
    if (typeof data !== "string" || status === 204) return undefined;
    return data.trim() === "" ? "the body is empty" : "the body is not JSON";
  },
};
