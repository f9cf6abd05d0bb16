import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Bundles bench/floor/component.js with the connector's own webpack config into
 * `<outputPath>/index.js`, so a cold start compares the same build of both. The config names its
 * outputs after its entries; the floor has one, written to index.js like the connector's.
 */
export const buildFloor = (outputPath: string): string => {
  const result = spawnSync(
    "npx",
    [
      "webpack",
      "--entry-reset",
      "--entry",
      "./bench/floor/component.js",
      "--output-path",
      outputPath,
      "--output-filename",
      "index.js",
    ],
    { cwd: ROOT, encoding: "utf8" },
  );
  if (result.status !== 0)
    throw new Error(`building the floor component failed:\n${result.stdout}`);
  return path.resolve(ROOT, outputPath, "index.js");
};
