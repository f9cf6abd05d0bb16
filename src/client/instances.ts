import { createHash } from "node:crypto";
import type { AxiosInstance as HttpClient } from "axios";

/** More than the connections one step's process ever uses; a bound so a long-lived one stays flat. */
export const MAX_SHARED_INSTANCES = 32;

const instances = new Map<string, HttpClient>();

/**
 * A configured axios instance for these settings, built once per process and reused by every
 * step that has the same connection and transport options: building one (defaults, retry
 * interceptors) costs more than a small request's own work. `settings` must hold everything the
 * instance is built from, the credentials included, so two connections never share one; it is
 * kept only as a hash. Instances that log through a step's logger are per step and never come here.
 */
export const sharedInstance = (settings: unknown, build: () => HttpClient): HttpClient => {
  const key = createHash("sha256").update(JSON.stringify(settings)).digest("base64");
  const found = instances.get(key);
  if (found) {
    // Most recently used last, so the bound drops the one unused longest.
    instances.delete(key);
    instances.set(key, found);
    return found;
  }
  const built = build();
  if (instances.size >= MAX_SHARED_INSTANCES) {
    const oldest = instances.keys().next().value;
    if (oldest !== undefined) instances.delete(oldest);
  }
  instances.set(key, built);
  return built;
};
