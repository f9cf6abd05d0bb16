/**
 * The only module that imports Ajv. webpack bundles it on its own into dist/ajv.js, which
 * dist/index.js requires on the first Output Schema: a cold start without one neither reads nor
 * compiles Ajv's 300 KB (prism publishes the whole dist folder, so the file ships beside it).
 * One bundle holds both, because ajv-formats checks Ajv's own classes with `instanceof`.
 */
export { default as Ajv2020 } from "ajv/dist/2020";
export { default as addFormats } from "ajv-formats";
