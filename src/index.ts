import { component } from "@prismatic-io/spectral";
import { actions } from "./actions";
import { anthropicConnection } from "./connection";
import { selectModel } from "./dataSources/selectModel";
import { handleError } from "./hooks";

export default component({
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
});
