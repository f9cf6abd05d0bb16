import { connection } from "@prismatic-io/spectral";
import { API_VERSIONS, DEFAULT_API_VERSION, DEFAULT_BASE_URL } from "./defaults";

export const AUTH_STYLES = ["x-api-key", "bearer"] as const;
export type AuthStyle = (typeof AUTH_STYLES)[number];

export const anthropicConnection = connection({
  key: "anthropic",
  display: {
    label: "Anthropic API",
    description: "Connection to Anthropic's Claude API, directly or through a gateway.",
  },
  inputs: {
    apiKey: {
      label: "API Key",
      type: "password",
      required: true,
      placeholder: "sk-ant-api03-...",
      comments:
        "Your Anthropic API key (starts with sk-ant-), from https://console.anthropic.com/settings/keys. For a gateway, the key that gateway expects.",
    },
    baseUrl: {
      label: "Base URL",
      type: "string",
      required: false,
      default: DEFAULT_BASE_URL,
      example: "https://api.portkey.ai",
      comments:
        "The root that /v1/... is appended to: the same value the official SDK takes as ANTHROPIC_BASE_URL. Change it only for a gateway or proxy. https is required, except for localhost.",
    },
    apiVersion: {
      label: "API Version",
      type: "string",
      required: false,
      default: DEFAULT_API_VERSION,
      example: DEFAULT_API_VERSION,
      model: API_VERSIONS.map((value) => ({ label: value, value })),
      comments:
        "The anthropic-version header sent on every request. 2026-10-21 is what the newest official SDK sends; it no longer accepts temperature, top_p or top_k.",
    },
    betas: {
      label: "Beta Features",
      type: "string",
      required: false,
      example: "context-1m-2025-08-07,interleaved-thinking-2025-05-14",
      comments:
        "Comma-separated anthropic-beta values sent on every request, to opt in to beta features.",
    },
    authStyle: {
      label: "Authentication Style",
      type: "string",
      required: false,
      default: "x-api-key",
      example: "x-api-key",
      model: [
        { label: "x-api-key header (Anthropic)", value: "x-api-key" },
        { label: "Authorization: Bearer (gateways such as AI/ML API)", value: "bearer" },
      ],
      comments:
        "How the API key is sent. Anthropic takes x-api-key; some gateways expect Authorization: Bearer.",
    },
    extraHeaders: {
      label: "Extra Headers",
      type: "string",
      collection: "keyvaluelist",
      required: false,
      example: "x-portkey-api-key: pk-...",
      comments:
        "Headers sent with every request, for gateways such as Portkey (x-portkey-api-key, x-portkey-provider). They cannot replace the authentication, anthropic-version or Host headers; an anthropic-beta here is merged with Beta Features.",
    },
  },
});
