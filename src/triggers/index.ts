import { batchEnded } from "./batchEnded";
import { toolFlowTrigger } from "./toolFlow";

/** Every trigger, by the key integrations refer to it with. */
export const triggers = { batchEnded, toolFlowTrigger };
