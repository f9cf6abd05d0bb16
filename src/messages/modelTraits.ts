/**
 * What the connector knows about model families from their ids, for refusing
 * before sending what the API would refuse. Unknown ids (gateway names, new
 * models) get the permissive answer: the API then has the last word.
 */

/** The Claude 3 family and older never had structured outputs. */
export const hasNativeStructuredOutputs = (model: string): boolean =>
  !/^claude-(3|2|instant)/.test(model);

/**
 * Opus 4.7 and later, the Claude 5 family and Mythos choose their own sampling
 * and reject temperature, top_p and top_k under either API version.
 */
export const rejectsSamplingParameters = (model: string): boolean =>
  /^claude-(mythos|opus-4-([7-9]|\d{2,})\b|[a-z]+-([5-9]|\d{2,})(\b|-))/.test(model);
