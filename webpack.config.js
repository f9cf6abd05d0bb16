const path = require("node:path");
const CopyPlugin = require("copy-webpack-plugin");

/** Bundles the component and everything it imports into dist/index.js, as Prismatic loads it. */
module.exports = {
  mode: "production",
  target: "node",
  entry: "./src/index.ts",
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
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "index.js",
    libraryTarget: "commonjs2",
    clean: true,
  },
  // spectral re-exports its test helpers, which pull in jest-util's dynamic require; harmless here.
  ignoreWarnings: [{ module: /jest-util/ }],
  plugins: [new CopyPlugin({ patterns: [{ from: "assets", to: "." }] })],
};
