import { isApiFailure } from "../../src/client/errors";
import type { RecordedRequest } from "../simulator";
import { connectionFor, runStep, useSimulator } from "../support/harness";
import {
  connectionInputs,
  type InputDefinition,
  minimalInputs,
  type StepDefinition,
  stepInputs,
} from "./inputs";

/**
 * Values of the wrong kind for every input of every action, data source and trigger, generated from
 * the definition (type, collection, model, clean), each run through the harness (so the
 * cleans run) against the simulator. Each case ends one of two ways:
 *
 * - refused: an error whose message begins with the input's label and says what is
 *   accepted, with no request sent;
 * - accepted: the request went out and the step succeeded, or the API's own error came back
 *   (and nothing sent carries "[object Object]").
 */

const { sim, connection } = useSimulator();

type Kind = "connection" | "boolean" | "number" | "json" | "choice" | "data" | "text";
type Case = [name: string, value: unknown];

const ONE_MB = "x".repeat(1024 * 1024);

const throwsMatching = (input: InputDefinition, value: unknown, pattern: RegExp): boolean => {
  try {
    input.clean?.(value);
    return false;
  } catch (error) {
    return pattern.test(error instanceof Error ? error.message : String(error));
  }
};

/** The kind of value one entry of the input holds; undefined when no generator knows it. */
const kindOf = (input: InputDefinition): Kind | undefined => {
  if (input.type === "connection") return "connection";
  if (input.type === "boolean") return "boolean";
  if (input.type === "data") return "data";
  if (input.type === "code" || input.language === "json") return "json";
  if (input.model?.length) return "choice";
  if (!["string", "text", "password"].includes(input.type)) return undefined;
  if (!input.collection && throwsMatching(input, "{oops", /JSON/)) return "json";
  if (!input.collection && throwsMatching(input, "ten", /\bnumber\b/)) return "number";
  return "text";
};

const common: Case[] = [
  ["empty", ""],
  ["whitespace only", " \t "],
  ["an object", { note: "an object" }],
  ["an array", ["a", "b"]],
  ["1 MB of text", ONE_MB],
  ["CR/LF", "a\r\nX-Injected: 1"],
];

const byKind: Record<Exclude<Kind, "connection">, (input: InputDefinition) => Case[]> = {
  text: () => [...common, ["a number", 42]],
  number: () => [
    ...common,
    ['"NaN"', "NaN"],
    ["NaN", Number.NaN],
    ['hex "0x10"', "0x10"],
    ['octal "0o17"', "0o17"],
    ['binary "0b101"', "0b101"],
    ['"Infinity"', "Infinity"],
    ["-1", "-1"],
    ["0", "0"],
    ["0.5", "0.5"],
    ['exponent "1e3"', "1e3"],
    ['"1e21"', "1e21"],
    ["2^31", "2147483648"],
    ["a word", "ten"],
    ["a boolean", true],
  ],
  boolean: () => [...common, ['"yes"', "yes"], ["the number 1", 1], ['"0"', "0"]],
  choice: (input) => [
    ...common,
    ["not a choice", "not-a-choice"],
    ["a number", 42],
    ...(input.model ?? [])
      .filter((option) => option.label !== option.value)
      .slice(0, 1)
      .map((option): Case => [`a label instead of its value (${option.label})`, option.label]),
  ],
  json: () => [
    ...common,
    ["malformed JSON", "{oops"],
    ["truncated JSON", '[{"role": "user"'],
    ["a number", 42],
    ["a JSON string", '"just text"'],
    ["JSON null", "null"],
    ["an empty JSON object", "{}"],
    ["an empty JSON array", "[]"],
  ],
  data: () => [
    ...common,
    ["a number", 42],
    ["an object without data", { contentType: "text/plain" }],
  ],
};

/** Wrong values for a value list or a key-value list of entries of `kind`. */
const forCollection = (collection: string, entries: Case[]): Case[] => {
  const wrongLists: Case[] = [
    ["empty", ""],
    ["a single text, not a list", "not a list"],
    ["a number, not a list", 42],
    ["malformed JSON", "{oops"],
  ];
  if (collection === "valuelist") {
    return [
      ...wrongLists,
      ["an object, not a list", { note: "an object" }],
      ...entries.map(([name, value]): Case => [`[${name}]`, [value]]),
      ["a list mixing text and an object", ["ok", { note: "an object" }]],
    ];
  }
  return [
    ...wrongLists,
    ...entries.map(([name, value]): Case => [`{x-test: ${name}}`, [{ key: "x-test", value }]]),
    ["a key with CR/LF", [{ key: "x-a\r\nX-Injected", value: "1" }]],
    ["an empty key", [{ key: "", value: "1" }]],
    ["a key with spaces", [{ key: "a key", value: "1" }]],
    ["a 1 MB key", [{ key: ONE_MB, value: "1" }]],
    ["an entry that is not a pair", [42]],
  ];
};

const casesFor = (input: InputDefinition, kind: Exclude<Kind, "connection">): Case[] => {
  const entries = byKind[kind](input);
  return input.collection ? forCollection(input.collection, entries) : entries;
};

/** Refusals must say what would be accepted, in one of these ways. */
const SAYS_WHAT_IS_ACCEPTED =
  /\b(must|required|accept(s|ed)?|use|choose|pick|enter|such as|one of|needs?|only|leave it|cannot|at most|at least|below|paste|reference)\b/i;

interface GeneratedCase {
  name: string;
  /** The label the refusal must begin with. */
  label: string;
  step: StepDefinition;
  params: () => Record<string, unknown>;
}

const notGenerated: string[] = [];
const cases: GeneratedCase[] = [];
const inputsTried = new Set<string>();
let connectionFieldsTried = false;

for (const { step, key, input, name } of stepInputs) {
  const kind = kindOf(input);
  if (!kind) {
    notGenerated.push(`${name} (type ${input.type}): no generator for this type`);
    continue;
  }
  inputsTried.add(name);
  if (kind === "connection") {
    const label = input.label ?? key;
    const wrong: Case[] = [
      ["empty", ""],
      ["a text", "not a connection"],
      ["a number", 42],
      ["an object without fields", {}],
    ];
    for (const [caseName, value] of wrong) {
      cases.push({
        name: `${name}: ${caseName}`,
        label,
        step,
        params: () => ({ ...minimalInputs(step, sim()), [key]: value }),
      });
    }
    // The connection's fields are read by one function whatever the step, so their cases run
    // through the first step with a connection; every step gets the wrong connections above.
    if (connectionFieldsTried) continue;
    connectionFieldsTried = true;
    for (const field of connectionInputs) {
      const fieldKind = kindOf(field.input);
      const fieldName = `${name}.${field.key}`;
      if (!fieldKind || fieldKind === "connection") {
        notGenerated.push(`${fieldName} (type ${field.input.type}): no generator for this type`);
        continue;
      }
      inputsTried.add(`${field.name}`);
      for (const [caseName, value] of casesFor(field.input, fieldKind)) {
        // An unset Base URL means the public API, which these tests never call.
        if (
          field.key === "baseUrl" &&
          (value === "" || (typeof value === "string" && !value.trim()))
        ) {
          notGenerated.push(
            `${fieldName} ${caseName}: means ${field.input.default}, not the simulator`,
          );
          continue;
        }
        cases.push({
          name: `${fieldName}: ${caseName}`,
          label: field.input.label ?? field.key,
          step,
          params: () => ({
            ...minimalInputs(step, sim()),
            [key]: connectionFor(sim().url, { [field.key]: value }),
          }),
        });
      }
    }
    continue;
  }
  for (const [caseName, value] of casesFor(input, kind)) {
    cases.push({
      name: `${name}: ${caseName}`,
      label: input.label ?? key,
      step,
      params: () => ({ connection: connection(), ...minimalInputs(step, sim()), [key]: value }),
    });
  }
}

const run = (step: StepDefinition, params: Record<string, unknown>): Promise<unknown> =>
  runStep(step, params);

const sent = (request: RecordedRequest): string =>
  [
    request.path,
    JSON.stringify(request.query),
    JSON.stringify(request.headers),
    request.rawBody,
  ].join("\n");

/** What is wrong with how a case ended; empty when it ended one of the two good ways. */
const problemsWith = (label: string, error: unknown, requests: RecordedRequest[]): string[] => {
  const problems: string[] = [];
  if (requests.length === 0) {
    if (!error) return ["succeeded without sending a request"];
    const message = error instanceof Error ? error.message : String(error);
    if (!message.startsWith(`${label}:`)) {
      problems.push(`the error does not begin with "${label}:": ${message.slice(0, 300)}`);
    }
    if (!SAYS_WHAT_IS_ACCEPTED.test(message)) {
      problems.push(`the error does not say what is accepted: ${message.slice(0, 300)}`);
    }
    if (message.includes("[object Object]")) problems.push(`the error shows [object Object]`);
    if (message.length > 1000) problems.push(`the error is ${message.length} characters long`);
    return problems;
  }
  if (error) {
    const apiOwn = isApiFailure(error) && error.status !== undefined && error.type !== "http_error";
    if (!apiOwn) {
      const message = error instanceof Error ? error.message : String(error);
      problems.push(`a request went out, then it failed not with the API's error: ${message}`);
    }
  }
  for (const request of requests) {
    if (sent(request).includes("[object Object]")) {
      problems.push(`${request.method} ${request.path} carried "[object Object]"`);
    }
  }
  return problems;
};

const tally = { refused: 0, accepted: 0 };

describe("wrong values for every input are refused by name, or accepted by the API", () => {
  afterAll(() => {
    console.log(
      [
        `Bad-input suite: ${inputsTried.size} inputs (${stepInputs.length} step inputs and ${connectionInputs.length} connection fields), ${cases.length} cases: ${tally.refused} refused before any request, ${tally.accepted} accepted and sent.`,
        `Not generated (${notGenerated.length}):`,
        ...notGenerated.map((line) => `  - ${line}`),
      ].join("\n"),
    );
  });

  it("runs each step's minimal inputs against the simulator", async () => {
    for (const step of new Set(cases.map((item) => item.step))) {
      await expect(
        run(step, { connection: connection(), ...minimalInputs(step, sim()) }),
      ).resolves.toBeDefined();
    }
  });

  for (const item of cases) {
    it(item.name, async () => {
      sim().reset();
      let error: unknown;
      try {
        await run(item.step, item.params());
      } catch (caught) {
        error = caught;
      }
      const requests = [...sim().requests];
      if (requests.length === 0) tally.refused += 1;
      else tally.accepted += 1;
      if (process.env.BAD_INPUTS_VERBOSE && requests.length) {
        console.log(`accepted ${item.name}: ${error instanceof Error ? error.message : "ok"}`);
      }
      expect(problemsWith(item.label, error, requests)).toEqual([]);
    });
  }
});
