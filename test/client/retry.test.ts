import type { AxiosError } from "axios";
import { backoffMs, retryAfterMs, retryDelayMs, shouldRetry } from "../../src/client/retry";
import { failureOf, runAction, useSimulator } from "../support/harness";

const { sim, connection } = useSimulator();
const chat = (params: Record<string, unknown> = {}) =>
  runAction("chat", { connection: connection(), initialMessage: "retry me", ...params });
const instant = { "retry-after-ms": "0" };

describe("retries (POST included)", () => {
  it.each([408, 409, 429, 500, 502, 503, 504, 529])(
    "retries %i and then succeeds",
    async (status) => {
      sim().enqueueFaults({ status, headers: instant });
      const result = await chat();
      expect(sim().requests).toHaveLength(2);
      expect(sim().requests.map((request) => request.body)).toEqual([
        sim().requests[0].body,
        sim().requests[0].body,
      ]);
      expect(result.data).toMatchObject({ type: "message" });
    },
  );

  it.each([400, 401, 403, 404, 413])("does not retry %i", async (status) => {
    sim().enqueueFaults({ status, headers: instant });
    const error = await failureOf(chat());
    expect(sim().requests).toHaveLength(1);
    expect(error.status).toBe(status);
  });

  it("gives up after the default two retries with the last error", async () => {
    sim().enqueueFaults(
      { status: 529, headers: instant },
      { status: 529, headers: instant },
      { status: 529, headers: instant, message: "Overloaded, third time" },
    );
    const error = await failureOf(chat());
    expect(sim().requests).toHaveLength(3);
    expect(error.message).toMatch(
      /^Anthropic API 529 overloaded_error: Overloaded, third time \(request-id req_\w+\)$/,
    );
  });

  it("takes the step's Max Retry Count", async () => {
    sim().enqueueFaults({ status: 429, headers: instant }, { status: 429, headers: instant });
    await failureOf(chat({ maxRetries: "0" }));
    expect(sim().requests).toHaveLength(1);

    sim().reset();
    sim().enqueueFaults(...Array.from({ length: 4 }, () => ({ status: 429, headers: instant })));
    await chat({ maxRetries: "4" });
    expect(sim().requests).toHaveLength(5);
  });

  it("stops when the API says x-should-retry: false, retries when it says true", async () => {
    sim().enqueueFaults({ status: 529, headers: { ...instant, "x-should-retry": "false" } });
    await failureOf(chat());
    expect(sim().requests).toHaveLength(1);

    sim().reset();
    sim().enqueueFaults({ status: 400, headers: { ...instant, "x-should-retry": "true" } });
    await chat();
    expect(sim().requests).toHaveLength(2);
  });

  it("retries a dropped connection", async () => {
    sim().enqueueFaults({ drop: true });
    const started = Date.now();
    await chat();
    expect(sim().requests).toHaveLength(2);
    // No retry-after on a dropped socket: the standard backoff (0.375 to 0.5 s) applies.
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
  });

  it("waits what retry-after-ms and retry-after say", async () => {
    sim().enqueueFaults({ status: 429, headers: { "retry-after-ms": "400" } });
    let started = Date.now();
    await chat();
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);

    sim().reset();
    sim().enqueueFaults({ status: 429, headers: { "retry-after": "1" } });
    started = Date.now();
    await chat();
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
  });
});

describe("timeout", () => {
  it("fails an attempt that takes longer than the step's Timeout, with a clear error", async () => {
    sim().enqueueFaults({ delayMs: 1_000 });
    const error = await failureOf(chat({ timeout: "100", maxRetries: "0" }));
    expect(error.message).toBe(
      "Anthropic API request timed out after 100 ms (POST /v1/messages). Raise the step's Timeout, or turn on streaming for long answers.",
    );
    expect(error.type).toBe("timeout_error");
    expect(sim().requests).toHaveLength(1);
  });

  it("retries a timed-out attempt with a fresh timeout", async () => {
    sim().enqueueFaults({ delayMs: 1_000 });
    const result = await chat({ timeout: "300", maxRetries: "1" });
    expect(result.data).toMatchObject({ type: "message" });
    expect(sim().requests).toHaveLength(2);
  });
});

const axiosError = (
  status?: number,
  headers: Record<string, string> = {},
  code?: string,
): AxiosError =>
  ({
    isAxiosError: true,
    code,
    response: status === undefined ? undefined : { status, headers },
    config: {},
  }) as unknown as AxiosError;

const policy = { retries: 2, retryAllErrors: false, doubleFixedDelay: false };

describe("retry rules", () => {
  it("parses retry-after-ms, retry-after seconds and HTTP dates, capped at 60 s", () => {
    expect(retryAfterMs(axiosError(429, { "retry-after-ms": "1500" }))).toBe(1500);
    expect(retryAfterMs(axiosError(429, { "retry-after": "2.5" }))).toBe(2500);
    const now = Date.parse("2026-11-22T12:00:00Z");
    expect(
      retryAfterMs(axiosError(429, { "retry-after": "Sun, 22 Nov 2026 12:00:07 GMT" }), now),
    ).toBe(7000);
    expect(retryAfterMs(axiosError(429, { "retry-after": "3600" }))).toBe(60_000);
    expect(retryAfterMs(axiosError(429, { "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMs(axiosError(429))).toBeUndefined();
  });

  it("backs off 0.5 s doubling to 8 s with up to 25% jitter", () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffMs(n, () => 0))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffMs(1, () => 1)).toBe(375);
    for (let i = 0; i < 50; i++) {
      const wait = retryDelayMs(2, axiosError(529), policy);
      expect(wait).toBeGreaterThanOrEqual(750);
      expect(wait).toBeLessThanOrEqual(1000);
    }
  });

  it("uses Raw Request's fixed delay, doubled with exponential backoff, unless the server says otherwise", () => {
    expect(retryDelayMs(3, axiosError(500), { ...policy, fixedDelayMs: 100 })).toBe(100);
    expect(
      retryDelayMs(3, axiosError(500), { ...policy, fixedDelayMs: 100, doubleFixedDelay: true }),
    ).toBe(400);
    expect(
      retryDelayMs(3, axiosError(500, { "retry-after": "2" }), { ...policy, fixedDelayMs: 100 }),
    ).toBe(2000);
  });

  it("retries transport errors but not cancellations; retries everything with Retry On All Errors", () => {
    expect(shouldRetry(axiosError(undefined, {}, "ECONNRESET"), policy)).toBe(true);
    expect(shouldRetry(axiosError(undefined, {}, "ECONNABORTED"), policy)).toBe(true);
    expect(shouldRetry(axiosError(undefined, {}, "ERR_CANCELED"), policy)).toBe(false);
    expect(shouldRetry(axiosError(400), policy)).toBe(false);
    expect(shouldRetry(axiosError(400), { ...policy, retryAllErrors: true })).toBe(true);
  });
});
