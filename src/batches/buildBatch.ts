import {
  type ApiVersion,
  CUSTOM_ID_PATTERN,
  MAX_BATCH_BYTES,
  MAX_BATCH_REQUESTS,
} from "../defaults";
import { InputError, preview } from "../inputs/clean";
import { buildCreateMessageRequest, type GenerationValues } from "../messages/buildRequest";
import type { MessageParam } from "../messages/types";
import { formatCount } from "../util/formatCount";
import { isObject } from "../util/isObject";
import type { BatchRequest } from "./types";

/** The inputs every request of the batch shares: Chat's, without its conversation inputs. */
export type SharedRequestValues = Omit<
  GenerationValues,
  "message" | "messages" | "previousResponse" | "toolResults"
>;

export interface BatchValues extends SharedRequestValues {
  /** `{custom_id, params}` items, as the API takes them. */
  requests?: unknown[];
  /** One request per prompt. */
  prompts: string[];
}

const REQUESTS = "Requests";
const PROMPTS = "Prompts";

/** The custom id the prompts form gives its n-th (1-based) request. */
export const promptCustomId = (n: number): string => `prompt-${n}`;

/** Runs the request builder for one item, naming the item in any error it raises. */
const forItem = <T>(where: string, label: string, build: () => T): T => {
  try {
    return build();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(label, `${where}: ${error.message}`);
    throw error;
  }
};

const checkCount = (label: string, count: number): void => {
  if (count === 0) {
    throw new InputError(label, "is an empty list; give at least one request.");
  }
  if (count > MAX_BATCH_REQUESTS) {
    throw new InputError(
      label,
      `holds ${formatCount(count)} requests; a batch takes at most ${formatCount(MAX_BATCH_REQUESTS)}. Split them over several batches.`,
    );
  }
};

const checkCustomId = (where: string, customId: unknown, seen: Set<string>): string => {
  if (typeof customId !== "string" || !CUSTOM_ID_PATTERN.test(customId)) {
    throw new InputError(
      REQUESTS,
      `${where}: custom_id ${customId === undefined ? "is missing" : `"${preview(customId)}" is not accepted`}; use 1 to 64 letters, digits, "_" or "-", such as q-3.`,
    );
  }
  if (seen.has(customId)) {
    throw new InputError(
      REQUESTS,
      `${where}: custom_id "${customId}" is used twice; each request of a batch needs its own.`,
    );
  }
  seen.add(customId);
  return customId;
};

/** Each item's params laid over what the shared inputs build from its messages. */
const fromRequests = (
  items: unknown[],
  shared: SharedRequestValues,
  apiVersion: ApiVersion,
): BatchRequest[] => {
  const seen = new Set<string>();
  return items.map((item, index) => {
    const at = `requests[${index}]`;
    if (!isObject(item)) {
      throw new InputError(REQUESTS, `${at} must be an object {custom_id, params}.`);
    }
    const customId = checkCustomId(at, item.custom_id, seen);
    const where = `${at} (custom_id ${customId})`;
    const params = item.params;
    if (!isObject(params) || !Array.isArray(params.messages) || params.messages.length === 0) {
      throw new InputError(
        REQUESTS,
        `${where}: params must be an object with a messages array, as the Messages API takes it.`,
      );
    }
    const { messages, ...own } = params;
    const built = forItem(where, REQUESTS, () =>
      buildCreateMessageRequest({ ...shared, messages: messages as MessageParam[] }, apiVersion),
    );
    return { custom_id: customId, params: { ...built.body, ...own } };
  });
};

const fromPrompts = (
  prompts: string[],
  shared: SharedRequestValues,
  apiVersion: ApiVersion,
): BatchRequest[] =>
  prompts.map((prompt, index) => {
    const customId = promptCustomId(index + 1);
    const built = forItem(`prompts[${index}] (custom_id ${customId})`, PROMPTS, () =>
      buildCreateMessageRequest({ ...shared, message: prompt }, apiVersion),
    );
    return { custom_id: customId, params: built.body };
  });

const checkSize = (label: string, requests: BatchRequest[]): void => {
  // Item by item, so checking a body near the limit never holds a second copy of all of it.
  const wrapper = Buffer.byteLength('{"requests":[]}') + Math.max(0, requests.length - 1);
  const bytes = requests.reduce(
    (total, request) => total + Buffer.byteLength(JSON.stringify(request)),
    wrapper,
  );
  if (bytes > MAX_BATCH_BYTES) {
    const mb = (bytes / (1024 * 1024)).toFixed(1);
    throw new InputError(
      label,
      `make a request body of ${mb} MB; a batch may be at most ${MAX_BATCH_BYTES / (1024 * 1024)} MB. Split them over several batches, or send large files by File IDs.`,
    );
  }
};

/**
 * The batch's requests, from either form. Everything the API would certainly refuse is
 * refused here, before anything is sent: a mistake in request 40,000 should not cost a
 * round trip of 256 MB.
 */
export const buildBatchRequests = (
  { requests, prompts, ...shared }: BatchValues,
  apiVersion: ApiVersion,
): BatchRequest[] => {
  if (requests !== undefined && prompts.length > 0) {
    throw new InputError(
      REQUESTS,
      "cannot be combined with Prompts; give either Prompts (one request per prompt) or Requests ({custom_id, params} items).",
    );
  }
  if (requests === undefined && prompts.length === 0) {
    throw new InputError(
      PROMPTS,
      "is required: give Prompts (one request per prompt), or Requests as a JSON array of {custom_id, params}.",
    );
  }
  const label = requests === undefined ? PROMPTS : REQUESTS;
  checkCount(label, requests?.length ?? prompts.length);
  // A mistake in the shared inputs is reported once, as itself, not as the first item's.
  buildCreateMessageRequest({ ...shared, message: "." }, apiVersion);
  const built =
    requests === undefined
      ? fromPrompts(prompts, shared, apiVersion)
      : fromRequests(requests, shared, apiVersion);
  checkSize(label, built);
  return built;
};
