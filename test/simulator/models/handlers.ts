import { notFound } from "../errors";
import { paginate, parsePageQuery } from "../pagination";
import type { HandlerResult, RequestContext } from "../router";
import { MODELS, resolveModel } from "./fixtures";

export function listModels(context: RequestContext): HandlerResult {
  const query = parsePageQuery(context.request.query);
  // cursors may name an alias, which the API resolves like any model id
  const page = paginate(MODELS, query, (id) => {
    const model = resolveModel(id);
    return model ? MODELS.indexOf(model) : -1;
  });
  return { kind: "json", body: page };
}

export function getModel(context: RequestContext): HandlerResult {
  const id = context.params.model_id;
  const model = resolveModel(id);
  if (!model) throw notFound(`model: ${id}`);
  return { kind: "json", body: model };
}
