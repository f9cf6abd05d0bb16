import { ApiError, invalidRequest } from "./errors";

export const SIMULATOR_API_KEY = "sk-ant-sim-0123456789abcdef";

export const SUPPORTED_VERSIONS = ["2023-06-01", "2026-10-21"] as const;
export type ApiVersion = (typeof SUPPORTED_VERSIONS)[number];

/** The API takes the key from x-api-key; gateways and SDK 1.x send Authorization: Bearer. */
export function checkApiKey(
  headers: Record<string, string>,
  acceptedKeys: readonly string[],
): void {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers.authorization ?? "")?.[1]?.trim();
  const presented = headers["x-api-key"] ?? bearer;
  if (presented === undefined || presented === "") {
    throw new ApiError(401, "x-api-key header is required");
  }
  if (!acceptedKeys.includes(presented)) throw new ApiError(401, "invalid x-api-key");
}

export function checkApiVersion(headers: Record<string, string>): ApiVersion {
  const version = headers["anthropic-version"];
  if (version === undefined || version === "") {
    throw invalidRequest("anthropic-version: header is required");
  }
  const supported = SUPPORTED_VERSIONS.find((v) => v === version);
  if (supported === undefined) {
    throw invalidRequest(
      `anthropic-version: unsupported version "${version}"; supported: ${SUPPORTED_VERSIONS.join(", ")}`,
    );
  }
  return supported;
}

/** `anthropic-beta` may be comma-separated and/or repeated (node joins repeats with ", "). */
export function parseBetas(headers: Record<string, string>): string[] {
  return (headers["anthropic-beta"] ?? "")
    .split(",")
    .map((beta) => beta.trim())
    .filter((beta) => beta !== "");
}
