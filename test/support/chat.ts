import type { Connection } from "@prismatic-io/spectral";
import type { ChatResult } from "../../src/messages/result";
import type { RecordedRequest } from "../simulator";
import { validateAgainstSchema } from "../simulator";
import { type ActionResult, type RunOptions, runAction } from "./harness";

/** Runs Chat and returns its Message-shaped result. */
export const runChat = async (
  connection: Connection,
  params: Record<string, unknown>,
  options?: RunOptions,
): Promise<ChatResult> => {
  const result: ActionResult = await runAction("chat", { connection, ...params }, options);
  return result.data as ChatResult;
};

/** Every body the connector sends must be one the API's own schema accepts. */
export const expectValidCreateBody = (request: RecordedRequest): void => {
  const schema = request.query.beta === "true" ? "BetaCreateMessageParams" : "CreateMessageParams";
  expect(validateAgainstSchema(schema, request.body)).toBeUndefined();
};
