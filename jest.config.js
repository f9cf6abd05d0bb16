/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", {}] },
  testTimeout: 30000,
  // fails any test whose logs, errors, results or requests to other hosts show the key (see the file)
  setupFilesAfterEnv: ["<rootDir>/test/support/secretHygieneSetup.ts"],
};
