import { isAxiosError } from "axios";
import { AnthropicApiError } from "./client/errors";

/**
 * The component's last line of defence: every request already goes through
 * the client, which raises AnthropicApiError, but should an axios error ever
 * slip past, its config (which holds the API key) must not reach the platform.
 */
export const handleError = (error: unknown): unknown => {
  if (!isAxiosError(error)) return error;
  const status = error.response?.status;
  return new AnthropicApiError(
    `Anthropic API request failed${status ? ` with HTTP ${status}` : ""}.`,
    {
      status,
      type: "http_error",
    },
  );
};
