/**
 * The one pagination loop every "fetch all" uses (models today; batches and
 * files page the same way, by a cursor the answer hands back).
 */

export interface Page<TItem> {
  items: TItem[];
  /** The cursor for the next page; undefined on the last page. */
  nextCursor?: string;
}

export class PaginationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaginationError";
  }
}

/**
 * Follows cursors until a page says it is the last. A server that hands back
 * a cursor it already gave (a gateway or API defect) would loop forever, so a
 * repeated cursor ends the walk with an error instead.
 */
export const collectPages = async <TItem>(
  what: string,
  fetchPage: (cursor: string | undefined) => Promise<Page<TItem>>,
): Promise<TItem[]> => {
  const items: TItem[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    if (page.nextCursor === undefined) return items;
    if (seen.has(page.nextCursor)) {
      throw new PaginationError(
        `${what}: the server said more pages follow but handed back the cursor "${page.nextCursor}" again, after ${seen.size} page(s); stopped instead of looping forever. This is a gateway or API defect: fetch one page at a time, or check the connection's Base URL.`,
      );
    }
    seen.add(page.nextCursor);
    cursor = page.nextCursor;
  }
};
