import { definition } from "../../src";
import { harness } from "../support/harness";

describe("the Tool Flow trigger", () => {
  it("passes the tool's input on as the flow's payload", async () => {
    const body = { data: { email: "ada@example.com" }, contentType: "application/json" };
    const result = await harness.trigger("toolFlowTrigger", { body }, {});
    expect((result as { payload: { body: unknown } }).payload.body).toEqual(body);
  });

  it("answers synchronously and is never scheduled", () => {
    const trigger = definition.triggers.toolFlowTrigger as unknown as Record<string, unknown>;
    expect(trigger.synchronousResponseSupport).toBe("valid");
    expect(trigger.scheduleSupport).toBe("invalid");
    expect(String((trigger.display as { description: string }).description)).toMatch(
      /invocation schema/,
    );
  });
});
