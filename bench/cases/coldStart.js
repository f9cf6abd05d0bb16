// One fresh process's `require` of a bundle, in ms: `node bench/cases/coldStart.js <bundle>`.
// Plain JavaScript, so no loader stands between the clock and the bundle.
const path = require("node:path");

const bundle = path.resolve(process.argv[2] ?? "dist/index.js");
const started = process.hrtime.bigint();
require(bundle);
const ms = Number(process.hrtime.bigint() - started) / 1e6;
process.stdout.write(`${JSON.stringify({ ms })}\n`);
