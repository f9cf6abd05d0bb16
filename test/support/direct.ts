import { SIMULATOR_API_KEY } from "../simulator";

/** Asks the simulator directly, bypassing the connector, to compare answers. */
export const directCall = async (
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> => {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      "x-api-key": SIMULATOR_API_KEY,
      "anthropic-version": "2023-06-01",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return response.json();
};
