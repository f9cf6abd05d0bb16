import { type Connection, util } from "@prismatic-io/spectral";
import { AUTH_STYLES, type AuthStyle } from "../connection";
import { API_VERSIONS, type ApiVersion, DEFAULT_API_VERSION, DEFAULT_BASE_URL } from "../defaults";
import { preview } from "../inputs/clean";
import { connectionFailure } from "./errors";
import {
  isConnectionOwned,
  isHeaderName,
  mergeBetas,
  splitBetas,
  takeBetaHeaders,
} from "./headers";

/** The connection's fields, checked and normalised. */
export interface ConnectionSettings {
  apiKey: string;
  /** Without a trailing slash; `/v1/...` is appended to it. */
  baseUrl: string;
  apiVersion: ApiVersion;
  /** The Beta Features field and any anthropic-beta in Extra Headers, merged. */
  betas: string[];
  authStyle: AuthStyle;
  /** Without anthropic-beta, which lives in `betas`. */
  extraHeaders: Record<string, string>;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
export const isLoopbackHost = (hostname: string): boolean =>
  LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(\.\d{1,3}){3}$/.test(hostname);

/** Longer than any key, URL or header a real gateway takes; a longer value is a paste gone wrong. */
const MAX_FIELD_LENGTH = 8 * 1024;

/** A field's text, trimmed; objects, lists and oversized values are refused naming the field. */
const fieldText = (connection: Connection, label: string, value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "object") {
    throw connectionFailure(
      connection,
      `${label}: must be text; got ${Array.isArray(value) ? "a list" : "an object"}.`,
    );
  }
  const text = util.types.toString(value).trim();
  if (text.length > MAX_FIELD_LENGTH) {
    throw connectionFailure(
      connection,
      `${label}: must be at most ${MAX_FIELD_LENGTH} characters; got ${text.length}.`,
    );
  }
  return text;
};

/** A value as an error may quote it: short, line breaks escaped. */
const quoted = (text: string): string => `"${preview(text)}"`;

const readBaseUrl = (connection: Connection, raw: string): string => {
  const text = raw || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw connectionFailure(
      connection,
      `Base URL: ${quoted(text)} is not a URL; enter one like ${DEFAULT_BASE_URL}.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw connectionFailure(
      connection,
      `Base URL: must start with https:// (got ${url.protocol}//).`,
    );
  }
  if (url.protocol === "http:" && !isLoopbackHost(url.hostname)) {
    throw connectionFailure(
      connection,
      `Base URL: plain http is only allowed for localhost; use https://${url.host} so the API key is not sent in clear.`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw connectionFailure(
      connection,
      "Base URL: must not contain credentials, a query string or a fragment.",
    );
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
};

type HeaderPairs = Array<{ key: string; value: unknown }>;

const toHeaderPairs = (connection: Connection, raw: unknown): HeaderPairs => {
  if (raw === undefined || raw === null || raw === "") return [];
  if (Array.isArray(raw)) return raw as HeaderPairs;
  if (typeof raw === "object") return Object.entries(raw).map(([key, value]) => ({ key, value }));
  if (typeof raw === "string") {
    try {
      return toHeaderPairs(connection, JSON.parse(raw));
    } catch {
      // Fall through to the error below: the text is neither a list nor a JSON object.
    }
  }
  throw connectionFailure(connection, "Extra Headers: must be a list of header names and values.");
};

const readExtraHeaders = (connection: Connection, raw: unknown): Record<string, string> => {
  const headers: Record<string, string> = {};
  for (const { key, value } of toHeaderPairs(connection, raw)) {
    const name = fieldText(connection, "Extra Headers", key);
    const text = fieldText(connection, `Extra Headers: the value of ${quoted(name)}`, value);
    if (!name && !text) continue;
    if (!isHeaderName(name)) {
      throw connectionFailure(
        connection,
        `Extra Headers: ${quoted(name)} is not a valid header name (letters, digits and - only).`,
      );
    }
    if (/[\r\n\0]/.test(String(value ?? ""))) {
      throw connectionFailure(
        connection,
        `Extra Headers: the value of ${name} must not contain line breaks.`,
      );
    }
    if (isConnectionOwned(name)) {
      throw connectionFailure(
        connection,
        `Extra Headers: ${name} is set by the connection itself (API Key, Authentication Style, API Version, Base URL) and cannot be overridden.`,
      );
    }
    headers[name] = text;
  }
  return headers;
};

/**
 * Connection inputs take no clean functions, so the fields are checked here,
 * when a client is made, and a bad one marks the connection.
 */
export const readConnectionSettings = (connection: Connection | undefined): ConnectionSettings => {
  if (!connection || typeof connection !== "object" || !connection.fields) {
    throw new Error("Connection: choose an Anthropic connection for this step.");
  }
  const fields = connection.fields;
  const apiKey = fieldText(connection, "API Key", fields.apiKey);
  if (!apiKey) {
    throw connectionFailure(
      connection,
      "API Key: is required; paste your Anthropic API key (sk-ant-...).",
    );
  }
  if (/[\r\n\0]/.test(apiKey)) {
    throw connectionFailure(
      connection,
      "API Key: must not contain line breaks; paste the key alone.",
    );
  }
  const apiVersion = fieldText(connection, "API Version", fields.apiVersion) || DEFAULT_API_VERSION;
  if (!(API_VERSIONS as readonly string[]).includes(apiVersion)) {
    throw connectionFailure(
      connection,
      `API Version: must be one of ${API_VERSIONS.join(", ")}; got ${quoted(apiVersion)}.`,
    );
  }
  const authStyle = fieldText(connection, "Authentication Style", fields.authStyle) || "x-api-key";
  if (!(AUTH_STYLES as readonly string[]).includes(authStyle)) {
    throw connectionFailure(
      connection,
      `Authentication Style: must be one of ${AUTH_STYLES.join(", ")}; got ${quoted(authStyle)}.`,
    );
  }
  const extra = takeBetaHeaders(readExtraHeaders(connection, fields.extraHeaders));
  const betas = mergeBetas(
    splitBetas(fieldText(connection, "Beta Features", fields.betas)),
    extra.betas,
  );
  if (betas.some((beta) => !isHeaderName(beta))) {
    throw connectionFailure(
      connection,
      "Beta Features: enter beta names separated by commas, such as context-1m-2025-08-07.",
    );
  }
  return {
    apiKey,
    baseUrl: readBaseUrl(connection, fieldText(connection, "Base URL", fields.baseUrl)),
    apiVersion: apiVersion as ApiVersion,
    betas,
    authStyle: authStyle as AuthStyle,
    extraHeaders: extra.headers,
  };
};
