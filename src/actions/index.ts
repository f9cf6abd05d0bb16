import { chat } from "./messages/chat";
import { countTokens } from "./messages/countTokens";
import { getModel } from "./models/getModel";
import { listModels } from "./models/listModels";
import { rawRequest } from "./rawRequest";

/** Every action, by the key integrations refer to it with. */
export const actions = { chat, countTokens, getModel, listModels, rawRequest };
