/**
 * The opaque `page` cursors of GET /v1/files. A cursor names the sort position of the last file
 * of its page (not an offset, so uploads and deletions between pages neither repeat nor skip
 * files) and carries a tag keyed by a per-simulator secret, so that a cursor the simulator
 * never issued is refused as the API refuses one.
 */
import { createHmac, randomBytes } from "node:crypto";
import type { ListPosition } from "./store";

const PREFIX = "page_";

export class PageCursors {
  private secret = randomBytes(16);

  private tag(payload: string): string {
    return createHmac("sha256", this.secret).update(payload).digest("base64url").slice(0, 16);
  }

  issue(position: ListPosition): string {
    const payload = `${position.createdAtMs}.${position.order}`;
    return `${PREFIX}${Buffer.from(`${payload}.${this.tag(payload)}`).toString("base64url")}`;
  }

  /** The position a cursor names, or undefined when this simulator did not issue it. */
  read(cursor: string): ListPosition | undefined {
    if (!cursor.startsWith(PREFIX)) return undefined;
    const text = Buffer.from(cursor.slice(PREFIX.length), "base64url").toString("utf8");
    const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]{16})$/.exec(text);
    if (!match || match[3] !== this.tag(`${match[1]}.${match[2]}`)) return undefined;
    return { createdAtMs: Number(match[1]), order: Number(match[2]) };
  }

  /** After reset(): cursors issued before it no longer resolve. */
  rotate(): void {
    this.secret = randomBytes(16);
  }
}
