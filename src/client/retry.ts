import type { AxiosError } from "axios";
import { isNetworkError } from "axios-retry";
import { RETRY_AFTER_CAP_MS, RETRY_INITIAL_DELAY_MS, RETRY_MAX_DELAY_MS } from "../defaults";
import { RETRYABLE_STATUSES } from "./errors";

/** How a client retries; every action gets the defaults, Raw Request can change them. */
export interface RetryPolicy {
  retries: number;
  /** Retry every failed response, not only the transient ones (Raw Request's "Retry On All Errors"). */
  retryAllErrors: boolean;
  /** A fixed wait between attempts instead of the standard backoff. */
  fixedDelayMs?: number;
  /** With a fixed delay: double it after each attempt. */
  doubleFixedDelay: boolean;
}

const headerOf = (error: AxiosError, name: string): string | undefined => {
  const value = error.response?.headers?.[name];
  return typeof value === "string" ? value : undefined;
};

const isTimeout = (error: AxiosError): boolean =>
  !error.response && (error.code === "ECONNABORTED" || error.code === "ETIMEDOUT");

export const shouldRetry = (error: AxiosError, policy: RetryPolicy): boolean => {
  const override = headerOf(error, "x-should-retry");
  if (override === "false") return false;
  if (override === "true") return true;
  if (!error.response) return isNetworkError(error) || isTimeout(error);
  // A 2xx whose body broke off or stalled: the same transient failure as a dropped connection.
  if (error.response.status < 300) return error.code !== "ERR_CANCELED";
  return policy.retryAllErrors || RETRYABLE_STATUSES.has(error.response.status);
};

/** `retry-after-ms`, else `retry-after` in seconds or as an HTTP date; capped. */
export const retryAfterMs = (error: AxiosError, now: number = Date.now()): number | undefined => {
  const millis = Number.parseFloat(headerOf(error, "retry-after-ms") ?? "");
  if (Number.isFinite(millis) && millis >= 0) return Math.min(millis, RETRY_AFTER_CAP_MS);
  const header = headerOf(error, "retry-after");
  if (header === undefined) return undefined;
  const seconds = Number(header.trim());
  if (header.trim() !== "" && Number.isFinite(seconds) && seconds >= 0) {
    return Math.min(seconds * 1000, RETRY_AFTER_CAP_MS);
  }
  const date = Date.parse(header);
  if (Number.isNaN(date)) return undefined;
  return Math.min(Math.max(date - now, 0), RETRY_AFTER_CAP_MS);
};

/** 0.5 s doubling to at most 8 s, shortened by up to a quarter at random, as the official SDK does. */
export const backoffMs = (retryNumber: number, random: () => number = Math.random): number => {
  const base = Math.min(RETRY_INITIAL_DELAY_MS * 2 ** (retryNumber - 1), RETRY_MAX_DELAY_MS);
  return Math.round(base * (1 - random() * 0.25));
};

/** `retryNumber` counts from 1, as axios-retry passes it. */
export const retryDelayMs = (
  retryNumber: number,
  error: AxiosError,
  policy: RetryPolicy,
): number => {
  const serverWait = retryAfterMs(error);
  if (serverWait !== undefined) return serverWait;
  if (policy.fixedDelayMs !== undefined && policy.fixedDelayMs > 0) {
    // Capped like a server's wait: doubling could otherwise outgrow Node's timer.
    return policy.doubleFixedDelay
      ? Math.min(policy.fixedDelayMs * 2 ** (retryNumber - 1), RETRY_AFTER_CAP_MS)
      : policy.fixedDelayMs;
  }
  return backoffMs(retryNumber);
};
