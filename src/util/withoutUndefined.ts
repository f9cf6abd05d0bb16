/**
 * A copy without the keys whose value is undefined: an optional input left
 * empty is not sent at all, rather than sent as null.
 */
export const withoutUndefined = <T extends object>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
