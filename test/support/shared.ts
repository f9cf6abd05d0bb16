import { existsSync } from "node:fs";
import path from "node:path";

/** `../shared` beside the repository, where the reference material lives (CI always has it). */
export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");

/**
 * A file under `../shared`. Missing reference material fails the test loudly
 * instead of quietly running fewer checks than the suite claims.
 */
export const sharedPath = (...segments: string[]): string => {
  const file = path.join(SHARED_DIR, ...segments);
  if (!existsSync(file)) {
    throw new Error(
      `${file} is missing: the tests need the project's shared reference material checked out beside the repository (../shared).`,
    );
  }
  return file;
};
