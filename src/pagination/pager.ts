/**
 * The one pager every list uses: models, batches and files. The API pages in two styles,
 * and a server may answer in either: `has_more` / `last_id` with an `after_id` cursor
 * (models, batches, and files before they left beta), or an opaque `next_page` token sent
 * back as `page` (files since August 2026).
 */

/** The query parameter that asks for the next page, and its value. */
export type Cursor = Readonly<{ after_id: string } | { page: string }>;

/** A list answer in either style. */
export interface ListAnswer<TItem> {
  data: TItem[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
  next_page?: string | null;
}

export class PaginationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PaginationError";
  }
}

/** Where the next page starts; undefined on the last page. A `next_page` key decides when present. */
export const nextCursor = (answer: ListAnswer<unknown>): Cursor | undefined => {
  if ("next_page" in answer && answer.next_page !== undefined) {
    return answer.next_page ? { page: answer.next_page } : undefined;
  }
  return answer.has_more === true && answer.last_id ? { after_id: answer.last_id } : undefined;
};

const cursorValue = (cursor: Cursor): string => ("page" in cursor ? cursor.page : cursor.after_id);

export type FetchPage<TItem> = (cursor: Cursor | undefined) => Promise<ListAnswer<TItem>>;

/**
 * Every item, page after page, fetched only as the caller reads on: a trigger or a picklist
 * that has seen enough breaks out, and no further page is asked for. A server that hands
 * back a cursor it already gave (a gateway or API defect) would loop forever, so a repeated
 * cursor ends the walk with an error instead.
 */
export async function* eachItem<TItem>(
  what: string,
  fetchPage: FetchPage<TItem>,
): AsyncGenerator<TItem, void, undefined> {
  const seen = new Set<string>();
  let cursor: Cursor | undefined;
  for (;;) {
    const answer = await fetchPage(cursor);
    yield* answer.data;
    const next = nextCursor(answer);
    if (next === undefined) return;
    const key = cursorValue(next);
    if (seen.has(key)) {
      throw new PaginationError(
        `${what}: the server said more pages follow but handed back the cursor "${key}" again, after ${seen.size} page(s); stopped instead of looping forever. This is a gateway or API defect: fetch one page at a time, or check the connection's Base URL.`,
      );
    }
    seen.add(key);
    cursor = next;
  }
}

/** Every item of every page. */
export const collectAll = async <TItem>(items: AsyncIterable<TItem>): Promise<TItem[]> => {
  const all: TItem[] = [];
  for await (const item of items) all.push(item);
  return all;
};

/** Items fetched in full, in the `has_more` page shape models and batches answer in. */
export const asLastPage = <TItem extends { id: string }>(items: TItem[]): ListAnswer<TItem> => ({
  data: items,
  has_more: false,
  first_id: items[0]?.id ?? null,
  last_id: items.at(-1)?.id ?? null,
});
