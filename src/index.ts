import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { anthropicConnection } from "./connection";
import { selectFile } from "./dataSources/selectFile";
import { selectModel } from "./dataSources/selectModel";
import { handleError } from "./hooks";
import { triggers } from "./triggers";

/** The definition, kept for tests of what `component()` folds away (the error hook). */
export const definition = {
  key: "anthropic",
  public: false,
  display: {
    label: "Anthropic",
    description:
      "Chat with Anthropic's Claude models: messages, tools, files, token counts and models; message batches with a trigger when they end; the Files API; legacy text completions.",
    iconPath: "icon.png",
  },
  hooks: { error: handleError },
  connections: [anthropicConnection],
  actions,
  triggers,
  dataSources: { selectModel, selectFile },
} satisfies Parameters<typeof component>[0];

export default component(definition);
