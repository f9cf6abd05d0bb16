/**
 * Builds an API path with each id escaped into its own segment: an id can never add a
 * segment, climb out with `..`, or carry a query. Ids are checked by their inputs' cleaners
 * first, so this is the belt to their braces.
 */
export const path = (parts: TemplateStringsArray, ...ids: string[]): string =>
  parts.reduce((built, part, index) => {
    if (index === 0) return part;
    const id = ids[index - 1];
    if (id === "" || id === "." || id === "..") {
      throw new Error(`Internal error: "${id}" cannot be a path segment.`);
    }
    return `${built}${encodeURIComponent(id)}${part}`;
  }, "");
