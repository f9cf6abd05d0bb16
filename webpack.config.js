const path = require("node:path");
const CopyPlugin = require("copy-webpack-plugin");

/** The request through which src/messages/schemaValidator.ts loads Ajv, on first use only. */
const AJV_MODULES = "./ajvModules";

/**
 * Bundles the component and everything it imports into dist/index.js, as Prismatic loads it,
 * except Ajv: it goes to dist/ajv.js, which index.js requires only when an Output Schema is
 * first used, so most cold starts never read or compile it.
 */
module.exports = {
  mode: "production",
  target: "node",
  entry: { index: "./src/index.ts", ajv: "./src/messages/ajvModules.ts" },
  devtool: false,
  optimization: { minimize: false },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        loader: "ts-loader",
        exclude: /node_modules/,
        options: { configFile: "tsconfig.build.json" },
      },
    ],
  },
  // Resolved by Node next to dist/index.js at run time; the entry above builds that file.
  externals: ({ request }, callback) =>
    request === AJV_MODULES ? callback(null, "commonjs ./ajv.js") : callback(),
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  // spectral re-exports its test helpers, which pull in jest-util's dynamic require; harmless here.
  ignoreWarnings: [{ module: /jest-util/ }],
  plugins: [new CopyPlugin({ patterns: [{ from: "assets", to: "." }] })],
};
