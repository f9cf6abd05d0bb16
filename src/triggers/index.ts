import { batchEnded } from "./batchEnded";

/** Every trigger, by the key integrations refer to it with. */
export const triggers = { batchEnded };
