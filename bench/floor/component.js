// The cold-start floor: the smallest spectral component, bundled by the connector's own
// webpack config (bench/run.ts builds it), so the only difference is what the connector adds.
const { action, component, input } = require("@prismatic-io/spectral");

module.exports = component({
  key: "floor",
  public: false,
  display: {
    label: "Floor",
    description: "The smallest spectral component.",
    iconPath: "icon.png",
  },
  actions: {
    echo: action({
      display: { label: "Echo", description: "Returns its input." },
      inputs: { text: input({ label: "Text", type: "string", required: false }) },
      perform: async (_context, { text }) => ({ data: text }),
    }),
  },
});
