import {
  hasNativeStructuredOutputs,
  rejectsSamplingParameters,
} from "../../src/messages/modelTraits";

/** Every id in SDK 1.12's model enum, plus the older ids still used in flows (../shared/NOTES.md). */
const REFUSE_SAMPLING = [
  "claude-opus-5-5",
  "claude-sonnet-5-5",
  "claude-haiku-5-5",
  "claude-fable-5-2",
  "claude-mythos-5-2",
  "claude-fable-5-1",
  "claude-mythos-5-1",
  "claude-opus-5",
  "claude-sonnet-5",
  "claude-fable-5",
  "claude-mythos-5",
  "claude-opus-4-8",
  "claude-opus-4-7",
  "claude-mythos-preview",
  // Shapes the family will take next: a dated snapshot and a two-digit minor.
  "claude-haiku-5-20270101",
  "claude-opus-4-10",
];

const TAKE_SAMPLING = [
  "claude-opus-4-6",
  "claude-sonnet-4-6",
  "claude-haiku-4-5",
  "claude-haiku-4-5-20251001",
  "claude-opus-4-5",
  "claude-opus-4-5-20251101",
  "claude-sonnet-4-5",
  "claude-sonnet-4-5-20250929",
  "claude-opus-4-1-20250805",
  "claude-opus-4-20250514",
  "claude-sonnet-4-20250514",
  "claude-3-7-sonnet-20250219",
  "claude-3-5-haiku-20241022",
  "claude-3-5-haiku-latest",
];

/** Gateway aliases and ids this code has never heard of are sent: the API has the last word. */
const UNKNOWN = [
  "claude-acc-01",
  "claude-widget-12",
  "claude-next",
  "anthropic/claude-opus-4-7",
  "gpt-5",
  "my-claude-deployment",
];

describe("model traits", () => {
  it.each(REFUSE_SAMPLING)("%s refuses sampling parameters", (model) => {
    expect(rejectsSamplingParameters(model)).toBe(true);
  });

  it.each(TAKE_SAMPLING)("%s takes sampling parameters", (model) => {
    expect(rejectsSamplingParameters(model)).toBe(false);
  });

  it.each(UNKNOWN)("unknown id %s gets the permissive answer", (model) => {
    expect(rejectsSamplingParameters(model)).toBe(false);
  });

  it.each([
    ["claude-3-haiku-20240307", false],
    ["claude-3-7-sonnet-20250219", false],
    ["claude-2.1", false],
    ["claude-instant-1.2", false],
    ["claude-sonnet-4-6", true],
    ["claude-haiku-4-5", true],
  ])("%s has native structured outputs: %p", (model, expected) => {
    expect(hasNativeStructuredOutputs(model)).toBe(expected);
  });
});
