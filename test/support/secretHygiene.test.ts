/** The secret-hygiene checks can fail: each checker against a leak and against the clean case. */
import http from "node:http";
import path from "node:path";
import { SIMULATOR_API_KEY } from "../simulator";
import { capturingLogger, failureOf, runAction, useSimulator } from "./harness";
import {
  consoleOriginOf,
  currentTest,
  findSecret,
  hygieneFailure,
  hygieneStore,
  leaksInError,
  leaksInLogLines,
  leaksInRequest,
  leaksInResult,
  type OutgoingRequest,
  problemsInConsoleWrite,
  registerSecret,
  type Secret,
  takeProblems,
} from "./secretHygiene";
import { startStubServer } from "./stubServer";

const KEY: Secret = { value: SIMULATOR_API_KEY, label: "SIMULATOR_API_KEY" };
const OTHER: Secret = { value: "pk-portkey-secret-0000111122223333", label: "portkey key" };
const SECRETS = [KEY, OTHER];

/** No report may carry the key itself, nor its leading piece. */
const expectNoKeyIn = (problems: string[]) => {
  for (const problem of problems) {
    expect(problem).not.toContain(SIMULATOR_API_KEY);
    expect(problem).not.toContain(SIMULATOR_API_KEY.slice(0, 14));
    expect(problem).not.toContain(OTHER.value);
  }
};

describe("findSecret", () => {
  it.each([
    ["verbatim", `x-api-key: ${SIMULATOR_API_KEY}`],
    ["base64-encoded", `Basic ${Buffer.from(SIMULATOR_API_KEY).toString("base64")}`],
    ["a leading piece", `body: ...${SIMULATOR_API_KEY.slice(0, 18)}`],
    ["a trailing piece", `${SIMULATOR_API_KEY.slice(-18)}... clipped`],
  ])("finds the key %s, and shows it redacted", (how, text) => {
    const match = findSecret(text, SECRETS);
    expect(match).toMatchObject({ label: "SIMULATOR_API_KEY", how });
    expect(match?.excerpt).toContain("«secret»");
    expectNoKeyIn([match?.excerpt ?? ""]);
  });

  it("finds nothing in clean text, [redacted] markers included", () => {
    expect(findSecret("x-api-key: [redacted] sk-ant-wrong-key-0000000000", SECRETS)).toBe(
      undefined,
    );
  });
});

describe("leaksInLogLines", () => {
  it("flags a debug line with the key, naming the line and level", () => {
    const problems = leaksInLogLines(
      ["info starting", `debug Anthropic request: {"x-api-key":"${SIMULATOR_API_KEY}"}`],
      SECRETS,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^SIMULATOR_API_KEY \(verbatim\) in log line #2 \(debug\)/);
    expectNoKeyIn(problems);
  });

  it("passes clean lines", () => {
    expect(leaksInLogLines(['debug {"x-api-key":"[redacted]"}'], SECRETS)).toEqual([]);
  });
});

describe("leaksInError", () => {
  it("flags the key in the message", () => {
    const problems = leaksInError(new Error(`bad key ${SIMULATOR_API_KEY}`), SECRETS);
    expect(problems.some((problem) => problem.includes("(message)"))).toBe(true);
    expectNoKeyIn(problems);
  });

  it("flags the key deep in the cause chain", () => {
    const inner = new Error("socket hang up");
    Object.assign(inner, { config: { headers: { "x-api-key": SIMULATOR_API_KEY } } });
    const error = new Error("outer", { cause: new Error("middle", { cause: inner }) });
    const problems = leaksInError(error, SECRETS);
    expect(problems.some((problem) => problem.includes("the error.cause.cause (JSON"))).toBe(true);
    expect(problems.some((problem) => problem.includes("(message)"))).toBe(false);
  });

  it("flags the key in a property only JSON / Object.entries would show", () => {
    const error = Object.assign(new Error("clean message"), { headers: [OTHER.value] });
    const problems = leaksInError(error, SECRETS);
    expect(problems.join("\n")).toContain("portkey key (verbatim) in the error (JSON.stringify)");
    expect(problems.join("\n")).toContain("(Object.entries)");
    expectNoKeyIn(problems);
  });

  it("flags the key in the stack only", () => {
    const error = new Error("clean");
    error.stack = `Error: clean\n    at call (${SIMULATOR_API_KEY}.js:1:1)`;
    expect(leaksInError(error, SECRETS)).toEqual([expect.stringContaining("(stack)")]);
  });

  it("passes a clean error, and a string thrown", () => {
    expect(leaksInError(new Error("Anthropic API 401", { cause: "nope" }), SECRETS)).toEqual([]);
    expect(leaksInError(`thrown ${SIMULATOR_API_KEY}`, SECRETS)).toHaveLength(1);
  });
});

describe("leaksInResult", () => {
  it("flags the key in nested data and in a Buffer", () => {
    expect(leaksInResult({ data: { echo: [SIMULATOR_API_KEY] } }, SECRETS)).toHaveLength(1);
    expect(
      leaksInResult({ data: Buffer.from(`file ${SIMULATOR_API_KEY}`), contentType: "x" }, SECRETS),
    ).toHaveLength(1);
  });

  it("passes a clean result", () => {
    expect(leaksInResult({ data: { text: "Simulated reply to: hi" } }, SECRETS)).toEqual([]);
  });
});

describe("leaksInRequest", () => {
  const request = (origin: string, headers: Record<string, string>): OutgoingRequest => ({
    origin,
    method: "GET",
    path: "/v1/models",
    headers,
    via: "node:http",
  });
  const allowed = new Set(["127.0.0.1:4010"]);

  it("flags the key sent to another host, naming host and header", () => {
    const problems = leaksInRequest(
      request("http://127.0.0.1:4011", { authorization: `Bearer ${SIMULATOR_API_KEY}` }),
      allowed,
      SECRETS,
    );
    expect(problems).toEqual([
      expect.stringMatching(
        /127\.0\.0\.1:4011, which is not a registered base URL, header "authorization"/,
      ),
    ]);
    expectNoKeyIn(problems);
  });

  it("flags the key in the path to another host, and default ports count", () => {
    const leak = { ...request("https://evil.example.com", {}), path: `/x/${SIMULATOR_API_KEY}` };
    expect(leaksInRequest(leak, new Set(["evil.example.com:80"]), SECRETS)).toHaveLength(1);
    expect(leaksInRequest(leak, new Set(["evil.example.com:443"]), SECRETS)).toEqual([]);
  });

  it("passes the key sent to a registered base URL, and other hosts without it", () => {
    expect(
      leaksInRequest(
        request("http://127.0.0.1:4010", { "x-api-key": SIMULATOR_API_KEY }),
        allowed,
        SECRETS,
      ),
    ).toEqual([]);
    expect(
      leaksInRequest(request("http://127.0.0.1:4011", { "x-api-key": "[none]" }), allowed, SECRETS),
    ).toEqual([]);
  });
});

describe("console writes", () => {
  const root = "/repo";
  const stack = (...files: string[]) =>
    ["Error: console write", ...files.map((file) => `    at fn (${file}:1:1)`)].join("\n");

  it("tells src, a dependency src called, and the test file apart", () => {
    expect(consoleOriginOf(stack("/repo/src/a.ts"), root)).toEqual({
      kind: "src",
      describe: "src/a.ts",
    });
    expect(
      consoleOriginOf(
        stack("/repo/node_modules/ajv/dist/core.js", "/repo/src/messages/structuredOutput.ts"),
        root,
      ),
    ).toEqual({
      kind: "src",
      describe: "src/messages/structuredOutput.ts (via node_modules/ajv/dist/core.js)",
    });
    expect(consoleOriginOf(stack("/repo/test/x.test.ts"), root).kind).toBe("test");
  });

  it("fails a write from src, passes the test's own and opted-out ones, and always refuses the key", () => {
    const fromSrc = {
      method: "warn",
      text: 'unknown format "x-sku" ignored',
      stack: stack("/repo/src/a.ts"),
    };
    expect(problemsInConsoleWrite(fromSrc, SECRETS, false, root)).toEqual([
      expect.stringContaining("console.warn from src/a.ts wrote during the test"),
    ]);
    expect(problemsInConsoleWrite(fromSrc, SECRETS, true, root)).toEqual([]);
    const fromTest = { method: "log", text: "summary", stack: stack("/repo/test/x.test.ts") };
    expect(problemsInConsoleWrite(fromTest, SECRETS, false, root)).toEqual([]);
    const leaking = { ...fromTest, text: `key=${SIMULATOR_API_KEY}` };
    const problems = problemsInConsoleWrite(leaking, SECRETS, true, root);
    expect(problems).toHaveLength(1);
    expectNoKeyIn(problems);
  });
});

describe("the failure", () => {
  it("names the test and never prints the key", () => {
    const error = hygieneFailure("chat › streams", [
      `SIMULATOR_API_KEY (verbatim) in log line #1 (debug): "«secret»"`,
    ]);
    expect(error.message).toContain('test "chat › streams" failed');
    expectNoKeyIn([error.message, error.stack ?? ""]);
  });
});

describe("the wiring (what the setup file records for the current test)", () => {
  const { sim, connection } = useSimulator();
  const takeMine = () => takeProblems(currentTest()?.key);

  it("is active in every test file", () => {
    expect(hygieneStore().active).toBe(true);
    expect(currentTest()?.name).toContain("is active in every test file");
  });

  it("records capturingLogger lines", () => {
    const { logger } = capturingLogger();
    logger.debug(`leaking ${SIMULATOR_API_KEY}`);
    const problems = takeMine();
    expect(problems).toEqual([expect.stringContaining("a logger line (debug)")]);
    expectNoKeyIn(problems);
  });

  it("records secrets registered by a test", () => {
    registerSecret("gateway-secret-abcdefghijkl", "the gateway key");
    capturingLogger().logger.info("x gateway-secret-abcdefghijkl");
    expect(takeMine()).toEqual([expect.stringContaining("the gateway key (verbatim)")]);
  });

  it("records errors failureOf sees", async () => {
    await failureOf(Promise.reject(new Error(`nope ${SIMULATOR_API_KEY}`)));
    expect(takeMine()).toEqual(
      expect.arrayContaining([expect.stringContaining("the error failureOf caught (message)")]),
    );
  });

  it("records an action's requests and lets the key go to the simulator", async () => {
    await runAction("getModel", { connection: connection(), model: "claude-haiku-4-5" });
    expect(sim().requests).toHaveLength(1);
    const mine = hygieneStore().events.filter((recorded) => recorded.test === currentTest()?.key);
    expect(mine.map((recorded) => recorded.event.kind)).toEqual(
      expect.arrayContaining(["request", "result"]),
    );
    expect(takeMine()).toEqual([]);
  });

  it("records a request that carries the key to an unregistered host (node:http)", async () => {
    const stranger = await startStubServer(() => ({
      status: 204,
      contentType: "text/plain",
      body: "",
    }));
    try {
      await new Promise<void>((resolve, reject) => {
        const request = http.get(
          `${stranger.baseUrl}/v1/models`,
          { headers: { "x-api-key": SIMULATOR_API_KEY } },
          (response) => {
            response.resume();
            response.on("end", resolve);
          },
        );
        request.on("error", reject);
      });
      const problems = takeMine();
      expect(problems).toEqual([
        expect.stringContaining(
          `to ${stranger.host}, which is not a registered base URL, header "x-api-key"`,
        ),
      ]);
      expectNoKeyIn(problems);
    } finally {
      await stranger.close();
    }
  });

  it("records a request that carries the key to an unregistered host (fetch)", async () => {
    const stranger = await startStubServer(() => ({
      status: 204,
      contentType: "text/plain",
      body: "",
    }));
    try {
      await fetch(`${stranger.baseUrl}/v1/models`, {
        headers: { authorization: `Bearer ${SIMULATOR_API_KEY}` },
      });
      expect(takeMine()).toEqual([expect.stringContaining("(fetch)")]);
    } finally {
      await stranger.close();
    }
  });

  it("records console writes from code outside the test files", () => {
    // a function compiled under src/'s path stands in for src code
    const fake = path.join(__dirname, "..", "..", "src", "fake.ts");
    const fromSrc = new Function(
      `return function f() { console.warn("from src"); }\n//# sourceURL=${fake}`,
    )() as () => void;
    fromSrc();
    expect(takeMine()).toEqual([expect.stringContaining("console.warn from src/fake.ts")]);
  });
});
