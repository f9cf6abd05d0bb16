import type { AxiosInstance } from "axios";
import axios from "axios";
import { MAX_SHARED_INSTANCES, sharedInstance } from "../../src/client/instances";
import { type Simulator, startSimulator } from "../simulator";
import { capturingLogger, connectionFor, runAction } from "../support/harness";

const counting = () => {
  let builds = 0;
  const build = () => {
    builds++;
    return axios.create() as AxiosInstance;
  };
  return { build, builds: () => builds };
};

describe("one axios instance per connection and options, per process", () => {
  it("builds once for the same settings and again for different ones", () => {
    const { build, builds } = counting();
    const settings = { baseUrl: "https://a.example", headers: { "x-api-key": "one" } };
    const first = sharedInstance(settings, build);
    expect(sharedInstance({ ...settings }, build)).toBe(first);
    expect(builds()).toBe(1);
    const other = sharedInstance({ ...settings, headers: { "x-api-key": "two" } }, build);
    expect(other).not.toBe(first);
    expect(builds()).toBe(2);
  });

  it(`keeps at most ${MAX_SHARED_INSTANCES}, dropping the one unused longest`, () => {
    const { build, builds } = counting();
    const settingsOf = (i: number) => ({ bound: "test", i });
    const kept = sharedInstance(settingsOf(0), build);
    for (let i = 1; i < MAX_SHARED_INSTANCES; i++) sharedInstance(settingsOf(i), build);
    // Used again, so it is now the newest: the next new one pushes out settingsOf(1) instead.
    expect(sharedInstance(settingsOf(0), build)).toBe(kept);
    sharedInstance(settingsOf(MAX_SHARED_INSTANCES), build);
    const before = builds();
    expect(sharedInstance(settingsOf(0), build)).toBe(kept);
    sharedInstance(settingsOf(1), build);
    expect(builds()).toBe(before + 1);
  });
});

describe("connections never share credentials through a reused instance", () => {
  let sim: Simulator;
  beforeAll(async () => {
    sim = await startSimulator({ apiKeys: ["sk-ant-sim-key-one-0000", "sk-ant-sim-key-two-0000"] });
  });
  afterAll(() => sim.close());

  it("each step sends its own connection's key and auth style, alternating in one process", async () => {
    const one = connectionFor(sim.url, { apiKey: "sk-ant-sim-key-one-0000" });
    const two = connectionFor(sim.url, { apiKey: "sk-ant-sim-key-two-0000", authStyle: "bearer" });
    for (const connection of [one, two, one, two]) {
      await runAction("getModel", { connection, modelId: "claude-haiku-4-5" });
    }
    expect(
      sim.requests.map((request) => [request.headers["x-api-key"], request.headers.authorization]),
    ).toEqual([
      ["sk-ant-sim-key-one-0000", undefined],
      [undefined, "Bearer sk-ant-sim-key-two-0000"],
      ["sk-ant-sim-key-one-0000", undefined],
      [undefined, "Bearer sk-ant-sim-key-two-0000"],
    ]);
  });

  it("a step with debug on logs through its own logger, not an earlier step's", async () => {
    const connection = connectionFor(sim.url, { apiKey: "sk-ant-sim-key-one-0000" });
    const first = capturingLogger();
    const second = capturingLogger();
    await runAction(
      "getModel",
      { connection, modelId: "claude-haiku-4-5" },
      { debug: true, logger: first.logger },
    );
    await runAction(
      "getModel",
      { connection, modelId: "claude-haiku-4-5" },
      { debug: true, logger: second.logger },
    );
    await runAction(
      "getModel",
      { connection, modelId: "claude-haiku-4-5" },
      { logger: second.logger },
    );
    const requestLines = (lines: string[]) =>
      lines.filter((line) => line.includes("Anthropic request:")).length;
    expect(requestLines(first.lines)).toBeGreaterThan(0);
    expect(requestLines(second.lines)).toBe(requestLines(first.lines));
  });
});
