import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { anthropicConnection } from "./connection";
import { selectModel } from "./dataSources/selectModel";
import { handleError } from "./hooks";

/** The definition, kept for tests of what `component()` folds away (the error hook). */
export const definition = {
  key: "anthropic",
  public: false,
  display: {
    label: "Anthropic",
    description:
      "Chat with Anthropic's Claude models: messages, tools, files, token counts and models.",
    iconPath: "icon.png",
  },
  hooks: { error: handleError },
  connections: [anthropicConnection],
  actions,
  dataSources: { selectModel },
} satisfies Parameters<typeof component>[0];

export default component(definition);
