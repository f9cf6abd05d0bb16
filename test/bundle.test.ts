/**
 * The bundle as Prismatic runs it: webpack builds dist into a temporary folder, and a fresh Node
 * process requires its index.js. Ajv must stay out of a cold start (it lives in ajv.js beside
 * index.js) and still be there when a Chat step first uses an Output Schema.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { SIMULATOR_API_KEY } from "./simulator";
import { useSimulator } from "./support/harness";
import { registerConnectionBaseUrl } from "./support/secretHygiene";

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, "..");
const { sim } = useSimulator();
let outDir = "";

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), "bundle-"));
  await run("npx", ["webpack", "--output-path", outDir], { cwd: ROOT });
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Runs in a child process, so its require cache starts empty: requires the bundle, notes whether
 * ajv.js was loaded, then runs Chat with the given inputs through spectral's harness.
 */
const PROBE = `
const path = require("node:path");
const [bundle, baseUrl, apiKey, inputs] = process.argv.slice(1);
const ajvFile = path.join(path.dirname(bundle), "ajv.js");
const ajvLoaded = () => Object.keys(require.cache).includes(ajvFile);
const component = require(bundle).default;
const atRequire = ajvLoaded();
const { testing } = require("@prismatic-io/spectral");
const connection = { key: "anthropic", configVarKey: "anthropicConnection", fields: { apiKey, baseUrl } };
testing
  .createHarness(component)
  .action("chat", { connection, ...JSON.parse(inputs) })
  .then(
    (result) => ({ output: result.data.output }),
    (error) => ({ error: error.message }),
  )
  .then((outcome) => process.stdout.write(JSON.stringify({ atRequire, afterStep: ajvLoaded(), ...outcome })));
`;

const probe = async (inputs: Record<string, unknown>) => {
  registerConnectionBaseUrl(sim().url);
  const { stdout } = await run(
    "node",
    [
      "-e",
      PROBE,
      path.join(outDir, "index.js"),
      sim().url,
      SIMULATOR_API_KEY,
      JSON.stringify(inputs),
    ],
    { cwd: ROOT },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
};

const schema = {
  type: "object",
  properties: { name: { type: "string" }, email: { type: "string", format: "email" } },
  required: ["name"],
};

describe("the built bundle", () => {
  it("keeps Ajv in ajv.js, outside index.js", () => {
    expect(existsSync(path.join(outDir, "ajv.js"))).toBe(true);
    const index = readFileSync(path.join(outDir, "index.js"), "utf8");
    expect(index).toContain('require("./ajv.js")');
    expect(index).not.toContain("class Ajv");
    expect(readFileSync(path.join(outDir, "ajv.js"), "utf8")).toContain("class Ajv");
  });

  it("loads Ajv only when a step first uses an Output Schema", async () => {
    const plain = await probe({ initialMessage: "Hello" });
    expect(plain).toEqual({ atRequire: false, afterStep: false });

    const structured = await probe({ initialMessage: "Extract", outputSchema: schema });
    expect(structured).toEqual({
      atRequire: false,
      afterStep: true,
      output: { name: "example", email: "user@example.com" },
    });
  }, 60_000);

  it("reports an invalid Output Schema through the bundled Ajv, before sending", async () => {
    const outcome = await probe({
      initialMessage: "Extract",
      outputSchema: { type: "object", properties: { name: { type: "no-such-type" } } },
    });
    expect(outcome.error).toMatch(/^Output Schema: is not a valid JSON Schema \(/);
    expect(sim().requests).toHaveLength(0);
  }, 60_000);
});
