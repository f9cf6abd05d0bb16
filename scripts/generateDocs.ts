/**
 * Writes documentation.md from the component's own definitions, so the page
 * can never drift from the inputs, defaults and comments the code has.
 * `npm run docs` rewrites it; a test fails when it is out of date.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { definition } from "../src";
import { anthropicConnection } from "../src/connection";

interface DocumentedInput {
  label: string | { value: string };
  comments?: string;
  default?: unknown;
}

interface Documented {
  display: { label: string; description: string };
  inputs: Record<string, unknown>;
}

const cell = (text: unknown): string =>
  text === undefined || text === null
    ? ""
    : String(text).replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

const labelOf = (input: DocumentedInput): string =>
  typeof input.label === "string" ? input.label : input.label.value;

const defaultOf = (input: DocumentedInput): string =>
  Array.isArray(input.default) || typeof input.default === "object" ? "" : cell(input.default);

const inputTable = (inputs: Record<string, unknown>): string => {
  const rows = Object.entries(inputs as Record<string, DocumentedInput>).map(
    ([key, input]) =>
      `| ${cell(labelOf(input))} | \`${key}\` | ${cell(input.comments)} | ${defaultOf(input)} |`,
  );
  return ["| Input | Key | Comments | Default |", "| --- | --- | --- | --- |", ...rows].join("\n");
};

/** Every step of one kind, walked from the definition so a new one is documented the day it lands. */
const sections = (steps: Record<string, unknown>): string[] =>
  Object.entries(steps as Record<string, Documented>).map(([key, step]) => section(key, step));

/** The hand-written recipes under docs/, after the generated reference. */
const RECIPES = ["chat-recipes.md", "batch-and-file-recipes.md", "agent-recipes.md"];

const section = (key: string, { display, inputs }: Documented): string =>
  [
    `### ${display.label}`,
    "",
    `\`${key}\`: ${display.description}`,
    "",
    inputTable(inputs),
    "",
  ].join("\n");

export const renderDocumentation = (): string =>
  [
    "---",
    "title: Anthropic Connector",
    "sidebar_label: Anthropic",
    "description: Interact with Anthropic's Claude models",
    "---",
    "",
    "![Anthropic](./assets/icon.png#connector-icon)",
    definition.display.description,
    "",
    "<!-- Generated from the component's definitions by `npm run docs`; do not edit by hand. -->",
    "",
    "## Connections",
    "",
    `### ${anthropicConnection.display.label}`,
    "",
    anthropicConnection.display.description,
    "",
    inputTable(anthropicConnection.inputs),
    "",
    "## Actions",
    "",
    ...sections(definition.actions),
    "## Triggers",
    "",
    ...sections(definition.triggers),
    "## Data Sources",
    "",
    ...sections(definition.dataSources),
    ...RECIPES.map((file) => readFileSync(path.resolve(__dirname, "../docs", file), "utf8")),
  ].join("\n");

export const DOCUMENTATION_PATH = path.resolve(__dirname, "../documentation.md");

if (require.main === module) {
  writeFileSync(DOCUMENTATION_PATH, renderDocumentation());
  console.log(`Wrote ${DOCUMENTATION_PATH}`);
}
