import { readFileSync } from "node:fs";
import { DOCUMENTATION_PATH, renderDocumentation } from "../scripts/generateDocs";

describe("documentation.md", () => {
  it("is what the component's definitions say (run `npm run docs` after changing an input)", () => {
    expect(readFileSync(DOCUMENTATION_PATH, "utf8")).toBe(renderDocumentation());
  });
});
