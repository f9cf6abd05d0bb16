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

/** One object of the API's, told by its `type` and an `id`. */
export const objectAnswer = (name: string, type: string): AnswerShape => ({
  name,
  problem: shape([
    ["id", isString, "text"],
    ["type", (value) => value === type, `"${type}"`],
  ]),
});

export const MODEL_ANSWER = objectAnswer("a model", "model");

/** A page in either style the API pages in: `has_more` (models, batches) or `next_page` (files). */
export const pageAnswer = (what: string): AnswerShape => ({
  name: `a page of ${what}`,
  problem: (data) => {
    const problem =
      notJson(data) ?? fieldProblem(data as Record<string, unknown>, [["data", isArray, "a list"]]);
    if (problem) return problem;
    const nextPage = (data as Record<string, unknown>).next_page;
    if (typeof nextPage === "string" || nextPage === null) return undefined;
    return fieldProblem(data as Record<string, unknown>, [
      ["has_more", isBoolean, "true or false"],
    ]);
  },
});

export const BATCH_ANSWER = objectAnswer("a message batch", "message_batch");
export const DELETED_BATCH_ANSWER = objectAnswer("a deleted batch", "message_batch_deleted");
export const FILE_ANSWER = objectAnswer("file metadata", "file");
/** The API's `type` on a deleted file is optional. */
export const DELETED_FILE_ANSWER: AnswerShape = {
  name: "a deleted file",
  problem: shape([["id", isString, "text"]]),
};

export const COMPLETION_ANSWER: AnswerShape = {
  name: "a completion",
  problem: shape([
    ["completion", isString, "text"],
    ["type", (value) => value === "completion", '"completion"'],
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
