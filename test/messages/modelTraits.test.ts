import {
  hasNativeStructuredOutputs,
  rejectsSamplingParameters,
} from "../../src/messages/modelTraits";

describe("model traits", () => {
  it.each([
    ["claude-opus-4-7", true],
    ["claude-opus-4-8", true],
    ["claude-opus-4-10", true],
    ["claude-mythos-preview", true],
    ["claude-sonnet-5", true],
    ["claude-fable-5", true],
    ["claude-haiku-5-20270101", true],
    ["claude-opus-4-6", false],
    ["claude-opus-4-5-20251101", false],
    ["claude-sonnet-4-6", false],
    ["claude-sonnet-4-5-20250929", false],
    ["claude-3-7-sonnet-20250219", false],
    ["claude-3-5-haiku-latest", false],
    ["anthropic/claude-opus-4-7", false],
  ])("%s rejects sampling parameters: %p", (model, expected) => {
    expect(rejectsSamplingParameters(model)).toBe(expected);
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
