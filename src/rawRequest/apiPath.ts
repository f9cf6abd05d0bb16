import { InputError } from "../inputs/clean";

const hostOf = (url: string): string => {
  try {
    return (
      new URL(
        url.startsWith("//") || url.startsWith("\\\\") ? `https:${url.replace(/\\/g, "/")}` : url,
      ).host || url
    );
  } catch {
    return url;
  }
};

const DOT_SEGMENT = /^(\.|%2e){1,2}$/i;

/**
 * Turns Raw Request's URL input into a path under `/v1`. Only paths are
 * accepted: an absolute or protocol-relative URL would carry the API key to
 * another host, so it is refused before anything is sent.
 */
/** No API path is anywhere near this; servers refuse long request lines (HTTP 414/431). */
const MAX_URL_LENGTH = 8 * 1024;

export const toApiPath = (url: string): string => {
  const text = url.trim();
  if (text.length > MAX_URL_LENGTH) {
    throw new InputError(
      "URL",
      `must be a path of at most ${MAX_URL_LENGTH} characters, such as /models; got ${text.length}.`,
    );
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith("//") || text.startsWith("\\")) {
    throw new InputError(
      "URL",
      `"${text}" points to ${hostOf(text)}; enter only a path such as /models. The API key is only sent to the connection's Base URL.`,
    );
  }
  const withSlash = text.startsWith("/") ? text : `/${text}`;
  const [pathPart, ...queryParts] = withSlash.split("?");
  if (pathPart.split("/").some((segment) => DOT_SEGMENT.test(segment))) {
    throw new InputError(
      "URL",
      `"${text}" contains . or .. segments; enter the API path directly, such as /models.`,
    );
  }
  const underV1 = pathPart.replace(/^\/v1(?=\/|$)/, "") || "/";
  return queryParts.length ? `${underV1}?${queryParts.join("?")}` : underV1;
};
