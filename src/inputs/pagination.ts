import { input } from "@prismatic-io/spectral";
import { optionalNumber, toBoolean } from "./clean";
import { optionalId } from "./ids";

/** The one set of paging inputs every list action takes (models, batches, files). */

export const fetchAllInput = (ignored: string) =>
  input({
    label: "Fetch All",
    type: "boolean",
    required: false,
    default: "false",
    comments: `When true, every page of results is fetched, and the ${ignored} inputs are ignored.`,
    clean: toBoolean("Fetch All"),
  });

export const limitInput = ({ max, byDefault }: { max: number; byDefault: number }) =>
  input({
    label: "Limit",
    type: "string",
    required: false,
    default: String(byDefault),
    example: "50",
    comments: `Number of items to return per page. Defaults to ${byDefault}. Range: 1-${max}.`,
    clean: optionalNumber({ label: "Limit", min: 1, max, integer: true }),
  });

/** Fetch All, Before ID, After ID and Limit, as `GET /v1/models` and `/v1/messages/batches` take them. */
export const idPagingInputs = (options: {
  max: number;
  byDefault: number;
  /** Ids as the list hands them out, for the examples. */
  exampleBefore: string;
  exampleAfter: string;
}) => ({
  fetchAll: fetchAllInput("Limit, After ID and Before ID"),
  beforeId: input({
    label: "Before ID",
    type: "string",
    required: false,
    example: options.exampleBefore,
    comments:
      "ID of the object to use as a cursor for pagination. Returns the page of results immediately before this object.",
    clean: optionalId("Before ID", options.exampleBefore),
  }),
  afterId: input({
    label: "After ID",
    type: "string",
    required: false,
    example: options.exampleAfter,
    comments:
      "ID of the object to use as a cursor for pagination. Returns the page of results immediately after this object.",
    clean: optionalId("After ID", options.exampleAfter),
  }),
  limit: limitInput(options),
});
