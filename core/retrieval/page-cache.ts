/**
 * Reading an index version's files through once, in the background, so that the page cache holds
 * them before questions read them a page at a time.
 *
 * Why: a version opened long after it was written (a restart, a host that reclaimed the page cache)
 * otherwise reads its postings and passages from disk inside its first few hundred questions (at
 * 100k chunks a fifth of their time, profiled cold). Plain sequential reads on libuv's thread pool:
 * the event loop is never held, any file system serves them, and the kernel's own read-ahead keeps
 * them cheap; a page already cached costs a copy.
 */
import { open } from 'node:fs/promises';

/** Bytes read per call: one buffer, reused. */
const SLICE = 1 << 20;

/**
 * Reads each file to its end, one after the other, and resolves with the bytes read. Never rejects:
 * a file that is missing or unreadable is skipped (the questions read it on demand, as before).
 */
export async function warmPageCache(files: readonly string[]): Promise<number> {
  const buffer = Buffer.allocUnsafe(SLICE);
  let total = 0;
  for (const file of files) {
    const handle = await open(file, 'r').catch(() => null);
    if (!handle) continue;
    try {
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, SLICE, null);
        if (bytesRead === 0) break;
        total += bytesRead;
      }
    } catch {
      // Only a hint: what is left unread is read when asked for.
    } finally {
      await handle.close().catch(() => undefined);
    }
  }
  return total;
}
