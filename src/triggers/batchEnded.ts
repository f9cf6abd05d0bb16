import { pollingTrigger } from "@prismatic-io/spectral";
import { eachBatch } from "../batches/api";
import { type EndedPollState, pollEndedBatches } from "../batches/endedSince";
import { createAnthropicClient } from "../client/createAnthropicClient";
import { exampleBatch, examplePayloadOf } from "../examples";
import { connectionInput, toClientOptions, transportInputs } from "../inputs/shared";
import { isObject } from "../util/isObject";

/** The state an earlier poll saved, or undefined on the first poll (spectral hands back `{}`). */
const savedState = (state: Record<string, unknown>): EndedPollState | undefined => {
  const { watermark, boundaryIds, pending } = state;
  const valid =
    (typeof watermark === "string" || watermark === null) &&
    Array.isArray(boundaryIds) &&
    Array.isArray(pending) &&
    pending.every((entry) => isObject(entry) && typeof entry.id === "string");
  return valid ? (state as unknown as EndedPollState) : undefined;
};

export const batchEnded = pollingTrigger({
  display: {
    label: "Batch Ended",
    description:
      "Fires once for every message batch that has ended since the last poll (finished, canceled or expired), with the batch and its request counts. The first poll only notes what is running.",
  },
  inputs: { connection: connectionInput, ...transportInputs },
  perform: async (context, payload, { connection, ...transport }) => {
    const client = createAnthropicClient(connection, context, toClientOptions(transport));
    const previous = savedState(context.polling.getState());
    const { ended, state } = await pollEndedBatches(eachBatch(client), previous);
    context.polling.setState({ ...state });
    if (previous === undefined) {
      context.logger.info(
        `Batch Ended: first poll; watching ${state.pending.length} batch(es) still processing.`,
      );
    }
    return {
      payload: {
        ...payload,
        body: { data: ended.map((batch) => ({ batch, counts: batch.request_counts })) },
      },
      polledNoChanges: ended.length === 0,
    };
  },
  examplePayload: {
    payload: examplePayloadOf({
      headers: {},
      rawBody: { data: null },
      body: { data: [{ batch: exampleBatch, counts: exampleBatch.request_counts }] },
    }),
    polledNoChanges: false,
  },
});
