/**
 * The legacy Text Completions prompt format: an optional system text, then alternating
 * "\n\nHuman:" and "\n\nAssistant:" turns, ending with an Assistant turn for the model to
 * continue (anything after the last "\n\nAssistant:" is a prefill).
 */
import { invalidRequest } from "../errors";

export const HUMAN = "\n\nHuman:";
export const ASSISTANT = "\n\nAssistant:";

/** The API's own wording, with the newlines written as the two-character escapes it shows. */
const MUST_START = 'prompt must start with "\\n\\nHuman:" turn after an optional system prompt';
const MUST_END = 'prompt must end with "\\n\\nAssistant:" turn';

/** The text of the last Human turn; throws the API's 400 for a prompt out of format. */
export function lastHumanText(prompt: string): string {
  const firstHuman = prompt.indexOf(HUMAN);
  const firstAssistant = prompt.indexOf(ASSISTANT);
  if (firstHuman < 0 || (firstAssistant >= 0 && firstAssistant < firstHuman)) {
    throw invalidRequest(MUST_START);
  }
  const lastHuman = prompt.lastIndexOf(HUMAN);
  const lastAssistant = prompt.lastIndexOf(ASSISTANT);
  if (lastAssistant < lastHuman) throw invalidRequest(MUST_END);
  return prompt.slice(lastHuman + HUMAN.length, prompt.indexOf(ASSISTANT, lastHuman)).trim();
}
